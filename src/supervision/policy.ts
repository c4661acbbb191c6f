// Who may do what in 监督考核. Pure functions of the user (roles, unit) and the root unit: the
// 政务公开 office is a 审核人 or 签发人 of the root unit (局机关), as for 留言 (src/messages/policy.ts);
// it sees every unit, sets tasks and records trainings. The 审计员 reads everything and changes
// nothing. A unit's 信息员 and 审核人 see their own unit's figures and report on its tasks. The
// 系统管理员 edits the indicator weights of the assessment.
import type { Role } from "../accounts/roles";

export interface SupervisionUser {
  id: number;
  roles: readonly Role[];
  unitId: number;
}

const holds = (user: { roles: readonly Role[] }, ...allowed: Role[]) =>
  user.roles.some((r) => allowed.includes(r));

/** Every role that may open some page of 监督考核 (the rest is decided per user below). */
export const supervisionRoles: readonly Role[] = ["editor", "reviewer", "approver", "auditor"];

/** The 政务公开 office: a 审核人 or 签发人 of the root unit. */
export function isSupervisionOffice(user: SupervisionUser, rootUnitId: number): boolean {
  return user.unitId === rootUnitId && holds(user, "reviewer", "approver");
}

/** Which units' figures a user sees: all, one, or none. */
export type SupervisionScope = { kind: "all" } | { kind: "unit"; unitId: number } | null;

export function scopeOf(user: SupervisionUser, rootUnitId: number): SupervisionScope {
  if (isSupervisionOffice(user, rootUnitId) || holds(user, "auditor")) return { kind: "all" };
  if (holds(user, "editor", "reviewer", "approver")) return { kind: "unit", unitId: user.unitId };
  return null;
}

/**
 * The unit filter a request may use: the office and the auditor any (or none: all units); a
 * unit's staff only their own, whatever they asked for. Null: no access at all.
 */
export function allowedUnitFilter(
  scope: SupervisionScope,
  requested: number | undefined,
): { unitId: number | undefined } | null {
  if (!scope) return null;
  if (scope.kind === "all") return { unitId: requested };
  return { unitId: scope.unitId };
}

/** Creating tasks, assigning them, recording trainings: the office. */
export function canManageTasks(user: SupervisionUser, rootUnitId: number): boolean {
  return isSupervisionOffice(user, rootUnitId);
}

/** Reporting progress on an assignment: a 信息员 or 审核人 of the assigned unit, or the office. */
export function canReportOn(
  user: SupervisionUser,
  assignmentUnitId: number,
  rootUnitId: number,
): boolean {
  if (isSupervisionOffice(user, rootUnitId)) return true;
  return user.unitId === assignmentUnitId && holds(user, "editor", "reviewer");
}

/** Editing the assessment's indicator weights: the 系统管理员. */
export function canEditWeights(user: { roles: readonly Role[] }): boolean {
  return holds(user, "admin");
}

/** Reading the assessment of every unit (scores, evidence, XLSX): the office and the auditor. */
export function canViewAssessment(user: SupervisionUser, rootUnitId: number): boolean {
  return isSupervisionOffice(user, rootUnitId) || holds(user, "auditor");
}
