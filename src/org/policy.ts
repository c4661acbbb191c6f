import type { Role } from "../accounts/roles";

/** Roles that manage the unit tree (系统管理员). */
export const unitManagerRoles: readonly Role[] = ["admin"];

export function canManageUnits(user: { roles: readonly Role[] }): boolean {
  return user.roles.some((r) => unitManagerRoles.includes(r));
}
