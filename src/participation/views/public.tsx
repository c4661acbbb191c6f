// Public pages of 互动交流 / 意见征集. Only opened consultations and published comments reach
// them, and a comment shows a name only when its author consented (else 网民) — never contact data.

import { recordPath } from "../../disclosure/urls";
import type { HumanChallenge } from "../../platform/human-check";
import { humanCheckFields } from "../../platform/human-check";
import { HumanCheckField } from "../../platform/human-check-field";
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import { Pager } from "../../ui/pager";
import { consultationPath, feedbackPath, periodText } from "../labels";
import { dispositionLabels, phaseLabels } from "../rules";
import type { Consultation, Feedback, PublicComment } from "../store";

export function InteractionHome(props: { open: Consultation[] }) {
  const links = [
    [
      "/interaction/consultations",
      "意见征集",
      "政策文件和重大行政决策草案公开征求意见,以及意见采纳情况反馈。",
    ],
    ["/interaction/decisions", "重大行政决策事项目录", "年度公众参与事项目录及各环节进展。"],
    ["/interaction/meetings", "座谈会听证会", "座谈会、听证会的公告、报名和结果。"],
    ["/interaction/messages", "留言咨询", "咨询、建议和投诉留言及答复。"],
    ["/interaction/responses", "回应关切", "对社会关注热点的回应。"],
  ];
  return (
    <>
      <h1>互动交流</h1>
      <p class="lead">意见征集、座谈会和听证会、留言咨询与回应关切。</p>
      <ul class="section-grid">
        {links.map(([href, label, intro]) => (
          <li>
            <a href={href}>
              <strong>{label}</strong>
              <span>{intro}</span>
            </a>
          </li>
        ))}
      </ul>
      <section aria-labelledby="open-title">
        <h2 id="open-title">正在征求意见</h2>
        {props.open.length === 0 ? (
          <p>目前没有正在征求意见的草案。</p>
        ) : (
          <ul>
            {props.open.map((c) => (
              <li>
                <a href={consultationPath(c.id)}>{c.title}</a>(截止 {c.closesOn})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ConsultationListPage(props: {
  consultations: Consultation[];
  page: number;
  pageCount: number;
}) {
  return (
    <>
      <h1>意见征集</h1>
      {props.consultations.length === 0 ? (
        <p>暂无意见征集。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>意见征集列表</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">承办单位</th>
                <th scope="col">征求意见期限</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {props.consultations.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={consultationPath(c.id)}>{c.title}</a>
                  </th>
                  <td>{c.unitName}</td>
                  <td>{periodText(c)}</td>
                  <td>
                    {c.phase === "feedbackPublished" ? (
                      <a href={feedbackPath(c.id)}>{phaseLabels[c.phase]}</a>
                    ) : (
                      phaseLabels[c.phase]
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={props.page}
        count={props.pageCount}
        hrefOf={(p) =>
          p > 1 ? `/interaction/consultations?page=${p}` : "/interaction/consultations"
        }
      />
    </>
  );
}

export interface ConsultationPageModel {
  consultation: Consultation;
  comments: PublicComment[];
  draftRecordTitle: string | null;
  challenge: HumanChallenge;
  values: Record<string, string>;
  errors: Record<string, string>;
  notice?: string;
}

const commentLabels = {
  articleNo: "针对的条款",
  body: "意见内容",
  name: "姓名",
  contact: "联系方式",
  [humanCheckFields.answer]: "验证问题",
};

export function ConsultationPage(props: ConsultationPageModel) {
  const c = props.consultation;
  return (
    <>
      <p>
        <a href="/interaction/consultations">← 意见征集</a>
      </p>
      <h1>{c.title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <dl class="consultation-meta">
        <dt>承办单位</dt>
        <dd>{c.unitName}</dd>
        <dt>征求意见期限</dt>
        <dd>{periodText(c)}</dd>
        <dt>状态</dt>
        <dd>{phaseLabels[c.phase]}</dd>
        {c.isMajor ? (
          <>
            <dt>事项类别</dt>
            <dd>重大行政决策{c.decisionTitle ? `(${c.decisionTitle})` : ""}</dd>
          </>
        ) : null}
        {c.shortPeriodReason ? (
          <>
            <dt>缩短征求意见期限的理由</dt>
            <dd>{c.shortPeriodReason}</dd>
          </>
        ) : null}
      </dl>
      {c.phase === "feedbackPublished" ? (
        <p class="notice">
          <a href={feedbackPath(c.id)}>查看意见采纳情况反馈</a>
        </p>
      ) : null}
      {props.draftRecordTitle && c.draftRecordId ? (
        <p>
          草案全文:<a href={recordPath(c.draftRecordId)}>{props.draftRecordTitle}</a>
        </p>
      ) : null}
      {c.explanationHtml ? (
        <section aria-labelledby="explanation-title">
          <h2 id="explanation-title">起草说明</h2>
          <div class="record-body" dangerouslySetInnerHTML={{ __html: c.explanationHtml }} />
        </section>
      ) : null}
      <section aria-labelledby="draft-title">
        <h2 id="draft-title">草案({c.draft.mode === "articles" ? "按条" : "按段"}发表意见)</h2>
        <div class="consultation-draft">
          {c.draft.parts.map((p) =>
            p.article ? (
              <div class="draft-article" id={`article-${p.article.no}`}>
                {p.text.split("\n").map((line) => (
                  <p>{line}</p>
                ))}
              </div>
            ) : (
              <p class="draft-heading">
                <strong>{p.text}</strong>
              </p>
            ),
          )}
        </div>
      </section>
      <section aria-labelledby="channels-title">
        <h2 id="channels-title">提出意见的方式</h2>
        <ul>
          <li>在本页填写意见(无需注册)。</li>
          {c.contact.phone ? <li>电话:{c.contact.phone}</li> : null}
          {c.contact.email ? <li>电子邮箱:{c.contact.email}</li> : null}
          {c.contact.address ? <li>信函:{c.contact.address}</li> : null}
        </ul>
      </section>
      {c.phase === "open" ? (
        <CommentForm {...props} />
      ) : (
        <p class="notice">
          {c.phase === "upcoming"
            ? `本次意见征集将于${c.opensOn}开始接收意见。`
            : `本次意见征集已于${c.closesOn}截止。`}
        </p>
      )}
      <CommentList comments={props.comments} />
    </>
  );
}

function CommentForm(props: ConsultationPageModel) {
  const c = props.consultation;
  const v = props.values;
  const e = props.errors;
  return (
    <section aria-labelledby="comment-title">
      <h2 id="comment-title">发表意见</h2>
      <p class="hint">
        姓名和联系方式可不填;填写的联系方式仅用于工作人员联系您,不会公开。意见经审核后公开。
      </p>
      <ErrorSummary errors={e} labels={commentLabels} />
      <PostForm action={`${consultationPath(c.id)}/comments`}>
        <Field name="articleNo" label={commentLabels.articleNo} error={e.articleNo}>
          {(attrs) => (
            <select {...attrs}>
              <option value="whole">草案整体</option>
              {c.draft.articles.map((a) => (
                <option value={String(a.no)} selected={v.articleNo === String(a.no)}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="body" label={commentLabels.body} required error={e.body}>
          {(attrs) => (
            <textarea rows={6} maxlength={5000} {...attrs}>
              {v.body ?? ""}
            </textarea>
          )}
        </Field>
        <Field name="name" label={commentLabels.name} error={e.name}>
          {(attrs) => (
            <input type="text" maxlength={50} autocomplete="name" value={v.name ?? ""} {...attrs} />
          )}
        </Field>
        <Field name="showName" label="同意公开显示我的姓名(不勾选则显示为“网民”)">
          {(attrs) => <input type="checkbox" value="1" checked={v.showName === "1"} {...attrs} />}
        </Field>
        <Field
          name="contact"
          label={commentLabels.contact}
          hint="电话或电子邮箱,不公开。"
          error={e.contact}
        >
          {(attrs) => <input type="text" maxlength={100} value={v.contact ?? ""} {...attrs} />}
        </Field>
        <HumanCheckField challenge={props.challenge} error={e[humanCheckFields.answer]} />
        <button type="submit" class="button">
          提交意见
        </button>
      </PostForm>
    </section>
  );
}

function CommentList(props: { comments: PublicComment[] }) {
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">已公开的意见({props.comments.length}条)</h2>
      {props.comments.length === 0 ? (
        <p>暂无公开的意见。</p>
      ) : (
        <ol class="comment-list">
          {props.comments.map((m) => (
            <li>
              <p class="comment-meta">
                {m.displayName} · {m.articleLabel} · {m.createdOn}
              </p>
              <p>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function FeedbackPage(props: { consultation: Consultation; feedback: Feedback }) {
  const c = props.consultation;
  const f = props.feedback;
  const k = f.snapshot.counts;
  return (
    <>
      <p>
        <a href={consultationPath(c.id)}>← {c.title}</a>
      </p>
      <h1>意见采纳情况反馈:{c.title}</h1>
      <p>
        发布时间:{f.publishedAt.slice(0, 10)}
        {f.version > 1 ? `(第${f.version}版,更正理由:${f.correctionReason})` : ""}
      </p>
      <div class="table-wrap">
        <table>
          <caption>意见采纳情况统计</caption>
          <thead>
            <tr>
              <th scope="col">收到意见</th>
              <th scope="col">采纳</th>
              <th scope="col">部分采纳</th>
              <th scope="col">未采纳</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{k.received}</td>
              <td>{k.adopted}</td>
              <td>{k.partlyAdopted}</td>
              <td>{k.notAdopted}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {f.snapshot.heldCount > 0 ? (
        <p class="hint">
          另有 {f.snapshot.heldCount} 条意见因与草案无关或含有不宜公开的内容未予公开。
        </p>
      ) : null}
      {f.summary ? <p>{f.summary}</p> : null}
      {f.snapshot.articles.map((a) => (
        <section aria-labelledby={`fb-${a.articleNo ?? "whole"}`}>
          <h2 id={`fb-${a.articleNo ?? "whole"}`}>{a.label}</h2>
          <div class="table-wrap">
            <table>
              <caption>{a.label}的意见及采纳情况</caption>
              <thead>
                <tr>
                  <th scope="col">意见</th>
                  <th scope="col">提出人</th>
                  <th scope="col">采纳情况</th>
                  <th scope="col">理由</th>
                </tr>
              </thead>
              <tbody>
                {a.comments.map((m) => (
                  <tr>
                    <td>{m.body}</td>
                    <td>{m.displayName}</td>
                    <td>{dispositionLabels[m.disposition]}</td>
                    <td>{m.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
