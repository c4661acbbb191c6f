// Reminders of due dates and the daily digest of overdue items, run by the scheduled jobs
// (jobs.ts), and the reader's side: marking notices read. Every mail and notice carries a dedupe
// key (UNIQUE in mail_outbox and notices), so however many processes or runs produce the same
// reminder, it exists once. These are system messages, not changes a person makes: not audited.
import type { Kysely } from "kysely";
import { type IsoDate, todayInShanghai, type WorkCalendar } from "../../calendar/rules";
import { loadWorkCalendar } from "../../calendar/store";
import type { DB } from "../../db/schema";
import { notFound } from "../../http/errors";
import { overdueMessages } from "../../messages/supervision";
import { listUnits, rootUnit } from "../../org/store";
import { consultationsAwaitingFeedback } from "../../participation/supervision";
import { type AuditActor, recordAudit } from "../../platform/audit";
import { personalDataKey } from "../../platform/crypto";
import { enqueueMail } from "../../platform/mail/outbox";
import { SITE_URL, withSiteUrl } from "../../platform/mail/rules";
import { listDueRecords } from "../../records/deadlines";
import { listApplications } from "../../requests/service";
import {
  applicationReminderRecipients,
  countItems,
  digestKey,
  digestRecipients,
  digestText,
  itemsInScope,
  type OverdueItems,
  recordReminderRecipients,
  reminderKey,
  reminderStageLabels,
  reminderStageOn,
  type StaffMember,
} from "./rules";
import { type Db, findOwnNotice, insertNotice, loadStaff } from "./store";

export interface ReminderDeps {
  db: Kysely<DB>;
  /** The secret the personal-data key is derived from (staff e-mail is encrypted in the outbox). */
  secret: string;
  now: Date;
}

export interface ReminderRunResult {
  /** Notices inserted by this run (0 when everything was already there). */
  notices: number;
  mails: number;
  skippedNonWorkday: boolean;
}

/** Unpublished records still in the workflow: a scheduled record publishes by itself. */
const REMINDED_RECORD_STATES = ["draft", "in_review", "awaiting_signoff"] as const;

/**
 * Sends the 3-day and 1-day reminders due today (see rules.ts). Does nothing on a non-working
 * day: the catch-up window of the stages sends what a holiday skipped on the next working day.
 */
