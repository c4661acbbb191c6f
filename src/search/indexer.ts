import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";

/**
 * Brings the search index in line with one record inside the caller's transaction: a published
 * record is (re)indexed, anything else is removed, so nothing unpublished is ever searchable.
 */
export async function syncSearchIndex(_db: Kysely<DB> | Transaction<DB>, _recordId: number): Promise<void> {
  // Implemented by the search domain (in progress in this session).
}
