// Pure rules of reminders and the daily digest: which reminder a due date calls for on a day, who
// receives it, the dedupe keys, and the digest's text. No I/O; "today" and the calendar are passed.
//
// Reminders (公开时限 条例第二十六条, 答复期限 条例第三十三条): 3 working days and 1 working day before
// the due date. A run that missed its day (server down, a holiday) catches up: the 3-day reminder
// covers 3 and 2 working days left, the 1-day reminder 1 and 0 (the due date itself). The dedupe
// key holds the due date, so a changed due date gives new reminders and a repeated run none.
import type { IsoDate, WorkCalendar } from "../../calendar/rules";
import { SITE_URL } from "../../platform/mail/rules";

export type ReminderStage = "d3" | "d1";

export const reminderStageLabels: Record<ReminderStage, string> = {
  d3: "3个工作日",
  d1: "1个工作日",
};

/** The reminder due on `today` for a due date, or null (not yet, or already past). */
export function reminderStageOn(
  dueOn: IsoDate,
  today: IsoDate,
  calendar: WorkCalendar,
): { stage: ReminderStage; workdaysLeft: number } | null {
  if (today > dueOn) return null;
  const left = calendar.workdaysBetween(today, dueOn);
  if (left > 3) return null;
  return { stage: left >= 2 ? "d3" : "d1", workdaysLeft: left };
}

export type ReminderSubject = "record" | "application";

/** One reminder to one person: the same key never produces a second mail or notice. */
export function reminderKey(
  subject: ReminderSubject,
  id: number,
  dueOn: IsoDate,
  stage: ReminderStage,
  userId: number,
): string {
  return `reminder:${subject}:${id}:${dueOn}:${stage}:u${userId}`;
}

/** One digest per person per Shanghai date. */
export function digestKey(userId: number, date: IsoDate): string {
  return `digest:${date}:u${userId}`;
}

export interface StaffMember {
  id: number;
  unitId: number;
  roles: readonly string[];
  isActive: boolean;
  email: string | null;
}

const activeIn = (staff: readonly StaffMember[], unitId: number, role: string) =>
  staff.filter((s) => s.isActive && s.unitId === unitId && s.roles.includes(role));

/** A record's reminder goes to its drafter; if the drafter is not active, to the unit's editors. */
export function recordReminderRecipients(
  record: { createdBy: number | null; unitId: number },
  staff: readonly StaffMember[],
): StaffMember[] {
  const drafter = staff.find((s) => s.id === record.createdBy && s.isActive);
  return drafter ? [drafter] : activeIn(staff, record.unitId, "editor");
}

/**
 * An application's reminder goes to its handler (承办人); without an active one, to the
 * 依申请公开经办人 of the handling unit (the root unit while not yet assigned); if that unit has
 * none, to every active 经办人, so a due date never passes unannounced.
 */
export function applicationReminderRecipients(
  application: { handlerId: number | null; unitId: number | null },
  staff: readonly StaffMember[],
  rootUnitId: number,
): StaffMember[] {
  const handler = staff.find((s) => s.id === application.handlerId && s.isActive);
  if (handler) return [handler];
  const officers = activeIn(staff, application.unitId ?? rootUnitId, "applicationOfficer");
  if (officers.length) return officers;
  return staff.filter((s) => s.isActive && s.roles.includes("applicationOfficer"));
}

/**
 * Who gets the daily digest, and of which scope:
 * - the office (政务公开办公室) = reviewers and approvers of the root unit (局机关): every unit;
 * - a unit head (负责人) = the unit's approvers (签发人), or its reviewers when it has no approver:
 *   their own unit.
 * A person in both groups gets one digest, of the wider (office) scope.
 */
export function digestRecipients(
  staff: readonly StaffMember[],
  rootUnitId: number,
): { member: StaffMember; scope: "all" | { unitId: number } }[] {
  const result = new Map<number, { member: StaffMember; scope: "all" | { unitId: number } }>();
  const office = staff.filter(
    (s) =>
      s.isActive &&
      s.unitId === rootUnitId &&
      (s.roles.includes("reviewer") || s.roles.includes("approver")),
  );
  for (const member of office) result.set(member.id, { member, scope: "all" });
  const unitIds = [...new Set(staff.filter((s) => s.isActive).map((s) => s.unitId))];
  for (const unitId of unitIds) {
    const approvers = activeIn(staff, unitId, "approver");
    const heads = approvers.length ? approvers : activeIn(staff, unitId, "reviewer");
    for (const member of heads) {
      if (!result.has(member.id)) result.set(member.id, { member, scope: { unitId } });
    }
  }
  return [...result.values()].sort((a, b) => a.member.id - b.member.id);
}

export interface OverdueItems {
  records: { id: number; title: string; unitId: number; dueOn: IsoDate; workdaysOverdue: number }[];
  applications: { id: number; applicationNo: string; unitId: number | null; dueOn: IsoDate }[];
  consultations: { id: number; title: string; unitId: number; feedbackDueOn: IsoDate }[];
  messages: { id: number; messageNo: string; unitId: number | null; dueOn: IsoDate }[];
}

/** The overdue items a scope covers: all of them, or one unit's (unassigned items: office only). */
export function itemsInScope(items: OverdueItems, scope: "all" | { unitId: number }): OverdueItems {
  if (scope === "all") return items;
  const mine = (unitId: number | null) => unitId === scope.unitId;
  return {
    records: items.records.filter((r) => mine(r.unitId)),
    applications: items.applications.filter((a) => mine(a.unitId)),
    consultations: items.consultations.filter((c) => mine(c.unitId)),
    messages: items.messages.filter((m) => mine(m.unitId)),
  };
}

export function countItems(items: OverdueItems): number {
  return (
    items.records.length +
    items.applications.length +
    items.consultations.length +
    items.messages.length
  );
}

/** The digest as plain text (mail body and notice body); links use the site placeholder. */
export function digestText(
  items: OverdueItems,
  options: { date: IsoDate; scopeName: string; unitName: (id: number | null) => string },
): string {
  const lines: string[] = [
    `截至 ${options.date},${options.scopeName}共有 ${countItems(items)} 项超期事项:`,
  ];
  const section = (heading: string, rows: string[]) => {
    if (rows.length === 0) return;
    lines.push("", `${heading}(${rows.length} 项)`, ...rows);
  };
  section(
    "超期未公开的政府信息",
    items.records.map(
      (r) =>
        `- 《${r.title}》 ${options.unitName(r.unitId)},应公开日期 ${r.dueOn},已超期 ${r.workdaysOverdue} 个工作日 ${SITE_URL}/admin/records/${r.id}`,
    ),
  );
  section(
    "超期未答复的政府信息公开申请",
    items.applications.map(
      (a) =>
        `- ${a.applicationNo} ${options.unitName(a.unitId)},答复期限 ${a.dueOn} ${SITE_URL}/admin/applications/${a.id}`,
    ),
  );
  section(
    "超期未发布意见采纳情况反馈的意见征集",
    items.consultations.map(
      (c) =>
        `- 《${c.title}》 ${options.unitName(c.unitId)},应于 ${c.feedbackDueOn} 前反馈 ${SITE_URL}/admin/consultations/${c.id}/feedback`,
    ),
  );
  section(
    "超期未答复的留言",
    items.messages.map(
      (m) =>
        `- ${m.messageNo} ${options.unitName(m.unitId)},应于 ${m.dueOn} 前答复 ${SITE_URL}/admin/messages/${m.id}`,
    ),
  );
  lines.push("", "本邮件由系统每个工作日自动发送,请勿直接回复。");
  return lines.join("\n");
}
