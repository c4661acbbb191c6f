// Service cases through the app: the licensing system's PUT is idempotent, the spreadsheet import
// is all or nothing and never duplicates, and the public lookup shows steps only to the right
// number + applicant pair, with wrong guesses rate-limited.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { createTestApp, type TestApp } from "../../test/support/app";
import { CASE_LOOKUP_FAILURES_PER_CASE, CASE_NOT_FOUND_MESSAGE } from "./case-lookup";
import { CASE_SHEET_HEADERS } from "./case-sheet";
import { foodBusinessGuide } from "./demo-guides";
import { createGuideCast, publishTestGuide } from "./test-fixtures";

const CASE_BODY = {
  itemCode: foodBusinessGuide.itemCode,
  applicantName: "张三餐饮店",
  creditCode: "92410100MA1234ABCD",
  steps: [
    { step: "accept", on: "2025-02-27" },
    { step: "review", on: "2025-02-28" },
  ],
};

async function workbook(rows: (string | Date)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("办件");
  sheet.addRow(CASE_SHEET_HEADERS);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// 受理号, 事项编码, 事项名称, 申请人, 信用代码, 受理…送达 dates, 结果, 承诺办结日期
const XLSX_ROWS = [
  [
    "SL-2025-0101",
    foodBusinessGuide.itemCode,
    "",
    "李四",
    "",
    "2025-02-26",
    "2025-02-27",
    "",
    "",
    "",
    "",
    "",
    "",
  ],
  [
    "SL-2025-0102",
    "OTHER-1",
    "食品摊贩登记",
    "王五",
    "",
    "2025-02-25",
    "",
    "",
    "2025-02-26",
    "",
    "2025-02-27",
    "准予登记",
    "2025-03-05",
  ],
];

describe("service cases", () => {
  let t: TestApp;
  let token: string;
  let guideId: number;

  const put = (caseNo: string, body: unknown, auth = token) =>
    t.app.request(`/api/v1/service-cases/${caseNo}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${auth}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  const count = async (caseNo?: string) => {
    let q = t.t.db.selectFrom("service_cases").select((eb) => eb.fn.countAll().as("n"));
    if (caseNo) q = q.where("case_no", "=", caseNo);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  const lookup = async (caseNo: string, applicant: string, browser = t.browser()) => {
    await browser.get("/services/cases");
    const res = await browser.post("/services/cases", { caseNo, applicant });
    return { status: res.status, text: await res.text(), res };
  };

  const upload = async (bytes: Uint8Array, name = "办件.xlsx") => {
    // A fresh session: the rate-limit test moves the clock past the idle timeout.
    const editor = await t.login("editor");
    await editor.get("/admin/services/cases");
    const form = new FormData();
    form.append("file", new File([bytes], name));
    const res = await editor.post("/admin/services/cases/import", form);
    return { status: res.status, text: await res.text() };
  };

  before(async () => {
    t = await createTestApp();
    await createGuideCast(t);
    guideId = await publishTestGuide(t, foodBusinessGuide);
    token = await t.token("editor");
  });
  after(() => t.close());

  it("the same case sent twice by API is stored once: 201, then 200 unchanged", async () => {
    const first = await put("SL-2025-0001", CASE_BODY);
    assert.equal(first.status, 201);
    assert.deepEqual(await first.json(), { caseNo: "SL-2025-0001", outcome: "created" });
    const again = await put("SL-2025-0001", CASE_BODY);
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { caseNo: "SL-2025-0001", outcome: "unchanged" });
    assert.equal(await count("SL-2025-0001"), 1);
    const audits = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_id", "=", "SL-2025-0001")
      .execute();
    assert.deepEqual(
      audits.map((a) => a.action),
      ["service_case.create"],
    );
  });

  it("stores the applicant encrypted and the promised date from the guide's working days", async () => {
    const row = await t.t.db
      .selectFrom("service_cases")
      .selectAll()
      .where("case_no", "=", "SL-2025-0001")
      .executeTakeFirstOrThrow();
    assert.ok(!row.applicant_name_enc.includes("张三"));
    assert.ok(!JSON.stringify(row).includes("张三餐饮店"));
    assert.equal(row.guide_record_id, guideId);
    // 受理 Thursday 2025-02-27 + 5 working days (not counting that day) = Thursday 2025-03-06.
    assert.equal(row.promised_on, "2025-03-06");
  });

  it("an updated report replaces the steps; a bad one is refused with Chinese messages", async () => {
    const updated = {
      ...CASE_BODY,
      steps: [...CASE_BODY.steps, { step: "决定", on: "2025-03-03" }],
      result: "准予许可",
    };
    const res = await put("SL-2025-0001", updated);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { outcome: string }).outcome, "updated");
    const row = await t.t.db
      .selectFrom("service_cases")
      .select(["steps", "result"])
      .where("case_no", "=", "SL-2025-0001")
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      (JSON.parse(row.steps) as { step: string }[]).map((s) => s.step),
      ["accept", "review", "decision"],
    );
    assert.equal(await count("SL-2025-0001"), 1);
    const bad = await put("SL-2025-0002", {
      ...CASE_BODY,
      steps: [{ step: "盖章", on: "2025-01-01" }],
    });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /环节应为/);
    assert.equal(
      (await t.app.request("/api/v1/service-cases/SL-2025-0003", { method: "PUT" })).status,
      401,
    );
  });

  it("a citizen looks up a case by 受理号 and name and sees its steps, never personal data", async () => {
    const found = await lookup("sl-2025-0001", "张三餐饮店");
    assert.equal(found.status, 200);
    assert.equal(found.res.headers.get("cache-control"), "no-store");
    assert.match(found.text, /办件 SL-2025-0001/);
    assert.match(found.text, /<time datetime="2025-02-27">2025-02-27<\/time> 受理/);
    assert.match(found.text, /<time datetime="2025-03-03">2025-03-03<\/time> 决定/);
    assert.match(found.text, /承诺办结日期<\/dt><dd>2025-03-06/);
    assert.match(found.text, /准予许可/);
    assert.ok(!found.text.includes("张三餐饮店"), "the applicant's name is not echoed");
    assert.ok(!found.text.includes("92410100MA1234ABCD"));
    const byTail = await lookup("SL-2025-0001", "abcd");
    assert.match(byTail.text, /办件 SL-2025-0001/);
  });

  it("a wrong name shows nothing, exactly like a wrong number", async () => {
    const wrongName = await lookup("SL-2025-0001", "李四");
    const wrongNumber = await lookup("SL-2099-9999", "张三餐饮店");
    for (const answer of [wrongName, wrongNumber]) {
      assert.equal(answer.status, 404);
      assert.ok(answer.text.includes(CASE_NOT_FOUND_MESSAGE));
      assert.ok(!answer.text.includes("受理</li>") && !answer.text.includes("办件 SL-"));
      assert.equal(answer.res.headers.get("cache-control"), "no-store");
    }
  });

  it("wrong guesses for one case are rate-limited, even before the right name", async () => {
    const caseNo = "SL-2025-0009";
    assert.equal((await put(caseNo, CASE_BODY)).status, 201);
    for (let i = 0; i < CASE_LOOKUP_FAILURES_PER_CASE; i++) {
      const b = t.browser();
      assert.equal((await lookup(caseNo, `猜测${i}`, b)).status, 404);
    }
    const blocked = await lookup(caseNo, "张三餐饮店");
    assert.equal(blocked.status, 429);
    assert.ok(blocked.res.headers.get("retry-after"));
    assert.ok(!blocked.text.includes("办件 SL-2025-0009"));
    t.setNow("2025-03-03T05:00:00Z");
    assert.equal((await lookup(caseNo, "张三餐饮店")).status, 200);
  });

  it("re-uploading the same XLSX twice leaves exactly one copy of each case", async () => {
    const bytes = await workbook(XLSX_ROWS);
    const first = await upload(bytes);
    assert.equal(first.status, 200, first.text.slice(0, 300));
    assert.match(first.text, /新增2件,更新0件,未变0件/);
    const second = await upload(bytes);
    assert.match(second.text, /新增0件,更新0件,未变2件/);
    assert.equal(await count("SL-2025-0101"), 1);
    assert.equal(await count("SL-2025-0102"), 1);
    const other = await t.t.db
      .selectFrom("service_cases")
      .select(["item_name", "promised_on", "guide_record_id"])
      .where("case_no", "=", "SL-2025-0102")
      .executeTakeFirstOrThrow();
    assert.deepEqual(other, {
      item_name: "食品摊贩登记",
      promised_on: "2025-03-05",
      guide_record_id: null,
    });
    assert.match(await (await lookup("SL-2025-0101", "李 四")).text, /办件 SL-2025-0101/);
  });

  it("a file with a bad row imports nothing and names the row", async () => {
    const before = await count();
    const bytes = await workbook([
      [
        "SL-2025-0201",
        foodBusinessGuide.itemCode,
        "",
        "赵六",
        "",
        "2025-02-26",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ],
      [
        "SL-2025-0202",
        foodBusinessGuide.itemCode,
        "",
        "",
        "",
        "2025-02-30",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ],
      [
        "SL-2025-0201",
        foodBusinessGuide.itemCode,
        "",
        "钱七",
        "",
        "2025-02-26",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ],
    ]);
    const res = await upload(bytes);
    assert.equal(res.status, 400);
    assert.match(res.text, /第3行:请填写申请人/);
    assert.match(res.text, /第3行:环节日期应为有效日期/);
    assert.match(res.text, /第4行:受理号 SL-2025-0201 与第2行重复/);
    assert.equal(await count(), before);
  });

  it("a CSV upload works the same way", async () => {
    const csv = `\uFEFF${CASE_SHEET_HEADERS.join(",")}\r\nSL-2025-0301,${foodBusinessGuide.itemCode},,"孙八",,2025-02-26,,,,,,,\r\n`;
    const bytes = new TextEncoder().encode(csv);
    const first = await upload(bytes, "办件.csv");
    assert.match(first.text, /新增1件/);
    const again = await upload(bytes, "办件.csv");
    assert.match(again.text, /未变1件/);
    assert.equal(await count("SL-2025-0301"), 1);
  });

  it("the back-office list masks the applicant", async () => {
    const res = await (await t.login("editor")).get("/admin/services/cases");
    const html = await res.text();
    assert.match(html, /张\*\*\*店/);
    assert.ok(!html.includes("张三餐饮店"));
  });
});
