// The state machine of an application: which dated event may follow a timeline, with a Chinese
// reason when it may not. Pure; the caller passes the calendar and "today".

import type { IsoDate, WorkCalendar } from "../calendar/rules";
import {
  type CasePhase,
  type CaseState,
  deriveCaseState,
  isConsultationPending,
} from "./case-state";
import { computeClock } from "./clock";
import { TIMELINE_EVENT_TYPES, type TimelineEvent, type TimelineEventType } from "./events";
import {
  EXTENSION_APPROVER_ROLE,
  isIsoDate,
  MAX_EXTENSION_WORKDAYS,
  periodEnd,
  SUPPLEMENT_NOTICE_WORKDAYS,
} from "./periods";
import { RECEIPT_CHANNEL_LABELS, type ReceiptFacts, receiptProblem } from "./receipt";
import { isResultGroupKey, isResultRowKey, missingReasonMessage } from "./results";

export type { CasePhase, CaseState } from "./case-state";
export { deriveCaseState } from "./case-state";
export type {
  ArchiveEvent,
  AskReasonsEvent,
  AssignEvent,
  ConfirmEvent,
  ConsultAgencyEvent,
  ConsultationAnsweredEvent,
  ConsultThirdPartyEvent,
  DeliverEvent,
  DeliveryMethod,
  ExtendEvent,
  FeeExpiredEvent,
  FeeNoticeEvent,
  FeePaidEvent,
  ReplyEvent,
  RequestSupplementEvent,
  SetReasonablePeriodEvent,
  SupplementExpiredEvent,
  SupplementReceivedEvent,
  TimelineEvent,
  TimelineEventType,
  WithdrawEvent,
} from "./events";
export { TIMELINE_EVENT_LABELS, TIMELINE_EVENT_TYPES } from "./events";

export interface ValidationContext {
  receipt: ReceiptFacts;
  calendar: WorkCalendar;
  /** Today in Asia/Shanghai; events may not be dated later. */
  today: IsoDate;
}

export type ValidationResult = { ok: true } | { ok: false; error: string };

const DELIVERY_METHODS = ["in_person", "mail", "email", "online", "fax", "other"];

/** Which event types a case in this phase may record next (before checking the payload). */
export function allowedEventTypes(phase: CasePhase): readonly TimelineEventType[] {
  switch (phase) {
    case "awaiting_confirmation":
      return ["confirm", "withdraw"];
    case "open":
      return [
        "assign",
        "request_supplement",
        "consult_third_party",
        "consult_agency",
        "consultation_answered",
        "fee_notice",
        "extend",
        "ask_reasons",
        "set_reasonable_period",
        "reply",
        "withdraw",
      ];
    case "awaiting_supplement":
      return ["assign", "supplement_received", "supplement_expired", "withdraw"];
    case "awaiting_fee":
      return ["assign", "consultation_answered", "fee_paid", "fee_expired", "extend", "withdraw"];
    case "closed":
      return ["deliver", "archive"];
    case "delivered":
      return ["archive"];
    case "archived":
      return [];
    default: {
      const unknown: never = phase;
      throw new RangeError(`未知的办理阶段:${String(unknown)}`);
    }
  }
}

/**
 * Whether `event` may follow the (already valid) `timeline`: the phase allows it, it is not dated
 * before the previous step or after today, and its payload satisfies 条例第三十条至第四十二条.
 */
export function validateEvent(
  timeline: readonly TimelineEvent[],
  event: TimelineEvent,
  context: ValidationContext,
): ValidationResult {
  const error = eventProblem(timeline, event, context);
  return error === null ? { ok: true } : { ok: false, error };
}

/** Validates a whole timeline step by step; reports the first refused event. */
export function validateTimeline(
  events: readonly TimelineEvent[],
  context: ValidationContext,
): { ok: true } | { ok: false; index: number; error: string } {
  for (let index = 0; index < events.length; index++) {
    const result = validateEvent(events.slice(0, index), events[index]!, context);
    if (!result.ok) return { ok: false, index, error: result.error };
  }
  return { ok: true };
}

