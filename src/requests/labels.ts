// The closed vocabularies of an application and their Chinese labels.

import type { CasePhase } from "./case-state";
import type { ClockState } from "./clock";
import type { ReceiptChannel } from "./receipt";

/**
 * How an application arrived. `oral` is 口头提出 written down by the office (条例第二十九条) and
 * counts as in person for the receipt date.
 */
export const APPLICATION_CHANNELS = [
  "online",
  "in_person",
  "oral",
  "mail_signed",
  "mail_unsigned",
  "fax",
] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

export const channelLabels: Record<ApplicationChannel, string> = {
  online: "网上申请",
  in_person: "当面提交",
  oral: "口头提出(工作人员代为填写)",
  mail_signed: "信函(挂号信等需签收)",
  mail_unsigned: "信函(平常信函)",
  fax: "传真",
};

/** The receipt channel of 条例第三十一条 an application channel counts as. */
export function receiptChannelOf(channel: ApplicationChannel): ReceiptChannel {
  return channel === "oral" ? "in_person" : channel;
}

/**
 * Applicant kinds: exactly the applicant columns of annual-report table 三 (source:
 * 国办公开办函〔2021〕30号 年度报告格式 表三 “申请人情况”), so every case is counted by its key.
 */
export const APPLICANT_KINDS = [
  "natural_person",
  "org_commercial",
  "org_research",
  "org_public_welfare",
  "org_legal_service",
  "org_other",
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export type OrganisationKind = Exclude<ApplicantKind, "natural_person">;
export const ORGANISATION_KINDS = APPLICANT_KINDS.filter(
  (k): k is OrganisationKind => k !== "natural_person",
);

export const applicantKindLabels: Record<ApplicantKind, string> = {
  natural_person: "自然人",
  org_commercial: "商业企业",
  org_research: "科研机构",
  org_public_welfare: "社会公益组织",
  org_legal_service: "法律服务机构",
  org_other: "其他",
};

export const ID_TYPES = [
  "resident_id",
  "passport",
  "hk_macao_permit",
  "taiwan_permit",
  "foreign_permanent_residence",
  "other",
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const idTypeLabels: Record<IdType, string> = {
  resident_id: "居民身份证",
  passport: "护照",
  hk_macao_permit: "港澳居民来往内地通行证",
  taiwan_permit: "台湾居民来往大陆通行证",
  foreign_permanent_residence: "外国人永久居留身份证",
  other: "其他身份证明",
};

/** 获取信息的方式 (条例第二十九条第二款第三项). */
export const DELIVERY_FORMS = ["paper", "email", "storage_media", "inspection"] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];
export const deliveryFormLabels: Record<DeliveryForm, string> = {
  paper: "纸质",
  email: "电子邮件",
  storage_media: "光盘或移动存储",
  inspection: "自行领取或当场查阅",
};

/** 获取信息的途径. */
export const DELIVERY_ROUTES = ["post", "email", "pickup"] as const;
export type DeliveryRoute = (typeof DELIVERY_ROUTES)[number];
export const deliveryRouteLabels: Record<DeliveryRoute, string> = {
  post: "邮寄",
  email: "电子邮件",
  pickup: "自行领取",
};

export const phaseLabels: Record<CasePhase, string> = {
  awaiting_confirmation: "待确认",
  open: "办理中",
  awaiting_supplement: "待补正",
  awaiting_fee: "待缴费",
  closed: "已办结",
  delivered: "已送达",
  archived: "已归档",
};

export const clockStateLabels: Record<ClockState, string> = {
  awaiting_confirmation: "待确认",
  in_progress: "办理中",
  due_soon: "即将到期",
  overdue: "已超期",
  closed: "已办结",
};

export const deliveryMethodLabels = {
  in_person: "直接送达",
  mail: "邮寄送达",
  email: "电子邮件送达",
  online: "网上送达",
  fax: "传真送达",
  other: "其他方式",
} as const;

/** Whether a value is one of the listed keys. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}
