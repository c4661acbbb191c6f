import type { Kysely } from "kysely";
import { matchText } from "../db/dialect";
import type { DB } from "../db/schema";
import type { AuditFilter } from "./audit-views";

/** One page of the audit log, newest first, filtered for the auditor. */
export async function listAuditEntries(
  db: Kysely<DB>,
  filter: AuditFilter,
  before: number | null,
  pageSize = 50,
) {
  let q = db
    .selectFrom("audit_log")
    .selectAll()
    .orderBy("id", "desc")
    .limit(pageSize + 1);
  if (filter.action) q = q.where(matchText(db, "action", filter.action, "startsWith"));
  if (filter.actor) q = q.where("actor_name", "=", filter.actor);
  if (filter.objectType) q = q.where("object_type", "=", filter.objectType);
  if (filter.from) q = q.where("at", ">=", shanghaiDayStart(filter.from));
  if (filter.to) q = q.where("at", "<", shanghaiDayStart(filter.to, 1));
  if (before) q = q.where("id", "<", before);
  const rows = await q.execute();
  const hasMore = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  return { rows: page, nextBefore: hasMore ? (page.at(-1)?.id ?? null) : null };
}

/** The UTC instant at which an Asia/Shanghai calendar day starts (UTC+8, no DST). */
function shanghaiDayStart(date: string, plusDays = 0): string {
  const ms = Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000;
  return new Date(ms).toISOString();
}