function eventProblem(
  timeline: readonly TimelineEvent[],
  event: TimelineEvent,
  context: ValidationContext,
): string | null {
  const receiptIssue = receiptProblem(context.receipt);
  if (receiptIssue) return receiptIssue;
  if (!(TIMELINE_EVENT_TYPES as readonly string[]).includes(event.type)) return "未知的办理事件";
  if (!isIsoDate(event.on)) return `日期无效(应为 YYYY-MM-DD):${String(event.on)}`;
  if (event.on > context.today) return `日期不能晚于今天(${context.today})`;
  const state = deriveCaseState(context.receipt, timeline, context.calendar);
  const earliest = state.lastOn ?? context.receipt.submittedOn;
  if (earliest && event.on < earliest) return `日期不能早于上一办理环节(${earliest})`;
  if (!allowedEventTypes(state.phase).includes(event.type)) {
    return refusalInPhase(state, event.type, context.receipt);
  }
  return payloadProblem(state, timeline, event, context);
}

function refusalInPhase(state: CaseState, type: TimelineEventType, receipt: ReceiptFacts): string {
  switch (state.phase) {
    case "awaiting_confirmation":
      return "申请尚待确认收到(条例第三十一条),只能确认收到或由申请人撤回";
    case "awaiting_supplement":
      return "正在等待申请人补正(条例第三十条),只能记录收到补正、逾期未补正、分办或撤回";
    case "awaiting_fee":
      return "正在等待缴纳信息处理费,只能记录缴费、逾期未缴费、征求意见答复、分办、延期或撤回";
    case "closed":
      return "申请已办结,只能送达或归档";
    case "delivered":
      return "申请已办结并送达,只能归档";
    case "archived":
      return "申请已归档,不能再记录办理环节";
    case "open":
      return refusalWhileOpen(state, type, receipt);
    default: {
      const unknown: never = state.phase;
      throw new RangeError(`未知的办理阶段:${String(unknown)}`);
    }
  }
}

function refusalWhileOpen(
  state: CaseState,
  type: TimelineEventType,
  receipt: ReceiptFacts,
): string {
  if (type === "confirm") {
    const label = RECEIPT_CHANNEL_LABELS[receipt.channel];
    return state.receivedOn &&
      (receipt.channel === "in_person" || receipt.channel === "mail_signed")
      ? `${label}的申请无需确认(条例第三十一条)`
      : "申请已确认收到";
  }
  if (type === "supplement_received" || type === "supplement_expired") return "没有待补正的申请";
  if (type === "fee_paid" || type === "fee_expired") return "没有待缴纳的信息处理费";
  return "申请尚未办结,不能送达或归档";
}

