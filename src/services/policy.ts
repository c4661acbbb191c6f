// Who may do what in 办事服务. Guides are records: drafting is the 信息员's, review and sign-off
// follow the records workflow. Cases carry applicants' personal data: the 信息员 who keeps the
// guides receives them; reviewers and approvers may read the masked list.
import type { Role } from "../accounts/roles";

export const guideEditorRoles: readonly Role[] = ["editor"];
export const guideViewerRoles: readonly Role[] = ["editor", "reviewer", "approver"];
export const caseManagerRoles: readonly Role[] = ["editor"];
export const caseViewerRoles: readonly Role[] = ["editor", "reviewer", "approver"];
