// Kysely queries of applications and their timelines. No rules here: the service decides, the
// store reads and writes rows.
import type { Insertable, Kysely, Selectable, Transaction } from "kysely";
import type { IsoDate } from "../calendar/rules";
import { lockSequence } from "../db/dialect";
import type { DB } from "../db/schema";
import type { TimelineEvent } from "./events";
import { type ApplicationChannel, receiptChannelOf } from "./labels";
import type { ReceiptFacts } from "./receipt";
import type { ApplicationEventsTable, ApplicationsTable } from "./tables";

export type Db = Kysely<DB> | Transaction<DB>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type ApplicationEventRow = Selectable<ApplicationEventsTable>;

/** Runs `work` in the caller's transaction, or in a new one. */
export function inTransaction<T>(db: Db, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<DB>) : db.transaction().execute(work);
}

/** The next 申请编号 of a year, YSQ-2025-00012; serialised per year until the transaction ends. */
export async function nextApplicationNo(trx: Transaction<DB>, year: number): Promise<string> {
  const prefix = `YSQ-${year}-`;
  await lockSequence(trx, `application_no:${year}`);
  const last = await trx
    .selectFrom("applications")
    .select("application_no")
    .where("application_no", ">=", `${prefix}00000`)
    .where("application_no", "<=", `${prefix}99999`)
    .orderBy("application_no", "desc")
    .limit(1)
    .executeTakeFirst();
  const serial = last ? Number(last.application_no.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(serial).padStart(5, "0")}`;
}

export async function insertApplication(
  trx: Db,
  values: Insertable<ApplicationsTable>,
): Promise<number> {
  const row = await trx
    .insertInto("applications")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findApplication(db: Db, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findApplicationByNo(db: Db, no: string): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom("applications")
    .selectAll()
    .where("application_no", "=", no)
    .executeTakeFirst();
}

/** Serialises writers of one case's timeline until the transaction ends (PostgreSQL). */
export function lockApplication(trx: Transaction<DB>, id: number): Promise<void> {
  return lockSequence(trx, `application:${id}`);
}

export function listEventRows(db: Db, applicationId: number): Promise<ApplicationEventRow[]> {
  return db
    .selectFrom("application_events")
    .selectAll()
    .where("application_id", "=", applicationId)
    .orderBy("id")
    .execute();
}

/** The timelines of many cases at once, keyed by application id. */
export async function listEventRowsOf(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, ApplicationEventRow[]>> {
  const byId = new Map<number, ApplicationEventRow[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("application_events")
      .selectAll()
      .where("application_id", "in", ids.slice(i, i + 500))
      .orderBy("id")
      .execute();
    for (const row of rows) byId.get(row.application_id)?.push(row);
  }
  return byId;
}

export async function insertEventRow(
  trx: Db,
  values: Insertable<ApplicationEventsTable>,
): Promise<number> {
  const row = await trx
    .insertInto("application_events")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The cached state columns, written after every event. */
export interface ApplicationCache {
  phase: string;
  received_on: IsoDate | null;
  confirmed_on: IsoDate | null;
  due_date: IsoDate | null;
  closed_on: IsoDate | null;
  result_key: string | null;
  year_received: number | null;
  unit_id: number | null;
  handler_id: number | null;
}

export async function updateApplicationCache(
  trx: Db,
  id: number,
  cache: ApplicationCache,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("applications")
    .set({ ...cache, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** A stored event as the pure rules see it: its payload spread over `{type, on}`. */
export function timelineEventOf(row: ApplicationEventRow): TimelineEvent {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  return { ...payload, type: row.type, on: row.happened_on } as TimelineEvent;
}

/** The receipt facts of 条例第三十一条 stored on the row (the confirmation is a timeline event). */
export function receiptFactsOf(row: ApplicationRow): ReceiptFacts {
  return {
    channel: receiptChannelOf(row.channel as ApplicationChannel),
    ...(row.submitted_on ? { submittedOn: row.submitted_on } : {}),
    ...(row.signed_on ? { signedOn: row.signed_on } : {}),
  };
}

export interface ApplicationRowFilter {
  phases?: readonly string[];
  year?: number;
  unitId?: number;
  limit: number;
}

/** Rows for lists, newest first; year matches 收到申请之日, or the filing date while 待确认. */
export function selectApplicationRows(
  db: Db,
  filter: ApplicationRowFilter,
): Promise<ApplicationRow[]> {
  let query = db.selectFrom("applications").selectAll();
  if (filter.phases?.length) query = query.where("phase", "in", filter.phases);
  if (filter.unitId) query = query.where("unit_id", "=", filter.unitId);
  const year = filter.year;
  if (year) {
    query = query.where((eb) =>
      eb.or([
        eb("year_received", "=", year),
        eb.and([
          eb("year_received", "is", null),
          eb("submitted_on", ">=", `${year}-01-01`),
          eb("submitted_on", "<=", `${year}-12-31`),
        ]),
      ]),
    );
  }
  return query.orderBy("id", "desc").limit(filter.limit).execute();
}

/** Ids of every case whose clock may still change (not archived), for a recompute. */
export async function openApplicationIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom("applications")
    .select("id")
    .where("phase", "!=", "archived")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}
