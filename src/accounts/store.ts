import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { isRole, type Role } from "./roles";

type Db = Kysely<DB> | Transaction<DB>;

/** The signed-in person as every route sees them. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  mustChangePassword: boolean;
}

export async function rolesOf(db: Db, userId: number): Promise<Role[]> {
  const rows = await db
    .selectFrom("user_roles")
    .select("role")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.role).filter(isRole);
}

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function loadCurrentUser(db: Db, userId: number): Promise<CurrentUser | null> {
  const row = await db
    .selectFrom("users")
    .select(["id", "username", "display_name", "unit_id", "must_change_password", "is_active"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!row?.is_active) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    roles: await rolesOf(db, row.id),
    mustChangePassword: row.must_change_password === 1,
  };
}

export async function setRoles(db: Db, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom("user_roles").where("user_id", "=", userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto("user_roles")
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
}
