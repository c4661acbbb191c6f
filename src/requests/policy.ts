// Who may do what with applications. Pure functions of the user's roles; routes and the service
// call them, and policy.test.ts pins them down.
import type { Role } from "../accounts/roles";
import type { AuditActor } from "../platform/audit";
import type { TimelineEventType } from "./events";
import { EXTENSION_APPROVER_ROLE } from "./periods";

interface Holder {
  roles: readonly Role[];
}

/** Who acts on a case: the audit identity plus the roles the rules check (never taken from a payload). */
export interface CaseActor extends AuditActor {
  roles: readonly Role[];
}

const holds = (user: Holder, ...allowed: Role[]) => user.roles.some((r) => allowed.includes(r));

/** Roles that see the back-office list and case pages: the 经办人, and the 签发人 who approves extensions. */
export const applicationViewerRoles: readonly Role[] = ["applicationOfficer", "approver"];

export function canViewApplications(user: Holder): boolean {
  return holds(user, ...applicationViewerRoles);
}

/** Registering applications and recording the steps of a case: the 依申请公开经办人. */
export function canHandleApplications(user: Holder): boolean {
  return holds(user, "applicationOfficer");
}

/** 条例第三十三条: an extension is approved by the 签发人 (工作机构负责人). */
export function canApproveExtension(user: Holder): boolean {
  return holds(user, EXTENSION_APPROVER_ROLE as Role);
}

/**
 * Whether the user may submit an event of this type at all. An extension may be submitted by a
 * 经办人 too, but the rules then refuse it unless the same user is a 签发人 (the refusal names
 * 条例第三十三条); a 签发人 who is not a 经办人 records only extensions.
 */
export function canSubmitEvent(user: Holder, type: TimelineEventType): boolean {
  return type === "extend" ? canViewApplications(user) : canHandleApplications(user);
}

/** The applicant's full personal data: only the 依申请公开经办人, and every view is audited. */
export function canRevealApplicant(user: Holder): boolean {
  return holds(user, "applicationOfficer");
}
