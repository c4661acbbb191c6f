import type { Role } from "../accounts/roles";

/** Roles that edit, import and export the 标准目录 (系统管理员). */
export const catalogManagerRoles: readonly Role[] = ["admin"];

export function canManageCatalog(user: { roles: readonly Role[] }): boolean {
  return user.roles.some((r) => catalogManagerRoles.includes(r));
}
