// 行政复议 / 行政诉讼 records per case, the carry-over of open cases into the next year, and the
// 第四十四条 suggestion to publish proactively.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { applicationKeys } from "../applicant-data";
import { ledgerWorkbook, officerActor, registerCase, replyCase } from "../casework-test-fixtures";
import { importLedger } from "../ledger/import-service";
import type { CaseActor } from "../policy";
import { similarDisclosedApplications } from "../similar-requests";
import { applicationsCarriedOver, applicationsReceivedIn } from "../year-queries";
import { listAppeals } from "./service";

describe("appeals, carry-over and proactive disclosure of repeated requests", () => {
  let t: TestApp;
  let officer: Browser;
  let actor: CaseActor;

  before(async () => {
    t = await createTestApp({ start: "2025-03-20T02:00:00Z" });
    await t.createUser("officer", ["applicationOfficer"]);
    await t.createUser("signer", ["approver"]);
    actor = await officerActor(t);
    officer = await t.login("officer");
  });
  after(() => t.close());

  it("an officer records a 行政复议 and a later 行政诉讼; both are audited and counted in table 四", async () => {
    const filed = await registerCase(t, actor, "2025-01-06");
    await replyCase(t, actor, filed.id, "2025-01-20", "results.not_disclosed.third_party_rights");
    const page = `/admin/applications/${filed.id}/appeals`;
    await officer.get(page);
    const review = await officer.post(page, {
      kind: "review",
      filedOn: "2025-02-10",
      authority: "县人民政府",
      result: "pending",
    });
    assert.equal(review.status, 303);
    const litigation = await officer.post(page, {
      kind: "litigation",
      afterReview: "1",
      filedOn: "2025-03-10",
      result: "pending",
    });
    assert.equal(litigation.status, 303);
    const [first] = await listAppeals(t.t.db, filed.id);
    await officer.get(page);
    const decided = await officer.post(`${page}/${first!.id}`, {
      result: "corrected",
      decidedOn: "2025-03-15",
    });
    assert.equal(decided.status, 303);
    const appeals = await listAppeals(t.t.db, filed.id);
    assert.deepEqual(
      appeals.map((a) => [a.reportColumn, a.filedOn, a.decidedOn]),
      [
        ["admin_review.corrected", "2025-02-10", "2025-03-15"],
        ["litigation_after_review.pending", "2025-03-10", null],
      ],
    );
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_id", "=", String(filed.id))
      .where("action", "in", ["application.record_appeal", "application.update_appeal"])
      .execute();
    assert.equal(audit.length, 3);
    const html = await (await officer.get(page)).text();
    assert.ok(html.includes("行政诉讼(复议后起诉)"), 'html.includes("行政诉讼(复议后起诉)")');
    assert.ok(html.includes("纠正"), 'html.includes("纠正")');
  });

  it("an appeal dated before receipt or in the future is refused with Chinese messages", async () => {
    const filed = await registerCase(t, actor, "2025-02-03");
    const page = `/admin/applications/${filed.id}/appeals`;
    await officer.get(page);
    const early = await officer.post(page, {
      kind: "review",
      filedOn: "2025-01-02",
      result: "pending",
    });
    assert.equal(early.status, 400);
    assert.ok(
      (await early.text()).includes("不能早于收到申请之日"),
      '(await early.text()).includes("不能早于收到申请之日")',
    );
    const late = await officer.post(page, {
      kind: "review",
      filedOn: "2025-04-01",
      result: "pending",
    });
    assert.equal(late.status, 400);
    const direct = await officer.post(page, {
      kind: "litigation",
      afterReview: "1",
      filedOn: "2025-03-01",
      result: "pending",
    });
    assert.equal(direct.status, 400);
    assert.ok(
      (await direct.text()).includes("请先登记该申请的行政复议"),
      '(await direct.text()).includes("请先登记该申请的行政复议")',
    );
    assert.equal((await listAppeals(t.t.db, filed.id)).length, 0);
  });

  it("a 签发人 may see the appeals of a case but not record one", async () => {
    const filed = await registerCase(t, actor, "2025-02-04");
    const signer = await t.login("signer");
    const page = `/admin/applications/${filed.id}/appeals`;
    assert.equal((await signer.get(page)).status, 200);
    const res = await signer.post(page, {
      kind: "review",
      filedOn: "2025-03-01",
      result: "pending",
    });
    assert.equal(res.status, 403);
  });

  it("a case still open on 31 December is carried into the next year", async () => {
    const bytes = await ledgerWorkbook([
      ["L-2023-9", "自然人", "2023-12-20", "抽检计划", "2024-01-08", "予以公开", ""],
      ["L-2024-1", "自然人", "2024-03-05", "抽检结果", "2024-03-20", "予以公开", ""],
      ["L-2024-2", "商业企业", "2024-12-16", "处罚决定", "2025-01-10", "部分公开", ""],
      ["L-2024-3", "自然人", "2024-12-31", "许可信息", "2024-12-31", "予以公开", ""],
    ]);
    const imported = await importLedger(
      t.t.db,
      { name: "台账.xlsx", bytes },
      { actor, keys: applicationKeys(t.config.secret), now: t.now(), dryRun: false },
    );
    assert.ok(imported.ok, JSON.stringify(imported));
    t.setNow("2025-01-06T02:00:00Z");
    const open = await registerCase(t, actor, "2024-12-30");
    t.setNow("2025-03-20T02:00:00Z");
    const numbers = (cases: { applicationNo: string }[]) => cases.map((c) => c.applicationNo);
    assert.deepEqual(numbers(await applicationsCarriedOver(t.t.db, 2024)), ["L-2023-9"]);
    assert.deepEqual(numbers(await applicationsCarriedOver(t.t.db, 2025)), [
      "L-2024-2",
      open.applicationNo,
    ]);
    assert.deepEqual(numbers(await applicationsReceivedIn(t.t.db, 2024)), [
      "L-2024-1",
      "L-2024-2",
      open.applicationNo,
      "L-2024-3",
    ]);
    const next = await applicationsCarriedOver(t.t.db, 2026);
    assert.ok(numbers(next).includes(open.applicationNo), "still open: carried again");
    assert.ok(!numbers(next).includes("L-2024-2"), '!numbers(next).includes("L-2024-2")');
  });

  it("several applicants asking for the same disclosed information get a 第四十四条 suggestion", async () => {
    const info = { name: "《2025年食品安全抽检计划》", docNo: "县市监〔2025〕3号" };
    const first = await registerCase(t, actor, "2025-03-03", info);
    await replyCase(t, actor, first.id, "2025-03-10", "results.disclosed");
    const input = { name: "2025年 食品安全抽检计划", description: "全文" };
    const second = await registerCase(t, actor, "2025-03-04", input);
    await t.t.db
      .updateTable("applications")
      .set({ applicant_display_name: "李*", id_number_masked: "4101**********0000" })
      .where("id", "=", second.id)
      .execute();
    const similar = await similarDisclosedApplications(t.t.db, second.id);
    assert.equal(similar.suggestProactive, true);
    assert.equal(similar.applicantCount, 2);
    assert.deepEqual(
      similar.applications.map((a) => a.applicationNo),
      [first.applicationNo],
    );
    const html = await (await officer.get(`/admin/applications/${second.id}/appeals`)).text();
    assert.ok(
      html.includes("建议主动公开(条例第四十四条)"),
      'html.includes("建议主动公开(条例第四十四条)")',
    );
    assert.ok(
      html.includes(`/admin/records/new?fromApplication=${second.id}`),
      "html.includes(`/admin/records/new?fromApplication={second.id}`)",
    );
  });

  it("the same applicant asking twice, or an undisclosed request, is not a suggestion", async () => {
    const info = { name: "2025年度执法检查计划" };
    const first = await registerCase(t, actor, "2025-03-05", info);
    await replyCase(t, actor, first.id, "2025-03-12", "results.disclosed");
    const again = await registerCase(t, actor, "2025-03-06", info);
    const same = await similarDisclosedApplications(t.t.db, again.id);
    assert.equal(same.applications.length, 1);
    assert.equal(same.suggestProactive, false, "one applicant only");
    const refused = await registerCase(t, actor, "2025-03-06", { name: "内部会议纪要" });
    await replyCase(t, actor, refused.id, "2025-03-13", "results.not_disclosed.process_info");
    const other = await registerCase(t, actor, "2025-03-07", { name: "内部会议纪要" });
    assert.equal((await similarDisclosedApplications(t.t.db, other.id)).suggestProactive, false);
  });
});
