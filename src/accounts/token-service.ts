import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { type AuditActor, recordAudit } from "../platform/audit";
import { createApiToken, findApiToken, revokeApiToken } from "./api-tokens";
import { canRevokeApiToken } from "./policy";
import type { Role } from "./roles";

/** Creates a token for the actor themselves (audited); the plain token is returned once. */
export async function issueApiToken(
  db: Kysely<DB>,
  actor: AuditActor & { id: number },
  name: string,
  now: Date,
): Promise<{ id: number; token: string }> {
  return db.transaction().execute(async (trx) => {
    const created = await createApiToken(trx, actor.id, name, now);
    await recordAudit(
      trx,
      actor,
      {
        action: "token.created",
        objectType: "api_token",
        objectId: created.id,
        detail: `用户 ${actor.name}:${name}`,
      },
      now,
    );
    return created;
  });
}

/**
 * Revokes a token its owner or a 系统管理员 may revoke (audited). A token the actor may not see
 * is reported as not found; revoking twice is harmless.
 */
export async function withdrawApiToken(
  db: Kysely<DB>,
  actor: AuditActor & { id: number; roles: readonly Role[] },
  tokenId: number,
  now: Date,
): Promise<"revoked" | "already_revoked" | "not_found"> {
  const token = await findApiToken(db, tokenId);
  if (!token || !canRevokeApiToken(actor, token.user_id)) return "not_found";
  if (token.revoked_at) return "already_revoked";
  return db.transaction().execute(async (trx) => {
    if (!(await revokeApiToken(trx, tokenId, now))) return "already_revoked" as const;
    await recordAudit(
      trx,
      actor,
      {
        action: "token.revoked",
        objectType: "api_token",
        objectId: tokenId,
        detail: `用户 ${token.username}:${token.name}`,
      },
      now,
    );
    return "revoked" as const;
  });
}
