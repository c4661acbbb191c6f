import type { Kysely } from "kysely";

// Indexes the public pages and the annual report need once there are hundreds of thousands of
// records and tens of thousands of applications (bench/seed.ts scale, docs/PERFORMANCE.md).
// Plain B-tree indexes: the same statement on SQLite and PostgreSQL.
const indexes: { name: string; table: string; columns: string[] }[] = [
  // The public filters' distinct 主题分类 / 发布机构 (loose index scan in public-store.ts).
  { name: "records_state_topic_idx", table: "records", columns: ["state", "topic"] },
  { name: "records_state_publisher_idx", table: "records", columns: ["state", "publisher"] },
  // The range of 发布日期 years: min/max as two index seeks.
  { name: "records_state_published_on_idx", table: "records", columns: ["state", "published_on"] },
  // The annual report's 规范性文件 facts, read from the index alone (no record row, no body).
  {
    name: "records_genre_validity_idx",
    table: "records",
    columns: ["genre", "state", "formed_on", "validity", "validity_changed_on"],
  },
  // 上年结转: cases still open (closed_on null) or closed on/after 1 January.
  {
    name: "applications_closed_received_idx",
    table: "applications",
    columns: ["closed_on", "received_on"],
  },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const { name, table, columns } of indexes) {
    await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const { name } of indexes) await db.schema.dropIndex(name).ifExists().execute();
}
