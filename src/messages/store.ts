// Kysely queries of 留言. No rules here: the service decides, the store reads and writes rows.
// Public queries start from `publicMessages`, the one base that requires replied + consent.
import type { Insertable, Kysely, Selectable, Transaction } from "kysely";
import { lockSequence } from "../db/dialect";
import type { DB } from "../db/schema";
import type { MessageEventsTable, MessagesTable } from "./tables";

export type Db = Kysely<DB> | Transaction<DB>;
export type MessageRow = Selectable<MessagesTable>;
export type MessageEventRow = Selectable<MessageEventsTable>;

export function inTransaction<T>(db: Db, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<DB>) : db.transaction().execute(work);
}

/** The next 留言编号 of a year, LY-2025-00012; serialised per year until the transaction ends. */
export async function nextMessageNo(trx: Transaction<DB>, year: number): Promise<string> {
  const prefix = `LY-${year}-`;
  await lockSequence(trx, `message_no:${year}`);
  const last = await trx
    .selectFrom("messages")
    .select("message_no")
    .where("message_no", ">=", `${prefix}00000`)
    .where("message_no", "<=", `${prefix}99999`)
    .orderBy("message_no", "desc")
    .limit(1)
    .executeTakeFirst();
  const serial = last ? Number(last.message_no.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(serial).padStart(5, "0")}`;
}

export async function insertMessage(db: Db, values: Insertable<MessagesTable>): Promise<number> {
  const row = await db
    .insertInto("messages")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findMessage(db: Db, id: number): Promise<MessageRow | undefined> {
  return db.selectFrom("messages").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findMessageByNo(db: Db, no: string): Promise<MessageRow | undefined> {
  return db.selectFrom("messages").selectAll().where("message_no", "=", no).executeTakeFirst();
}

export async function insertEvent(db: Db, values: Insertable<MessageEventsTable>): Promise<void> {
  await db.insertInto("message_events").values(values).execute();
}

export function listEvents(db: Db, messageId: number): Promise<MessageEventRow[]> {
  return db
    .selectFrom("message_events")
    .selectAll()
    .where("message_id", "=", messageId)
    .orderBy("id")
    .execute();
}

export async function unitNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom("units").select(["id", "name"]).execute();
  return new Map(rows.map((u) => [u.id, u.name]));
}

export async function rootUnitId(db: Db): Promise<number> {
  const row = await db
    .selectFrom("units")
    .select("id")
    .where("parent_id", "is", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The base of every public query: replied messages whose asker agreed to publication. Do not
 * start a public query from `db.selectFrom("messages")`.
 */
export function publicMessages(db: Db) {
  return db
    .selectFrom("messages")
    .where("messages.state", "=", "replied")
    .where("messages.consent_public", "=", 1);
}

/** Columns a public query may select: never the contact columns or the query-code hash. */
export const publicColumns = [
  "messages.id",
  "messages.message_no",
  "messages.category",
  "messages.subject",
  "messages.body",
  "messages.received_on",
  "messages.replied_on",
  "messages.reply_text",
  "messages.unit_id",
  "messages.rating",
] as const;
