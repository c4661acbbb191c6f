// The 台账 through the pages: an XLSX built here imports with the right results and dates, a bad
// row imports nothing, re-importing never duplicates, and an export reads back unchanged.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { ledgerWorkbook } from "../casework-test-fixtures";

const ROWS = [
  ["2024-001", "自然人", "2024-03-05", "2023年食品安全抽检结果", "2024-03-20", "予以公开", ""],
  [
    "2024-002",
    "商业企业",
    new Date(Date.UTC(2024, 10, 28)),
    "某食品公司行政处罚决定书",
    "2025-01-10",
    "不予公开 - 保护第三方合法权益",
    "复议-纠正",
  ],
  [
    "2025-001",
    "科研机构",
    "2025年4月1日",
    "2024年度食品安全抽检计划",
    "2025/4/15",
    "无法提供(本机关不掌握相关政府信息)",
    "",
  ],
];

describe("依申请公开 ledger import and export", () => {
  let t: TestApp;
  let officer: Browser;

  async function upload(bytes: Uint8Array, action: "check" | "import", name = "台账.xlsx") {
    await officer.get("/admin/applications/ledger");
    const form = new FormData();
    form.append("file", new File([bytes], name));
    form.append("action", action);
    return officer.post("/admin/applications/ledger/import", form);
  }

  const countCases = async () =>
    Number(
      (
        await t.t.db
          .selectFrom("applications")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await createTestApp({ start: "2026-01-15T02:00:00Z" });
    await t.createUser("officer", ["applicationOfficer"]);
    await t.createUser("signer", ["approver"]);
    officer = await t.login("officer");
  });
  after(() => t.close());

  it("only the 依申请公开经办人 reaches the ledger page", async () => {
    assert.equal((await officer.get("/admin/applications/ledger")).status, 200);
    const signer = await t.login("signer");
    assert.equal((await signer.get("/admin/applications/ledger")).status, 403);
  });

  it("checking a ledger reports the plan and writes nothing", async () => {
    const res = await upload(await ledgerWorkbook(ROWS), "check");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes("检查通过(尚未导入)"), 'html.includes("检查通过(尚未导入)")');
    assert.ok(html.includes("新增 3"), 'html.includes("新增 3")');
    assert.equal(await countCases(), 0);
  });

  it("an XLSX of three rows over two years imports with the right results and dates", async () => {
    const res = await upload(await ledgerWorkbook(ROWS), "import");
    assert.equal(res.status, 200);
    assert.ok((await res.text()).includes("已导入"), '(await res.text()).includes("已导入")');
    const rows = await t.t.db
      .selectFrom("applications")
      .select([
        "id",
        "application_no",
        "applicant_kind",
        "received_on",
        "closed_on",
        "result_key",
        "phase",
        "year_received",
        "requested_description",
      ])
      .orderBy("application_no")
      .execute();
    assert.deepEqual(
      rows.map(({ id: _id, ...r }) => r),
      [
        {
          application_no: "2024-001",
          applicant_kind: "natural_person",
          received_on: "2024-03-05",
          closed_on: "2024-03-20",
          result_key: "results.disclosed",
          phase: "closed",
          year_received: 2024,
          requested_description: "2023年食品安全抽检结果",
        },
        {
          application_no: "2024-002",
          applicant_kind: "org_commercial",
          received_on: "2024-11-28",
          closed_on: "2025-01-10",
          result_key: "results.not_disclosed.third_party_rights",
          phase: "closed",
          year_received: 2024,
          requested_description: "某食品公司行政处罚决定书",
        },
        {
          application_no: "2025-001",
          applicant_kind: "org_research",
          received_on: "2025-04-01",
          closed_on: "2025-04-15",
          result_key: "results.unable_to_provide.not_held",
          phase: "closed",
          year_received: 2025,
          requested_description: "2024年度食品安全抽检计划",
        },
      ],
    );
    const events = await t.t.db
      .selectFrom("application_events")
      .innerJoin("applications", "applications.id", "application_events.application_id")
      .select(["application_no", "type", "happened_on"])
      .orderBy("application_no")
      .execute();
    assert.deepEqual(events, [
      { application_no: "2024-001", type: "reply", happened_on: "2024-03-20" },
      { application_no: "2024-002", type: "reply", happened_on: "2025-01-10" },
      { application_no: "2025-001", type: "reply", happened_on: "2025-04-15" },
    ]);
    const appeals = await t.t.db
      .selectFrom("application_appeals")
      .innerJoin("applications", "applications.id", "application_appeals.application_id")
      .select(["application_no", "kind", "after_review", "result", "source"])
      .execute();
    assert.deepEqual(appeals, [
      {
        application_no: "2024-002",
        kind: "review",
        after_review: 0,
        result: "corrected",
        source: "import",
      },
    ]);
    const marks = await t.t.db.selectFrom("application_imports").select("row_number").execute();
    assert.equal(marks.length, 3);
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "application.import_ledger")
      .execute();
    assert.equal(audit.length, 1);
    assert.ok(audit[0]!.detail.includes("新增3件"), 'audit[0]!.detail.includes("新增3件")');
  });

  it("an imported case shows on its case page as closed with its reply", async () => {
    const row = await t.t.db
      .selectFrom("applications")
      .select("id")
      .where("application_no", "=", "2024-002")
      .executeTakeFirstOrThrow();
    const html = await (await officer.get(`/admin/applications/${row.id}`)).text();
    assert.ok(html.includes("2024-11-28"), 'html.includes("2024-11-28")');
    assert.ok(html.includes("保护第三方合法权益"), 'html.includes("保护第三方合法权益")');
  });

  it("re-importing the same ledger does not duplicate anything", async () => {
    const res = await upload(await ledgerWorkbook(ROWS), "import");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes("新增 0"), 'html.includes("新增 0")');
    assert.ok(html.includes("跳过 3"), 'html.includes("跳过 3")');
    assert.ok(html.includes("已导入,内容未变化"), 'html.includes("已导入,内容未变化")');
    assert.equal(await countCases(), 3);
    const events = await t.t.db.selectFrom("application_events").select("id").execute();
    assert.equal(events.length, 3);
  });

  it("a changed row updates the imported case instead of adding one", async () => {
    const changed = ROWS.map((r) => [...r]);
    changed[2]![5] = "部分公开";
    const res = await upload(await ledgerWorkbook(changed), "import");
    assert.equal(res.status, 200);
    assert.ok((await res.text()).includes("更新 1"), '(await res.text()).includes("更新 1")');
    assert.equal(await countCases(), 3);
    const row = await t.t.db
      .selectFrom("applications")
      .select("result_key")
      .where("application_no", "=", "2025-001")
      .executeTakeFirstOrThrow();
    assert.equal(row.result_key, "results.partially_disclosed");
    await upload(await ledgerWorkbook(ROWS), "import");
  });

  it("a file with one bad row imports nothing and names the row", async () => {
    const rows = [
      ["2023-001", "自然人", "2023-05-06", "抽检计划", "2023-05-20", "予以公开", ""],
      ["2023-002", "自然人", "2023-02-30", "抽检结果", "2023-05-20", "予以公开", ""],
      [
        "2023-003",
        "其他",
        "2023-06-01",
        "处罚决定",
        "2023-06-10",
        "不予处理 - 重复申请",
        "诉讼-维持",
      ],
    ];
    const res = await upload(await ledgerWorkbook(rows), "import");
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.ok(html.includes("没有导入任何数据"), 'html.includes("没有导入任何数据")');
    assert.ok(
      html.includes("第3行:收到日期“2023-02-30”不是有效日期"),
      'html.includes("第3行:收到日期“2023-02-30”不是有效日期")',
    );
    assert.equal(await countCases(), 3);
  });

  it("a file that is not a spreadsheet is refused", async () => {
    const res = await upload(new TextEncoder().encode("申请编号,收到日期"), "import", "台账.xlsx");
    assert.equal(res.status, 400);
    assert.equal(await countCases(), 3);
  });

  it("the export of a period round-trips through the import", async () => {
    const res = await officer.get(
      "/admin/applications/ledger/export?from=2024-01-01&to=2025-12-31",
    );
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /spreadsheetml/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const values = (r: number) =>
      (sheet.getRow(r).values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)));
    assert.deepEqual(values(2), [
      "申请编号",
      "申请人类型",
      "收到日期",
      "内容",
      "答复日期",
      "答复结果",
      "复议诉讼",
      "状态",
      "答复期限",
      "是否超期",
    ]);
    assert.deepEqual(values(4), [
      "2024-002",
      "商业企业",
      "2024-11-28",
      "某食品公司行政处罚决定书",
      "2025-01-10",
      "不予公开 - 保护第三方合法权益",
      "复议-纠正",
      "已办结",
      "2024-12-26",
      "是",
    ]);
    assert.equal(values(3)[9], "否");
    assert.equal(sheet.rowCount, 5);
    const again = await upload(bytes, "import", "导出.xlsx");
    assert.equal(again.status, 200);
    const html = await again.text();
    assert.ok(html.includes("新增 0"), 'html.includes("新增 0")');
    assert.ok(html.includes("更新 0"), 'html.includes("更新 0")');
    assert.ok(html.includes("跳过 3"), 'html.includes("跳过 3")');
  });

  it("an export with a bad period shows the form with the error", async () => {
    const res = await officer.get(
      "/admin/applications/ledger/export?from=2025-12-31&to=2025-01-01",
    );
    assert.equal(res.status, 400);
    assert.ok(
      (await res.text()).includes("结束日期不能早于开始日期"),
      '(await res.text()).includes("结束日期不能早于开始日期")',
    );
  });
});
