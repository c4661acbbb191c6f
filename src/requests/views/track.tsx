// Public tracking: the lookup form and the status of one case (no personal data).
import { ErrorSummary, PostForm } from "../../ui/forms";
import type { PublicStatus } from "../lookup";
import { type FieldState, TextInput } from "./fields";

export interface TrackPageModel extends FieldState {
  status?: PublicStatus;
  /** A refusal that is not about one field (wrong pair, too many tries). */
  message?: string;
}

export function TrackPage(props: TrackPageModel) {
  return (
    <>
      <h1>办理进度查询</h1>
      {props.status ? <StatusView status={props.status} /> : null}
      <ErrorSummary errors={props.errors} labels={{ number: "申请编号", code: "查询码" }} />
      {props.message ? (
        <div class="error-summary" role="alert">
          <p>{props.message}</p>
        </div>
      ) : null}
      <h2>{props.status ? "查询其他申请" : "请输入申请编号和查询码"}</h2>
      <PostForm action="/applications/track">
        <TextInput
          state={props}
          name="number"
          label="申请编号"
          hint="例如 YSQ-2025-00012"
          autocomplete="off"
        />
        <TextInput
          state={{ values: {}, errors: props.errors }}
          name="code"
          label="查询码"
          hint="提交申请时显示的8位查询码,不区分大小写"
          autocomplete="off"
        />
        <p>
          <button type="submit" class="button">
            查询
          </button>
        </p>
      </PostForm>
    </>
  );
}

function StatusView(props: { status: PublicStatus }) {
  const s = props.status;
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">申请 {s.applicationNo}</h2>
      <dl class="status">
        <dt>办理状态</dt>
        <dd>
          <strong>{s.stateText}</strong>
        </dd>
        {s.submittedOn ? (
          <>
            <dt>提交日期</dt>
            <dd>{s.submittedOn}</dd>
          </>
        ) : null}
        <dt>收到申请日期</dt>
        <dd>{s.receivedOn ?? "尚未确认"}</dd>
        <dt>答复期限</dt>
        <dd>{dueDateText(s)}</dd>
      </dl>
      {s.steps.length ? (
        <>
          <h3>办理环节</h3>
          <ol class="steps">
            {s.steps.map((step) => (
              <li>
                <time datetime={step.on}>{step.on}</time> {step.label}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function dueDateText(s: PublicStatus): string {
  if (s.dueDate) return s.dueDate;
  if (s.closedOn) return `已于 ${s.closedOn} 办结`;
  if (s.state === "awaiting_supplement") return "自收到补正之日起重新计算";
  return "确认收到申请后计算";
}
