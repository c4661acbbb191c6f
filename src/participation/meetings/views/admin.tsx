// Back-office pages of 座谈会 / 听证会 / 实地走访: the list, the announcement form, and one meeting
// with its workflow steps and the masked sign-up list.
import { raw } from "hono/html";
import { ErrorSummary, Field, PostForm } from "../../../ui/forms";
import { MEETING_KINDS, meetingKindLabels, SELECTION_RULES, selectionLabels } from "../rules";
import type { SignupDetails } from "../service";
import type { StaffSignup } from "../store";
import { adminMeetingPath, type MeetingView, meetingPath } from "../view-model";
import { MeetingFacts } from "./public";

/** A refusal not tied to a field (key "_"), e.g. 公告已发布,不能再修改。 */
function Refusal(props: { errors: Record<string, string> }) {
  const message = props.errors._;
  if (!message) return null;
  return (
    <p class="notice error-text" role="alert">
      {message}
    </p>
  );
}

function withoutGeneral(errors: Record<string, string>): Record<string, string> {
  const { _: _general, ...fields } = errors;
  return fields;
}

export interface AdminMeetingRow extends MeetingView {
  isPublished: boolean;
}

export function AdminMeetingListPage(props: { meetings: AdminMeetingRow[]; canDraft: boolean }) {
  return (
    <>
      <h1>座谈会、听证会和实地走访</h1>
      {props.canDraft ? (
        <p>
          <a class="button" href="/admin/meetings/new">
            起草活动公告
          </a>
        </p>
      ) : null}
      {props.meetings.length === 0 ? (
        <p>暂无活动。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>全部活动</caption>
            <thead>
              <tr>
                <th scope="col">主题</th>
                <th scope="col">类别</th>
                <th scope="col">时间</th>
                <th scope="col">状态</th>
                <th scope="col">报名</th>
              </tr>
            </thead>
            <tbody>
              {props.meetings.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={adminMeetingPath(m.id)}>{m.topic}</a>
                  </th>
                  <td>{m.kindLabel}</td>
                  <td>{m.time}</td>
                  <td>{m.isPublished ? "已发布" : "草稿"}</td>
                  <td>
                    {m.signupCount}/{m.quota}({m.signupStatus})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const meetingLabels: Record<string, string> = {
  kind: "类别",
  topic: "主题",
  startsAt: "开始时间",
  endsAt: "结束时间",
  place: "地点",
  organiser: "组织单位",
  howToJoin: "参加方式",
  eligibility: "报名条件",
  signupOpensAt: "报名开始时间",
  signupClosesAt: "报名截止时间",
  quota: "名额",
  selection: "确定参加人员的方式",
  decisionId: "关联决策编号",
};

export function MeetingFormPage(props: {
  action: string;
  title: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const v = props.values;
  const e = props.errors;
  const text = (name: string, required = true, max = 200) => (
    <Field name={name} label={meetingLabels[name]!} required={required} error={e[name]}>
      {(a) => <input type="text" maxlength={max} value={v[name] ?? ""} {...a} />}
    </Field>
  );
  const time = (name: string) => (
    <Field
      name={name}
      label={meetingLabels[name]!}
      required
      hint="北京时间,例如 2026-12-01T09:30。"
      error={e[name]}
    >
      {(a) => <input type="datetime-local" value={v[name] ?? ""} {...a} />}
    </Field>
  );
  return (
    <>
      <p>
        <a href="/admin/meetings">← 返回活动列表</a>
      </p>
      <h1>{props.title}</h1>
      <Refusal errors={e} />
      <ErrorSummary errors={withoutGeneral(e)} labels={meetingLabels} />
      <PostForm action={props.action}>
        <Field name="kind" label={meetingLabels.kind!} required error={e.kind}>
          {(a) => (
            <select {...a}>
              {MEETING_KINDS.map((k) => (
                <option value={k} selected={v.kind === k}>
                  {meetingKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text("topic")}
        {time("startsAt")}
        {time("endsAt")}
        {text("place")}
        {text("organiser", true, 100)}
        <Field name="howToJoin" label={meetingLabels.howToJoin!} error={e.howToJoin}>
          {(a) => (
            <textarea rows={3} maxlength={2000} {...a}>
              {v.howToJoin ?? ""}
            </textarea>
          )}
        </Field>
        <Field name="eligibility" label={meetingLabels.eligibility!} error={e.eligibility}>
          {(a) => (
            <textarea rows={3} maxlength={1000} {...a}>
              {v.eligibility ?? ""}
            </textarea>
          )}
        </Field>
        {time("signupOpensAt")}
        {time("signupClosesAt")}
        <Field name="quota" label={meetingLabels.quota!} required error={e.quota}>
          {(a) => <input type="number" min={1} step={1} value={v.quota ?? ""} {...a} />}
        </Field>
        <Field
          name="selection"
          label={meetingLabels.selection!}
          required
          hint="随机抽取:报名截止后公布抽签种子,再按公开的规则抽取,任何人可以验证。"
          error={e.selection}
        >
          {(a) => (
            <select {...a}>
              {SELECTION_RULES.map((s) => (
                <option value={s} selected={v.selection === s}>
                  {selectionLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="decisionId"
          label={meetingLabels.decisionId!}
          hint="选填:对应重大行政决策目录中的编号。"
          error={e.decisionId}
        >
          {(a) => <input type="number" min={1} step={1} value={v.decisionId ?? ""} {...a} />}
        </Field>
        <button type="submit" class="button">
          保存草稿
        </button>
      </PostForm>
    </>
  );
}

export interface AdminMeetingModel {
  meeting: AdminMeetingRow;
  minutesHtml: string;
  outcome: string;
  createdByMe: boolean;
  signups: StaffSignup[];
  can: { draft: boolean; publish: boolean; reveal: boolean };
  revealed?: SignupDetails;
  flash?: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export function AdminMeetingPage(props: AdminMeetingModel) {
  const m = props.meeting;
  return (
    <>
      <p>
        <a href="/admin/meetings">← 返回活动列表</a>
      </p>
      <h1>
        {m.kindLabel}:{m.topic}
      </h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <Refusal errors={props.errors} />
      <ErrorSummary errors={withoutGeneral(props.errors)} />
      <p>
        状态:{m.isPublished ? "已发布" : "草稿"}
        {m.isPublished ? (
          <>
            {" "}
            · <a href={meetingPath(m.id)}>查看公开页面</a>
          </>
        ) : null}
      </p>
      <MeetingFacts meeting={m} />
      <Steps {...props} />
      <SignupTable {...props} />
      <ResultsForm {...props} />
    </>
  );
}

function Steps(props: AdminMeetingModel) {
  const m = props.meeting;
  const id = m.id;
  if (!m.isPublished) {
    return (
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">发布</h2>
        {props.can.draft ? (
          <p>
            <a href={`${adminMeetingPath(id)}/edit`}>修改草稿</a>
          </p>
        ) : null}
        {props.can.publish && !props.createdByMe ? (
          <PostForm action={`${adminMeetingPath(id)}/publish`}>
            <button type="submit" class="button">
              发布公告
            </button>
          </PostForm>
        ) : (
          <p class="hint">由审核人发布(不能发布自己起草的公告)。</p>
        )}
      </section>
    );
  }
  if (m.selection !== "randomDraw") return null;
  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title">随机抽取</h2>
      {m.drawSeed ? (
        <p>
          抽签种子:<code>{m.drawSeed}</code>(公布于 {m.seedPublishedAt})
        </p>
      ) : m.window !== "closed" ? (
        <p>报名截止后公布抽签种子。</p>
      ) : props.can.publish ? (
        <PostForm action={`${adminMeetingPath(id)}/seed`}>
          <Field
            name="seed"
            label="抽签种子"
            hint="可填写事先公告的公开数据(如某期彩票开奖号码);不填则由系统生成随机种子。种子公布后不能更改。"
            error={props.errors.seed}
          >
            {(a) => <input type="text" maxlength={64} value={props.values.seed ?? ""} {...a} />}
          </Field>
          <button type="submit" class="button">
            公布抽签种子
          </button>
        </PostForm>
      ) : (
        <p class="hint">由审核人公布抽签种子。</p>
      )}
      {m.drawnAt ? (
        <p>已于 {m.drawnAt} 完成抽取,结果不能重新抽取。</p>
      ) : m.drawSeed && props.can.publish ? (
        <PostForm action={`${adminMeetingPath(id)}/draw`}>
          <p>按公布的种子和规则抽取 {m.quota} 名。抽取只能进行一次。</p>
          <button type="submit" class="button">
            进行随机抽取
          </button>
        </PostForm>
      ) : null}
    </section>
  );
}

function SignupTable(props: AdminMeetingModel) {
  const r = props.revealed;
  return (
    <section aria-labelledby="staff-signups-title">
      <h2 id="staff-signups-title">报名名单({props.signups.length} 人)</h2>
      {r ? (
        <div class="notice" role="status">
          <h3>报名人信息:{r.signupNo}</h3>
          <p>
            姓名:{r.name};联系电话:{r.phone};所在单位:{r.organisation ?? "—"}
          </p>
          <p class="pre-line">意见要点:{r.statement ?? "—"}</p>
          <p class="hint">本次查看已记入审计日志。</p>
        </div>
      ) : null}
      {props.signups.length === 0 ? (
        <p>暂无报名。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>个人信息已隐去部分;查看完整信息将记入审计日志</caption>
            <thead>
              <tr>
                <th scope="col">报名编号</th>
                <th scope="col">姓名</th>
                <th scope="col">联系电话</th>
                <th scope="col">意见要点</th>
                <th scope="col">结果</th>
                {props.can.reveal ? <th scope="col">完整信息</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.signups.map((s) => (
                <tr>
                  <th scope="row">{s.signupNo}</th>
                  <td>{s.maskedName}</td>
                  <td>{s.phoneMasked}</td>
                  <td>{s.hasStatement ? "有" : "—"}</td>
                  <td>{s.selected === null ? "待抽取" : s.selected ? "入选" : "未入选"}</td>
                  {props.can.reveal ? (
                    <td>
                      <PostForm
                        action={`${adminMeetingPath(props.meeting.id)}/signups/${s.id}/reveal`}
                        class="inline-form"
                      >
                        <button type="submit" class="link-button">
                          查看<span class="visually-hidden"> {s.signupNo}</span>
                        </button>
                      </PostForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ResultsForm(props: AdminMeetingModel) {
  const m = props.meeting;
  if (!m.isPublished) return null;
  const published = m.resultsPublishedAt !== null;
  return (
    <section aria-labelledby="results-form-title">
      <h2 id="results-form-title">会议纪要和结果</h2>
      <p>{published ? `已于 ${m.resultsPublishedAt} 公开。` : "尚未公开。"}</p>
      {props.can.draft ? (
        <PostForm action={`${adminMeetingPath(m.id)}/results`}>
          <Field
            name="minutesHtml"
            label="会议纪要"
            hint="可使用段落、标题、列表和表格等 HTML 标记;保存时会清除不安全的内容。"
            error={props.errors.minutesHtml}
          >
            {(a) => (
              <textarea rows={10} {...a}>
                {props.values.minutesHtml ?? props.minutesHtml}
              </textarea>
            )}
          </Field>
          <Field name="outcome" label="结果和意见采纳情况" error={props.errors.outcome}>
            {(a) => (
              <textarea rows={5} maxlength={5000} {...a}>
                {props.values.outcome ?? props.outcome}
              </textarea>
            )}
          </Field>
          <button type="submit" class="button">
            保存
          </button>
        </PostForm>
      ) : props.minutesHtml ? (
        <div class="record-body">{raw(props.minutesHtml)}</div>
      ) : null}
      {!published && props.can.publish ? (
        <PostForm action={`${adminMeetingPath(m.id)}/results/publish`}>
          <button type="submit" class="button">
            公开会议纪要和结果
          </button>
        </PostForm>
      ) : null}
    </section>
  );
}
