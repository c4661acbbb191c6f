// The published records filed under a catalog item, for the public item page.
import { listPublishedRecords } from "../records/public-store";
import type { Db } from "../records/store";

/** A published record as the item page lists it. */
export interface PublishedRecordLink {
  id: number;
  title: string;
  docNo: string | null;
  publishedOn: string | null;
}

/**
 * The published records filed under an item, newest first, one page at a time: the public list's
 * own query (count remembered per content revision, deferred join for deep pages).
 */
export async function listPublishedRecordsOfItem(
  db: Db,
  itemId: number,
  page: number,
  perPage: number,
): Promise<{ records: PublishedRecordLink[]; total: number }> {
  const { total, items } = await listPublishedRecords(
    db,
    { catalogItemId: itemId },
    { page, pageSize: perPage },
  );
  return {
    records: items.map((r) => ({
      id: r.id,
      title: r.title,
      docNo: r.docNo,
      publishedOn: r.publishedOn,
    })),
    total,
  };
}
