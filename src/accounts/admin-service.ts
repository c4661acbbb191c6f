import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { buildUnitTree, flattenUnitTree } from "../org/rules";
import { findUnit, listUnits } from "../org/store";
import { type AuditActor, recordAudit } from "../platform/audit";
import { generateInitialPassword, hashPassword } from "./passwords";
import { checkOwnAccountChange } from "./policy";
import { checkRoleSeparation, type Role, roleLabels } from "./roles";
import type { UserUpdate } from "./schema";
import { createUser } from "./service";
import { endAllSessions } from "./sessions";
import { type AccountRow, findAccount, findUserByUsername, setRoles, updateAccount } from "./store";

/** The acting administrator: who they are for the audit log, and what they hold. */
export type AdminActor = AuditActor & { id: number; roles: readonly Role[] };

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const roleList = (held: readonly Role[]) => held.map((r) => roleLabels[r]).join("、") || "无";

/**
 * Creates an account with a generated initial password, which the person must change at first
 * login. Returns the id and the password to show once.
 */
export async function addAccount(
  db: Kysely<DB>,
  actor: AuditActor,
  input: UserUpdate & { username: string },
  now: Date,
): Promise<FormResult<{ id: number; password: string }>> {
  const errors: Record<string, string> = {};
  const separation = checkRoleSeparation(input.roles);
  if (separation) errors.roles = separation;
  if (await findUserByUsername(db, input.username)) errors.username = "该用户名已被使用";
  if (!(await findUnit(db, input.unitId))) errors.unitId = "所选单位不存在";
  if (Object.keys(errors).length) return { ok: false, errors };
  const password = generateInitialPassword();
  const id = await createUser(db, actor, { ...input, password, mustChangePassword: true }, now);
  return { ok: true, value: { id, password } };
}

/** Changes an account's name, e-mail, unit and roles (三员分立 enforced); null: no such account. */
export async function changeAccount(
  db: Kysely<DB>,
  actor: AdminActor,
  userId: number,
  input: UserUpdate,
  now: Date,
): Promise<FormResult<null> | null> {
  const before = await findAccount(db, userId);
  if (!before) return null;
  const errors: Record<string, string> = {};
  const roleProblem =
    checkRoleSeparation(input.roles) ?? checkOwnAccountChange(actor, userId, input);
  if (roleProblem) errors.roles = roleProblem;
  const unit = await findUnit(db, input.unitId);
  if (!unit) errors.unitId = "所选单位不存在";
  if (Object.keys(errors).length) return { ok: false, errors };
  const changes = [
    before.display_name !== input.displayName
      ? `姓名:${before.display_name} → ${input.displayName}`
      : "",
    before.email !== input.email ? "邮箱已修改" : "",
    before.unit_id !== input.unitId ? `单位:${before.unit_name} → ${unit!.name}` : "",
    roleList(before.roles) !== roleList(input.roles)
      ? `角色:${roleList(before.roles)} → ${roleList(input.roles)}`
      : "",
  ].filter(Boolean);
  await db.transaction().execute(async (trx) => {
    const values = { display_name: input.displayName, email: input.email, unit_id: input.unitId };
    await updateAccount(trx, userId, values);
    await setRoles(trx, userId, input.roles);
    const detail = `${before.username} ${changes.join(";") || "未改动"}`;
    await recordAudit(
      trx,
      actor,
      { action: "user.updated", objectType: "user", objectId: userId, detail },
      now,
    );
  });
  return { ok: true, value: null };
}

/**
 * Gives an account a new initial password (must be changed at next login), lifts any lock and
 * ends all its sessions. Returns the password to show once, or null when there is no account.
 */
export async function resetAccountPassword(
  db: Kysely<DB>,
  actor: AuditActor,
  userId: number,
  now: Date,
): Promise<string | null> {
  const account = await findAccount(db, userId);
  if (!account) return null;
  const password = generateInitialPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await updateAccount(trx, userId, {
      password_hash: passwordHash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
    });
    await endAllSessions(trx, userId);
    await recordAudit(
      trx,
      actor,
      {
        action: "user.password_reset",
        objectType: "user",
        objectId: userId,
        detail: `${account.username} 已重置为初始密码,所有会话已结束`,
      },
      now,
    );
  });
  return password;
}

/** Lifts a lock from failed logins before its 15 minutes are up. False: no such account. */
export async function unlockAccount(
  db: Kysely<DB>,
  actor: AuditActor,
  userId: number,
  now: Date,
): Promise<boolean> {
  const account = await findAccount(db, userId);
  if (!account) return false;
  await db.transaction().execute(async (trx) => {
    await updateAccount(trx, userId, { failed_logins: 0, locked_until: null });
    const detail = account.username;
    await recordAudit(
      trx,
      actor,
      { action: "user.unlocked", objectType: "user", objectId: userId, detail },
      now,
    );
  });
  return true;
}

export type ActivationOutcome = "done" | "not_found" | { refused: string };

/**
 * Deactivates (ending every session; tokens stop working with the account) or reactivates an
 * account. An administrator cannot deactivate themselves.
 */
export async function setAccountActive(
  db: Kysely<DB>,
  actor: AdminActor,
  userId: number,
  active: boolean,
  now: Date,
): Promise<ActivationOutcome> {
  const account = await findAccount(db, userId);
  if (!account) return "not_found";
  const refused = checkOwnAccountChange(actor, userId, { deactivate: !active });
  if (refused) return { refused };
  await db.transaction().execute(async (trx) => {
    await updateAccount(trx, userId, { is_active: active ? 1 : 0 });
    if (!active) await endAllSessions(trx, userId);
    await recordAudit(
      trx,
      actor,
      {
        action: active ? "user.reactivated" : "user.deactivated",
        objectType: "user",
        objectId: userId,
        detail: active ? account.username : `${account.username} 所有会话已结束`,
      },
      now,
    );
  });
  return "done";
}

/** One account as the 用户管理 pages show it. */
export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  email: string;
  unitId: number;
  unitName: string;
  roles: Role[];
  isActive: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
}

export function toAccountView(row: AccountRow, now: Date): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email ?? "",
    unitId: row.unit_id,
    unitName: row.unit_name,
    roles: row.roles,
    isActive: row.is_active === 1,
    isLocked: !!row.locked_until && Date.parse(row.locked_until) > now.getTime(),
    mustChangePassword: row.must_change_password === 1,
  };
}

/** Units in tree order, indented, for the 所属单位 choice. */
export async function loadUnitChoices(db: Kysely<DB>): Promise<{ id: number; label: string }[]> {
  const units = (await listUnits(db)).map((u) => ({ ...u, parentId: u.parent_id }));
  return flattenUnitTree(buildUnitTree(units)).map((e) => ({
    id: e.unit.id,
    label: `${"　".repeat(e.depth)}${e.unit.name}`,
  }));
}
