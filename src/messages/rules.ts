// Pure rules of 留言: categories, the 答复期限 in working days and when a message is overdue.
// Dates are YYYY-MM-DD in Asia/Shanghai; the calendar is passed in (no I/O, no clock here).
import type { IsoDate, WorkCalendar } from "../calendar/rules";

export const MESSAGE_CATEGORIES = ["inquiry", "suggestion", "complaint"] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

export const categoryLabels: Record<MessageCategory, string> = {
  inquiry: "咨询",
  suggestion: "建议",
  complaint: "投诉",
};

export function isMessageCategory(value: string): value is MessageCategory {
  return (MESSAGE_CATEGORIES as readonly string[]).includes(value);
}

export function categoryLabel(value: string): string {
  return isMessageCategory(value) ? categoryLabels[value] : value;
}

/**
 * Default 答复期限 in working days. No national rule fixes these for 政府网站 留言; the 5 working
 * days of a 咨询 follow common practice for 政务咨询, and 10 for 建议 and 投诉 are the bureau's
 * own choice (a food or drug complaint is in any case directed to 12315). Administrators may
 * change each at /admin/messages/settings.
 */
export const DEFAULT_DEADLINE_WORKDAYS: Record<MessageCategory, number> = {
  inquiry: 5,
  suggestion: 10,
  complaint: 10,
};

/** Which defaults are the bureau's own choice rather than common practice (shown on the settings page). */
export const BUREAU_CHOSEN_DEFAULTS: readonly MessageCategory[] = ["suggestion", "complaint"];

export const MIN_DEADLINE_WORKDAYS = 1;
export const MAX_DEADLINE_WORKDAYS = 60;

/** The configured working days of each category: stored values win over the defaults. */
export function deadlineTable(
  stored: readonly { category: string; workdays: number }[],
): Record<MessageCategory, number> {
  const table = { ...DEFAULT_DEADLINE_WORKDAYS };
  for (const row of stored) {
    if (isMessageCategory(row.category)) table[row.category] = row.workdays;
  }
  return table;
}

/**
 * The working day a message counts as received: the day itself when it is a working day,
 * otherwise the next working day (a message sent on a Saturday or during 国庆 is received on the
 * first working day after, 调休 working weekends included).
 */
export function receiptWorkday(calendar: WorkCalendar, submittedOn: IsoDate): IsoDate {
  return calendar.isWorkday(submittedOn) ? submittedOn : calendar.addWorkdays(submittedOn, 1);
}

/**
 * 答复期限: `workdays` working days counted from the working day of receipt, that day itself not
 * counted (民法典第二百零一条, as for every working-day period here).
 */
export function messageDueOn(
  calendar: WorkCalendar,
  submittedOn: IsoDate,
  workdays: number,
): IsoDate {
  return calendar.addWorkdays(receiptWorkday(calendar, submittedOn), workdays);
}

/** Overdue: not replied and the due day has passed (the due day itself is still in time). */
export function isOverdue(
  message: { dueOn: IsoDate; repliedOn: IsoDate | null },
  today: IsoDate,
): boolean {
  return message.repliedOn === null && today > message.dueOn;
}

/** Replied after the due day. */
export function isAnsweredLate(message: { dueOn: IsoDate; repliedOn: IsoDate | null }): boolean {
  return message.repliedOn !== null && message.repliedOn > message.dueOn;
}

/** Working days left until the due day (0 on the day, negative when overdue). */
export function workdaysLeft(calendar: WorkCalendar, dueOn: IsoDate, today: IsoDate): number {
  return today <= dueOn
    ? calendar.workdaysBetween(today, dueOn)
    : -calendar.workdaysBetween(dueOn, today);
}

/**
 * Complaints about food and drug safety belong to the 12315 route (市场监管部门投诉举报
 * 处理办法); the portal says so on the form and after submission, and still logs the complaint.
 */
export const COMPLAINT_ROUTE_12315 = {
  platform: "全国12315平台",
  url: "https://www.12315.cn",
  phone: "12315",
} as const;

export const RATINGS = ["satisfied", "basically_satisfied", "dissatisfied"] as const;
export type Rating = (typeof RATINGS)[number];

export const ratingLabels: Record<Rating, string> = {
  satisfied: "满意",
  basically_satisfied: "基本满意",
  dissatisfied: "不满意",
};

export function ratingLabel(value: string | null): string | null {
  if (value === null) return null;
  return (RATINGS as readonly string[]).includes(value) ? ratingLabels[value as Rating] : value;
}
