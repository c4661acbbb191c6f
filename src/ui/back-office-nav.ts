import type { Role } from "../accounts/roles";

export interface NavItem {
  href: string;
  label: string;
  /** Shown to anyone holding one of these roles. */
  roles: readonly Role[];
}

/** The back-office menu; each domain adds its entries here. */
export const backOfficeNav: NavItem[] = [
  {
    href: "/admin",
    label: "工作台",
    roles: ["editor", "reviewer", "approver", "applicationOfficer", "admin", "auditor"],
  },
  { href: "/admin/records", label: "信息发布", roles: ["editor", "reviewer", "approver", "admin"] },
  {
    href: "/admin/records/due",
    label: "公开时限",
    roles: ["editor", "reviewer", "approver", "admin"],
  },
  { href: "/admin/applications", label: "依申请公开", roles: ["applicationOfficer", "approver"] },
  { href: "/admin/applications/ledger", label: "依申请公开台账", roles: ["applicationOfficer"] },
  { href: "/admin/audit", label: "审计日志", roles: ["auditor"] },
  { href: "/admin/users", label: "用户管理", roles: ["admin"] },
  { href: "/admin/units", label: "单位管理", roles: ["admin"] },
  { href: "/admin/settings", label: "站点设置", roles: ["admin"] },
  { href: "/admin/mail", label: "邮件队列", roles: ["admin"] },
  { href: "/admin/letter-templates", label: "文书模板", roles: ["admin"] },
  { href: "/admin/calendar", label: "工作日历", roles: ["admin"] },
  { href: "/admin/catalog", label: "标准目录", roles: ["admin"] },
  {
    href: "/admin/tokens",
    label: "访问令牌",
    roles: ["editor", "reviewer", "approver", "applicationOfficer", "admin"],
  },
  { href: "/admin/services/guides", label: "办事指南", roles: ["editor", "reviewer", "approver"] },
  { href: "/admin/services/cases", label: "办件", roles: ["editor", "reviewer", "approver"] },
  { href: "/admin/meetings", label: "座谈会听证会", roles: ["editor", "reviewer", "admin"] },
  { href: "/admin/consultations", label: "意见征集", roles: ["editor", "reviewer"] },
  { href: "/admin/decisions", label: "决策事项目录", roles: ["editor", "reviewer"] },
  { href: "/admin/participation/settings", label: "意见征集设置", roles: ["admin"] },
  { href: "/admin/publicity", label: "双公示", roles: ["editor", "admin"] },
  { href: "/admin/reports/annual", label: "年度报告", roles: ["reviewer", "approver", "auditor"] },
  { href: "/admin/messages", label: "留言办理", roles: ["editor", "reviewer", "approver"] },
  {
    href: "/admin/supervision",
    label: "监督考核",
    roles: ["editor", "reviewer", "approver", "auditor"],
  },
  {
    href: "/admin/notices",
    label: "我的通知",
    roles: ["editor", "reviewer", "approver", "applicationOfficer"],
  },
];

export function navFor(held: readonly Role[]): NavItem[] {
  return backOfficeNav.filter((item) => item.roles.some((r) => held.includes(r)));
}
