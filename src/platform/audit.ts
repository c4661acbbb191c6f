import type { Kysely, Transaction } from "kysely";
import { lockSequence } from "../db/dialect";
import type { DB } from "../db/schema";
import { checkChainLink, GENESIS_HASH, hashAuditEntry } from "./audit-chain";

/** Who did something and from where; built from the request by `actorOf(c)`. */
export interface AuditActor {
  id: number | null;
  name: string;
  ip: string;
}

export interface AuditEvent {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  /** A short human-readable detail. Never a password, token or applicant's personal data. */
  detail?: string;
}

export const systemActor: AuditActor = { id: null, name: "系统", ip: "-" };

/**
 * Appends one entry to the hash-chained audit log inside the caller's transaction, so the
 * entry exists exactly when the change it describes does.
 */
export async function recordAudit(
  db: Kysely<DB> | Transaction<DB>,
  actor: AuditActor,
  event: AuditEvent,
  now: Date = new Date(),
): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => recordAudit(trx, actor, event, now));
    return;
  }
  await lockSequence(db, "audit_log");
  const last = await db
    .selectFrom("audit_log")
    .select("hash")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const fields = {
    at: now.toISOString(),
    actor_id: actor.id,
    actor_name: actor.name,
    action: event.action,
    object_type: event.objectType,
    object_id: event.objectId == null ? null : String(event.objectId),
    ip: actor.ip,
    detail: event.detail ?? "",
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db
    .insertInto("audit_log")
    .values({ ...fields, hash: hashAuditEntry(fields) })
    .execute();
}

export type ChainVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenId: number; reason: "content_changed" | "link_broken" };

/** Walks the whole chain in id order and reports the first entry that does not verify. */
export async function verifyAuditChain(
  db: Kysely<DB>,
  batchSize = 2000,
): Promise<ChainVerification> {
  let previousHash = GENESIS_HASH;
  let afterId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, entries };
    for (const row of rows) {
      const check = checkChainLink(row, previousHash);
      if (!check.ok) return { ok: false, entries, brokenId: row.id, reason: check.reason };
      previousHash = row.hash;
      afterId = row.id;
      entries++;
    }
  }
}