export async function sendDueReminders(deps: ReminderDeps): Promise<ReminderRunResult> {
  const { db, now } = deps;
  const calendar = await loadWorkCalendar(db);
  const today = todayInShanghai(now);
  const result: ReminderRunResult = { notices: 0, mails: 0, skippedNonWorkday: false };
  if (!calendar.isWorkday(today)) return { ...result, skippedNonWorkday: true };
  const staff = await loadStaff(db);
  const root = await rootUnit(db);
  const key = personalDataKey(deps.secret);

  const records = await db
    .selectFrom("records")
    .select(["id", "title", "unit_id", "created_by", "due_on"])
    .where("state", "in", [...REMINDED_RECORD_STATES])
    .where("due_on", "is not", null)
    .where("due_on", ">=", today)
    .where("due_on", "<=", calendar.addWorkdays(today, 3))
    .orderBy("due_on")
    .orderBy("id")
    .execute();
  for (const record of records) {
    const dueOn = record.due_on!;
    const stage = reminderStageOn(dueOn, today, calendar);
    if (!stage) continue;
    const recipients = recordReminderRecipients(
      { createdBy: record.created_by, unitId: record.unit_id },
      staff,
    );
    const title = `《${record.title}》应于 ${dueOn} 前公开(还剩${leftText(stage.workdaysLeft)})`;
    for (const member of recipients) {
      await deliver(db, member, {
        kind: "reminder.record",
        key: reminderKey("record", record.id, dueOn, stage.stage, member.id),
        title,
        subject: `公开时限提醒:${reminderStageLabels[stage.stage]}后到期`,
        text: [
          "您好:",
          "",
          `政府信息《${record.title}》尚未发布,应公开日期为 ${dueOn},还剩${leftText(stage.workdaysLeft)}。`,
          "请尽快完成审核、签发和发布(《政府信息公开条例》第二十六条)。",
          "",
          `${SITE_URL}/admin/records/${record.id}`,
        ].join("\n"),
        link: `/admin/records/${record.id}`,
        pdKey: key,
        now,
        result,
      });
    }
  }

  // The live clock, as the case list computes it (the cached due_date lags behind pauses).
  const cases = await listApplications(db, { state: "in_progress" }, now);
  for (const item of cases) {
    // A paused clock (consultation, unpaid fee) moves its due date every day, and a case awaiting
    // a supplement or confirmation has none: no reminder until the clock runs again.
    if (!item.dueDate || item.isPaused) continue;
    if (item.clockState !== "in_progress" && item.clockState !== "due_soon") continue;
    const stage = reminderStageOn(item.dueDate, today, calendar);
    if (!stage) continue;
    const recipients = applicationReminderRecipients(
      { handlerId: item.handlerId, unitId: item.unitId },
      staff,
      root?.id ?? 0,
    );
    const title = `依申请公开 ${item.applicationNo} 应于 ${item.dueDate} 前答复(还剩${leftText(stage.workdaysLeft)})`;
    for (const member of recipients) {
      await deliver(db, member, {
        kind: "reminder.application",
        key: reminderKey("application", item.id, item.dueDate, stage.stage, member.id),
        title,
        subject: `答复期限提醒:${item.applicationNo}`,
        text: [
          "您好:",
          "",
          `政府信息公开申请 ${item.applicationNo} 的答复期限为 ${item.dueDate},还剩${leftText(stage.workdaysLeft)}。`,
          "请在期限内答复(《政府信息公开条例》第三十三条)。",
          "",
          `${SITE_URL}/admin/applications/${item.id}`,
        ].join("\n"),
        link: `/admin/applications/${item.id}`,
        pdKey: key,
        now,
        result,
      });
    }
  }
  return result;
}

const leftText = (workdays: number) =>
  workdays === 0 ? "0个工作日(今日到期)" : `${workdays}个工作日`;

/**
 * A notice and, when the person has an address, a mail. Two single-statement inserts rather than
 * one transaction: each is idempotent by its dedupe key, so a run cut off between them is
 * completed by the next run within the stage's window; and no write lock is held across an await
 * while other processes' jobs write (SQLite serialises writers).
 */
async function deliver(
  db: Kysely<DB>,
  member: StaffMember,
  m: {
    kind: string;
    key: string;
    title: string;
    body?: string;
    subject: string;
    text: string;
    link: string | null;
    pdKey: Buffer;
    now: Date;
    result: ReminderRunResult;
  },
): Promise<void> {
  const inserted = await insertNotice(
    db,
    {
      userId: member.id,
      kind: m.kind,
      title: m.title,
      body: m.body ?? "",
      link: m.link,
      dedupeKey: m.key,
    },
    m.now,
  );
  if (inserted) m.result.notices++;
  if (member.email) {
    const queued = await enqueueMail(
      db,
      { to: member.email, subject: m.subject, text: m.text, dedupeKey: m.key, key: m.pdKey },
      m.now,
    );
    if (queued) m.result.mails++;
  }
}

/** Everything overdue on `today`, across all units. */
export async function overdueItems(
  db: Kysely<DB>,
  now: Date,
  calendar: WorkCalendar,
): Promise<OverdueItems> {
  const today = todayInShanghai(now);
  const due = await listDueRecords(db, { today });
  const cases = await listApplications(db, { state: "overdue" }, now);
  const consultations = (await consultationsAwaitingFeedback(db, { today })).filter(
    (c) => c.overdue,
  );
  const messages = await overdueMessages(db, { today });
  return {
    records: due.overdue.map((r) => ({
      id: r.id,
      title: r.title,
      unitId: r.unitId,
      dueOn: r.dueOn,
      workdaysOverdue: calendar.workdaysBetween(r.dueOn, today),
    })),
    applications: cases
      .filter((a) => a.dueDate !== null)
      .map((a) => ({
        id: a.id,
        applicationNo: a.applicationNo,
        unitId: a.unitId,
        dueOn: a.dueDate!,
      }))
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id - b.id)),
    consultations: consultations.map((c) => ({
      id: c.id,
      title: c.title,
      unitId: c.unitId,
      feedbackDueOn: c.feedbackDueOn,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      messageNo: m.messageNo,
      unitId: m.unitId,
      dueOn: m.dueOn,
    })),
  };
}

