// Releasing due 定时发布 records before a public read, without a query on every read. The
// persisted scheduler (platform/jobs) publishes due records every 30 s; public reads release them
// at once so a record appears exactly at its time. Checking on every read cost a query per
// request, so the server remembers the earliest scheduled time and queries again only once that
// time has come or the content revision has moved (anything scheduled, rescheduled or withdrawn
// since bumps it, in every process: see ui/cache/revision.ts).
import { contentRevision, revisionIsReliable } from "../ui/cache/revision";
import { publishDueScheduledRecords } from "./publish";
import type { Db } from "./store";

interface NextRelease {
  revision: number;
  /** The earliest scheduled_at still waiting (ISO instant), or null when nothing is scheduled. */
  at: string | null;
}

let remembered: NextRelease | null = null;
let enabled = false;

/**
 * Only the server remembers: tests change records through services behind the app's back (no
 * revision bump), so without this every read checks, as before.
 */
export function enableScheduledReleaseMemo(): void {
  enabled = true;
}

/** Whether a read at `now` can skip the check: nothing can have fallen due since the last one. */
export function nothingDueSince(next: NextRelease | null, revision: number, now: Date): boolean {
  if (!next || next.revision !== revision) return false;
  return next.at === null || now.toISOString() < next.at;
}

/** Publishes the scheduled records due at `now`, unless nothing can be due (see above). */
export async function releaseDueBeforeRead(db: Db, now: Date): Promise<void> {
  const revision = contentRevision();
  if (enabled && revisionIsReliable() && nothingDueSince(remembered, revision, now)) return;
  await publishDueScheduledRecords(db, now);
  const row = await db
    .selectFrom("records")
    .select((eb) => eb.fn.min("scheduled_at").as("at"))
    .where("state", "=", "scheduled")
    .executeTakeFirst();
  remembered = { revision, at: row?.at ?? null };
}
