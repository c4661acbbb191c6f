// Who may do what with the annual report: the 政务公开 office (审核人、签发人) prepares and
// finalises it (条例第四十九条 makes the bureau answerable for it); the 审计员 may read it.
import type { Role } from "../../accounts/roles";

interface Holder {
  roles: readonly Role[];
}

/** Roles that generate, edit (收费金额, corrections, narrative) and finalise the report. */
export const annualReportEditorRoles: readonly Role[] = ["reviewer", "approver"];
/** Roles that may read the report in the back office and through the API. */
export const annualReportViewerRoles: readonly Role[] = ["reviewer", "approver", "auditor"];

const holds = (user: Holder, allowed: readonly Role[]) =>
  user.roles.some((r) => allowed.includes(r));

export function canViewAnnualReport(user: Holder): boolean {
  return holds(user, annualReportViewerRoles);
}

export function canEditAnnualReport(user: Holder): boolean {
  return holds(user, annualReportEditorRoles);
}
