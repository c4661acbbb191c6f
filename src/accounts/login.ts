import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { type AuditActor, recordAudit } from "../platform/audit";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import { createSession } from "./sessions";

/** Failures before an account is locked, and for how long (issue: 5 failures → 15 minutes). */
export const maxFailedLogins = 5;
export const lockMinutes = 15;

export type LoginOutcome =
  | { ok: true; sessionId: string; userId: number; mustChangePassword: boolean }
  | { ok: false; reason: "bad_credentials" | "locked"; lockedUntil?: string };

/**
 * Checks a username and password. Every attempt is audited; the fifth consecutive failure
 * locks the account for 15 minutes, and a locked account refuses even the right password.
 */
export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string; ip: string },
  now: Date,
): Promise<LoginOutcome> {
  const user = await db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", input.username)
    .executeTakeFirst();
  const actor: AuditActor = {
    id: user?.id ?? null,
    name: input.username.slice(0, 64),
    ip: input.ip,
  };
  if (!user?.is_active) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(
      db,
      actor,
      { action: "login.failed", objectType: "user", detail: "账号不存在或已停用" },
      now,
    );
    return { ok: false, reason: "bad_credentials" };
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    await recordAudit(
      db,
      actor,
      {
        action: "login.refused_locked",
        objectType: "user",
        objectId: user.id,
        detail: `锁定至 ${user.locked_until}`,
      },
      now,
    );
    return { ok: false, reason: "locked", lockedUntil: user.locked_until };
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    return recordFailure(db, actor, user.id, now);
  }
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ failed_logins: 0, locked_until: null })
      .where("id", "=", user.id)
      .execute();
    const sessionId = await createSession(trx, user.id, input.ip, now);
    await recordAudit(
      trx,
      actor,
      { action: "login.succeeded", objectType: "user", objectId: user.id },
      now,
    );
    return {
      ok: true as const,
      sessionId,
      userId: user.id,
      mustChangePassword: user.must_change_password === 1,
    };
  });
}

/**
 * Counts one failure. The count is incremented in the database (not read-then-written), so
 * wrong passwords sent in parallel cannot each see an old count and slip past the lock.
 */
async function recordFailure(
  db: Kysely<DB>,
  actor: AuditActor,
  userId: number,
  now: Date,
): Promise<LoginOutcome> {
  const lockedUntil = new Date(now.getTime() + lockMinutes * 60_000).toISOString();
  const locked = await db.transaction().execute(async (trx) => {
    const counted = await trx
      .updateTable("users")
      .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
      .where("id", "=", userId)
      .where((eb) =>
        eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now.toISOString())]),
      )
      .returning("failed_logins")
      .executeTakeFirst();
    if (!counted) {
      // A parallel attempt has just locked the account; this one counts towards nothing.
      const detail = "账号已被并发的失败尝试锁定";
      await recordAudit(
        trx,
        actor,
        { action: "login.failed", objectType: "user", objectId: userId, detail },
        now,
      );
      return true;
    }
    const failures = counted.failed_logins;
    const locks = failures >= maxFailedLogins;
    if (locks) {
      await trx
        .updateTable("users")
        .set({ failed_logins: 0, locked_until: lockedUntil })
        .where("id", "=", userId)
        .execute();
    }
    await recordAudit(
      trx,
      actor,
      {
        action: "login.failed",
        objectType: "user",
        objectId: userId,
        detail: `连续失败 ${failures} 次`,
      },
      now,
    );
    if (locks) {
      await recordAudit(
        trx,
        actor,
        {
          action: "user.locked",
          objectType: "user",
          objectId: userId,
          detail: `连续 ${failures} 次密码错误,锁定 ${lockMinutes} 分钟`,
        },
        now,
      );
    }
    return locks;
  });
  return locked
    ? { ok: false, reason: "locked", lockedUntil }
    : { ok: false, reason: "bad_credentials" };
}
