// The case page's small forms, one per event type the case may record next (allowedEventTypes).
// Each works without JavaScript inside a <details>; the one that failed opens with its error.
import type { Child } from "hono/jsx";
import { PostForm } from "../../ui/forms";
import type { ConsultationStatus } from "../clock";
import { TIMELINE_EVENT_LABELS, type TimelineEventType } from "../events";
import { deliveryMethodLabels } from "../labels";
import { MAX_EXTENSION_WORKDAYS } from "../periods";
import { REPLY_RESULTS, RESULT_GROUPS } from "../results";

export interface EventFormState {
  type: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  message: string;
}

export interface EventFormsModel {
  applicationId: number;
  allowed: readonly TimelineEventType[];
  today: string;
  units: { id: number; name: string }[];
  consultations: ConsultationStatus[];
  canApproveExtension: boolean;
  canHandle: boolean;
  failed?: EventFormState;
}

/** Kinds of input a field of an event form may be. */
type Input =
  | { kind: "date" | "text" | "number" }
  | { kind: "textarea" }
  | { kind: "select"; options: readonly (readonly [string, string])[] }
  | { kind: "results" };

interface FieldSpec {
  name: string;
  label: string;
  input: Input;
  hint?: string;
}

const date = (label = "日期"): FieldSpec => ({ name: "date", label, input: { kind: "date" } });
const note: FieldSpec = { name: "note", label: "内部备注(不对外显示)", input: { kind: "text" } };

function fieldsOf(type: TimelineEventType, model: EventFormsModel): FieldSpec[] {
  const pending = model.consultations.filter((c) => c.answeredOn === null);
  switch (type) {
    case "assign":
      return [
        date("分办日期"),
        {
          name: "unitId",
          label: "承办单位",
          input: {
            kind: "select",
            options: model.units.map((u) => [String(u.id), u.name] as const),
          },
        },
      ];
    case "request_supplement":
      return [
        date("告知日期"),
        {
          name: "items",
          label: "需要补正的事项(每行一项,须一次性列全)",
          input: { kind: "textarea" },
        },
        {
          name: "dueOn",
          label: "补正期限",
          input: { kind: "date" },
          hint: "留空则为告知之日起15个工作日。",
        },
      ];
    case "supplement_received":
      return [
        date("收到补正日期"),
        { name: "lateReason", label: "逾期补正的正当理由(逾期时必填)", input: { kind: "text" } },
      ];
    case "consult_third_party":
    case "consult_agency":
      return [
        date("发出征求意见书日期"),
        {
          name: "party",
          label: type === "consult_agency" ? "被征求意见的机关" : "第三方名称",
          input: { kind: "text" },
        },
        { name: "deliveredOn", label: "对方收到日期(已知时填写)", input: { kind: "date" } },
      ];
    case "consultation_answered":
      return [
        date("收到答复日期"),
        {
          name: "consultationId",
          label: "征求意见",
          input: {
            kind: "select",
            options: pending.map((c) => [c.id, `${c.party}(${c.sentOn} 发出)`] as const),
          },
        },
        {
          name: "answer",
          label: "意见",
          input: {
            kind: "select",
            options: [
              ["consent", "同意公开"],
              ["objection", "不同意公开"],
            ],
          },
        },
      ];
    case "fee_notice":
      return [
        date("发出收费通知日期"),
        { name: "amountYuan", label: "金额(元)", input: { kind: "number" } },
        { name: "deliveredOn", label: "申请人收到日期(已知时填写)", input: { kind: "date" } },
      ];
    case "extend":
      return [
        date("批准并告知申请人日期"),
        {
          name: "days",
          label: `延长的工作日数(最多${MAX_EXTENSION_WORKDAYS}个)`,
          input: { kind: "number" },
        },
        { name: "reason", label: "延期理由", input: { kind: "text" } },
      ];
    case "set_reasonable_period":
      return [date(), { name: "dueOn", label: "延迟答复的合理期限", input: { kind: "date" } }];
    case "reply":
      return [
        date("答复日期"),
        { name: "result", label: "答复结果(年度报告表三)", input: { kind: "results" } },
        {
          name: "reasons",
          label: "理由和依据(不予公开、部分公开、不掌握等须填写)",
          input: { kind: "textarea" },
        },
      ];
    case "deliver":
      return [
        date("送达日期"),
        {
          name: "method",
          label: "送达方式",
          input: { kind: "select", options: Object.entries(deliveryMethodLabels) },
        },
      ];
    case "withdraw":
      return [date("撤回日期"), { name: "reason", label: "撤回理由", input: { kind: "text" } }];
    default:
      return [date()];
  }
}

