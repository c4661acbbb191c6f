// /admin/records/{id}: the record with its state, actions, proofreading, interpretation links,
// metadata, body, attachments and workflow history.
import { raw } from "hono/html";
import { formatSize } from "../../platform/files/refusals";
import { ErrorSummary, PostForm } from "../../ui/forms";
import { describeDueStatus } from "../backoffice-list";
import type { RecordPageData } from "../backoffice-queries";
import { POLICY_GENRES } from "../genres";
import { CONTEXT_CHARS } from "../proofread";
import type { RecordProofreadHit } from "../service";
import { recordStateLabels } from "../vocabulary";
import { ActionPanel, actionFormLabels, type FailedForm } from "./action-forms";
import { beijingTime, RecordSubNav, StateBadge } from "./common";
import { MetadataTable, ReviewSummary } from "./record-metadata";

export interface RecordPageModel {
  data: RecordPageData;
  /** 信息员: may edit drafts and start an interpretation. */
  canDraft: boolean;
  /** 信息员 or 审核人: may dismiss proofreading hits. */
  canDismiss: boolean;
  notice?: string;
  failed?: FailedForm;
}

export function RecordPage(props: RecordPageModel) {
  const { record } = props.data;
  const isDraft = record.state === "draft";
  return (
    <section aria-labelledby="record-title">
      <RecordSubNav id={record.id} current="record" canEdit={props.canDraft && isDraft} />
      <h1 id="record-title">{record.title}</h1>
      <p>
        状态:
        <StateBadge state={record.state} />
        {record.state === "published" ? (
          <>
            {" "}
            <a href={`/records/${record.id}`}>查看公开页面</a>
          </>
        ) : null}
      </p>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      {props.failed ? <FailureSummary failed={props.failed} /> : null}
      <ActionPanel recordId={record.id} choices={props.data.actions} failed={props.failed} />
      <InterpretationLinks {...props} />
      <Proofreading {...props} />
      <MetadataTable data={props.data} dueText={describeDueStatus(props.data.dueStatus)} />
      <ReviewSummary data={props.data} />
      <section aria-labelledby="body-title">
        <h2 id="body-title">正文预览</h2>
        {record.summary ? <p>摘要:{record.summary}</p> : null}
        <div class="record-body">{raw(record.bodyHtml)}</div>
      </section>
      <Attachments {...props} />
      <History {...props} />
    </section>
  );
}

function FailureSummary(props: { failed: FailedForm }) {
  const { failed } = props;
  if (failed.action === "dismiss") {
    const detail = Object.values(failed.errors).join(";");
    return (
      <div class="error-summary" role="alert">
        <p>
          未能忽略校对结果:{detail || failed.message}
          <a href="#proofread-title">查看校对结果</a>
        </p>
      </div>
    );
  }
  if (Object.keys(failed.errors).length > 0) {
    return <ErrorSummary errors={failed.errors} labels={actionFormLabels} />;
  }
  return (
    <div class="error-summary" role="alert">
      <p>{failed.message}</p>
    </div>
  );
}

