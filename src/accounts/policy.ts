import type { Role } from "./roles";

/** Roles that manage accounts (用户管理): 系统管理员. */
export const userManagerRoles: readonly Role[] = ["admin"];

/** Roles that may hold API tokens: every working role; the 审计员 only reads the audit log. */
export const tokenHolderRoles: readonly Role[] = [
  "editor",
  "reviewer",
  "approver",
  "applicationOfficer",
  "admin",
];

interface Holder {
  id: number;
  roles: readonly Role[];
}

const holds = (user: Holder, allowed: readonly Role[]) =>
  user.roles.some((r) => allowed.includes(r));

export function canManageUsers(user: Holder): boolean {
  return holds(user, userManagerRoles);
}

export function canHoldApiTokens(user: Holder): boolean {
  return holds(user, tokenHolderRoles);
}

/** A 系统管理员 sees and may revoke every token; anyone else only their own. */
export function canSeeAllApiTokens(user: Holder): boolean {
  return canManageUsers(user);
}

export function canRevokeApiToken(user: Holder, tokenOwnerId: number): boolean {
  return tokenOwnerId === user.id || canSeeAllApiTokens(user);
}

/**
 * What an administrator may not do to their own account, so the system is never left without
 * a working 系统管理员 by accident: drop their own admin role, or deactivate themselves.
 */
export function checkOwnAccountChange(
  actor: Holder,
  targetId: number,
  change: { roles?: readonly Role[]; deactivate?: boolean },
): string | null {
  if (actor.id !== targetId) return null;
  if (change.deactivate) return "不能停用自己的账号。";
  if (change.roles && actor.roles.includes("admin") && !change.roles.includes("admin")) {
    return "不能取消自己的系统管理员角色。";
  }
  return null;
}
