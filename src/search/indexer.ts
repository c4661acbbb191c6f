// Keeps the search index equal to the set of published records: only a published record is ever
// indexed, and the records service calls syncSearchIndex in every transaction that changes state.
import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB } from "../db/schema";
import type { RecordsTable } from "../records/tables";
import { type Db, type SearchEntry, searchEngineOf } from "./engine";
import { docNoForms, indexNoForm } from "./exact";
import { foldForMatch, segmentForIndex, topKeywords } from "./segment";
import { sortInstantOf, sortKeyOf } from "./sort-key";

const INDEXED_COLUMNS = [
  "id",
  "state",
  "title",
  "doc_no",
  "index_no",
  "summary",
  "keywords",
  "body_text",
  "published_at",
  "published_on",
  "catalog_item_id",
  "genre",
  "publisher",
  "updated_at",
] as const;

type IndexedRow = Pick<Selectable<RecordsTable>, (typeof INDEXED_COLUMNS)[number]>;

/** Text beyond this (body plus attachments) is not indexed: it bounds index size and indexing time. */
export const MAX_INDEXED_CHARS = 200_000;

/** The index entry of a published record (text segmented), from its row and attachments' text. */
export function buildSearchEntry(row: IndexedRow, attachmentTexts: readonly string[]): SearchEntry {
  const publishedAt = row.published_at ?? row.updated_at;
  const publishedOn = row.published_on ?? publishedAt.slice(0, 10);
  const body = [row.summary, row.keywords.replaceAll(",", " "), row.body_text, ...attachmentTexts]
    .filter((t) => t.trim() !== "")
    .join("\n")
    .slice(0, MAX_INDEXED_CHARS);
  const docNo = docNoForms(row.doc_no);
  return {
    row: {
      record_id: row.id,
      sort_key: sortKeyOf(sortInstantOf(publishedAt, publishedOn), row.id),
      published_at: publishedAt,
      title_norm: foldForMatch(row.title),
      catalog_item_id: row.catalog_item_id,
      genre: row.genre,
      publisher: row.publisher,
      body_keywords: topKeywords(body).join(" "),
      year: Number(publishedOn.slice(0, 4)),
      doc_no_norm: docNo.norm,
      doc_no_tail: docNo.tail,
      index_no_norm: indexNoForm(row.index_no),
    },
    text: {
      title: segmentForIndex(row.title),
      docNo: segmentForIndex(row.doc_no ?? ""),
      body: segmentForIndex(body),
    },
  };
}

/**
 * Brings the search index in line with one record inside the caller's transaction: a published
 * record is (re)indexed, anything else is removed, so nothing unpublished is ever searchable.
 */
export async function syncSearchIndex(
  db: Kysely<DB> | Transaction<DB>,
  recordId: number,
): Promise<void> {
  const engine = searchEngineOf(db);
  await engine.remove(db, recordId);
  const row = await db
    .selectFrom("records")
    .select(INDEXED_COLUMNS)
    .where("id", "=", recordId)
    .executeTakeFirst();
  if (row?.state !== "published") return;
  const texts = await attachmentTexts(db, [recordId]);
  const entry = await withFreeSortKey(db, buildSearchEntry(row, texts.get(recordId) ?? []));
  await engine.index(db, [entry]);
}

/**
 * Rebuilds the whole index from the published records, `batchSize` records per transaction
 * (or all inside the caller's transaction). Returns the number of records indexed. Outside a
 * transaction, searches during the rebuild see a partial index.
 */
export async function rebuildSearchIndex(
  db: Kysely<DB> | Transaction<DB>,
  batchSize = 500,
): Promise<number> {
  const engine = searchEngineOf(db);
  await inTransaction(db, (trx) => engine.clear(trx));
  // The index is empty now, so sort-key clashes (see withFreeSortKey) are found in memory.
  const usedKeys = new Set<number>();
  let after = 0;
  let total = 0;
  for (;;) {
    const rows = await db
      .selectFrom("records")
      .select(INDEXED_COLUMNS)
      .where("state", "=", "published")
      .where("id", ">", after)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return total;
    await inTransaction(db, async (trx) => {
      const texts = await attachmentTexts(
        trx,
        rows.map((r) => r.id),
      );
      const entries = rows.map((row) => {
        const entry = buildSearchEntry(row, texts.get(row.id) ?? []);
        let key = entry.row.sort_key;
        while (usedKeys.has(key)) key--;
        usedKeys.add(key);
        return { ...entry, row: { ...entry.row, sort_key: key } };
      });
      await engine.index(trx, entries);
    });
    after = rows.at(-1)!.id;
    total += rows.length;
  }
}

function inTransaction(
  db: Kysely<DB> | Transaction<DB>,
  fn: (trx: Db) => Promise<void>,
): Promise<void> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Extracted text of each record's attachments, in attachment order. */
async function attachmentTexts(
  db: Db,
  recordIds: readonly number[],
): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom("record_attachments as a")
    .innerJoin("files as f", "f.id", "a.file_id")
    .select(["a.record_id", "f.text_content"])
    .where("a.record_id", "in", recordIds)
    .where("f.text_content", "is not", null)
    .orderBy("a.record_id")
    .orderBy("a.sort_order")
    .orderBy("a.id")
    .execute();
  const byRecord = new Map<number, string[]>();
  for (const r of rows) {
    const list = byRecord.get(r.record_id) ?? [];
    list.push(r.text_content ?? "");
    byRecord.set(r.record_id, list);
  }
  return byRecord;
}

/**
 * Two records published in the same second whose ids are 2^21 apart would share a sort key; the
 * later one takes the next free key below, which keeps it within (or just before) that second.
 */
async function withFreeSortKey(db: Db, entry: SearchEntry): Promise<SearchEntry> {
  for (let key = entry.row.sort_key; ; key--) {
    const taken = await db
      .selectFrom("record_search")
      .select("record_id")
      .where("sort_key", "=", key)
      .executeTakeFirst();
    if (!taken || taken.record_id === entry.row.record_id) {
      return { ...entry, row: { ...entry.row, sort_key: key } };
    }
  }
}
