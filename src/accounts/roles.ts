/** The six roles of the back office (see GLOSSARY.md). */
export const roles = [
  "editor",
  "reviewer",
  "approver",
  "applicationOfficer",
  "admin",
  "auditor",
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  editor: "信息员",
  reviewer: "审核人",
  approver: "签发人",
  applicationOfficer: "依申请公开经办人",
  admin: "系统管理员",
  auditor: "审计员",
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/**
 * 三员分立 (等保 2.0): the system administrator and the auditor must be different people,
 * so one account may not hold both. Returns a Chinese message when the set is not allowed.
 */
export function checkRoleSeparation(held: readonly Role[]): string | null {
  if (held.includes("admin") && held.includes("auditor")) {
    return "系统管理员与审计员不能由同一账号担任(三员分立)。";
  }
  return null;
}
