import { createHash } from "node:crypto";

/** The fields of an audit entry that its hash covers (everything but the row id). */
export interface ChainedFields {
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string | null;
  ip: string;
  detail: string;
  prev_hash: string;
}

/** Hash of the first entry's predecessor. */
export const GENESIS_HASH = "0".repeat(64);

/** SHA-256 over the previous hash and the entry's fields in a fixed order. */
export function hashAuditEntry(e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.prev_hash,
    e.at,
    e.actor_id,
    e.actor_name,
    e.action,
    e.object_type,
    e.object_id,
    e.ip,
    e.detail,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export type ChainCheck = { ok: true } | { ok: false; reason: "content_changed" | "link_broken" };

/** Checks one stored entry against its predecessor's hash. */
export function checkChainLink(
  entry: ChainedFields & { hash: string },
  previousHash: string,
): ChainCheck {
  if (entry.prev_hash !== previousHash) return { ok: false, reason: "link_broken" };
  if (hashAuditEntry(entry) !== entry.hash) return { ok: false, reason: "content_changed" };
  return { ok: true };
}
