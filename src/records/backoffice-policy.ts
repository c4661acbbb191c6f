// Who reaches which back-office page of records, and which workflow actions the record page
// offers this user. Pure: the workflow (workflow.ts) decides; this asks it about each action.
import type { Role } from "../accounts/roles";
import type { PageAction } from "./backoffice-form";
import { PAGE_ACTIONS } from "./backoffice-form";
import { decide, type ReviewForm, transitionsFrom, type WorkflowInput } from "./workflow";

/** The record lists, record pages, versions and 公开时限 pages. */
export const recordDeskRoles: readonly Role[] = ["editor", "reviewer", "approver", "admin"];
/** Drafting and editing drafts, and their attachments (信息员). */
export const recordDrafterRoles: readonly Role[] = ["editor"];
/** Dismissing a proofreading hit with a reason. */
export const proofreadHandlerRoles: readonly Role[] = ["editor", "reviewer"];

/** One route of the records back office and the roles that reach it (tested against the router). */
export const recordRouteRoles: readonly {
  method: "GET" | "POST";
  path: string;
  roles: readonly Role[];
}[] = [
  { method: "GET", path: "/admin/records", roles: recordDeskRoles },
  { method: "GET", path: "/admin/records/due", roles: recordDeskRoles },
  { method: "GET", path: "/admin/records/new", roles: recordDrafterRoles },
  { method: "POST", path: "/admin/records/new", roles: recordDrafterRoles },
  { method: "GET", path: "/admin/records/:id", roles: recordDeskRoles },
  { method: "GET", path: "/admin/records/:id/edit", roles: recordDrafterRoles },
  { method: "POST", path: "/admin/records/:id/edit", roles: recordDrafterRoles },
  {
    method: "POST",
    path: "/admin/records/:id/attachments/:attachmentId/delete",
    roles: recordDrafterRoles,
  },
  { method: "GET", path: "/admin/records/:id/attachments/:attachmentId", roles: recordDeskRoles },
  { method: "POST", path: "/admin/records/:id/proofread/dismiss", roles: proofreadHandlerRoles },
  { method: "POST", path: "/admin/records/:id/actions/:action", roles: recordDeskRoles },
  { method: "GET", path: "/admin/records/:id/versions", roles: recordDeskRoles },
];

export interface ActionChoice {
  action: PageAction;
  /** Why this user cannot take the action now; null when the form is offered. */
  unavailableBecause: string | null;
}

// Stand-ins for what the forms will ask for, so that asking the workflow in advance leaves only
// the refusals that no form input can cure: state, role, own record, interpretation, review.
const placeholderReview: ReviewForm = {
  isClassified: false,
  involvesPrivacyOrTradeSecret: false,
  disclosureAttribute: "proactive",
  legalReason: "",
};

/**
 * The actions the record's state allows, each with whether this user may take it and if not why
 * (e.g. "不能审核自己起草的信息"). `openProofreadHits` blocks submit until they are dealt with.
 */
export function actionChoicesFor(
  base: Omit<WorkflowInput, "action" | "review" | "comment" | "publishAt">,
  openProofreadHits: number,
): ActionChoice[] {
  const allowed = transitionsFrom(base.record.state);
  const later = new Date(Date.parse(base.now) + 86_400_000).toISOString();
  return PAGE_ACTIONS.filter((action) => allowed[action] !== undefined).map((action) => {
    const decision = decide({
      ...base,
      action,
      review: placeholderReview,
      comment: "理由",
      publishAt: later,
    });
    if (!decision.ok) return { action, unavailableBecause: decision.message };
    if (action === "submit" && openProofreadHits > 0) {
      return {
        action,
        unavailableBecause: `校对发现${openProofreadHits}处问题尚未处理:请修改正文或标题,或在下方说明理由后忽略,再送审。`,
      };
    }
    return { action, unavailableBecause: null };
  });
}
