// The events of an application's timeline (条例第四十五条: 登记、审核、办理、答复、归档). Every
// event is dated with the legal date it happened on; the store adds ids, actors and instants.

import type { IsoDate } from "../calendar/rules";
import type { ResultRowKey } from "./results";

interface Dated {
  /** The day the step happened (Asia/Shanghai), e.g. the day a letter was sent. */
  on: IsoDate;
}

/** 确认收到: mail_unsigned / online / fax applications are 待确认 until this (第三十一条). */
export interface ConfirmEvent extends Dated {
  type: "confirm";
}

/** 分办: hand the case to a unit (may happen again to reassign). */
export interface AssignEvent extends Dated {
  type: "assign";
  unitId: number;
}

/** 一次性告知补正 (第三十条): everything to supplement and a reasonable period, once. */
export interface RequestSupplementEvent extends Dated {
  type: "request_supplement";
  /** Every point the applicant must supplement or clarify. */
  items: string[];
  /** Last day of the reasonable period given to the applicant. */
  dueOn: IsoDate;
}

/** 收到补正: the reply period restarts from this day (第三十条). */
export interface SupplementReceivedEvent extends Dated {
  type: "supplement_received";
  /** Required when the supplement arrives after `dueOn`: the applicant's 正当理由. */
  lateReason?: string;
}

/** 逾期不补正: closes the case as 视为放弃申请 (第三十条). */
export interface SupplementExpiredEvent extends Dated {
  type: "supplement_expired";
}

interface ConsultationSent extends Dated {
  /** Caller-chosen id, unique within the case; `consultation_answered` refers to it. */
  consultationId: string;
  /** Name of the third party or agency. */
  party: string;
  /** The day the party received the letter, if known; the 15-day period runs from it (else from `on`). */
  deliveredOn?: IsoDate;
}

/** 书面征求第三方意见 (第三十二条); the time is not counted (第三十三条第二款). */
export interface ConsultThirdPartyEvent extends ConsultationSent {
  type: "consult_third_party";
}

/** 征求其他机关意见 (第三十四条); silence for 15 working days is consent. */
export interface ConsultAgencyEvent extends ConsultationSent {
  type: "consult_agency";
}

/** The third party's or agency's answer arrived. */
export interface ConsultationAnsweredEvent extends Dated {
  type: "consultation_answered";
  consultationId: string;
  answer: "consent" | "objection";
}

/** 收费通知 (第四十二条, 国办函〔2020〕109号): the clock pauses until payment. */
export interface FeeNoticeEvent extends Dated {
  type: "fee_notice";
  amountYuan: number;
  /** The day the applicant received the notice, if known; the payment period runs from it (else from `on`). */
  deliveredOn?: IsoDate;
}

export interface FeePaidEvent extends Dated {
  type: "fee_paid";
}

/** 逾期未缴费: closes the case (表三 其他处理 2). */
export interface FeeExpiredEvent extends Dated {
  type: "fee_expired";
}

/** 延长答复期限 (第三十三条): once, at most 20 working days, approved and notified to the applicant. */
export interface ExtendEvent extends Dated {
  type: "extend";
  days: number;
  /** Who approved it (user id or name). */
  approvedBy: string;
  /** Must be 'approver' (签发人). */
  approverRole: string;
  reason?: string;
}

/** 第三十五条: the requests clearly exceed a reasonable range; the applicant is asked for reasons. */
export interface AskReasonsEvent extends Dated {
  type: "ask_reasons";
}

/** 第三十五条: reasons accepted but the reply cannot be made in time; a later reasonable date is set. */
export interface SetReasonablePeriodEvent extends Dated {
  type: "set_reasonable_period";
  dueOn: IsoDate;
}

/** 答复: the result is the most specific row key of annual-report table 三. */
export interface ReplyEvent extends Dated {
  type: "reply";
  result: ResultRowKey;
}

export type DeliveryMethod = "in_person" | "mail" | "email" | "online" | "fax" | "other";

/** 送达 of the reply (or of the closing notice). */
export interface DeliverEvent extends Dated {
  type: "deliver";
  method: DeliveryMethod;
}

/** 归档 (第四十五条). */
export interface ArchiveEvent extends Dated {
  type: "archive";
}

/** The applicant withdraws the application. */
export interface WithdrawEvent extends Dated {
  type: "withdraw";
  reason?: string;
}

export type TimelineEvent =
  | ConfirmEvent
  | AssignEvent
  | RequestSupplementEvent
  | SupplementReceivedEvent
  | SupplementExpiredEvent
  | ConsultThirdPartyEvent
  | ConsultAgencyEvent
  | ConsultationAnsweredEvent
  | FeeNoticeEvent
  | FeePaidEvent
  | FeeExpiredEvent
  | ExtendEvent
  | AskReasonsEvent
  | SetReasonablePeriodEvent
  | ReplyEvent
  | DeliverEvent
  | ArchiveEvent
  | WithdrawEvent;

export type TimelineEventType = TimelineEvent["type"];

/** Every event type, in the usual order of a case. */
export const TIMELINE_EVENT_TYPES = [
  "confirm",
  "assign",
  "request_supplement",
  "supplement_received",
  "supplement_expired",
  "consult_third_party",
  "consult_agency",
  "consultation_answered",
  "fee_notice",
  "fee_paid",
  "fee_expired",
  "extend",
  "ask_reasons",
  "set_reasonable_period",
  "reply",
  "deliver",
  "archive",
  "withdraw",
] as const satisfies readonly TimelineEventType[];

/** Chinese names of the steps, for timelines and audit entries. */
export const TIMELINE_EVENT_LABELS: Readonly<Record<TimelineEventType, string>> = {
  confirm: "确认收到申请",
  assign: "分办",
  request_supplement: "告知补正",
  supplement_received: "收到补正",
  supplement_expired: "逾期未补正",
  consult_third_party: "征求第三方意见",
  consult_agency: "征求其他机关意见",
  consultation_answered: "收到征求意见答复",
  fee_notice: "发出收费通知",
  fee_paid: "缴纳信息处理费",
  fee_expired: "逾期未缴费",
  extend: "延长答复期限",
  ask_reasons: "要求说明理由",
  set_reasonable_period: "确定延迟答复的合理期限",
  reply: "答复",
  deliver: "送达",
  archive: "归档",
  withdraw: "申请人撤回申请",
};
