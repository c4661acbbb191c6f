// The published records filed under a catalog item, for the public item page.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";

type Db = Kysely<DB> | Transaction<DB>;

/** A published record as the item page lists it. */
export interface PublishedRecordLink {
  id: number;
  title: string;
  docNo: string | null;
  publishedOn: string | null;
}

/** The published records filed under an item, newest first, one page at a time. */
export async function listPublishedRecordsOfItem(
  db: Db,
  itemId: number,
  page: number,
  perPage: number,
): Promise<{ records: PublishedRecordLink[]; total: number }> {
  const base = db
    .selectFrom("records")
    .where("catalog_item_id", "=", itemId)
    .where("state", "=", "published");
  const count = await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  const rows = await base
    .select(["id", "title", "doc_no", "published_on"])
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return {
    records: rows.map((r) => ({
      id: r.id,
      title: r.title,
      docNo: r.doc_no,
      publishedOn: r.published_on,
    })),
    total: Number(count?.n ?? 0),
  };
}
