// Who may use each route of the app: the one declared table behind the authorisation matrix
// (test/security/authz-matrix.int.test.ts, issue 9). Every route `app.routes` lists must have an
// entry here and every entry must name a registered route, so a new route cannot ship without
// someone deciding who may use it.
//
// Role lists are written out, not imported from the domains' policy files, so that a change of
// policy shows up here as a deliberate edit (the policy constant is named in the comment).
import type { Role } from "../../src/accounts/roles";
import { buildRecord } from "../../src/records/test-fixtures";

export type Who = "public" | "anyUser" | readonly Role[];

export interface Access {
  /** "public": everyone, anonymous included; "anyUser": any signed-in user; or these roles. */
  who: Who;
  /** Values for the path's `:params`: a fixture name (test/security/support.ts) or `=literal`. */
  params?: Record<string, string>;
  /** Query string appended to the path (without `?`). */
  query?: string;
  /**
   * JSON body for API writes. `api.route` validates params, query and body BEFORE the handler
   * calls requireRole (src/http/api.ts), so a denial is only observable with a valid body.
   */
  body?: unknown;
  /**
   * Only the denials are checked: calling the route as an allowed user would spend a fixture
   * (end the session, deactivate the user, publish, delete…). The reason is the value.
   */
  denyOnly?: string;
  /** The object named in params does not exist in the fixtures: an allowed visitor may get 404. */
  missing?: boolean;
  /**
   * Allowed roles may still be refused (403/409) by a rule on the object itself (the records
   * workflow: nobody approves what they drafted). The role gate is checked, not the outcome.
   */
  objectRule?: string;
}

const editor: readonly Role[] = ["editor"];
const admin: readonly Role[] = ["admin"];
const auditor: readonly Role[] = ["auditor"];
const reviewer: readonly Role[] = ["reviewer"];
const officer: readonly Role[] = ["applicationOfficer"];
/** src/accounts/policy.ts tokenHolderRoles: every working role, not the 审计员. */
const tokenHolders: readonly Role[] = [
  "editor",
  "reviewer",
  "approver",
  "applicationOfficer",
  "admin",
];
/** src/records/backoffice-policy.ts recordDeskRoles. */
const recordDesk: readonly Role[] = ["editor", "reviewer", "approver", "admin"];
/** src/records/backoffice-policy.ts proofreadHandlerRoles. */
const proofreaders: readonly Role[] = ["editor", "reviewer"];
/** src/requests/policy.ts applicationViewerRoles: personal data of applicants. */
const applicationViewers: readonly Role[] = ["applicationOfficer", "approver"];
/** src/services/policy.ts guideViewerRoles / caseViewerRoles. */
const serviceViewers: readonly Role[] = ["editor", "reviewer", "approver"];
/** src/participation/meetings/policy.ts meetingDeskRoles. */
const meetingDesk: readonly Role[] = ["editor", "reviewer", "admin"];
/** src/participation/meetings/policy.ts signupRevealRoles. */
const signupRevealers: readonly Role[] = ["editor", "reviewer"];
/** src/participation/policy.ts participationStaffRoles (moderation of comments). */
const participationStaff: readonly Role[] = ["editor", "reviewer"];
/** src/publicity/policy.ts publicityManagerRoles. */
const publicityManagers: readonly Role[] = ["editor", "admin"];
/** src/supervision/annual-report/policy.ts annualReportEditorRoles / ViewerRoles. */
const reportEditors: readonly Role[] = ["reviewer", "approver"];
const reportViewers: readonly Role[] = ["reviewer", "approver", "auditor"];
/** src/supervision/policy.ts supervisionRoles (合规看板). */
const supervisors: readonly Role[] = ["editor", "reviewer", "approver", "auditor"];
/** src/supervision/policy.ts canViewAssessment: the office and the auditor. */
const assessmentReaders: readonly Role[] = ["reviewer", "approver", "auditor"];
/** src/supervision/policy.ts canManageTasks: the office. */
const taskManagers: readonly Role[] = ["reviewer", "approver"];
/** src/messages/policy.ts messageStaffRoles / templateEditorRoles. */
const messageStaff: readonly Role[] = ["editor", "reviewer", "approver"];
const messageTemplateEditors: readonly Role[] = ["reviewer", "admin"];
/** src/messages/admin-routes.tsx: reading a record's 关注 links. */
const concernReaders: readonly Role[] = ["editor", "reviewer", "approver", "admin"];

