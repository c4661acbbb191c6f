// What the public sees of records: the portal pages, feeds, sitemap and the public JSON API read
// only through this file. Every query starts from `publishedRecords`, the one base query that
// requires state = 'published', so a draft, a scheduled or a withdrawn record cannot leak through
// a query that forgot the condition (条例第二十三条: withdrawn information leaves every channel).
import { sql } from "kysely";
import { matchText } from "../db/dialect";
import { revisionMemo } from "../ui/cache/revision-memo";
import type { Db } from "./store";

/**
 * The base of every public query: records that are published, nothing else. Do not start a public
 * query from `db.selectFrom("records")`.
 */
export function publishedRecords(db: Db) {
  return db.selectFrom("records").where("records.state", "=", "published");
}

/** Filters of the public lists and the public API; every field optional. */
export interface PublicRecordFilter {
  catalogItemId?: number;
  /** 主题分类 */
  topic?: string;
  /** 发布机构 */
  publisher?: string;
  /** 体裁 key */
  genre?: string;
  /** Year of the 发布日期. */
  year?: number;
  /** 有效性 key */
  validity?: string;
  /** Words the title must contain (e.g. 年度报告). */
  titleContains?: string;
}

/** A published record as lists, feeds and the API list show it. */
export interface PublicRecordSummary {
  id: number;
  indexNo: string | null;
  title: string;
  docNo: string | null;
  publisher: string;
  formedOn: string;
  publishedOn: string | null;
  publishedAt: string | null;
  updatedAt: string;
  topic: string;
  genre: string;
  openness: string;
  validity: string;
  validityChangedOn: string | null;
  catalogItemId: number | null;
  keywords: string[];
  /** The summary, or the start of the body when there is none. */
  summary: string;
}

/** A link to another published record. */
export interface PublicRecordLink {
  id: number;
  title: string;
  docNo: string | null;
}

export interface PublicAttachment {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** Everything the record page and the API detail show. */
export interface PublicRecord extends PublicRecordSummary {
  bodyHtml: string;
  catalogItem: { id: number; item: string } | null;
  /** The record that repealed this one, if that record is public. */
  repealedBy: PublicRecordLink | null;
  /** For a 政策解读: the policy it interprets, if public. */
  interprets: PublicRecordLink | null;
  /** For a policy: its published interpretations. */
  interpretations: PublicRecordLink[];
  interpretationKind: string | null;
  videoUrl: string | null;
  attachments: PublicAttachment[];
}

const SUMMARY_CHARS = 200;

function filtered(db: Db, filter: PublicRecordFilter) {
  let query = publishedRecords(db);
  if (filter.catalogItemId !== undefined)
    query = query.where("records.catalog_item_id", "=", filter.catalogItemId);
  if (filter.topic) query = query.where("records.topic", "=", filter.topic);
  if (filter.publisher) query = query.where("records.publisher", "=", filter.publisher);
  if (filter.genre) query = query.where("records.genre", "=", filter.genre);
  if (filter.validity) query = query.where("records.validity", "=", filter.validity);
  if (filter.year !== undefined) {
    query = query
      .where("records.published_on", ">=", `${filter.year}-01-01`)
      .where("records.published_on", "<=", `${filter.year}-12-31`);
  }
  if (filter.titleContains) {
    query = query.where(matchText(db, "records.title", filter.titleContains));
  }
  return query;
}

const summaryColumns = [
  "records.id",
  "records.index_no",
  "records.title",
  "records.doc_no",
  "records.publisher",
  "records.formed_on",
  "records.published_on",
  "records.published_at",
  "records.updated_at",
  "records.topic",
  "records.genre",
  "records.openness",
  "records.validity",
  "records.validity_changed_on",
  "records.catalog_item_id",
  "records.keywords",
  "records.summary",
] as const;

// substr() is the same on SQLite and PostgreSQL; the whole body is never loaded for a list.
const bodyStart = sql<string>`substr(records.body_text, 1, ${SUMMARY_CHARS + 1})`.as("body_start");

type SummaryRow = {
  id: number;
  index_no: string | null;
  title: string;
  doc_no: string | null;
  publisher: string;
  formed_on: string;
  published_on: string | null;
  published_at: string | null;
  updated_at: string;
  topic: string;
  genre: string;
  openness: string;
  validity: string;
  validity_changed_on: string | null;
  catalog_item_id: number | null;
  keywords: string;
  summary: string;
  body_start: string;
};

function summaryOf(row: SummaryRow): PublicRecordSummary {
  const start = row.body_start.replace(/\s+/g, " ").trim();
  const fallback = start.length > SUMMARY_CHARS ? `${start.slice(0, SUMMARY_CHARS)}…` : start;
  return {
    id: row.id,
    indexNo: row.index_no,
    title: row.title,
    docNo: row.doc_no,
    publisher: row.publisher,
    formedOn: row.formed_on,
    publishedOn: row.published_on,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    topic: row.topic,
    genre: row.genre,
    openness: row.openness,
    validity: row.validity,
    validityChangedOn: row.validity_changed_on,
    catalogItemId: row.catalog_item_id,
    keywords: row.keywords === "" ? [] : row.keywords.split(","),
    summary: row.summary.trim() !== "" ? row.summary : fallback,
  };
}

/** One page of published records matching `filter`, newest first, with the total count. */
export async function listPublishedRecords(
  db: Db,
  filter: PublicRecordFilter,
  paging: { page: number; pageSize: number },
): Promise<{ total: number; items: PublicRecordSummary[] }> {
  const total = await countPublished({ db, filter });
  // The page's ids first, from the index alone (a deep page skips tens of thousands of entries),
  // then only those rows (see migration 2026_11_26_1000). Two statements, not a subquery: given
  // `id in (subquery)`, SQLite walked every published record in date order to test each id.
  const pageIds = await filtered(db, filter)
    .select("records.id")
    .orderBy("records.published_at", "desc")
    .orderBy("records.id", "desc")
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  if (pageIds.length === 0) return { total, items: [] };
  const rows = await publishedRecords(db)
    .where(
      "records.id",
      "in",
      pageIds.map((r) => r.id),
    )
    .select([...summaryColumns, bodyStart])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = pageIds.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [summaryOf(row)] : [];
  });
  return { total, items };
}