function payloadProblem(
  state: CaseState,
  timeline: readonly TimelineEvent[],
  event: TimelineEvent,
  context: ValidationContext,
): string | null {
  switch (event.type) {
    case "confirm":
    case "ask_reasons":
    case "withdraw":
      return event.type === "ask_reasons" && state.reasonsAskedOn ? "已要求申请人说明理由" : null;
    case "assign":
      return Number.isInteger(event.unitId) && event.unitId > 0 ? null : "请选择承办单位";
    case "request_supplement":
      return supplementRequestProblem(state, event, context.calendar);
    case "supplement_received": {
      const dueOn = state.supplement?.dueOn;
      if (dueOn && event.on > dueOn && !event.lateReason?.trim()) {
        return `已过补正期限(${dueOn});申请人有正当理由逾期补正的,须填写逾期理由(条例第三十条)`;
      }
      return null;
    }
    case "supplement_expired": {
      const dueOn = state.supplement?.dueOn;
      return dueOn && event.on <= dueOn
        ? `补正期限至 ${dueOn},期满后才能按逾期不补正处理(条例第三十条)`
        : null;
    }
    case "consult_third_party":
    case "consult_agency":
      return consultationProblem(state, event, context.today);
    case "consultation_answered": {
      const consultation = state.consultations.find((c) => c.id === event.consultationId);
      if (!consultation) return "没有该征求意见记录";
      if (consultation.answeredOn) return "该征求意见已有答复";
      return event.answer === "consent" || event.answer === "objection"
        ? null
        : "请选择同意公开或不同意公开";
    }
    case "fee_notice":
      return feeNoticeProblem(state, event, context.today);
    case "fee_paid":
      return state.fee && event.on > state.fee.payBy
        ? `缴费期限已于 ${state.fee.payBy} 届满,应按逾期未缴费处理`
        : null;
    case "fee_expired":
      return state.fee && event.on <= state.fee.payBy
        ? `缴费期限至 ${state.fee.payBy},期满后才能按逾期未缴费处理`
        : null;
    case "extend":
      return extensionProblem(state, timeline, event, context);
    case "set_reasonable_period":
      return reasonablePeriodProblem(state, timeline, event, context);
    case "reply":
      return replyProblem(state, event);
    case "deliver":
      return DELIVERY_METHODS.includes(event.method) ? null : "请选择送达方式";
    case "archive":
      return state.closing?.kind === "reply" && !state.deliveredOn ? "答复尚未送达,不能归档" : null;
    default: {
      const unknown: never = event;
      throw new RangeError(`未知的办理事件:${JSON.stringify(unknown)}`);
    }
  }
}

// 条例第三十条: one notice, within 7 working days of receipt, listing everything, with a period.
function supplementRequestProblem(
  state: CaseState,
  event: Extract<TimelineEvent, { type: "request_supplement" }>,
  calendar: WorkCalendar,
): string | null {
  if (state.supplement) return "补正只能一次性告知(条例第三十条)";
  if (state.consultations.length > 0 || state.fee || state.extension || state.reasonsAskedOn) {
    return "已征求意见、收费、延期或要求说明理由的申请不能再告知补正";
  }
  const noticeBy = periodEnd(calendar, state.receivedOn!, SUPPLEMENT_NOTICE_WORKDAYS);
  if (event.on > noticeBy) {
    return `应自收到申请之日起7个工作日内一次性告知补正(条例第三十条),期限至 ${noticeBy}`;
  }
  const items = Array.isArray(event.items) ? event.items : [];
  if (items.length === 0 || items.some((item) => typeof item !== "string" || !item.trim())) {
    return "须一次性列明需要补正的全部事项(条例第三十条)";
  }
  if (!isIsoDate(event.dueOn) || event.dueOn <= event.on) {
    return "须给出合理的补正期限,且应晚于告知日期(条例第三十条)";
  }
  return null;
}

function consultationProblem(
  state: CaseState,
  event: Extract<TimelineEvent, { type: "consult_third_party" | "consult_agency" }>,
  today: IsoDate,
): string | null {
  if (typeof event.consultationId !== "string" || !event.consultationId.trim()) {
    return "缺少征求意见编号";
  }
  if (state.consultations.some((c) => c.id === event.consultationId)) return "征求意见编号重复";
  if (typeof event.party !== "string" || !event.party.trim()) {
    return event.type === "consult_agency" ? "须填写被征求意见的机关" : "须填写被征求意见的第三方";
  }
  return deliveredOnProblem(event.deliveredOn, event.on, today, "征求意见书");
}

function feeNoticeProblem(
  state: CaseState,
  event: Extract<TimelineEvent, { type: "fee_notice" }>,
  today: IsoDate,
): string | null {
  if (state.fee) return "同一申请只能发出一次收费通知";
  if (
    typeof event.amountYuan !== "number" ||
    !Number.isFinite(event.amountYuan) ||
    event.amountYuan <= 0
  ) {
    return "收费金额须大于0元(条例第四十二条)";
  }
  return deliveredOnProblem(event.deliveredOn, event.on, today, "收费通知");
}

