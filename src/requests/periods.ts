// Statutory periods of 依申请公开, in working days, and the counting convention shared by the
// state machine (timeline.ts) and the clock (clock.ts).
//
// Counting convention (民法典第二百零一条; 条例 itself is silent, see ogi-regulation-rules.json
// time_units.counting_convention): a period of N working days ends on the N-th working day after
// its start date; the start date itself is not counted. `WorkCalendar.addWorkdays(start, n)` is
// exactly that rule.

import type { IsoDate, WorkCalendar } from "../calendar/rules";

/** 条例第三十三条第一款: reply within 20 working days of receipt. */
export const REPLY_WORKDAYS = 20;
/** 条例第三十三条第一款: one extension, at most 20 working days. */
export const MAX_EXTENSION_WORKDAYS = 20;
/** 条例第三十条: the one-time 补正 notice within 7 working days of receipt. */
export const SUPPLEMENT_NOTICE_WORKDAYS = 7;
/** 条例第三十二条: a third party answers within 15 working days of receiving the letter. */
export const THIRD_PARTY_CONSULTATION_WORKDAYS = 15;
/** 条例第三十四条: another agency answers within 15 working days; silence is consent. */
export const AGENCY_CONSULTATION_WORKDAYS = 15;
/** 国办函〔2020〕109号: pay within 20 working days of receiving the fee notice (条号 unverified). */
export const FEE_PAYMENT_WORKDAYS = 20;
/** A case is 即将到期 when at most this many counted working days are left. */
export const DUE_SOON_WORKDAYS = 3;

/** The role that may approve an extension: 签发人 (GLOSSARY: approver). 条例第三十三条 names the 工作机构负责人. */
export const EXTENSION_APPROVER_ROLE = "approver";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the value is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/** The later of two dates. */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** End of a period of `days` working days that starts on `start` (start not counted). */
export function periodEnd(calendar: WorkCalendar, start: IsoDate, days: number): IsoDate {
  return calendar.addWorkdays(start, days);
}
