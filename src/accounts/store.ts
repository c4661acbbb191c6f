import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { isRole, type Role, roles } from "./roles";

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

function accountsQuery(db: Db) {
  return db
    .selectFrom("users")
    .innerJoin("units", "units.id", "users.unit_id")
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.email",
      "users.unit_id",
      "units.name as unit_name",
      "users.locked_until",
      "users.is_active",
      "users.must_change_password",
    ]);
}

async function withRoles<T extends { id: number }>(db: Db, users: T[]) {
  if (users.length === 0) return [];
  const rows = await db
    .selectFrom("user_roles")
    .select(["user_id", "role"])
    .where(
      "user_id",
      "in",
      users.map((u) => u.id),
    )
    .execute();
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => rows.some((x) => x.user_id === u.id && x.role === r)),
  }));
}

/** Every account with its unit's name and roles, for 用户管理. */
export async function listAccounts(db: Db) {
  return withRoles(db, await accountsQuery(db).orderBy("users.username").execute());
}

export type AccountRow = Awaited<ReturnType<typeof listAccounts>>[number];

export async function findAccount(db: Db, userId: number): Promise<AccountRow | undefined> {
  const user = await accountsQuery(db).where("users.id", "=", userId).executeTakeFirst();
  return user ? (await withRoles(db, [user]))[0] : undefined;
}

export async function updateAccount(
  db: Db,
  userId: number,
  values: Partial<{
    display_name: string;
    email: string | null;
    unit_id: number;
    password_hash: string;
    must_change_password: number;
    failed_logins: number;
    locked_until: string | null;
    is_active: number;
  }>,
): Promise<void> {
  await db.updateTable("users").set(values).where("id", "=", userId).execute();
}
