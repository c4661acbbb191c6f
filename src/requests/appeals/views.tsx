// The 行政复议 / 行政诉讼 page of a case, and the 第四十四条 suggestion shown with it.
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import { isFinalResultKey, resultLabel } from "../results";
import type { SimilarDisclosure } from "../similar-requests";
import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  appealColumnGroup,
  appealGroupLabels,
  appealKindLabels,
  appealResultLabels,
} from "./rules";
import type { Appeal } from "./service";

export interface AppealsPageModel {
  applicationId: number;
  applicationNo: string;
  appeals: Appeal[];
  similar: SimilarDisclosure;
  canEdit: boolean;
  values: Record<string, string>;
  errors: Record<string, string>;
  flash?: string;
}

const labels = {
  kind: "类别",
  afterReview: "复议后起诉",
  filedOn: "申请复议或起诉日期",
  result: "结果",
  decidedOn: "结案日期",
  authority: "复议机关或人民法院",
  note: "备注",
};

export function AppealsPage(props: AppealsPageModel) {
  return (
    <>
      <p>
        <a href={`/admin/applications/${props.applicationId}`}>← 返回申请 {props.applicationNo}</a>
      </p>
      <h1>行政复议、行政诉讼:{props.applicationNo}</h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <p class="hint">
        按年度报告表四“政府信息公开行政复议、行政诉讼情况”统计:结果分为维持、纠正、其他结果和尚未审结。
      </p>
      <ProactiveSuggestion applicationId={props.applicationId} similar={props.similar} />
      <AppealList {...props} />
      {props.canEdit ? <AppealForm {...props} /> : null}
    </>
  );
}

function AppealList(props: AppealsPageModel) {
  if (props.appeals.length === 0) return <p>该申请没有行政复议或行政诉讼记录。</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>复议诉讼记录</caption>
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col">申请或起诉日期</th>
            <th scope="col">复议机关或法院</th>
            <th scope="col">结果</th>
            <th scope="col">结案日期</th>
            {props.canEdit ? <th scope="col">更新结果</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.appeals.map((a) => (
            <tr>
              <th scope="row">
                {appealGroupLabels[appealColumnGroup(a)]}
                {a.source === "import" ? <small>(台账导入)</small> : null}
              </th>
              <td>{a.filedOn ?? "—"}</td>
              <td>{a.authority || "—"}</td>
              <td>{appealResultLabels[a.result]}</td>
              <td>{a.decidedOn ?? "—"}</td>
              {props.canEdit ? (
                <td>
                  <OutcomeForm applicationId={props.applicationId} appeal={a} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeForm(props: { applicationId: number; appeal: Appeal }) {
  const a = props.appeal;
  const prefix = `outcome-${a.id}`;
  return (
    <PostForm
      action={`/admin/applications/${props.applicationId}/appeals/${a.id}`}
      class="inline-form"
    >
      <label for={`${prefix}-result`} class="visually-hidden">
        结果
      </label>
      <select id={`${prefix}-result`} name="result">
        {APPEAL_RESULTS.map((r) => (
          <option value={r} selected={r === a.result}>
            {appealResultLabels[r]}
          </option>
        ))}
      </select>
      <label for={`${prefix}-decided`} class="visually-hidden">
        结案日期
      </label>
      <input id={`${prefix}-decided`} name="decidedOn" type="date" value={a.decidedOn ?? ""} />
      <button type="submit" class="button secondary">
        保存
      </button>
    </PostForm>
  );
}

function AppealForm(props: AppealsPageModel) {
  const v = props.values;
  const e = props.errors;
  return (
    <section aria-labelledby="appeal-form-title">
      <h2 id="appeal-form-title">登记行政复议或行政诉讼</h2>
      <ErrorSummary errors={e} labels={labels} />
      <PostForm action={`/admin/applications/${props.applicationId}/appeals`}>
        <Field name="kind" label={labels.kind} required error={e.kind}>
          {(attrs) => (
            <select {...attrs}>
              {APPEAL_KINDS.map((k) => (
                <option value={k} selected={v.kind === k}>
                  {appealKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="afterReview"
          label="行政诉讼是经行政复议后提起的(复议后起诉)"
          error={e.afterReview}
        >
          {(attrs) => (
            <input type="checkbox" value="1" checked={v.afterReview === "1"} {...attrs} />
          )}
        </Field>
        <Field name="filedOn" label={labels.filedOn} required error={e.filedOn}>
          {(attrs) => <input type="date" value={v.filedOn ?? ""} {...attrs} />}
        </Field>
        <Field name="authority" label={labels.authority} error={e.authority}>
          {(attrs) => <input type="text" maxlength={100} value={v.authority ?? ""} {...attrs} />}
        </Field>
        <Field name="result" label={labels.result} required error={e.result}>
          {(attrs) => (
            <select {...attrs}>
              {APPEAL_RESULTS.map((r) => (
                <option value={r} selected={(v.result ?? "pending") === r}>
                  {appealResultLabels[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="decidedOn"
          label={labels.decidedOn}
          hint="尚未审结的不填。"
          error={e.decidedOn}
        >
          {(attrs) => <input type="date" value={v.decidedOn ?? ""} {...attrs} />}
        </Field>
        <Field name="note" label={labels.note} error={e.note}>
          {(attrs) => (
            <textarea rows={3} {...attrs}>
              {v.note ?? ""}
            </textarea>
          )}
        </Field>
        <button type="submit" class="button">
          登记
        </button>
      </PostForm>
    </section>
  );
}

/**
 * 条例第四十四条: several applicants asked for the same information and it was disclosed — suggest
 * publishing it proactively, with a link to draft the record.
 */
export function ProactiveSuggestion(props: { applicationId: number; similar: SimilarDisclosure }) {
  const s = props.similar;
  if (!s.suggestProactive) return null;
  return (
    <aside class="notice" aria-labelledby="proactive-title">
      <h2 id="proactive-title">建议主动公开(条例第四十四条)</h2>
      <p>
        已有 {s.applicantCount}{" "}
        个申请人申请相同的政府信息,且该信息已予以公开或部分公开,可以纳入主动公开范围:
      </p>
      <ul>
        {s.applications.map((a) => (
          <li>
            <a href={`/admin/applications/${a.id}`}>{a.applicationNo}</a>(收到 {a.receivedOn ?? "—"}
            ,{isFinalResultKey(a.resultKey) ? resultLabel(a.resultKey) : a.resultKey})
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={`/admin/records/new?fromApplication=${props.applicationId}`}>
          起草主动公开信息
        </a>
      </p>
    </aside>
  );
}