const pub: Access = { who: "public" };
const id = (fixture: string) => ({ id: fixture });
const penaltyBody = {
  subjectName: "安全测试",
  facts: "安全测试",
  basis: "《中华人民共和国食品安全法》第一百二十四条",
  content: "警告",
  decidedOn: "2025-02-28",
  authority: "渑池县市场监督管理局",
};
const licenceBody = {
  subjectName: "安全测试有限公司",
  creditCode: "91411221MA00000000",
  content: "食品经营许可",
  decidedOn: "2025-02-28",
  authority: "渑池县市场监督管理局",
};

export const accessTable: Record<string, Access> = {
  // ---- platform, static, health ---------------------------------------------------------------
  "GET /favicon.ico": pub,
  "GET /static/:name": { who: "public", params: { name: "=site.css" } },
  "GET /healthz": pub,
  "GET /api/v1/openapi.json": pub,
  "GET /admin/audit": { who: auditor },
  "GET /admin/settings": { who: admin },
  "POST /admin/settings": { who: admin, denyOnly: "would overwrite the site settings" },
  "GET /preferences/care-mode": { who: "public", query: "on=1&back=/" },
  "GET /preferences/script": { who: "public", query: "to=t&back=/" },
  "GET /": pub,
  "GET /interpretations": pub,

  // ---- accounts -----------------------------------------------------------------------------
  "GET /login": pub,
  "POST /login": pub,
  "POST /logout": { who: "public", denyOnly: "ends the session the matrix uses" },
  "GET /account/password": { who: "anyUser" },
  "POST /account/password": { who: "anyUser" },
  "GET /admin": { who: "anyUser" },
  "GET /api/v1/me": { who: "anyUser" },
  "GET /admin/users": { who: admin },
  "GET /admin/users/new": { who: admin },
  "POST /admin/users": { who: admin },
  "GET /admin/users/:id": { who: admin, params: id("user") },
  "POST /admin/users/:id": { who: admin, params: id("user") },
  "POST /admin/users/:id/reset-password": {
    who: admin,
    params: id("user"),
    denyOnly: "resets the editor's password",
  },
  "POST /admin/users/:id/unlock": { who: admin, params: id("user") },
  "POST /admin/users/:id/deactivate": {
    who: admin,
    params: id("user"),
    denyOnly: "deactivates the editor",
  },
  "POST /admin/users/:id/reactivate": { who: admin, params: id("user") },
  "GET /admin/tokens": { who: tokenHolders },
  "POST /admin/tokens": { who: tokenHolders },
  "POST /admin/tokens/:id/revoke": {
    who: tokenHolders,
    params: id("token"),
    denyOnly: "revokes the editor's token",
    objectRule: "only the owner or an admin",
  },

  // ---- org, calendar ------------------------------------------------------------------------
  "GET /admin/units": { who: admin },
  "POST /admin/units": { who: admin },
  "GET /admin/units/:id": { who: admin, params: id("unit") },
  "POST /admin/units/:id": { who: admin, params: id("unit") },
  "GET /api/v1/calendar/days/:date": { who: "public", params: { date: "=2025-05-01" } },
  "GET /api/v1/calendar/add-workdays": { who: "public", query: "from=2025-03-03&days=20" },
  "GET /admin/calendar": { who: admin },
  "POST /admin/calendar/overrides": { who: admin },
  "POST /admin/calendar/overrides/:date/remove": { who: admin, params: { date: "=2025-05-01" } },
  "POST /admin/calendar/import": { who: admin },

  // ---- records: API and back office -----------------------------------------------------------
  "POST /api/v1/records": {
    who: editor,
    body: buildRecord({ title: "矩阵测试" }),
    denyOnly: "creates records",
  },
  "PATCH /api/v1/records/:id": {
    who: editor,
    params: id("draftRecord"),
    body: { title: "矩阵测试改" },
    denyOnly: "edits the draft fixture",
  },
  "POST /api/v1/records/:id/transitions": {
    who: recordDesk,
    params: id("draftRecord"),
    body: { action: "submit" },
    denyOnly: "moves the draft fixture",
    objectRule: "the workflow decides per action",
  },
  "POST /api/v1/records/:id/proofread-dismissals": {
    who: proofreaders,
    params: id("draftRecord"),
    body: { found: "x", position: 0, reason: "矩阵测试" },
    objectRule: "only for a hit found by proofreading",
  },
  "GET /admin/records": { who: recordDesk },
  "GET /admin/records/due": { who: recordDesk },
  "GET /admin/records/new": { who: editor },
  "POST /admin/records/new": { who: editor },
  "GET /admin/records/:id{[0-9]+}/edit": { who: editor, params: id("draftRecord") },
  "POST /admin/records/:id{[0-9]+}/edit": {
    who: editor,
    params: id("draftRecord"),
    denyOnly: "edits the draft fixture",
  },
  "POST /admin/records/:id{[0-9]+}/attachments/:attachmentId{[0-9]+}/delete": {
    who: editor,
    params: { id: "draftRecord", attachmentId: "=999999" },
    missing: true,
  },
  "GET /admin/records/:id{[0-9]+}": { who: recordDesk, params: id("draftRecord") },
  "POST /admin/records/:id{[0-9]+}/actions/:action": {
    who: recordDesk,
    params: { id: "draftRecord", action: "=submit" },
    denyOnly: "moves the draft fixture",
    objectRule: "workflow",
  },
  "POST /admin/records/:id{[0-9]+}/proofread/dismiss": {
    who: proofreaders,
    params: id("draftRecord"),
    objectRule: "only for a hit found by proofreading",
  },
  "GET /admin/records/:id{[0-9]+}/versions": { who: recordDesk, params: id("publishedRecord") },
  "GET /admin/records/:id{[0-9]+}/attachments/:attachmentId{[0-9]+}": {
    who: recordDesk,
    params: { id: "publishedRecord", attachmentId: "=999999" },
    missing: true,
  },
  "GET /admin/records/:id{[0-9]+}/concerns": { who: concernReaders, params: id("publishedRecord") },
  "POST /admin/records/:id{[0-9]+}/concerns": { who: editor, params: id("publishedRecord") },
  "POST /admin/records/:id{[0-9]+}/concerns/:linkId{[0-9]+}/delete": {
    who: editor,
    params: { id: "publishedRecord", linkId: "=999999" },
    missing: true,
  },

  // ---- public disclosure --------------------------------------------------------------------
  "GET /disclosure": pub,
  "GET /disclosure/guide": pub,
  "GET /disclosure/records": pub,
  "GET /disclosure/rules": pub,
  "GET /disclosure/annual-reports": pub,
  "GET /records/:id": { who: "public", params: id("publishedRecord") },
  "GET /records/:id/print": { who: "public", params: id("publishedRecord") },
  "GET /files/:id/:name": {
    who: "public",
    params: { id: "=999999", name: "=x.pdf" },
    missing: true,
  },
  "GET /search": { who: "public", query: "q=食品" },
  "GET /feeds/records.atom": pub,
  "GET /feeds/catalog/:file": { who: "public", params: { file: "catalogFeed" } },
  "GET /feeds/genre/:file": { who: "public", params: { file: "=notice.atom" } },
  "GET /sitemap.xml": pub,
  "GET /sitemaps/:file": { who: "public", params: { file: "=pages.xml" } },
  "GET /api/v1/records": pub,
  "GET /api/v1/records/:id": { who: "public", params: id("publishedRecord") },
  "GET /disclosure/catalog": pub,
  "GET /disclosure/catalog/:id{[0-9]+}": { who: "public", params: id("catalogItem") },
  "GET /disclosure/annual-reports/:year": {
    who: "public",
    params: { year: "=2024" },
    missing: true,
  },
  "GET /disclosure/annual-reports/:year/report.docx": {
    who: "public",
    params: { year: "=2024" },
    missing: true,
  },

  // ---- catalog (back office) ----------------------------------------------------------------
  "GET /admin/catalog": { who: admin },
  "GET /admin/catalog/export.xlsx": { who: admin },
  "GET /admin/catalog/new": { who: admin },
  "POST /admin/catalog": { who: admin },
  "GET /admin/catalog/:id{[0-9]+}": { who: admin, params: id("catalogItem") },
  "POST /admin/catalog/:id{[0-9]+}": { who: admin, params: id("catalogItem") },
  "POST /admin/catalog/:id{[0-9]+}/activate": { who: admin, params: id("catalogItem") },
  "POST /admin/catalog/:id{[0-9]+}/deactivate": {
    who: admin,
    params: id("catalogItem"),
    denyOnly: "hides the catalog item the feeds use",
  },
  "GET /admin/catalog/:id{[0-9]+}/versions/:version{[0-9]+}": {
    who: admin,
    params: { id: "catalogItem", version: "=1" },
  },
  "POST /admin/catalog/import": { who: admin },
  "POST /admin/catalog/import/confirm": { who: admin },

  // ---- applications (依申请公开): personal data ----------------------------------------------
  "GET /applications": pub,
  "GET /applications/new": pub,
  "POST /applications/new": pub,
  "GET /applications/submitted": pub,
  "GET /applications/track": pub,
  "POST /applications/track": pub,
  "POST /api/v1/applications": { who: "public" },
  "GET /api/v1/applications/lookup": {
    who: "public",
    query: "number=YSQ-2025-00001&code=WRONGCODE",
    missing: true,
  },
  "GET /api/v1/applications": { who: applicationViewers },
  "GET /api/v1/applications/:id": { who: applicationViewers, params: id("application") },
  "POST /api/v1/applications/:id/events": {
    who: applicationViewers,
    params: id("application"),
    body: { type: "ask_reasons", date: "2025-03-03" },
    denyOnly: "adds an event to the case",
  },
  "GET /admin/applications": { who: applicationViewers },
  "GET /admin/applications/new": { who: officer },
  "POST /admin/applications/new": { who: officer },
  "GET /admin/applications/:id": { who: applicationViewers, params: id("application") },
  "POST /admin/applications/:id/events": { who: applicationViewers, params: id("application") },
  "POST /admin/applications/:id/reveal": { who: officer, params: id("application") },
  "GET /admin/applications/:id/id-scan": { who: officer, params: id("application"), missing: true },
  "GET /admin/applications/ledger": { who: officer },
  "GET /admin/applications/ledger/export": { who: officer },
  "POST /admin/applications/ledger/import": { who: officer },
  "GET /admin/applications/:id/letters": { who: officer, params: id("application") },
  "GET /admin/applications/:id/letters/:file": {
    who: officer,
    params: { id: "application", file: "=receipt" },
    objectRule: "a letter exists only at its step of the case",
  },
  "POST /admin/applications/:id/reply-attachments": { who: officer, params: id("application") },
  "GET /admin/applications/:id/reply-attachments/:attachmentId": {
    who: officer,
    params: { id: "application", attachmentId: "=999999" },
    missing: true,
  },
  "POST /admin/applications/:id/reply-attachments/:attachmentId/delete": {
    who: officer,
    params: { id: "application", attachmentId: "=999999" },
    missing: true,
  },
  "GET /admin/letter-templates": { who: admin },
  "GET /admin/letter-templates/:key": { who: admin, params: { key: "=receipt" } },
  "POST /admin/letter-templates/:key": { who: admin, params: { key: "=receipt" } },
  "GET /admin/applications/:id/appeals": { who: applicationViewers, params: id("application") },
  "POST /admin/applications/:id/appeals": { who: officer, params: id("application") },
  "POST /admin/applications/:id/appeals/:appealId": {
    who: officer,
    params: { id: "application", appealId: "=999999" },
    missing: true,
  },

  // ---- services (办事服务) ----------------------------------------------------------------------
  "GET /services": pub,
  "GET /services/guides": pub,
  "GET /services/guides/feed.atom": pub,
  "GET /services/guides/:id{[0-9]+}": { who: "public", params: id("serviceGuide") },
  "GET /services/guides/:id{[0-9]+}/notice": { who: "public", params: id("serviceGuide") },
  "GET /services/cases": pub,
  "POST /services/cases": pub,
  "GET /admin/services/guides": { who: serviceViewers },
  "GET /admin/services/guides/new": { who: editor },
  "POST /admin/services/guides/new": { who: editor },
  "GET /admin/services/guides/:id{[0-9]+}": { who: serviceViewers, params: id("serviceGuide") },
  "POST /admin/services/guides/:id{[0-9]+}": { who: editor, params: id("serviceGuide") },
  "GET /admin/services/cases": { who: serviceViewers },
  "GET /admin/services/cases/template.xlsx": { who: serviceViewers },
  "POST /admin/services/cases/import": { who: editor },
  "PUT /api/v1/service-cases/:caseNo": {
    who: editor,
    params: { caseNo: "=SEC-2025-0001" },
    body: { itemCode: "DEMO-SP-001", applicantName: "安全测试", steps: [] },
    denyOnly: "creates a case",
  },
  "GET /api/v1/service-guides": pub,
  "GET /api/v1/service-guides/:id": { who: "public", params: id("serviceGuide") },

  // ---- meetings (participation) -------------------------------------------------------------
  "GET /interaction/meetings": pub,
  "GET /interaction/meetings/verify-draw.mjs": pub,
  "GET /interaction/meetings/:id{[0-9]+}": { who: "public", params: id("meeting") },
  "GET /interaction/meetings/:id{[0-9]+}/signup": {
    who: "public",
    params: id("meeting"),
    objectRule: "only while sign-up is open",
  },
  "POST /interaction/meetings/:id{[0-9]+}/signup": { who: "public", params: id("meeting") },
  "GET /interaction/meetings/:id{[0-9]+}/signed-up": {
    who: "public",
    params: id("meeting"),
    missing: true,
  },
  "GET /admin/meetings": { who: meetingDesk },
  "GET /admin/meetings/new": { who: editor },
  "POST /admin/meetings/new": { who: editor },
  "GET /admin/meetings/:id{[0-9]+}": { who: meetingDesk, params: id("meeting") },
  "GET /admin/meetings/:id{[0-9]+}/edit": {
    who: editor,
    params: id("meeting"),
    objectRule: "only a draft is edited",
  },
  "POST /admin/meetings/:id{[0-9]+}/edit": {
    who: editor,
    params: id("meeting"),
    objectRule: "only a draft is edited",
  },
  "POST /admin/meetings/:id{[0-9]+}/publish": {
    who: reviewer,
    params: id("meeting"),
    denyOnly: "publishes the meeting",
  },
  "POST /admin/meetings/:id{[0-9]+}/seed": {
    who: reviewer,
    params: id("meeting"),
    denyOnly: "sets the draw seed",
  },
  "POST /admin/meetings/:id{[0-9]+}/draw": {
    who: reviewer,
    params: id("meeting"),
    denyOnly: "draws the participants",
  },
  "POST /admin/meetings/:id{[0-9]+}/results": {
    who: editor,
    params: id("meeting"),
    objectRule: "only after the meeting",
  },
  "POST /admin/meetings/:id{[0-9]+}/results/publish": {
    who: reviewer,
    params: id("meeting"),
    denyOnly: "publishes the minutes",
  },
  "POST /admin/meetings/:id{[0-9]+}/signups/:signupId{[0-9]+}/reveal": {
    who: signupRevealers,
    params: { id: "meeting", signupId: "signup" },
  },
  "GET /api/v1/meetings": pub,
  "GET /api/v1/meetings/:id": { who: "public", params: id("meeting") },

  // ---- consultations, comments, decisions (participation) -----------------------------------
  "GET /interaction": pub,
  "GET /interaction/consultations": pub,
  "GET /interaction/consultations/:id": { who: "public", params: id("consultation") },
  "POST /interaction/consultations/:id/comments": { who: "public", params: id("consultation") },
  "GET /interaction/consultations/:id/feedback": {
    who: "public",
    params: id("consultation"),
    objectRule: "only once feedback is published",
  },
  "GET /interaction/decisions": pub,
  "GET /api/v1/consultations": pub,
  "GET /api/v1/consultations/:id": { who: "public", params: id("consultation") },
  "GET /admin/consultations": { who: participationStaff },
  "GET /admin/consultations/new": { who: participationStaff },
  "POST /admin/consultations/new": { who: participationStaff },
  "GET /admin/consultations/:id": { who: participationStaff, params: id("consultation") },
  "GET /admin/consultations/:id/edit": {
    who: participationStaff,
    params: id("consultation"),
    objectRule: "only before it opens",
  },
  "POST /admin/consultations/:id/edit": {
    who: participationStaff,
    params: id("consultation"),
    objectRule: "only before it opens",
  },
  "POST /admin/consultations/:id/open": {
    who: reviewer,
    params: id("consultation"),
    objectRule: "only a draft opens",
  },
  "POST /admin/consultation-comments/:cid/publish": {
    who: participationStaff,
    params: { cid: "comment" },
    denyOnly: "moderates the comment",
  },
  "POST /admin/consultation-comments/:cid/hold": {
    who: participationStaff,
    params: { cid: "comment" },
    denyOnly: "moderates the comment",
  },
  "POST /admin/consultation-comments/:cid/contact": {
    who: participationStaff,
    params: { cid: "comment" },
  },
  "POST /admin/consultation-comments/:cid/answer": {
    who: participationStaff,
    params: { cid: "comment" },
  },
  "GET /admin/consultations/:id/feedback": { who: participationStaff, params: id("consultation") },
  "POST /admin/consultations/:id/groups": { who: participationStaff, params: id("consultation") },
  "POST /admin/consultations/:id/feedback": {
    who: reviewer,
    params: id("consultation"),
    denyOnly: "publishes the feedback",
  },
  "GET /admin/consultation-templates": { who: participationStaff },
  "POST /admin/consultation-templates": { who: participationStaff },
  "POST /admin/consultation-templates/:id": {
    who: participationStaff,
    params: { id: "=999999" },
    missing: true,
  },
  "GET /admin/participation/settings": { who: admin },
  "POST /admin/participation/settings": { who: admin },
  "GET /admin/decisions": { who: participationStaff },
  "GET /admin/decisions/:id": { who: participationStaff, params: { id: "=999999" }, missing: true },
  "POST /admin/decisions": { who: participationStaff },
  "POST /admin/decisions/:id": {
    who: participationStaff,
    params: { id: "=999999" },
    missing: true,
  },

  // ---- publicity (双公示) -------------------------------------------------------------------
  "GET /services/publicity": pub,
  "GET /services/publicity/licences": pub,
  "GET /services/publicity/penalties": pub,
  "GET /services/publicity/licences/feed.atom": pub,
  "GET /services/publicity/penalties/feed.atom": pub,
  "GET /services/publicity/licences/:id{[0-9]+}": { who: "public", params: id("licence") },
  "GET /services/publicity/penalties/:id{[0-9]+}": { who: "public", params: id("penalty") },
  "GET /api/v1/publicity/licences": pub,
  "GET /api/v1/publicity/penalties": pub,
  "POST /api/v1/publicity/licences/batch": {
    who: publicityManagers,
    body: { entries: [{ licenceNo: "SEC-1", ...licenceBody }] },
    denyOnly: "imports entries",
  },
  "POST /api/v1/publicity/penalties/batch": {
    who: publicityManagers,
    body: { entries: [{ decisionNo: "SEC-1", ...penaltyBody }] },
    denyOnly: "imports entries",
  },
  "PUT /api/v1/publicity/licences/:licenceNo": {
    who: publicityManagers,
    params: { licenceNo: "=SEC-2" },
    body: licenceBody,
    denyOnly: "imports an entry",
  },
  "PUT /api/v1/publicity/penalties/:decisionNo": {
    who: publicityManagers,
    params: { decisionNo: "=SEC-2" },
    body: penaltyBody,
    denyOnly: "imports an entry",
  },
  "GET /admin/publicity": { who: publicityManagers },
  "GET /admin/publicity/template/:file": {
    who: publicityManagers,
    params: { file: "=licences.xlsx" },
  },
  "POST /admin/publicity/import": { who: publicityManagers },
  "GET /admin/publicity/periods": { who: admin },
  "POST /admin/publicity/periods": { who: admin },
  "GET /admin/publicity/licences/:id{[0-9]+}": { who: publicityManagers, params: id("licence") },
  "POST /admin/publicity/licences/:id{[0-9]+}/reveal": {
    who: publicityManagers,
    params: id("licence"),
  },
  "POST /admin/publicity/licences/:id{[0-9]+}/take-down": {
    who: admin,
    params: id("licence"),
    denyOnly: "takes the entry down",
  },
  "GET /admin/publicity/penalties/:id{[0-9]+}": { who: publicityManagers, params: id("penalty") },
  "POST /admin/publicity/penalties/:id{[0-9]+}/reveal": {
    who: publicityManagers,
    params: id("penalty"),
  },
  "POST /admin/publicity/penalties/:id{[0-9]+}/take-down": {
    who: admin,
    params: id("penalty"),
    denyOnly: "takes the entry down",
  },

  // ---- annual report (supervision) ----------------------------------------------------------
  "GET /admin/reports/annual": { who: reportViewers },
  "GET /admin/reports/annual/:year": { who: reportViewers, params: { year: "=2024" } },
  "GET /admin/reports/annual/:year/report.docx": {
    who: reportViewers,
    params: { year: "=2024" },
    missing: true,
  },
  "POST /admin/reports/annual/:year/fee": { who: reportEditors, params: { year: "=2024" } },
  "POST /admin/reports/annual/:year/narrative": { who: reportEditors, params: { year: "=2024" } },
  "POST /admin/reports/annual/:year/corrections": { who: reportEditors, params: { year: "=2024" } },
  "POST /admin/reports/annual/:year/finalise": {
    who: reportEditors,
    params: { year: "=2024" },
    denyOnly: "finalises the year",
  },
  "GET /api/v1/reports/annual/:year": { who: reportViewers, params: { year: "=2024" } },

  // ---- supervision dashboard and reminders -------------------------------------------------
  "GET /admin/supervision": { who: supervisors },
  "GET /admin/supervision/items": { who: supervisors },
  // The API route calls requireUser only; dashboardFor refuses the other roles (403) itself.
  "GET /api/v1/dashboard": { who: supervisors },
  // src/supervision/policy.ts: the office (审核人/签发人 of the root unit, as every matrix user is)
  // and the auditor read the assessment; the administrator only edits its weights.
  // A unit's staff are sent to their own unit's sheet, the administrator to the weights.
  "GET /admin/supervision/assessment": { who: [...supervisors, "admin"] },
  "GET /admin/supervision/assessment/export.xlsx": { who: assessmentReaders },
  "GET /admin/supervision/assessment/weights": { who: admin },
  "POST /admin/supervision/assessment/weights": { who: admin },
  // A unit's own sheet: its staff too (every matrix user belongs to the root unit).
  "GET /admin/supervision/assessment/:unitId{[0-9]+}": {
    who: supervisors,
    params: { unitId: "unit" },
  },
  "GET /admin/supervision/tasks": { who: supervisors },
  "POST /admin/supervision/tasks": { who: taskManagers },
  "GET /admin/supervision/tasks/:id{[0-9]+}": {
    who: supervisors,
    params: { id: "=999999" },
    missing: true,
  },
  "POST /admin/supervision/tasks/assignments/:id{[0-9]+}/reports": {
    who: ["editor", "reviewer", "approver"],
    params: { id: "=999999" },
    missing: true,
  },
  "GET /admin/supervision/tasks/files/:id{[0-9]+}": {
    who: supervisors,
    params: { id: "=999999" },
    missing: true,
  },
  "GET /admin/supervision/trainings": { who: supervisors },
  "POST /admin/supervision/trainings": { who: taskManagers },
  "GET /admin/supervision/trainings/:id{[0-9]+}": {
    who: supervisors,
    params: { id: "=999999" },
    missing: true,
  },
  "GET /admin/notices": { who: "anyUser" },
  "POST /admin/notices/read-all": { who: "anyUser" },
  "POST /admin/notices/:id{[0-9]{1,10}}/read": {
    who: "anyUser",
    params: { id: "=999999" },
    missing: true,
  },

  // ---- messages (留言) -------------------------------------------------------------------------
  "GET /interaction/messages": pub,
  "GET /interaction/messages/new": pub,
  "POST /interaction/messages/new": pub,
  "GET /interaction/messages/submitted": pub,
  "GET /interaction/messages/track": pub,
  "POST /interaction/messages/track": pub,
  "GET /interaction/messages/rate": pub,
  "POST /interaction/messages/rate": { who: "public", missing: true },
  "GET /interaction/messages/:id{[0-9]+}": {
    who: "public",
    params: { id: "=999999" },
    missing: true,
  },
  "GET /interaction/responses": pub,
  "GET /admin/messages": { who: messageStaff },
  "GET /admin/messages/:id{[0-9]+}": {
    who: messageStaff,
    params: { id: "=999999" },
    missing: true,
  },
  "POST /admin/messages/:id{[0-9]+}/contact": {
    who: messageStaff,
    params: { id: "=999999" },
    missing: true,
  },
  "POST /admin/messages/:id{[0-9]+}/actions/:action": {
    who: messageStaff,
    params: { id: "=999999", action: "=distribute" },
    missing: true,
  },
  "GET /admin/messages/templates": { who: messageTemplateEditors },
  "GET /admin/messages/templates/:id{[0-9]+}": {
    who: messageTemplateEditors,
    params: { id: "=999999" },
    missing: true,
  },
  "POST /admin/messages/templates": { who: messageTemplateEditors },
  "POST /admin/messages/templates/:id{[0-9]+}": {
    who: messageTemplateEditors,
    params: { id: "=999999" },
    missing: true,
  },
  "GET /admin/messages/settings": { who: admin },
  "POST /admin/messages/settings": { who: admin },
  "GET /api/v1/messages": pub,
  "GET /api/v1/messages/:id": { who: "public", params: { id: "=999999" }, missing: true },

  // ---- subscriptions and mail ---------------------------------------------------------------
  "GET /subscriptions": pub,
  "POST /subscriptions": pub,
  "GET /subscriptions/sent": pub,
  "GET /subscriptions/confirm/:token": {
    who: "public",
    params: { token: "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    missing: true,
  },
  "POST /subscriptions/confirm/:token": {
    who: "public",
    params: { token: "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    missing: true,
  },
  "GET /subscriptions/unsubscribe/:token": {
    who: "public",
    params: { token: "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    missing: true,
  },
  "POST /subscriptions/unsubscribe/:token": {
    who: "public",
    params: { token: "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    missing: true,
  },
  "GET /admin/mail": { who: admin },
  "GET /admin/mail/:id{[0-9]{1,10}}": { who: admin, params: { id: "=999999" }, missing: true },
  "GET /admin/mail/:id{[0-9]{1,10}}/eml": { who: admin, params: { id: "=999999" }, missing: true },
};
