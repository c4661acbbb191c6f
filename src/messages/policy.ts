// Who may do what with 留言. Pure functions of the user (roles, unit) and the message; the root
// unit is 局机关, whose 审核人 and 签发人 act as 办公室 (the office that distributes and supervises).
import type { Role } from "../accounts/roles";

export interface MessageUser {
  id: number;
  roles: readonly Role[];
  unitId: number;
}

const holds = (user: { roles: readonly Role[] }, ...allowed: Role[]) =>
  user.roles.some((r) => allowed.includes(r));

/** Roles that see the back-office message list. */
export const messageStaffRoles: readonly Role[] = ["editor", "reviewer", "approver"];

/** Roles that edit 答复模板. */
export const templateEditorRoles: readonly Role[] = ["reviewer", "admin"];

/** Roles that change the per-category 答复期限. */
export const deadlineAdminRoles: readonly Role[] = ["admin"];

/**
 * 办公室: a 审核人 or 签发人 of the root unit. Distributes messages (分办), may transfer any of them,
 * and supervises overdue ones (督办).
 */
export function isOffice(user: MessageUser, rootUnitId: number): boolean {
  return user.unitId === rootUnitId && holds(user, "reviewer", "approver");
}

export function canSeeMessages(user: { roles: readonly Role[] }): boolean {
  return holds(user, ...messageStaffRoles);
}

export function canAssign(user: MessageUser, rootUnitId: number): boolean {
  return isOffice(user, rootUnitId);
}

export function canSupervise(user: MessageUser, rootUnitId: number): boolean {
  return isOffice(user, rootUnitId);
}

/** 转办: the office, or the unit currently holding the message passes it on. */
export function canTransfer(user: MessageUser, unitId: number | null, rootUnitId: number): boolean {
  if (isOffice(user, rootUnitId)) return true;
  return unitId !== null && user.unitId === unitId && holds(user, "editor", "reviewer");
}

/** Drafting the reply: a 信息员 of the unit holding the message. */
export function canDraft(user: MessageUser, unitId: number | null): boolean {
  return unitId !== null && user.unitId === unitId && holds(user, "editor");
}

/**
 * Reviewing the reply: a 审核人 of the unit holding the message, or the office (a 审核人 or
 * 签发人 of the root unit answers for every reply it distributed); never the drafter (workflow).
 */
export function canReview(user: MessageUser, unitId: number | null, rootUnitId: number): boolean {
  if (isOffice(user, rootUnitId)) return true;
  return holds(user, "reviewer") && unitId !== null && user.unitId === unitId;
}

/** The asker's contact data in clear: whoever handles the message now, or the office; audited. */
export function canRevealContact(
  user: MessageUser,
  unitId: number | null,
  rootUnitId: number,
): boolean {
  if (isOffice(user, rootUnitId)) return true;
  return unitId !== null && user.unitId === unitId && canSeeMessages(user);
}

export function canEditTemplates(user: { roles: readonly Role[] }): boolean {
  return holds(user, ...templateEditorRoles);
}

export function canSetDeadlines(user: { roles: readonly Role[] }): boolean {
  return holds(user, ...deadlineAdminRoles);
}

/** Linking 回应关切 / 政策问答 records to what they answer: the 信息员. */
export function canLinkConcerns(user: { roles: readonly Role[] }): boolean {
  return holds(user, "editor");
}
