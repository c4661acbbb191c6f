// 收到申请之日 (receivedOn) by channel: 条例第三十一条.

import type { IsoDate } from "../calendar/rules";
import { isIsoDate } from "./periods";

/**
 * How the application arrived.
 * - in_person: 当面提交 (an oral application written down by the office counts as in person, 第二十九条)
 * - mail_signed: 挂号信、EMS 等需要签收的邮件
 * - mail_unsigned: 平常信函等无需签收的邮件
 * - online: 互联网渠道(门户网站申请表、电子邮件)
 * - fax: 政府信息公开工作机构的传真
 */
export type ReceiptChannel = "in_person" | "mail_signed" | "mail_unsigned" | "online" | "fax";

export const RECEIPT_CHANNELS: readonly ReceiptChannel[] = [
  "in_person",
  "mail_signed",
  "mail_unsigned",
  "online",
  "fax",
];

export const RECEIPT_CHANNEL_LABELS: Readonly<Record<ReceiptChannel, string>> = {
  in_person: "当面提交",
  mail_signed: "邮寄(签收)",
  mail_unsigned: "平常信函",
  online: "网上申请",
  fax: "传真",
};

/** The facts recorded when an application is registered. */
export interface ReceiptFacts {
  channel: ReceiptChannel;
  /** The day the applicant handed it in, submitted it online, faxed it, or the letter arrived. */
  submittedOn?: IsoDate;
  /** mail_signed: the day the bureau signed for the letter. */
  signedOn?: IsoDate;
  /**
   * mail_unsigned / online / fax: the day the bureau confirmed receipt with the applicant. May be
   * left empty and recorded instead as a `confirm` event in the timeline (待确认 until then).
   */
  confirmedOn?: IsoDate;
}

/** Whether receipt becomes effective only when the bureau confirms it with the applicant. */
export function channelNeedsConfirmation(channel: ReceiptChannel): boolean {
  switch (channel) {
    case "in_person":
    case "mail_signed":
      return false;
    case "mail_unsigned":
    case "online":
    case "fax":
      return true;
    default: {
      const unknown: never = channel;
      throw new RangeError(`未知的申请渠道:${String(unknown)}`);
    }
  }
}

/**
 * 收到申请之日 under 条例第三十一条, or null while a confirmation is still awaited: 当面 the day
 * submitted; 挂号信 the day signed for; 平信, online and fax the day receipt is confirmed.
 */
export function receiptDate(receipt: ReceiptFacts): IsoDate | null {
  switch (receipt.channel) {
    case "in_person":
      return receipt.submittedOn ?? null;
    case "mail_signed":
      return receipt.signedOn ?? null;
    case "mail_unsigned":
    case "online":
    case "fax":
      return receipt.confirmedOn ?? null;
    default: {
      const unknown: never = receipt.channel;
      throw new RangeError(`未知的申请渠道:${String(unknown)}`);
    }
  }
}

/** Checks the receipt facts of a new application; returns a Chinese message or null when fine. */
export function receiptProblem(receipt: ReceiptFacts): string | null {
  if (!RECEIPT_CHANNELS.includes(receipt.channel)) return "申请渠道无效";
  for (const field of ["submittedOn", "signedOn", "confirmedOn"] as const) {
    const value = receipt[field];
    if (value !== undefined && !isIsoDate(value)) return `日期无效(应为 YYYY-MM-DD):${value}`;
  }
  const { channel, submittedOn, signedOn, confirmedOn } = receipt;
  if (channel === "in_person" && !submittedOn) return "当面提交的申请须填写提交日期";
  if (channel === "mail_signed" && !signedOn) return "邮寄申请须填写签收日期";
  if (channel !== "mail_signed" && signedOn) return "只有需要签收的邮寄申请才有签收日期";
  if (!channelNeedsConfirmation(channel) && confirmedOn) {
    return `${RECEIPT_CHANNEL_LABELS[channel]}的申请以${channel === "in_person" ? "提交" : "签收"}之日为收到申请之日,无需确认`;
  }
  if (signedOn && submittedOn && signedOn < submittedOn) return "签收日期不能早于寄达日期";
  if (confirmedOn && submittedOn && confirmedOn < submittedOn) return "确认日期不能早于提交日期";
  return null;
}
