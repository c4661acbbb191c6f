import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema";
import { sha256Hex } from "./tokens";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit for `key` in a fixed window kept in the database, so every server process
 * shares the count. Allowed while the count is at most `limit`.
 */
export async function hitRateLimit(
  db: Kysely<DB>,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<RateLimitResult> {
  // A key carries visitor input (a case number, an address): hash a long one, so 100 KB typed
  // into a lookup form cannot exceed PostgreSQL's index row size (error 54000, a 500).
  if (key.length > 200) key = `${key.slice(0, 100)}#${sha256Hex(key)}`;
  const windowMs = windowSeconds * 1000;
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const windowStart = new Date(startMs).toISOString();
  const row = await db
    .insertInto("rate_limit_hits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.columns(["key", "window_start"]).doUpdateSet({ count: sql`rate_limit_hits.count + 1` }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.max(1, Math.ceil((startMs + windowMs - now.getTime()) / 1000));
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}

/** Drops windows older than a day; run by the scheduler and at start. */
export async function pruneRateLimits(db: Kysely<DB>, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 86_400_000).toISOString();
  await db.deleteFrom("rate_limit_hits").where("window_start", "<", cutoff).execute();
}