function InterpretationLinks(props: RecordPageModel) {
  const { record, policy, interpretations } = props.data;
  const isPolicy = POLICY_GENRES.includes(record.genre as never) || record.needsInterpretation;
  if (!policy && !isPolicy) return null;
  return (
    <section aria-labelledby="interpretation-title">
      <h2 id="interpretation-title">政策解读</h2>
      {policy ? (
        <p>
          本解读所解读的政策文件:<a href={`/admin/records/${policy.id}`}>{policy.title}</a>(
          {recordStateLabels[policy.state]})
        </p>
      ) : null}
      {isPolicy ? (
        <>
          {record.needsInterpretation ? (
            <p>
              本文件需要解读:须与其政策解读同步审签、同步发布(签发本文件时,已审核通过的解读随之发布)。
            </p>
          ) : null}
          {interpretations.length > 0 ? (
            <ul>
              {interpretations.map((i) => (
                <li>
                  <a href={`/admin/records/${i.id}`}>{i.title}</a>({recordStateLabels[i.state]})
                </li>
              ))}
            </ul>
          ) : (
            <p>还没有政策解读。</p>
          )}
          {props.canDraft && record.state !== "withdrawn" ? (
            <p>
              <a class="button" href={`/admin/records/new?interprets=${record.id}`}>
                为本文件起草政策解读
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

const kindLabels: Record<RecordProofreadHit["kind"], string> = {
  typo: "疑似错别字",
  sensitive: "敏感或不宜公开的表述",
  outdated: "过时的名称或依据",
  mojibake: "乱码",
};

function Proofreading(props: RecordPageModel) {
  const { hits, record } = props.data;
  const open = hits.filter((h) => !h.dismissal).length;
  return (
    <section aria-labelledby="proofread-title">
      <h2 id="proofread-title">校对</h2>
      {hits.length === 0 ? (
        <p>校对未发现错别字、敏感表述、过时名称或乱码。</p>
      ) : (
        <>
          <p>
            校对发现 {hits.length} 处,其中 {open} 处尚未处理。请修改草稿,或说明理由后忽略。
          </p>
          <ol>
            {hits.map((hit, i) => (
              <HitItem
                hit={hit}
                index={i}
                recordId={record.id}
                canDismiss={props.canDismiss && record.state === "draft"}
                failed={props.failed}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function HitItem(props: {
  hit: RecordProofreadHit;
  index: number;
  recordId: number;
  canDismiss: boolean;
  failed?: FailedForm;
}) {
  const { hit, index } = props;
  const before = Math.min(CONTEXT_CHARS, hit.start);
  const context = hit.context;
  const failed =
    props.failed?.action === "dismiss" &&
    props.failed.values.found === hit.found &&
    props.failed.values.position === String(hit.start)
      ? props.failed
      : undefined;
  const id = `dismiss-reason-${index}`;
  const error = failed ? (failed.errors.reason ?? failed.message) : undefined;
  return (
    <li>
      <p>
        {hit.field === "title" ? "标题" : "正文"} · {kindLabels[hit.kind]}:“{hit.found}”
        {hit.suggestion !== null ? `,建议改为“${hit.suggestion}”` : ""}({hit.reason})
      </p>
      <p>
        上下文:{context.slice(0, before)}
        <mark>{context.slice(before, before + hit.found.length)}</mark>
        {context.slice(before + hit.found.length)}
      </p>
      {hit.dismissal ? (
        <p>
          已忽略(理由:{hit.dismissal.reason},{beijingTime(hit.dismissal.dismissedAt)})
        </p>
      ) : props.canDismiss ? (
        <PostForm action={`/admin/records/${props.recordId}/proofread/dismiss`}>
          <input type="hidden" name="found" value={hit.found} />
          <input type="hidden" name="position" value={String(hit.start)} />
          <div class={error ? "field field-error" : "field"}>
            <label for={id}>忽略理由</label>
            {error ? (
              <p class="error-text" id={`${id}-error`}>
                错误:{error}
              </p>
            ) : null}
            <input
              type="text"
              id={id}
              name="reason"
              value={failed?.values.reason ?? ""}
              aria-invalid={error ? "true" : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
          <button type="submit" class="secondary">
            说明理由后忽略此条
          </button>
        </PostForm>
      ) : (
        <p>尚未处理。</p>
      )}
    </li>
  );
}

function Attachments(props: RecordPageModel) {
  const { attachments, record } = props.data;
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">附件</h2>
      {attachments.length === 0 ? (
        <p>没有附件。</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li>
              <a href={`/admin/records/${record.id}/attachments/${a.id}`}>{a.fileName}</a>(
              {formatSize(a.size)},SHA-256 <code>{a.sha256.slice(0, 16)}…</code>)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const eventLabels: Record<string, string> = {
  create: "起草",
  save: "保存草稿",
  submit: "送审",
  approve: "审核通过",
  reject: "退回",
  sign: "签发",
  schedule: "定时发布",
  publish_scheduled: "到时发布",
  withdraw: "撤回",
  change_validity: "变更有效性",
  dismiss_proofread: "忽略校对结果",
  add_attachment: "添加附件",
  remove_attachment: "删除附件",
};

function History(props: RecordPageModel) {
  const stateLabel = (s: string) => recordStateLabels[s as keyof typeof recordStateLabels] ?? s;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">流转记录</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作</th>
              <th scope="col">办理人</th>
              <th scope="col">状态变化</th>
              <th scope="col">意见或理由</th>
            </tr>
          </thead>
          <tbody>
            {props.data.events.map((e) => (
              <tr>
                <td>{beijingTime(e.at)}</td>
                <td>{eventLabels[e.action] ?? e.action}</td>
                <td>{e.actorName ?? "系统"}</td>
                <td>
                  {e.fromState === e.toState
                    ? stateLabel(e.toState)
                    : `${stateLabel(e.fromState)} → ${stateLabel(e.toState)}`}
                </td>
                <td>{e.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
