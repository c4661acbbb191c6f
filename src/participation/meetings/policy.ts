// Who may do what with 座谈会 / 听证会 / 实地走访: the 信息员 drafts announcements and writes the minutes,
// the 审核人 publishes them (never their own draft), publishes the draw seed and runs the draw.
// Pure functions of the user (and the meeting), called in the routes and the service.
import type { Role } from "../../accounts/roles";

interface Holder {
  id: number;
  roles: readonly Role[];
}

/** The back-office list and meeting pages. */
export const meetingDeskRoles: readonly Role[] = ["editor", "reviewer", "admin"];
/** Drafting and editing announcements, writing minutes and outcome (信息员). */
export const meetingDrafterRoles: readonly Role[] = ["editor"];
/** Publishing announcements, the seed, the draw, and the minutes (审核人). */
export const meetingPublisherRoles: readonly Role[] = ["reviewer"];
/** Seeing a sign-up's name, phone and statement in full (audited): those who contact people. */
export const signupRevealRoles: readonly Role[] = ["editor", "reviewer"];

const holds = (user: Holder, allowed: readonly Role[]) =>
  user.roles.some((r) => allowed.includes(r));

export function canDraftMeetings(user: Holder): boolean {
  return holds(user, meetingDrafterRoles);
}

export function canRevealSignups(user: Holder): boolean {
  return holds(user, signupRevealRoles);
}

/** Why this user may not publish this announcement, or null: 审核人 only, and not their own draft. */
export function publishRefusal(user: Holder, meeting: { createdBy: number | null }): string | null {
  if (!holds(user, meetingPublisherRoles)) return "只有审核人可以发布。";
  if (meeting.createdBy === user.id) return "不能发布自己起草的公告,请由其他审核人发布。";
  return null;
}

/** The seed, the draw and the minutes' publication: 审核人. */
export function canPublishMeetingSteps(user: Holder): boolean {
  return holds(user, meetingPublisherRoles);
}
