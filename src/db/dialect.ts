// The only file where SQLite and PostgreSQL differ. Feature code calls these helpers
// instead of writing engine-specific SQL.
import {
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  type RawBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from "kysely";
import type { Engine } from "./database";

// biome-ignore lint/suspicious/noExplicitAny: migrations and helpers work on any schema
type AnyDb = Kysely<any> | Transaction<any>;

/** Which engine a Kysely handle talks to. */
export function engineOf(db: AnyDb): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function addIdColumn<T extends string>(
  table: CreateTableBuilder<T, never>,
  engine: Engine,
): CreateTableBuilder<T, "id"> {
  return engine === "postgres"
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

/** Escapes %, _ and the escape character so user text matches literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * Case-insensitive match of a column against user text, literally: `contains` or `startsWith`.
 * ILIKE on PostgreSQL, LIKE on SQLite (case-insensitive for ASCII), both with ESCAPE '\'.
 */
export function matchText(
  db: AnyDb,
  column: string,
  text: string,
  how: "contains" | "startsWith" = "contains",
): RawBuilder<SqlBool> {
  const pattern = `${how === "contains" ? "%" : ""}${escapeLike(text)}%`;
  const op = engineOf(db) === "postgres" ? sql.raw("ilike") : sql.raw("like");
  return sql<SqlBool>`${sql.ref(column)} ${op} ${pattern} escape '\\'`;
}

/**
 * Serialises writers of one logical sequence (audit chain, 索引号 serials) until the end of the
 * current transaction. SQLite already runs one writer at a time, so nothing is needed there.
 */
export async function lockSequence(trx: AnyDb, key: string): Promise<void> {
  if (engineOf(trx) !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Current instant as an ISO-8601 UTC string, the format every `*_at` column stores. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}

export function rawTrue(): RawBuilder<number> {
  return sql<number>`1`;
}
