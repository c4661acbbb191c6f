import { type Kysely, sql } from "kysely";
import { engineOf } from "../dialect";

// The full-text index of published records (see src/search/). Words are segmented by jieba in
// the application, so both engines index the same space-separated tokens:
// - SQLite: FTS5 `record_search_fts` (title, doc_no, body) with rowid = record_search.sort_key, so
//   newest-first is FTS5's own rowid order and needs no sort. Contentless (the text is in records)
//   and detail=none (no positions: nothing ranks by them, see src/search/rank.ts). The `ascii`
//   tokenizer splits the given tokens on spaces only (every non-ASCII character is a token
//   character), so FTS5 sees exactly jieba's tokens and a query token is never split into a phrase.
// - PostgreSQL: a `tsv` column of the record's distinct words with a GIN index.
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable("record_search")
    .addColumn("record_id", "integer", (c) => c.primaryKey())
    .addColumn("sort_key", "bigint", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("title_norm", "text", (c) => c.notNull())
    .addColumn("catalog_item_id", "integer")
    .addColumn("genre", "text", (c) => c.notNull())
    .addColumn("publisher", "text", (c) => c.notNull())
    .addColumn("body_keywords", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("doc_no_norm", "text")
    .addColumn("doc_no_tail", "text")
    .addColumn("index_no_norm", "text")
    .execute();
  await db.schema
    .createIndex("record_search_sort_key_uq")
    .unique()
    .on("record_search")
    .column("sort_key")
    .execute();
  for (const column of ["genre", "catalog_item_id", "publisher", "year"]) {
    await db.schema
      .createIndex(`record_search_${column}_idx`)
      .on("record_search")
      .columns([column, "sort_key"])
      .execute();
  }
  for (const column of ["doc_no_norm", "doc_no_tail", "index_no_norm"]) {
    await db.schema
      .createIndex(`record_search_${column}_idx`)
      .on("record_search")
      .column(column)
      .execute();
  }

  // Every search query checks records.state (a second guard behind the index's own content); with
  // this index the check never reads the record row, whose body can run over many pages.
  await db.schema
    .createIndex("records_id_state_idx")
    .on("records")
    .columns(["id", "state"])
    .execute();

  if (engine === "postgres") {
    await sql`alter table record_search add column tsv tsvector not null`.execute(db);
    // Inline (compressed if worthwhile) rather than TOASTed out of line: a newest-first walk checks
    // `tsv @@ query` row by row, and fetching each value from the TOAST table made that ~7× slower.
    await sql`alter table record_search alter column tsv set storage main`.execute(db);
    await sql`create index record_search_tsv_idx on record_search using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table record_search_fts using fts5(
      title, doc_no, body, tokenize = 'ascii', content = '', contentless_delete = 1, detail = none
    )`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "sqlite") await sql`drop table if exists record_search_fts`.execute(db);
  await db.schema.dropTable("record_search").ifExists().execute();
  await db.schema.dropIndex("records_id_state_idx").ifExists().execute();
}
