// Who may do what with 双公示 entries: pure functions of the user's roles.
import type { Role } from "../accounts/roles";

/** Import entries (back office XLSX and the token API) and see the back-office lists: 信息员 and 系统管理员. */
export const publicityManagerRoles: readonly Role[] = ["editor", "admin"];

/** Take an entry down early (信用修复) and set the 公示期: 系统管理员 only. */
export const publicityAdminRoles: readonly Role[] = ["admin"];

export function canImportPublicity(user: { roles: readonly Role[] }): boolean {
  return user.roles.some((r) => publicityManagerRoles.includes(r));
}

export function canAdministerPublicity(user: { roles: readonly Role[] }): boolean {
  return user.roles.some((r) => publicityAdminRoles.includes(r));
}
