// Back-office pages of 意见征集: list, draft form, the detail page (open, moderate, contact view)
// and the feedback page (answers, groups, publication), plus 答复模板 and the setting.
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import { adminConsultationPath, consultationPath, periodText } from "../labels";
import { DISPOSITIONS, dispositionLabels, phaseLabels } from "../rules";
import type {
  AnswerTemplate,
  CommentGroup,
  Consultation,
  FeedbackSnapshot,
  StaffComment,
} from "../store";
import type { AwaitingFeedbackRow } from "../supervision";

const Flash = (props: { text?: string }) =>
  props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;

export function ConsultationAdminList(props: {
  consultations: Consultation[];
  awaiting: AwaitingFeedbackRow[];
}) {
  return (
    <>
      <h1>意见征集</h1>
      <p>
        <a class="button" href="/admin/consultations/new">
          新建意见征集
        </a>{" "}
        <a href="/admin/consultation-templates">答复模板</a> ·{" "}
        <a href="/admin/decisions">决策事项目录</a>
      </p>
      <AwaitingFeedbackTable rows={props.awaiting} />
      <div class="table-wrap">
        <table>
          <caption>全部意见征集</caption>
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">承办单位</th>
              <th scope="col">期限</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {props.consultations.map((c) => (
              <tr>
                <th scope="row">
                  <a href={adminConsultationPath(c.id)}>{c.title}</a>
                </th>
                <td>{c.unitName}</td>
                <td>{periodText(c)}</td>
                <td>{phaseLabels[c.phase]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Closed consultations without feedback; also shown on the workbench. */
export function AwaitingFeedbackTable(props: {
  rows: AwaitingFeedbackRow[];
  headingLevel?: 2 | 3;
}) {
  if (props.rows.length === 0) return null;
  return (
    <div class="table-wrap">
      <table>
        <caption>待发布意见采纳情况反馈的意见征集</caption>
        <thead>
          <tr>
            <th scope="col">意见征集</th>
            <th scope="col">承办单位</th>
            <th scope="col">截止日期</th>
            <th scope="col">反馈期限</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`${adminConsultationPath(r.id)}/feedback`}>{r.title}</a>
              </th>
              <td>{r.unitName}</td>
              <td>{r.closedOn}</td>
              <td>{r.feedbackDueOn}</td>
              <td>{r.overdue ? <strong class="overdue">已逾期</strong> : "待反馈"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const formLabels: Record<string, string> = {
  title: "标题",
  unitId: "承办单位",
  decisionItemId: "关联决策事项",
  draftText: "草案正文",
  draftRecordId: "草案所在公开信息编号",
  explanationHtml: "起草说明",
  opensOn: "开始日期",
  closesOn: "截止日期",
  shortPeriodReason: "缩短期限的理由",
  contactPhone: "联系电话",
  contactEmail: "电子邮箱",
  contactAddress: "通信地址",
};

export function ConsultationForm(props: {
  id: number | null;
  values: Record<string, string>;
  errors: Record<string, string>;
  units: { id: number; name: string }[];
  decisions: { id: number; year: number; title: string; isMajor: boolean }[];
}) {
  const v = props.values;
  const e = props.errors;
  const text = (name: string, max: number, type = "text", hint?: string, required = false) => (
    <Field name={name} label={formLabels[name]!} hint={hint} required={required} error={e[name]}>
      {(attrs) => (
        <input
          type={type}
          maxlength={type === "text" ? max : undefined}
          value={v[name] ?? ""}
          {...attrs}
        />
      )}
    </Field>
  );
  return (
    <>
      <h1>{props.id === null ? "新建意见征集" : "修改意见征集"}</h1>
      <ErrorSummary errors={e} labels={formLabels} />
      <PostForm
        action={
          props.id === null ? "/admin/consultations/new" : `${adminConsultationPath(props.id)}/edit`
        }
      >
        {text("title", 200, "text", undefined, true)}
        <Field name="unitId" label={formLabels.unitId!} required error={e.unitId}>
          {(attrs) => (
            <select {...attrs}>
              {props.units.map((u) => (
                <option value={String(u.id)} selected={v.unitId === String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="decisionItemId"
          label={formLabels.decisionItemId!}
          hint="关联后,是否属于重大行政决策以目录为准。"
          error={e.decisionItemId}
        >
          {(attrs) => (
            <select {...attrs}>
              <option value="">(不关联)</option>
              {props.decisions.map((d) => (
                <option value={String(d.id)} selected={v.decisionItemId === String(d.id)}>
                  {d.year}年 {d.title}
                  {d.isMajor ? "(重大行政决策)" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="isMajor" label="属于重大行政决策(未关联目录事项时)">
          {(attrs) => <input type="checkbox" value="1" checked={v.isMajor === "1"} {...attrs} />}
        </Field>
        <Field
          name="draftText"
          label={formLabels.draftText!}
          hint="每条以“第X条”开头另起一行;没有条的,按段落编号。"
          required
          error={e.draftText}
        >
          {(attrs) => (
            <textarea rows={14} {...attrs}>
              {v.draftText ?? ""}
            </textarea>
          )}
        </Field>
        {text(
          "draftRecordId",
          12,
          "number",
          "草案已作为公开信息发布的,填写其编号,公众页面将链接到该信息。",
        )}
        <Field
          name="explanationHtml"
          label={formLabels.explanationHtml!}
          hint="可使用段落、列表等简单格式。"
          error={e.explanationHtml}
        >
          {(attrs) => (
            <textarea rows={6} {...attrs}>
              {v.explanationHtml ?? ""}
            </textarea>
          )}
        </Field>
        {text("opensOn", 10, "date", undefined, true)}
        {text(
          "closesOn",
          10,
          "date",
          "重大行政决策征求意见期限一般不少于30日(自然日,开始当日不计)。",
          true,
        )}
        <Field
          name="shortPeriodReason"
          label={formLabels.shortPeriodReason!}
          hint="重大行政决策征求意见不足30日的必须填写,将在公众页面显示(《重大行政决策程序暂行条例》第十五条)。"
          error={e.shortPeriodReason}
        >
          {(attrs) => (
            <textarea rows={2} maxlength={500} {...attrs}>
              {v.shortPeriodReason ?? ""}
            </textarea>
          )}
        </Field>
        {text("contactPhone", 50)}
        {text("contactEmail", 100)}
        {text("contactAddress", 200)}
        <button type="submit" class="button">
          保存草稿
        </button>
      </PostForm>
    </>
  );
}

export interface ConsultationDetailModel {
  consultation: Consultation;
  comments: StaffComment[];
  canOpen: boolean;
  canEdit: boolean;
  errors: Record<string, string>;
  flash?: string;
  revealed?: { commentId: number; name: string | null; contact: string | null };
}

const statusLabels = { pending: "待审核", published: "已公开", held: "不予公开" };

export function ConsultationDetail(props: ConsultationDetailModel) {
  const c = props.consultation;
  return (
    <>
      <p>
        <a href="/admin/consultations">← 意见征集</a>
      </p>
      <h1>{c.title}</h1>
      <Flash text={props.flash} />
      <ErrorSummary errors={props.errors} labels={formLabels} />
      <dl>
        <dt>状态</dt>
        <dd>{phaseLabels[c.phase]}</dd>
        <dt>承办单位</dt>
        <dd>{c.unitName}</dd>
        <dt>期限</dt>
        <dd>{periodText(c)}</dd>
        <dt>重大行政决策</dt>
        <dd>{c.isMajor ? "是" : "否"}</dd>
        <dt>缩短期限的理由</dt>
        <dd>{c.shortPeriodReason || "—"}</dd>
      </dl>
      <p>
        {c.status === "opened" ? <a href={consultationPath(c.id)}>查看公众页面</a> : null}
        {props.canEdit ? <a href={`${adminConsultationPath(c.id)}/edit`}>修改草稿</a> : null}{" "}
        {c.status === "opened" ? (
          <a href={`${adminConsultationPath(c.id)}/feedback`}>意见采纳情况反馈</a>
        ) : null}
      </p>
      {props.canOpen ? (
        <PostForm action={`${adminConsultationPath(c.id)}/open`}>
          <button type="submit" class="button">
            发布意见征集
          </button>
        </PostForm>
      ) : null}
      {props.revealed ? (
        <aside class="notice" aria-labelledby="revealed-title">
          <h2 id="revealed-title">
            意见 #{props.revealed.commentId} 的提出人(本次查看已记入审计日志)
          </h2>
          <p>姓名:{props.revealed.name ?? "未填写"}</p>
          <p>联系方式:{props.revealed.contact ?? "未填写"}</p>
        </aside>
      ) : null}
      <h2>收到的意见({props.comments.length}条)</h2>
      {props.comments.length === 0 ? <p>尚未收到意见。</p> : null}
      {props.comments.map((m) => (
        <article class="staff-comment" aria-labelledby={`comment-${m.id}`}>
          <h3 id={`comment-${m.id}`}>
            意见 #{m.id} · {m.articleLabel} · {statusLabels[m.status]}
          </h3>
          <p>
            {m.displayName} · {m.createdOn} · 联系方式:{m.contactMasked ?? "未填写"}
            {m.status === "held" ? ` · 不予公开理由:${m.holdReason}` : ""}
          </p>
          <p>{m.body}</p>
          <div class="inline-forms">
            {m.status !== "published" ? (
              <PostForm action={`/admin/consultation-comments/${m.id}/publish`} class="inline-form">
                <button type="submit" class="button secondary">
                  公开
                </button>
              </PostForm>
            ) : null}
            {m.status !== "held" ? (
              <PostForm action={`/admin/consultation-comments/${m.id}/hold`} class="inline-form">
                <label for={`hold-${m.id}`}>不予公开的理由</label>
                <input id={`hold-${m.id}`} name="reason" type="text" maxlength={200} required />
                <button type="submit" class="button secondary">
                  不予公开
                </button>
              </PostForm>
            ) : null}
            {m.hasName || m.contactMasked ? (
              <PostForm action={`/admin/consultation-comments/${m.id}/contact`} class="inline-form">
                <button type="submit" class="button secondary">
                  查看姓名和联系方式
                </button>
              </PostForm>
            ) : null}
          </div>
        </article>
      ))}
    </>
  );
}

export interface FeedbackAdminModel {
  consultation: Consultation;
  comments: StaffComment[];
  groups: CommentGroup[];
  templates: AnswerTemplate[];
  preview: FeedbackSnapshot;
  problems: string[];
  canPublish: boolean;
  errors: Record<string, string>;
  flash?: string;
}

function DispositionSelect(props: { id: string; selected?: string | null; withEmpty?: boolean }) {
  return (
    <select id={props.id} name="disposition">
      {props.withEmpty ? <option value="">(未答复)</option> : null}
      {DISPOSITIONS.map((d) => (
        <option value={d} selected={props.selected === d}>
          {dispositionLabels[d]}
        </option>
      ))}
    </select>
  );
}

export function FeedbackAdminPage(props: FeedbackAdminModel) {
  const c = props.consultation;
  const published = props.comments.filter((m) => m.status === "published");
  const k = props.preview.counts;
  return (
    <>
      <p>
        <a href={adminConsultationPath(c.id)}>← {c.title}</a>
      </p>
      <h1>意见采纳情况反馈:{c.title}</h1>
      <Flash text={props.flash} />
      <ErrorSummary errors={props.errors} />
      <p>
        当前:{phaseLabels[c.phase]};已公开意见 {k.received} 条,采纳 {k.adopted},部分采纳{" "}
        {k.partlyAdopted},未采纳 {k.notAdopted},未答复 {k.unanswered}。
      </p>
      <h2>逐条答复</h2>
      {published.length === 0 ? <p>没有已公开的意见。</p> : null}
      {published.map((m) => (
        <article class="staff-comment" aria-labelledby={`answer-${m.id}`}>
          <h3 id={`answer-${m.id}`}>
            意见 #{m.id} · {m.articleLabel} · {m.displayName}
          </h3>
          <p>{m.body}</p>
          <PostForm action={`/admin/consultation-comments/${m.id}/answer`} class="answer-form">
            <label for={`disp-${m.id}`}>采纳情况</label>
            <DispositionSelect id={`disp-${m.id}`} selected={m.disposition} withEmpty />
            <label for={`reason-${m.id}`}>理由</label>
            <textarea id={`reason-${m.id}`} name="reason" rows={2}>
              {m.reason}
            </textarea>
            <label for={`group-${m.id}`}>或归入分组(使用分组的统一答复)</label>
            <select id={`group-${m.id}`} name="groupId">
              <option value="">(不分组)</option>
              {props.groups.map((g) => (
                <option value={String(g.id)} selected={m.groupId === g.id}>
                  {g.title}({dispositionLabels[g.disposition]})
                </option>
              ))}
            </select>
            <button type="submit" class="button secondary">
              保存答复
            </button>
          </PostForm>
        </article>
      ))}
      <GroupForm {...props} published={published} />
      <h2>发布反馈</h2>
      {props.problems.length > 0 ? (
        <ul class="error-text">
          {props.problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      ) : null}
      {props.canPublish ? (
        <PostForm action={`${adminConsultationPath(c.id)}/feedback`}>
          <Field name="summary" label="反馈说明(可选)">
            {(attrs) => <textarea rows={3} {...attrs} />}
          </Field>
          {c.feedbackVersion !== null ? (
            <Field
              name="correctionReason"
              label="更正理由"
              hint={`已发布第${c.feedbackVersion}版反馈;再次发布为更正版本,原版本保留。`}
              required
              error={props.errors.correctionReason}
            >
              {(attrs) => <input type="text" maxlength={500} {...attrs} />}
            </Field>
          ) : null}
          <button type="submit" class="button">
            {c.feedbackVersion !== null ? "发布更正版本" : "发布意见采纳情况反馈"}
          </button>
        </PostForm>
      ) : (
        <p>意见采纳情况反馈由审核人发布。</p>
      )}
    </>
  );
}

function GroupForm(props: FeedbackAdminModel & { published: StaffComment[] }) {
  const c = props.consultation;
  return (
    <section aria-labelledby="group-title">
      <h2 id="group-title">分组统一答复</h2>
      {props.groups.length > 0 ? (
        <ul>
          {props.groups.map((g) => (
            <li>
              {g.title}:{dispositionLabels[g.disposition]}。{g.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <PostForm action={`${adminConsultationPath(c.id)}/groups`}>
        <Field name="title" label="分组名称" required error={props.errors.title}>
          {(attrs) => <input type="text" maxlength={100} {...attrs} />}
        </Field>
        <div class="field">
          <label for="group-disposition">采纳情况</label>
          <DispositionSelect id="group-disposition" />
        </div>
        <Field
          name="templateId"
          label="使用答复模板(理由留空时采用模板内容)"
          error={props.errors.templateId}
        >
          {(attrs) => (
            <select {...attrs}>
              <option value="">(不使用)</option>
              {props.templates.map((t) => (
                <option value={String(t.id)}>
                  {t.title}({dispositionLabels[t.disposition]})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="reason" label="理由" error={props.errors.reason}>
          {(attrs) => <textarea rows={3} {...attrs} />}
        </Field>
        <fieldset>
          <legend>归入本组的意见</legend>
          {props.published.map((m) => (
            <p>
              <input type="checkbox" id={`gc-${m.id}`} name="commentIds" value={String(m.id)} />
              <label for={`gc-${m.id}`}>
                #{m.id} {m.articleLabel}:{m.body.slice(0, 40)}
              </label>
            </p>
          ))}
        </fieldset>
        <button type="submit" class="button secondary">
          新建分组
        </button>
      </PostForm>
    </section>
  );
}

export function TemplatesPage(props: {
  templates: AnswerTemplate[];
  errors: Record<string, string>;
  values: Record<string, string>;
  flash?: string;
}) {
  const e = props.errors;
  return (
    <>
      <h1>意见征集答复模板</h1>
      <Flash text={props.flash} />
      {props.templates.map((t) => (
        <PostForm action={`/admin/consultation-templates/${t.id}`} class="template-form">
          <h2>{t.title}</h2>
          <input type="hidden" name="title" value={t.title} />
          <label for={`td-${t.id}`}>采纳情况</label>
          <select id={`td-${t.id}`} name="disposition">
            {DISPOSITIONS.map((d) => (
              <option value={d} selected={t.disposition === d}>
                {dispositionLabels[d]}
              </option>
            ))}
          </select>
          <label for={`tb-${t.id}`}>答复内容</label>
          <textarea id={`tb-${t.id}`} name="body" rows={3}>
            {t.body}
          </textarea>
          <button type="submit" class="button secondary">
            保存
          </button>
        </PostForm>
      ))}
      <h2>新增模板</h2>
      <ErrorSummary
        errors={e}
        labels={{ title: "模板名称", body: "答复内容", disposition: "采纳情况" }}
      />
      <PostForm action="/admin/consultation-templates">
        <Field name="title" label="模板名称" required error={e.title}>
          {(attrs) => (
            <input type="text" maxlength={100} value={props.values.title ?? ""} {...attrs} />
          )}
        </Field>
        <div class="field">
          <label for="new-disposition">采纳情况</label>
          <DispositionSelect id="new-disposition" selected={props.values.disposition} />
        </div>
        <Field name="body" label="答复内容" required error={e.body}>
          {(attrs) => (
            <textarea rows={3} {...attrs}>
              {props.values.body ?? ""}
            </textarea>
          )}
        </Field>
        <button type="submit" class="button">
          新增
        </button>
      </PostForm>
    </>
  );
}

export function SettingsPage(props: { days: number; error?: string; flash?: string }) {
  return (
    <>
      <h1>意见征集设置</h1>
      <Flash text={props.flash} />
      <PostForm action="/admin/participation/settings">
        <Field
          name="feedbackWorkdays"
          label="意见采纳情况反馈期限(截止后工作日数)"
          required
          error={props.error}
        >
          {(attrs) => (
            <input type="number" min={1} max={120} value={String(props.days)} {...attrs} />
          )}
        </Field>
        <button type="submit" class="button">
          保存
        </button>
      </PostForm>
    </>
  );
}
