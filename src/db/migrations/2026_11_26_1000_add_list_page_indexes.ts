import { type Kysely, sql } from "kysely";
import { engineOf } from "../dialect";

// Public record lists page with OFFSET, newest first (published_at, id). A deep page skips tens of
// thousands of index entries; with the record id in the index that skip is index-only on
// PostgreSQL too (SQLite indexes carry the rowid anyway), and public-store.ts reads only the
// page's own rows (a deferred join). Page 2,364 of a catalog item at a million records took
// 257 ms on PostgreSQL reading every skipped row (docs/PERFORMANCE.md). Each index replaces the
// one without id, whose columns it starts with.
const indexes: { name: string; columns: string[] }[] = [
  { name: "records_state_published_idx", columns: ["state", "published_at", "id"] },
  { name: "records_catalog_idx", columns: ["catalog_item_id", "state", "published_at", "id"] },
  { name: "records_genre_idx", columns: ["genre", "state", "published_at", "id"] },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const { name, columns } of indexes) {
    await db.schema.dropIndex(name).ifExists().execute();
    await db.schema.createIndex(name).on("records").columns(columns).execute();
  }
  // Most records interpret nothing: indexed whole, the column looked like one value for a million
  // rows, and SQLite found a record's interpretations by walking every published record in date
  // order (4–10 s per record page). Only the records that do interpret something are indexed.
  await db.schema.dropIndex("records_interprets_idx").ifExists().execute();
  await db.schema
    .createIndex("records_interprets_idx")
    .on("records")
    .column("interprets_record_id")
    .where(sql.ref("interprets_record_id"), "is not", null)
    .execute();
  // The few scheduled records (定时发布), looked up before public reads (records/publish.ts).
  await db.schema
    .createIndex("records_scheduled_idx")
    .on("records")
    .column("scheduled_at")
    .where(sql.ref("state"), "=", sql.lit("scheduled"))
    .execute();
  await analyzeRecords(db);
}

/**
 * Fresh planner statistics for the new indexes. Without them SQLite took (state, published_at,
 * id) for a selective index and answered the public filters' min(topic) by reading all million
 * records, 5 s each. A full analysis (3.5 s at a million records): a sampled one
 * (analysis_limit) misjudged the same indexes just as badly.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
async function analyzeRecords(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "sqlite") await sql`pragma analysis_limit = 0`.execute(db);
  await sql`analyze records`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const { name, columns } of indexes) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on("records").columns(columns.slice(0, -1)).execute();
  }
  await db.schema.dropIndex("records_scheduled_idx").execute();
  await db.schema.dropIndex("records_interprets_idx").execute();
  await db.schema
    .createIndex("records_interprets_idx")
    .on("records")
    .column("interprets_record_id")
    .execute();
  await analyzeRecords(db);
}