export interface DigestRunResult {
  date: IsoDate;
  /** Recipients whose scope had overdue items (and so were sent a digest). */
  recipients: number;
  notices: number;
  mails: number;
  skippedNonWorkday: boolean;
}

/**
 * The daily digest of overdue items, on working days only: the office gets every unit's, a unit
 * head their own unit's (rules.ts digestRecipients). Nothing overdue in a scope: no digest.
 */
export async function sendDailyDigests(deps: ReminderDeps): Promise<DigestRunResult> {
  const { db, now } = deps;
  const calendar = await loadWorkCalendar(db);
  const today = todayInShanghai(now);
  const result: DigestRunResult = {
    date: today,
    recipients: 0,
    notices: 0,
    mails: 0,
    skippedNonWorkday: false,
  };
  if (!calendar.isWorkday(today)) return { ...result, skippedNonWorkday: true };
  const root = await rootUnit(db);
  if (!root) return result;
  const units = await listUnits(db);
  const unitName = (id: number | null) =>
    id === null ? "未分办" : (units.find((u) => u.id === id)?.name ?? `单位 ${id}`);
  const all = await overdueItems(db, now, calendar);
  const staff = await loadStaff(db);
  const key = personalDataKey(deps.secret);
  const tally: ReminderRunResult = { notices: 0, mails: 0, skippedNonWorkday: false };
  for (const { member, scope } of digestRecipients(staff, root.id)) {
    const items = itemsInScope(all, scope);
    const n = countItems(items);
    if (n === 0) continue;
    result.recipients++;
    const scopeName = scope === "all" ? "全局各单位" : unitName(scope.unitId);
    const text = digestText(items, { date: today, scopeName, unitName });
    await deliver(db, member, {
      kind: "digest",
      key: digestKey(member.id, today),
      title: `${today} 超期事项汇总(${scopeName},${n} 项)`,
      // The notice links within the site: the placeholder becomes a relative path.
      body: withSiteUrl(text, ""),
      subject: `每日超期事项汇总 ${today}`,
      text,
      link: "/admin/notices",
      pdKey: key,
      now,
      result: tally,
    });
  }
  return { ...result, notices: tally.notices, mails: tally.mails };
}

/** Marks one of the user's own notices read (another user's is "not found"). */
export async function markNoticeRead(
  db: Kysely<DB>,
  actor: AuditActor & { id: number },
  noticeId: number,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const notice = await findOwnNotice(trx, actor.id, noticeId);
    if (!notice) throw notFound("通知");
    if (notice.read_at) return;
    await trx
      .updateTable("notices")
      .set({ read_at: now.toISOString() })
      .where("id", "=", noticeId)
      .where("user_id", "=", actor.id)
      .execute();
    await recordAudit(
      trx,
      actor,
      { action: "notice.read", objectType: "notice", objectId: noticeId },
      now,
    );
  });
}

/** Marks all of the user's unread notices read; returns how many. */
export async function markAllNoticesRead(
  db: Kysely<DB>,
  actor: AuditActor & { id: number },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx: Db) => {
    const done = await trx
      .updateTable("notices")
      .set({ read_at: now.toISOString() })
      .where("user_id", "=", actor.id)
      .where("read_at", "is", null)
      .executeTakeFirst();
    const n = Number(done.numUpdatedRows);
    if (n > 0) {
      await recordAudit(
        trx,
        actor,
        { action: "notice.read_all", objectType: "notice", objectId: null, detail: `${n} 条` },
        now,
      );
    }
    return n;
  });
}