export function EventForms(props: EventFormsModel) {
  const hasPending = props.consultations.some((c) => c.answeredOn === null);
  const types = props.allowed.filter((t) => {
    if (t === "consultation_answered" && !hasPending) return false;
    return t === "extend" || props.canHandle;
  });
  if (types.length === 0) return <p>该申请没有可以记录的办理环节。</p>;
  return (
    <div class="event-forms">
      {types.map((type) => {
        const failed = props.failed?.type === type ? props.failed : undefined;
        const summary = TIMELINE_EVENT_LABELS[type];
        if (type === "extend" && !props.canApproveExtension) {
          return (
            <details open={failed ? true : undefined} id={`event-${type}`}>
              <summary>{summary}</summary>
              {failed ? (
                <p class="error-text" role="alert">
                  错误:{failed.message}
                </p>
              ) : null}
              <p>需签发人批准:延长答复期限须由签发人记录(条例第三十三条)。</p>
            </details>
          );
        }
        return (
          <details open={failed ? true : undefined} id={`event-${type}`}>
            <summary>{summary}</summary>
            {failed ? (
              <p class="error-text" role="alert">
                错误:{failed.message}
              </p>
            ) : null}
            <PostForm action={`/admin/applications/${props.applicationId}/events`}>
              <input type="hidden" name="type" value={type} />
              {[...fieldsOf(type, props), note].map((spec) => (
                <EventField type={type} spec={spec} today={props.today} failed={failed} />
              ))}
              <p>
                <button type="submit" class="button">
                  记录{summary}
                </button>
              </p>
            </PostForm>
          </details>
        );
      })}
    </div>
  );
}

function EventField(props: {
  type: string;
  spec: FieldSpec;
  today: string;
  failed?: EventFormState;
}) {
  const { spec, failed } = props;
  const id = `ev-${props.type}-${spec.name}`;
  const error = failed?.errors[spec.name];
  const value = failed?.values[spec.name] ?? (spec.name === "date" ? props.today : "");
  const describedBy =
    [spec.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  const attrs = {
    id,
    name: spec.name,
    "aria-describedby": describedBy,
    "aria-invalid": error ? ("true" as const) : undefined,
  };
  let control: Child;
  switch (spec.input.kind) {
    case "textarea":
      control = (
        <textarea {...attrs} rows={3}>
          {value}
        </textarea>
      );
      break;
    case "select":
      control = (
        <select {...attrs}>
          <option value="">请选择</option>
          {spec.input.options.map(([v, label]) => (
            <option value={v} selected={v === value}>
              {label}
            </option>
          ))}
        </select>
      );
      break;
    case "results":
      control = <ResultSelect attrs={attrs} value={value} />;
      break;
    default:
      control = (
        <input
          {...attrs}
          type={spec.input.kind}
          value={value}
          step={spec.input.kind === "number" ? "any" : undefined}
        />
      );
  }
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={id}>{spec.label}</label>
      {spec.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {spec.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-text" id={`${id}-error`}>
          错误:{error}
        </p>
      ) : null}
      {control}
    </div>
  );
}

/** Exactly the rows of table 三, grouped as the report groups them. */
function ResultSelect(props: { attrs: Record<string, unknown>; value: string }) {
  const closingOnly = new Set([
    "results.other.no_correction_abandoned",
    "results.other.fee_unpaid",
  ]);
  const option = (key: string, label: string) => (
    <option
      value={key}
      selected={key === props.value}
      disabled={closingOnly.has(key) ? true : undefined}
    >
      {closingOnly.has(key) ? `${label}(请记录为逾期未补正或逾期未缴费)` : label}
    </option>
  );
  return (
    <select {...props.attrs}>
      <option value="">请选择</option>
      {REPLY_RESULTS.filter((r) => r.group === null).map((r) => option(r.key, r.reportLabel))}
      {RESULT_GROUPS.map((g) => (
        <optgroup label={g.reportLabel}>
          {REPLY_RESULTS.filter((r) => r.group === g.key).map((r) => option(r.key, r.reportLabel))}
        </optgroup>
      ))}
    </select>
  );
}
