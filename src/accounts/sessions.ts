import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { randomToken, sha256Hex } from "../platform/tokens";

type Db = Kysely<DB> | Transaction<DB>;

/** Starts a session and returns the id for the cookie; only its hash is stored. */
export async function createSession(
  db: Db,
  userId: number,
  ip: string,
  now: Date,
): Promise<string> {
  const id = randomToken(32);
  const at = now.toISOString();
  await db
    .insertInto("sessions")
    .values({ id_hash: sha256Hex(id), user_id: userId, created_at: at, last_seen_at: at, ip })
    .execute();
  return id;
}

/**
 * Finds a live session. A session idle for longer than `idleMinutes` is deleted and not
 * returned; a live one has its last-seen time moved forward (at most once a minute, to spare writes).
 */
export async function resumeSession(
  db: Db,
  id: string,
  idleMinutes: number,
  now: Date,
): Promise<{ userId: number } | null> {
  const idHash = sha256Hex(id);
  const row = await db
    .selectFrom("sessions")
    .select(["user_id", "last_seen_at"])
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  const idleMs = now.getTime() - Date.parse(row.last_seen_at);
  if (idleMs > idleMinutes * 60_000) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (idleMs > 60_000) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: now.toISOString() })
      .where("id_hash", "=", idHash)
      .execute();
  }
  return { userId: row.user_id };
}

export async function endSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", sha256Hex(id)).execute();
}

/** Ends every session of a user (logout everywhere, password change, account disabled). */
export async function endAllSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
