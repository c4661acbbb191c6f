// Who may do what in 公众参与:
// - 信息员 (editor) drafts and edits consultations of their own unit while still drafts, and keeps
//   the decision catalog entries of their unit;
// - 审核人 (reviewer) may do all of that for any unit, opens consultations (publishing them) and
//   publishes the 意见采纳情况反馈;
// - editor and reviewer moderate comments (publish or hold), answer them, group them, see a
//   commenter's contact (audited) and edit the 答复模板;
// - 系统管理员 (admin) edits the feedback due period setting.
import type { Role } from "../accounts/roles";

export interface ParticipationActor {
  id: number | null;
  name: string;
  ip: string;
  roles: readonly Role[];
  unitId: number;
}

const holds = (user: { roles: readonly Role[] }, ...allowed: Role[]) =>
  user.roles.some((r) => allowed.includes(r));

/** Roles that see the back office of 公众参与. */
export const participationStaffRoles: Role[] = ["editor", "reviewer"];
export const participationSettingsRoles: Role[] = ["admin"];

export function canDraftFor(user: ParticipationActor, unitId: number): boolean {
  return holds(user, "reviewer") || (holds(user, "editor") && user.unitId === unitId);
}

export function canOpenConsultation(user: { roles: readonly Role[] }): boolean {
  return holds(user, "reviewer");
}

export function canPublishFeedback(user: { roles: readonly Role[] }): boolean {
  return holds(user, "reviewer");
}

export function canModerate(user: { roles: readonly Role[] }): boolean {
  return holds(user, "editor", "reviewer");
}

export function canEditSettings(user: { roles: readonly Role[] }): boolean {
  return holds(user, "admin");
}
