import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { randomToken, sha256Hex } from "../platform/tokens";

type Db = Kysely<DB> | Transaction<DB>;

const tokenPrefix = "gk_";

/** Creates a token for a user; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  userId: number,
  name: string,
  now: Date,
): Promise<{ id: number; token: string }> {
  const token = `${tokenPrefix}${randomToken(32)}`;
  const row = await db
    .insertInto("api_tokens")
    .values({
      user_id: userId,
      name,
      token_hash: sha256Hex(token),
      prefix: token.slice(0, 10),
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The user behind a live (not revoked) token, or null. */
export async function userIdForApiToken(db: Db, token: string, now: Date): Promise<number | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const tokenHash = sha256Hex(token);
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "user_id", "last_used_at"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db
      .updateTable("api_tokens")
      .set({ last_used_at: now.toISOString() })
      .where("id", "=", row.id)
      .execute();
  }
  return row.user_id;
}

export async function revokeApiToken(db: Db, tokenId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", tokenId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listApiTokens(db: Db, userId?: number) {
  let q = db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.name",
      "api_tokens.prefix",
      "api_tokens.created_at",
      "api_tokens.last_used_at",
      "api_tokens.revoked_at",
      "users.username",
    ])
    .orderBy("api_tokens.id", "desc");
  if (userId !== undefined) q = q.where("api_tokens.user_id", "=", userId);
  return q.execute();
}

export async function findApiToken(db: Db, tokenId: number) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.user_id",
      "api_tokens.name",
      "api_tokens.revoked_at",
      "users.username",
    ])
    .where("api_tokens.id", "=", tokenId)
    .executeTakeFirst();
}
