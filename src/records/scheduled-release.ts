// Releasing due 定时发布 records before a public read, without a query on every read. The
// persisted scheduler (platform/jobs) publishes due records every 30 s; public reads release them
// at once so a record appears exactly at its time. Checking on every read cost a query per
// request, so the server remembers the earliest scheduled time and queries again only once that
// time has come or the content revision has moved (anything scheduled, rescheduled or withdrawn
// since bumps it, in every process: see ui/cache/revision.ts).
import { contentRevision, revisionIsReliable } from "../ui/cache/revision";
import { publishDueScheduledRecords, scheduledOnly } from "./publish";
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
  if (enabled && revisionIsReliable() && nothingDueSince(remembered, contentRevision(), now)) {
    return;
  }
  // Publishing bumps the revision; taken after that and before the query below, so anything
  // scheduled once the query has run moves the revision past the one remembered.
  await publishDueScheduledRecords(db, now);
  const revision = contentRevision();
  // Still scheduled and already due means refused (reported by the scheduler) or riding on a
  // policy scheduled later: a change by a person (which moves the revision) or that policy's own
  // time releases them, so only times still ahead count.
  // Scheduled records are few: read their times and pick in code. As one min() with a range on
  // scheduled_at, SQLite's planner walked all million records (5 s, docs/PERFORMANCE.md).
  const rows = await db.selectFrom("records").select("scheduled_at").where(scheduledOnly).execute();
  const ahead = rows
    .map((r) => r.scheduled_at)
    .filter((at): at is string => at !== null && at > now.toISOString())
    .sort();
  remembered = { revision, at: ahead[0] ?? null };
}

/**
 * Whether a remembered release time has come: cached public pages are not served then (the page
 * cache asks before every hit), so the read that renders afresh also releases the record.
 */
export function releaseMayBeDue(now: Date): boolean {
  return enabled && remembered?.at != null && now.toISOString() >= remembered.at;
}
