import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { validationError } from "../http/errors";
import { type AuditActor, recordAudit } from "../platform/audit";
import { hashPassword, verifyPassword } from "./passwords";
import { checkRoleSeparation, type Role } from "./roles";
import { createSession, endAllSessions } from "./sessions";
import { setRoles } from "./store";

/**
 * Changes a user's own password: ends every session of the user and starts a fresh one, so a
 * stolen session dies with the old password. Returns the new session id, or null if the
 * current password is wrong.
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  actor: AuditActor & { id: number },
  current: string,
  next: string,
  now: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, current))) return null;
  const passwordHash = await hashPassword(next);
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({
        password_hash: passwordHash,
        must_change_password: 0,
        password_changed_at: now.toISOString(),
      })
      .where("id", "=", actor.id)
      .execute();
    await endAllSessions(trx, actor.id);
    const sessionId = await createSession(trx, actor.id, actor.ip, now);
    await recordAudit(
      trx,
      actor,
      { action: "user.password_changed", objectType: "user", objectId: actor.id },
      now,
    );
    return sessionId;
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  unitId: number;
  email?: string | null;
  roles: Role[];
  password: string;
  /** An initial password set by someone else must be changed at first login. */
  mustChangePassword: boolean;
}

/** Creates an account (back office, CLI and first start use this). */
export async function createUser(
  db: Kysely<DB>,
  actor: AuditActor,
  input: NewUser,
  now: Date,
): Promise<number> {
  const separation = checkRoleSeparation(input.roles);
  if (separation) throw validationError({ roles: separation }, separation);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("users")
      .values({
        username: input.username,
        display_name: input.displayName,
        unit_id: input.unitId,
        email: input.email ?? null,
        password_hash: passwordHash,
        must_change_password: input.mustChangePassword ? 1 : 0,
        created_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setRoles(trx, row.id, input.roles);
    await recordAudit(
      trx,
      actor,
      {
        action: "user.created",
        objectType: "user",
        objectId: row.id,
        detail: `${input.username} 角色:${input.roles.join(",")}`,
      },
      now,
    );
    return row.id;
  });
}
