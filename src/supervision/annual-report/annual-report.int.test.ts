// The annual report end to end: cases, replies and appeals through the real services, the year's
// tables through the API, corrections and the refusal to finalise, the frozen snapshot against
// later case edits, the 信息公开年报 record through review and sign-off, and the public page.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../../test/browser/support/checks";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import type { RecordActor } from "../../records/changes";
import { actorFor, publishableReview, setCreditCode } from "../../records/test-fixtures";
import { transitionRecord } from "../../records/transitions";
import { recordAppeal } from "../../requests/appeals/service";
import { officerActor, registerCase, replyCase } from "../../requests/casework-test-fixtures";
import type { CaseActor } from "../../requests/policy";
import { registerCaseAs } from "./test-fixtures";

describe("annual report of 2025", () => {
  let t: TestApp;
  let actor: CaseActor;
  let office: Browser;
  let token: string;
  const ids: Record<string, number> = {};
  const pages: [string, string][] = [];

  const api = async (year = 2025) => {
    const res = await t.app.request(`/api/v1/reports/annual/${year}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as {
      year: number;
      finalised: boolean;
      tables: Record<string, Record<string, Record<string, number>>>;
    };
  };

  before(async () => {
    t = await createTestApp({ start: "2026-01-12T02:00:00Z" });
    await setCreditCode(t.t.db);
    await t.createUser("officer", ["applicationOfficer"]);
    await t.createUser("office", ["reviewer"]);
    await t.createUser("editor", ["editor"]);
    await t.createUser("reviewer2", ["reviewer"]);
    await t.createUser("approver2", ["approver"]);
    await t.createUser("auditor", ["auditor"]);
    actor = await officerActor(t);
    // 上年结转: received in December 2024, replied in January 2025.
    ids.A = (await registerCase(t, actor, "2024-12-20")).id;
    await replyCase(t, actor, ids.A, "2025-01-10", "results.disclosed");
    ids.C = (await registerCase(t, actor, "2025-02-03")).id;
    await replyCase(t, actor, ids.C, "2025-02-20", "results.not_disclosed.third_party_rights");
    ids.D = await registerCaseAs(t, actor, "org_commercial", "2025-03-03");
    await replyCase(t, actor, ids.D, "2025-03-17", "results.partially_disclosed");
    ids.G = await registerCaseAs(t, actor, "org_research", "2025-05-06");
    await replyCase(t, actor, ids.G, "2025-05-12", "results.not_processed.duplicate");
    ids.F = await registerCaseAs(t, actor, "org_legal_service", "2025-12-22"); // still open
    ids.H = (await registerCase(t, actor, "2026-01-05")).id; // next year
    const ctx = { actor, now: t.now() };
    // 复议 over C, decided in 2025: the reply was corrected.
    await recordAppeal(
      t.t.db,
      ids.C,
      {
        kind: "review",
        afterReview: false,
        filedOn: "2025-03-03",
        result: "corrected",
        decidedOn: "2025-04-01",
      },
      ctx,
    );
    office = await t.login("office");
    token = await t.token("office");
  });
  after(() => t.close());

  it("the API returns the year's tables keyed as the format, computed live", async () => {
    const body = await api();
    assert.equal(body.year, 2025);
    assert.equal(body.finalised, false);
    const apps = body.tables.applications!;
    assert.deepEqual(apps.new_received, {
      natural_person: 1,
      org_commercial: 1,
      org_research: 1,
      org_public_welfare: 0,
      org_legal_service: 1,
      org_other: 0,
      total: 4,
    });
    assert.equal(apps.carried_over_from_last_year!.natural_person, 1);
    assert.equal(apps.carried_over_from_last_year!.total, 1);
    assert.equal(apps["results.disclosed"]!.natural_person, 1);
    assert.equal(apps["results.partially_disclosed"]!.org_commercial, 1);
    assert.equal(apps["results.not_disclosed.third_party_rights"]!.natural_person, 1);
    assert.equal(apps["results.not_disclosed"]!.total, 1);
    assert.equal(apps["results.not_processed.duplicate"]!.org_research, 1);
    assert.deepEqual(apps["results.total"], {
      natural_person: 2,
      org_commercial: 1,
      org_research: 1,
      org_public_welfare: 0,
      org_legal_service: 0,
      org_other: 0,
      total: 4,
    });
    assert.equal(apps.carried_to_next_year!.org_legal_service, 1);
    assert.equal(apps.carried_to_next_year!.total, 1);
    const review = body.tables.review_litigation!.count!;
    assert.equal(review["admin_review.corrected"], 1);
    assert.equal(review["admin_review.total"], 1);
    assert.equal(review["litigation_direct.total"], 0);
    assert.equal(body.tables.proactive!["art20_1.rules"]!.in_force, 0);
    const openapi = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, { get?: unknown }>;
    };
    assert.ok(openapi.paths["/api/v1/reports/annual/{year}"]?.get, "listed in OpenAPI");
  });

  it("the API needs a token and refuses a future year", async () => {
    assert.equal((await t.app.request("/api/v1/reports/annual/2025")).status, 401);
    const res = await t.app.request("/api/v1/reports/annual/2027", {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 404);
  });

  it("an entered value that breaks an invariant is shown, audited, and blocks finalising", async () => {
    const page = "/admin/reports/annual/2025";
    await office.get(page);
    const saved = await office.post(`${page}/corrections`, {
      cell: "applications|new_received|natural_person",
      value: "2",
      reason: "另有1件纸质申请未录入系统",
    });
    assert.equal(saved.status, 303);
    const html = await (await office.get(page)).text();
    assert.ok(html.includes("另有1件纸质申请未录入系统"), "the correction is visible");
    assert.ok(html.includes('class="corrected"'), "the corrected cell is marked");
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "annual_report.edit")
      .execute();
    assert.ok(
      audit.some((a) => a.detail.includes("表三 第一项本年新收政府信息公开申请数量 自然人列 为 2")),
    );
    pages.push(["draft with correction", html]);
    pages.push(["list", await (await office.get("/admin/reports/annual")).text()]);
    const refused = await office.post(`${page}/finalise`, {});
    assert.equal(refused.status, 400);
    const text = await refused.text();
    assert.ok(
      text.includes(
        "表三 第四项结转下年度继续办理 自然人列:应为 1(第一项加第二项之和减第三项(七)总计),实为 0",
      ),
      text,
    );
    assert.equal((await api()).finalised, false);
    const removed = await office.post(`${page}/corrections`, {
      cell: "applications|new_received|natural_person",
      value: "",
    });
    assert.equal(removed.status, 303);
  });

  it("an auditor may read the report but not change it", async () => {
    const auditor = await t.login("auditor");
    assert.equal((await auditor.get("/admin/reports/annual/2025")).status, 200);
    assert.equal(
      (await auditor.post("/admin/reports/annual/2025/fee", { feeAmount: "1" })).status,
      403,
    );
  });

  it("finalising freezes the report and drafts the 信息公开年报 record with the DOCX", async () => {
    const page = "/admin/reports/annual/2025";
    await office.get(page);
    assert.equal((await office.post(`${page}/fee`, { feeAmount: "1.25" })).status, 303);
    const narrative = await office.post(`${page}/narrative`, {
      overview: "本局全面推进政务公开。<script>alert(1)</script>\n第二段。",
      problems_improvements: "公开解读仍需加强。",
      other_matters: "",
    });
    assert.equal(narrative.status, 400, "an empty section is refused");
    assert.ok((await narrative.text()).includes("请填写其他需要报告的事项"));
    const saved = await office.post(`${page}/narrative`, {
      overview: "本局全面推进政务公开。<script>alert(1)</script>\n第二段。",
      problems_improvements: "公开解读仍需加强。",
      other_matters: "无其他需要报告的事项。",
    });
    assert.equal(saved.status, 303);
    assert.equal((await office.post(`${page}/finalise`, {})).status, 303);
    const report = await t.t.db
      .selectFrom("annual_reports")
      .selectAll()
      .where("year", "=", 2025)
      .executeTakeFirstOrThrow();
    assert.equal(report.state, "finalised");
    const record = await t.t.db
      .selectFrom("records")
      .selectAll()
      .where("id", "=", report.record_id!)
      .executeTakeFirstOrThrow();
    assert.equal(record.genre, "annualReport");
    assert.equal(record.state, "draft");
    assert.equal(record.title, "县市场监督管理局2025年政府信息公开工作年度报告");
    assert.ok(record.body_html.includes("<table>"), "tables in the body");
    assert.ok(record.body_html.includes("保护第三方合法权益"));
    assert.ok(record.body_html.includes("本局全面推进政务公开。"), "the edited narrative");
    assert.ok(!record.body_html.includes("<script"), "sanitised");
    const attachments = await t.t.db
      .selectFrom("record_attachments")
      .select("file_name")
      .where("record_id", "=", record.id)
      .execute();
    assert.equal(attachments.length, 1);
    assert.match(attachments[0]!.file_name, /\.docx$/);
    const body = await api();
    assert.equal(body.finalised, true);
    assert.equal(body.tables.proactive!["art20_8.administrative_fees"]!.fee_amount_10k_yuan, 1.25);
    const docx = await office.get(`${page}/report.docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get("content-type") ?? "", /wordprocessingml/);
    assert.equal((await office.post(`${page}/fee`, { feeAmount: "2" })).status, 409);
  });

  it("a later case edit leaves the API output unchanged but the back office shows the difference", async () => {
    const before = await api();
    await replyCase(t, actor, ids.F!, "2025-12-30", "results.disclosed");
    const after = await api();
    assert.deepEqual(after, before);
    const html = await (await office.get("/admin/reports/annual/2025")).text();
    assert.ok(html.includes("定稿后案件数据有变化"), "difference notice");
    assert.ok(html.includes("表三 第三项(一)予以公开 法律服务机构列"), html);
    assert.ok(html.includes("表三 第四项结转下年度继续办理 法律服务机构列"));
    pages.push(["finalised back office", html]);
  });

  it("the public page appears once the record is signed, with the tables and the DOCX", async () => {
    const anonymous = t.browser();
    assert.equal((await anonymous.get("/disclosure/annual-reports/2025")).status, 404);
    const { record_id } = await t.t.db
      .selectFrom("annual_reports")
      .select("record_id")
      .where("year", "=", 2025)
      .executeTakeFirstOrThrow();
    const as = (name: string): Promise<RecordActor> => actorFor(t.t.db, name);
    await transitionRecord(t.t.db, record_id!, { action: "submit" }, await as("editor"), t.now());
    await transitionRecord(
      t.t.db,
      record_id!,
      { action: "approve", review: publishableReview },
      await as("reviewer2"),
      t.now(),
    );
    await transitionRecord(t.t.db, record_id!, { action: "sign" }, await as("approver2"), t.now());
    const res = await anonymous.get("/disclosure/annual-reports/2025");
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const heading of [
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
      "申请人情况",
      "法人或其他组织",
      "未经复议直接起诉",
      "第二十条第(八)项",
    ]) {
      assert.ok(html.includes(heading), heading);
    }
    assert.ok(!html.includes("另有1件纸质申请"), "no back-office detail in public");
    pages.push(["public page", html]);
    const docx = await anonymous.get("/disclosure/annual-reports/2025/report.docx");
    assert.equal(docx.status, 200);
  });

  it("every page is valid HTML", async () => {
    assert.equal(pages.length, 4);
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });
});
