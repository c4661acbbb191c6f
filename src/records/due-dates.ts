// 应公开日期 of a record and how close it is, on the working-day calendar. Pure.
// 条例第二十六条: proactively disclosed information is published within 20 working days of being
// formed or changed, unless a law sets another period; the catalog item's 公开时限 says which.
import type { IsoDate, WorkCalendar } from "../calendar/rules";
import { deadlineRuleSchema, dueDateFor } from "../catalog/deadline-rule";

/** "Due soon" means due within this many working days. */
export const DUE_SOON_WORKDAYS = 3;

/**
 * The record's 应公开日期 from its catalog item's stored rule (JSON) and its 成文日期, or null when
 * the item has no machine rule (or is 常态).
 */
export function dueOnFor(
  deadlineRuleJson: string | null,
  formedOn: IsoDate,
  calendar: WorkCalendar,
): IsoDate | null {
  if (!deadlineRuleJson) return null;
  const rule = deadlineRuleSchema.safeParse(JSON.parse(deadlineRuleJson));
  return rule.success ? dueDateFor(rule.data, formedOn, calendar) : null;
}

/** Published after its due date (a published record keeps this mark for supervision). */
export function isPublishedLate(publishedOn: IsoDate, dueOn: IsoDate | null): boolean {
  return dueOn !== null && publishedOn > dueOn;
}

export type DueStatus =
  | { kind: "overdue"; workdaysOverdue: number }
  | { kind: "dueSoon"; workdaysLeft: number }
  | null;

/**
 * Where an unpublished record stands on `today`: overdue once its due date has passed, due soon
 * when at most DUE_SOON_WORKDAYS working days remain (0 on the due date itself), else nothing.
 */
export function dueStatusOf(dueOn: IsoDate, today: IsoDate, calendar: WorkCalendar): DueStatus {
  if (today > dueOn)
    return { kind: "overdue", workdaysOverdue: calendar.workdaysBetween(dueOn, today) };
  const left = calendar.workdaysBetween(today, dueOn);
  return left <= DUE_SOON_WORKDAYS ? { kind: "dueSoon", workdaysLeft: left } : null;
}