function deliveredOnProblem(
  deliveredOn: IsoDate | undefined,
  sentOn: IsoDate,
  today: IsoDate,
  what: string,
): string | null {
  if (deliveredOn === undefined) return null;
  if (!isIsoDate(deliveredOn)) return `${what}送达日期无效`;
  if (deliveredOn < sentOn) return `${what}送达日期不能早于发出日期`;
  if (deliveredOn > today) return `${what}送达日期不能晚于今天`;
  return null;
}

// 条例第三十三条: once, at most 20 working days, approved by the 签发人, before the period ends.
function extensionProblem(
  state: CaseState,
  timeline: readonly TimelineEvent[],
  event: Extract<TimelineEvent, { type: "extend" }>,
  context: ValidationContext,
): string | null {
  if (state.extension) return "答复期限只能延长一次(条例第三十三条)";
  if (state.reasonablePeriod) return "已依条例第三十五条确定延迟答复的合理期限,不能再延期";
  if (event.approverRole !== EXTENSION_APPROVER_ROLE || !event.approvedBy?.trim()) {
    return "延长答复期限须经签发人批准(条例第三十三条)";
  }
  if (!Number.isInteger(event.days) || event.days < 1) return "延长的期限须为正整数个工作日";
  if (event.days > MAX_EXTENSION_WORKDAYS) {
    return `延长的期限最长不得超过${MAX_EXTENSION_WORKDAYS}个工作日(条例第三十三条)`;
  }
  const due = currentDueDate(timeline, event.on, context);
  if (due && event.on > due) return `答复期限已于 ${due} 届满,不能再延期`;
  return null;
}

// 条例第三十五条: reasons asked first; the reasonable date must be later than the statutory one.
function reasonablePeriodProblem(
  state: CaseState,
  timeline: readonly TimelineEvent[],
  event: Extract<TimelineEvent, { type: "set_reasonable_period" }>,
  context: ValidationContext,
): string | null {
  if (!state.reasonsAskedOn) return "须先要求申请人说明理由(条例第三十五条)";
  if (state.reasonablePeriod) return "延迟答复的合理期限已经确定";
  if (!isIsoDate(event.dueOn)) return "合理期限日期无效";
  const due = currentDueDate(timeline, event.on, context);
  if (due && event.dueOn <= due) {
    return `延迟答复的合理期限应晚于答复期限 ${due}(条例第三十五条)`;
  }
  return null;
}

function currentDueDate(
  timeline: readonly TimelineEvent[],
  on: IsoDate,
  context: ValidationContext,
): IsoDate | null {
  return computeClock({ receipt: context.receipt, events: timeline }, context.calendar, on).dueDate;
}

function replyProblem(
  state: CaseState,
  event: Extract<TimelineEvent, { type: "reply" }>,
): string | null {
  const result: unknown = event.result;
  if (!isResultRowKey(result)) return "答复结果无效,请按年度报告表三选择";
  if (isResultGroupKey(result)) return missingReasonMessage(result);
  switch (result) {
    case "results.other.no_correction_abandoned":
      return "逾期不补正请记录为“逾期未补正”,不能作为答复结果";
    case "results.other.fee_unpaid":
      return "逾期未缴费请记录为“逾期未缴费”,不能作为答复结果";
    case "results.unable_to_provide.unclear_after_correction":
      return state.supplement?.receivedOn
        ? null
        : "只有收到补正后申请内容仍不明确的,才能按此答复(条例第三十条)";
    case "results.not_processed.excessive_repeated":
      return state.reasonsAskedOn ? null : "须先要求申请人说明理由(条例第三十五条)";
    case "results.disclosed":
    case "results.partially_disclosed": {
      const pending = state.consultations.find((c) => isConsultationPending(c, event.on));
      return pending
        ? `征求意见尚未答复且期限未满(至 ${pending.periodEndsOn}),不能决定公开(条例第三十二条、第三十四条)`
        : null;
    }
    default:
      return null;
  }
}