/**
 * The number of published records matching a filter, shared by every page of that list: at a
 * million records a catalog item's count reads tens of thousands of index entries.
 */
const countPublished = revisionMemo<{ db: Db; filter: PublicRecordFilter }, number>(
  ({ filter }) => JSON.stringify(filter),
  async ({ db, filter }) => {
    const row = await filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  { maxEntries: 512, ttlMs: 60_000 },
);

/** The newest published records matching `filter` (home page, feeds). */
export async function latestPublishedRecords(
  db: Db,
  limit: number,
  filter: PublicRecordFilter = {},
): Promise<PublicRecordSummary[]> {
  const rows = await filtered(db, filter)
    .select([...summaryColumns, bodyStart])
    .orderBy("records.published_at", "desc")
    .orderBy("records.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(summaryOf);
}

async function linkOf(db: Db, id: number | null): Promise<PublicRecordLink | null> {
  if (id === null) return null;
  const row = await publishedRecords(db)
    .select(["records.id", "records.title", "records.doc_no"])
    .where("records.id", "=", id)
    .executeTakeFirst();
  return row ? { id: row.id, title: row.title, docNo: row.doc_no } : null;
}

/** One published record with its links and attachments; undefined for anything else. */
export async function findPublishedRecord(db: Db, id: number): Promise<PublicRecord | undefined> {
  const row = await publishedRecords(db)
    .leftJoin("catalog_items", "catalog_items.id", "records.catalog_item_id")
    .select([
      ...summaryColumns,
      bodyStart,
      "records.body_html",
      "records.repealed_by_record_id",
      "records.interprets_record_id",
      "records.interpretation_kind",
      "records.video_url",
      "catalog_items.item as catalog_item",
    ])
    .where("records.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const interpretations = await publishedRecords(db)
    .select(["records.id", "records.title", "records.doc_no"])
    .where("records.interprets_record_id", "=", id)
    .orderBy("records.published_at")
    .orderBy("records.id")
    .execute();
  return {
    ...summaryOf(row),
    bodyHtml: row.body_html,
    catalogItem:
      row.catalog_item_id !== null && row.catalog_item !== null
        ? { id: row.catalog_item_id, item: row.catalog_item }
        : null,
    repealedBy: await linkOf(db, row.repealed_by_record_id),
    interprets: await linkOf(db, row.interprets_record_id),
    interpretations: interpretations.map((r) => ({ id: r.id, title: r.title, docNo: r.doc_no })),
    interpretationKind: row.interpretation_kind,
    videoUrl: row.video_url,
    attachments: await listPublishedAttachments(db, id),
  };
}

function attachmentsOfPublished(db: Db) {
  return publishedRecords(db)
    .innerJoin("record_attachments", "record_attachments.record_id", "records.id")
    .innerJoin("files", "files.id", "record_attachments.file_id");
}

async function listPublishedAttachments(db: Db, recordId: number): Promise<PublicAttachment[]> {
  const rows = await attachmentsOfPublished(db)
    .select([
      "record_attachments.id",
      "record_attachments.file_name",
      "files.media_type",
      "files.size",
      "files.sha256",
    ])
    .where("records.id", "=", recordId)
    .orderBy("record_attachments.sort_order")
    .orderBy("record_attachments.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
  }));
}

/** An attachment of a published record, with where its bytes are; undefined otherwise. */
export async function findPublishedAttachment(
  db: Db,
  attachmentId: number,
): Promise<(PublicAttachment & { storagePath: string; recordId: number }) | undefined> {
  const row = await attachmentsOfPublished(db)
    .select([
      "record_attachments.id",
      "record_attachments.record_id",
      "record_attachments.file_name",
      "files.media_type",
      "files.size",
      "files.sha256",
      "files.storage_path",
    ])
    .where("record_attachments.id", "=", attachmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    recordId: row.record_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    storagePath: row.storage_path,
  };
}

/** The values the public filters offer: those that published records actually have. */
export interface PublicFacets {
  topics: string[];
  publishers: string[];
  /** Years of 发布日期, newest first. */
  years: number[];
}

/**
 * The distinct values of a short column among published records, in order, as a loose index scan
 * over (state, column): one index seek per distinct value instead of reading every record
 * (a plain DISTINCT walks all 300,000+ rows). Same SQL on SQLite and PostgreSQL.
 */
async function distinctPublished(db: Db, column: "topic" | "publisher"): Promise<string[]> {
  const col = sql.ref(`records.${column}`);
  const { rows } = await sql<{ v: string | null }>`
    with recursive t(v) as (
      select min(${col}) from records where records.state = 'published'
      union all
      select (select min(${col}) from records where records.state = 'published' and ${col} > t.v)
      from t where t.v is not null
    )
    select v from t where v is not null`.execute(db);
  return rows.map((r) => r.v!);
}

/** The filter options, the same for every search and list page until content changes. */
export const loadPublicFacets = revisionMemo<Db, PublicFacets>(() => "", computePublicFacets, {
  maxEntries: 1,
  ttlMs: 60_000,
});

async function computePublicFacets(db: Db): Promise<PublicFacets> {
  const topics = await distinctPublished(db, "topic");
  const publishers = await distinctPublished(db, "publisher");
  // One seek each on (state, published_on): SQLite only does that for a lone min() or max().
  const firstRow = await publishedRecords(db)
    .select((eb) => eb.fn.min("records.published_on").as("v"))
    .executeTakeFirst();
  const lastRow = await publishedRecords(db)
    .select((eb) => eb.fn.max("records.published_on").as("v"))
    .executeTakeFirst();
  const first = Number(firstRow?.v?.slice(0, 4));
  const last = Number(lastRow?.v?.slice(0, 4));
  const years: number[] = [];
  if (Number.isInteger(first) && Number.isInteger(last) && first > 0) {
    for (let y = last; y >= first; y--) years.push(y);
  }
  return { topics, publishers, years };
}

/**
 * Published records per catalog item id (the 政府信息公开 home). Counts every published record,
 * so only the page that shows the counts asks for it, not every filter form.
 */
export async function countPublishedByCatalogItem(
  db: Db,
  catalogItemIds: readonly number[],
): Promise<Map<number, number>> {
  // One count per item on (catalog_item_id, state, …), read from the index alone; a single
  // GROUP BY let the planner pick a (state, …) index and read every record row.
  const counts = new Map<number, number>();
  for (const id of catalogItemIds) {
    const row = await publishedRecords(db)
      .where("records.catalog_item_id", "=", id)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts.set(id, Number(row.n));
  }
  return counts;
}

/** Number of published records (sitemap paging). */
export async function countPublishedRecords(db: Db): Promise<number> {
  const row = await publishedRecords(db)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids and last changes of published records in id order, one slice at a time (sitemap). */
export async function listPublishedRecordStamps(
  db: Db,
  offset: number,
  limit: number,
): Promise<{ id: number; updatedAt: string }[]> {
  const rows = await publishedRecords(db)
    .select(["records.id", "records.updated_at"])
    .orderBy("records.id")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ id: r.id, updatedAt: r.updated_at }));
}
