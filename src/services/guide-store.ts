// Queries of service guides. Public reads start from publishedRecords (records/public-store.ts),
// so a guide whose record is not published is never shown, listed, fed or served by the API.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { publishedRecords } from "../records/public-store";
import { guideDataSchema, type ServiceGuideData } from "./guide-schema";

export type Db = Kysely<DB> | Transaction<DB>;

/** Stored JSON back to the data, defaults filled (older versions may lack newer fields). */
export function guideDataOf(json: string): ServiceGuideData {
  const stored = JSON.parse(json) as Record<string, unknown>;
  // The stored form is the schema's output: no online entry is null there, "" on input.
  return guideDataSchema.parse({ ...stored, onlineUrl: stored.onlineUrl ?? "" });
}

export interface PublicGuideSummary {
  id: number;
  title: string;
  itemName: string;
  itemCode: string;
  itemType: string;
  publishedOn: string | null;
  publishedAt: string | null;
  updatedAt: string;
  publisher: string;
  summary: string;
}

export interface PublicGuide extends PublicGuideSummary {
  version: number;
  catalogItem: { id: number; item: string } | null;
  data: ServiceGuideData;
}

function publishedGuides(db: Db) {
  return publishedRecords(db)
    .innerJoin("service_guides", "service_guides.record_id", "records.id")
    .where("records.genre", "=", "serviceGuide");
}

const summaryColumns = [
  "records.id",
  "records.title",
  "records.published_on",
  "records.published_at",
  "records.updated_at",
  "records.publisher",
  "records.summary",
  "service_guides.item_name",
  "service_guides.item_code",
  "service_guides.item_type",
] as const;

type SummaryRow = {
  id: number;
  title: string;
  published_on: string | null;
  published_at: string | null;
  updated_at: string;
  publisher: string;
  summary: string;
  item_name: string;
  item_code: string;
  item_type: string;
};

function summaryOf(r: SummaryRow): PublicGuideSummary {
  return {
    id: r.id,
    title: r.title,
    itemName: r.item_name,
    itemCode: r.item_code,
    itemType: r.item_type,
    publishedOn: r.published_on,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    publisher: r.publisher,
    summary: r.summary,
  };
}

/** Published guides, by 事项类型 then name (or newest first for feeds). */
export async function listPublishedGuides(
  db: Db,
  options: { newestFirst?: boolean; limit?: number } = {},
): Promise<PublicGuideSummary[]> {
  let query = publishedGuides(db).select([...summaryColumns]);
  query = options.newestFirst
    ? query.orderBy("records.published_at", "desc").orderBy("records.id", "desc")
    : query.orderBy("service_guides.item_type").orderBy("service_guides.item_name");
  if (options.limit) query = query.limit(options.limit);
  return (await query.execute()).map(summaryOf);
}

/** One published guide; undefined for a draft, a withdrawn guide or an unknown id. */
export async function findPublishedGuide(db: Db, id: number): Promise<PublicGuide | undefined> {
  const row = await publishedGuides(db)
    .leftJoin("catalog_items", "catalog_items.id", "records.catalog_item_id")
    .select([
      ...summaryColumns,
      "service_guides.data",
      "service_guides.version",
      "records.catalog_item_id",
      "catalog_items.item as catalog_item",
    ])
    .where("records.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...summaryOf(row),
    version: row.version,
    catalogItem:
      row.catalog_item_id !== null && row.catalog_item
        ? { id: row.catalog_item_id, item: row.catalog_item }
        : null,
    data: guideDataOf(row.data),
  };
}

/** A guide in any state, for the back office and for cases naming it. */
export async function findGuideRow(db: Db, recordId: number) {
  return db
    .selectFrom("service_guides")
    .innerJoin("records", "records.id", "service_guides.record_id")
    .select([
      "service_guides.record_id",
      "service_guides.item_code",
      "service_guides.item_name",
      "service_guides.item_type",
      "service_guides.promised_days",
      "service_guides.data",
      "service_guides.version",
      "service_guides.updated_at",
      "records.state",
      "records.title",
      "records.catalog_item_id",
      "records.formed_on",
      "records.version as record_version",
    ])
    .where("service_guides.record_id", "=", recordId)
    .executeTakeFirst();
}

export async function findGuideByCode(db: Db, itemCode: string) {
  return db
    .selectFrom("service_guides")
    .select(["record_id", "item_code", "item_name", "promised_days"])
    .where("item_code", "=", itemCode)
    .executeTakeFirst();
}
