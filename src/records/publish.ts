// Publication: 索引号 assignment, the publication fields, the search index, and the scheduler's
// entry point for 定时发布. 条例第十二条 (目录、索引), 第二十六条 (时限)
import { sql, type Transaction } from "kysely";
import { todayInShanghai } from "../calendar/rules";
import { lockSequence } from "../db/dialect";
import type { DB } from "../db/schema";
import { AppError, conflict } from "../http/errors";
import { loadSiteSettings, type SiteSettings } from "../platform/settings";
import { syncSearchIndex } from "../search/indexer";
import { notifySubscribers } from "../subscriptions/service";
import { bumpContentRevision } from "../ui/cache/revision";
import {
  inRecordTransaction,
  type RecordActor,
  refusalError,
  schedulerActor,
  writeRecordChange,
} from "./changes";
import { isPublishedLate } from "./due-dates";
import { formatIndexNo, parseIndexNoPattern } from "./index-no";
import { loadWorkflowFacts, workflowInputOf } from "./interpretation";
import { type Db, findRecordRow, type RecordRow } from "./store";
import { decide, ridersOf } from "./workflow";

/**
 * Publishes records together in the caller's transaction: one published_at for all (a policy and
 * its interpretations go live at the same instant), a fresh 索引号 each, the search index updated.
 * Records are written in the order given; the first is the one acted on, the rest ride along.
 */
export async function publishTogether(
  trx: Transaction<DB>,
  rows: readonly RecordRow[],
  change: { action: "sign" | "publish_scheduled"; actor: RecordActor; now: Date; comment?: string },
): Promise<RecordRow[]> {
  const settings = await loadSiteSettings(trx);
  // Taken before the audit chain's lock (in writeRecordChange), always in this order.
  await lockSequence(trx, "index_no");
  const publishedAt = change.now.toISOString();
  const publishedOn = todayInShanghai(change.now);
  const published: RecordRow[] = [];
  for (const [i, row] of rows.entries()) {
    const indexNo =
      row.index_no ?? (await nextIndexNo(trx, settings, Number(publishedOn.slice(0, 4))));
    const updated = await writeRecordChange(trx, row, {
      action: change.action,
      values: {
        state: "published",
        index_no: indexNo,
        published_at: publishedAt,
        published_on: publishedOn,
        published_late: isPublishedLate(publishedOn, row.due_on) ? 1 : 0,
      },
      comment: i === 0 ? change.comment : "随所解读的政策文件同步发布",
      actor: change.actor,
      now: change.now,
    });
    await syncSearchIndex(trx, updated.id);
    published.push(updated);
  }
  // E-mail subscribers, queued in this transaction: one mail per record and subscription.
  for (const row of published) {
    await notifySubscribers(trx, { kind: "recordPublished", recordId: row.id }, change.now);
  }
  return published;
}

/**
 * The next 索引号 from the site's pattern and 统一社会信用代码. The year's counter in
 * index_no_serials only ever goes up inside the publishing transaction (under the "index_no" lock),
 * so numbers are unique and never reused; a pattern without {year} counts across years. Should an
 * earlier pattern have produced the same text, the next serial is taken.
 */
export async function nextIndexNo(
  trx: Transaction<DB>,
  settings: Pick<SiteSettings, "indexNoPattern" | "creditCode">,
  year: number,
): Promise<string> {
  const parsed = parseIndexNoPattern(settings.indexNoPattern);
  const hasYear =
    parsed.ok && parsed.segments.some((s) => s.type === "token" && s.token === "year");
  for (let attempt = 0; attempt < 1000; attempt++) {
    const serial = await takeSerial(trx, hasYear ? year : 0);
    const indexNo = formatOrRefuse(settings, year, serial);
    const taken = await trx
      .selectFrom("records")
      .select("id")
      .where("index_no", "=", indexNo)
      .executeTakeFirst();
    if (!taken) return indexNo;
  }
  throw conflict("无法生成不重复的索引号,请系统管理员检查索引号格式。");
}

async function takeSerial(trx: Transaction<DB>, year: number): Promise<number> {
  const row = await trx
    .insertInto("index_no_serials")
    .values({ year, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .column("year")
        .doUpdateSet((eb) => ({ last_serial: eb("index_no_serials.last_serial", "+", 1) })),
    )
    .returning("last_serial")
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

function formatOrRefuse(
  settings: Pick<SiteSettings, "indexNoPattern" | "creditCode">,
  year: number,
  serial: number,
): string {
  try {
    return formatIndexNo(settings.indexNoPattern, {
      creditCode: settings.creditCode,
      year,
      serial,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw conflict(
      `无法生成索引号(${reason}),请系统管理员先在站点设置中填写统一社会信用代码和索引号格式。`,
    );
  }
}

export interface ScheduledPublication {
  /** Ids published, interpretations released with their policy included. */
  published: number[];
  /** Scheduled records that are due but may not go out, with the reason (they stay scheduled). */
  refused: { id: number; message: string }[];
}

/**
 * `state = 'scheduled'` written out, not bound: only then can the planner use the partial index
 * of scheduled records (migration 2026_11_26_1000). By the state column's statistics (nearly all
 * published) SQLite otherwise reads every record.
 */
export const scheduledOnly = sql<boolean>`records.state = 'scheduled'`;

/**
 * Publishes every scheduled record whose time has come, each (with its interpretations) in its own
 * transaction. Safe to run concurrently: a record someone else published meanwhile is skipped.
 * Called by the scheduler and lazily before records are read or acted on.
 */
export async function publishDueScheduledRecords(db: Db, now: Date): Promise<ScheduledPublication> {
  const result: ScheduledPublication = { published: [], refused: [] };
  const due = await db
    .selectFrom("records")
    .select("id")
    .where(scheduledOnly)
    .where("scheduled_at", "<=", now.toISOString())
    .orderBy("scheduled_at")
    .orderBy("id")
    .execute();
  try {
    for (const { id } of due) {
      try {
        result.published.push(
          ...(await inRecordTransaction(db, (trx) => publishIfDue(trx, id, now))),
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // Still scheduled: it may not go out (reported); otherwise someone else published it.
        if (await isScheduled(db, id)) result.refused.push({ id, message: error.message });
      }
    }
  } finally {
    // Published content changed, in every process (ui/cache/revision.ts): the callers include
    // GET requests (public reads, back-office lists), which the POST middleware does not bump for.
    if (result.published.length) bumpContentRevision();
  }
  return result;
}

async function publishIfDue(trx: Transaction<DB>, id: number, now: Date): Promise<number[]> {
  const row = await findRecordRow(trx, id);
  if (row?.state !== "scheduled" || !row.scheduled_at || row.scheduled_at > now.toISOString()) {
    return [];
  }
  const facts = await loadWorkflowFacts(trx, row);
  // Scheduled together with its policy: it goes out when the policy does.
  if (facts.policy?.state === "scheduled") return [];
  const decision = decide(workflowInputOf(row, facts, "publish_scheduled", schedulerActor, now));
  if (!decision.ok) throw refusalError(decision);
  const riders = ridersOf("publish_scheduled", facts.interpretations);
  const rows = await publishTogether(trx, [row, ...riders], {
    action: "publish_scheduled",
    actor: schedulerActor,
    now,
    comment: "定时发布",
  });
  return rows.map((r) => r.id);
}

async function isScheduled(db: Db, id: number): Promise<boolean> {
  return (await findRecordRow(db, id))?.state === "scheduled";
}
