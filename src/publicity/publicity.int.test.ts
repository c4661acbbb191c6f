// 双公示 through the app: XLSX and API imports, the public list, entry pages, feeds and API,
// the 公示期 ending by itself, early takedown, masking of natural persons, and the counts the
// annual report and the supervision dashboard read.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";
import { LICENCE_FIELDS, PENALTY_FIELDS } from "./rules";
import { publicityDecisionCounts, publicityOverdue } from "./year-counts";

const ORG_CODE = "91350100M000100Y43";
const ID = "11010519491231002X";
const LICENCE_HEADERS = LICENCE_FIELDS.map((f) => f.header);
const PENALTY_HEADERS = PENALTY_FIELDS.map((f) => f.header);

async function workbook(headers: string[], rows: (string | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("数据");
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A licence row in template column order. */
function licenceRow(no: string, patch: Partial<Record<string, string>> = {}): (string | null)[] {
  const values: Record<string, string> = {
    licenceNo: no,
    subjectName: `示例食品有限公司${no}`,
    subjectType: "",
    creditCode: ORG_CODE,
    legalRep: "王五",
    content: "食品销售经营者(预包装食品销售)",
    decidedOn: "2025-02-20",
    validFrom: "2025-02-20",
    validTo: "2025-12-31",
    authority: "渑池县市场监督管理局",
    catalogItem: "",
    ...patch,
  };
  return LICENCE_FIELDS.map((f) => values[f.key] ?? "");
}

describe("双公示", () => {
  let t: TestApp;
  let editor: Browser;
  let admin: Browser;
  let editorToken: string;

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z" });
    await t.createUser("editor", ["editor"]);
    await t.createUser("boss", ["admin"]);
    await t.createUser("audit", ["auditor"]);
    editor = await t.login("editor");
    admin = await t.login("boss");
    editorToken = await t.token("editor");
  });
  after(() => t.close());

  // Moving the clock far ends sessions (idle timeout): sign in again before acting.
  async function relogin() {
    editor = await t.login("editor");
    admin = await t.login("boss");
  }

  async function upload(
    who: Browser,
    type: "licence" | "penalty",
    bytes: Uint8Array,
    name = "公示.xlsx",
  ) {
    await who.get("/admin/publicity");
    const form = new FormData();
    form.append("type", type);
    form.append("file", new File([bytes], name));
    return who.post("/admin/publicity/import", form);
  }

  const count = async (table: "publicity_licences" | "publicity_penalties") =>
    Number(
      (
        await t.t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const api = (method: string, path: string, body?: unknown, token = editorToken) =>
    t.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("the template has exactly the import columns", async () => {
    const res = await editor.get("/admin/publicity/template/licences.xlsx");
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(headers, LICENCE_HEADERS);
    const pen = await editor.get("/admin/publicity/template/penalties.xlsx");
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await pen.arrayBuffer()) as unknown as ExcelJS.Buffer);
    assert.deepEqual((wb2.worksheets[0]!.getRow(1).values as unknown[]).slice(1), PENALTY_HEADERS);
  });

  it("a licence imported by XLSX is public and in the feed, and leaves both after its 公示期 by itself", async () => {
    const bytes = await workbook(LICENCE_HEADERS, [licenceRow("JY14101220000001")]);
    const res = await upload(editor, "licence", bytes);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /新增 1 条/);

    const list = await (await t.browser().get("/services/publicity/licences")).text();
    assert.ok(list.includes("JY14101220000001"), "listed");
    const feed = await (await t.app.request("/services/publicity/licences/feed.atom")).text();
    assert.ok(feed.includes("JY14101220000001"), "in feed");
    const json = (await (await t.app.request("/api/v1/publicity/licences")).json()) as {
      total: number;
      entries: { licenceNo: string; url: string; publicityEndsOn: string }[];
    };
    assert.equal(json.total, 1);
    assert.equal(json.entries[0]!.publicityEndsOn, "2025-12-31");
    const page = await t.app.request(new URL(json.entries[0]!.url).pathname);
    assert.equal(page.status, 200);

    // The catalog item's rule (FD-02: 20 working days) gives the publish-by date.
    const row = await t.t.db
      .selectFrom("publicity_licences")
      .selectAll()
      .where("licence_no", "=", "JY14101220000001")
      .executeTakeFirstOrThrow();
    assert.equal(row.publish_by_on, "2025-03-20");
    assert.equal(row.published_on, "2025-03-03");

    // The last day of validity it is still shown; the day after it is gone, nobody acting.
    t.setNow("2025-12-31T10:00:00Z");
    assert.ok(
      (await (await t.browser().get("/services/publicity/licences")).text()).includes(
        "JY14101220000001",
      ),
    );
    t.setNow("2026-01-01T02:00:00Z");
    const later = await (await t.browser().get("/services/publicity/licences")).text();
    assert.ok(!later.includes("JY14101220000001"), "gone from list");
    const laterFeed = await (await t.app.request("/services/publicity/licences/feed.atom")).text();
    assert.ok(!laterFeed.includes("JY14101220000001"), "gone from feed");
    assert.equal((await t.app.request(new URL(json.entries[0]!.url).pathname)).status, 404);
    // Still counted for the annual report.
    assert.equal((await publicityDecisionCounts(t.t.db, 2025)).licensing, 1);
    t.setNow("2025-03-03T02:00:00Z");
    await relogin();
  });

  it("a row with an ID number is refused with its row and field, and nothing of the file is stored", async () => {
    const before = await count("publicity_licences");
    const bytes = await workbook(LICENCE_HEADERS, [
      licenceRow("JY14101220000002"),
      licenceRow("JY14101220000003", { content: `经营者身份证号${ID},预包装食品销售` }),
    ]);
    const res = await upload(editor, "licence", bytes);
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.ok(html.includes("第3行“许可内容”含有居民身份证号码"), "names row and field");
    assert.ok(html.includes("没有导入任何数据"));
    assert.equal(await count("publicity_licences"), before);
  });

  it("importing the same file twice leaves one copy and touches nothing the second time", async () => {
    const bytes = await workbook(LICENCE_HEADERS, [
      licenceRow("JY14101220000010"),
      licenceRow("JY14101220000011", { subjectName: "张三丰", creditCode: "", legalRep: "" }),
    ]);
    const first = await upload(editor, "licence", bytes);
    assert.match(await first.text(), /新增 2 条/);
    const stamp = await t.t.db
      .selectFrom("publicity_licences")
      .select(["id", "updated_at"])
      .where("licence_no", "=", "JY14101220000010")
      .executeTakeFirstOrThrow();
    const audits = await t.t.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "publicity.import")
      .execute();
    t.setNow("2025-03-03T02:05:00Z");
    const second = await upload(editor, "licence", bytes);
    assert.match(await second.text(), /新增 0 条,更新 0 条,未变化 2 条/);
    const rows = await t.t.db
      .selectFrom("publicity_licences")
      .select(["id", "updated_at"])
      .where("licence_no", "in", ["JY14101220000010", "JY14101220000011"])
      .execute();
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.find((r) => r.id === stamp.id),
      stamp,
    );
    const auditsAfter = await t.t.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "publicity.import")
      .execute();
    assert.equal(auditsAfter.length, audits.length, "an unchanged re-import is not a change");

    // A changed row updates the one entry.
    const changed = await workbook(LICENCE_HEADERS, [
      licenceRow("JY14101220000010", { content: "食品销售经营者(散装食品销售)" }),
    ]);
    assert.match(await (await upload(editor, "licence", changed)).text(), /更新 1 条/);
    assert.equal(
      (
        await t.t.db
          .selectFrom("publicity_licences")
          .select("content")
          .where("id", "=", stamp.id)
          .executeTakeFirstOrThrow()
      ).content,
      "食品销售经营者(散装食品销售)",
    );
    t.setNow("2025-03-03T02:00:00Z");
  });

  it("a natural person's name is published masked and kept encrypted; viewing it is audited", async () => {
    const row = await t.t.db
      .selectFrom("publicity_licences")
      .selectAll()
      .where("licence_no", "=", "JY14101220000011")
      .executeTakeFirstOrThrow();
    assert.equal(row.subject_type, "natural_person");
    assert.equal(row.subject_name, "张*丰");
    assert.ok(row.subject_name_enc?.startsWith("v1:"));
    assert.ok(!JSON.stringify(row).includes("张三丰"));
    const page = await (await t.browser().get(`/services/publicity/licences/${row.id}`)).text();
    assert.ok(page.includes("张*丰") && !page.includes("张三丰"));
    const json = await (await t.app.request("/api/v1/publicity/licences?q=张")).text();
    assert.ok(json.includes("张*丰") && !json.includes("张三丰"));

    await editor.get(`/admin/publicity/licences/${row.id}`);
    const revealed = await editor.post(`/admin/publicity/licences/${row.id}/reveal`);
    assert.ok((await revealed.text()).includes("张三丰"));
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "publicity.reveal_name")
      .where("object_id", "=", String(row.id))
      .execute();
    assert.equal(audit.length, 1);
    assert.ok(!audit[0]!.detail.includes("张三丰"));
  });

  it("the API import is idempotent: PUT twice and the batch twice leave one copy each", async () => {
    const body = {
      subjectName: "李四",
      facts: "李四销售超过保质期的食品",
      basis: "《中华人民共和国食品安全法》第一百二十四条",
      content: "警告",
      decidedOn: "2025-02-28",
      authority: "渑池县市场监督管理局",
      minor: true,
    };
    const path = `/api/v1/publicity/penalties/${encodeURIComponent("渑市监处罚〔2025〕1号")}`;
    const first = await api("PUT", path, body);
    assert.equal(first.status, 200);
    const firstJson = (await first.json()) as { entries: { action: string; number: string }[] };
    assert.equal(firstJson.entries[0]!.action, "created");
    assert.equal(firstJson.entries[0]!.number, "渑市监处罚〔2025〕1号");
    const again = (await (await api("PUT", path, body)).json()) as {
      entries: { action: string }[];
    };
    assert.equal(again.entries[0]!.action, "unchanged");
    const rows = await t.t.db.selectFrom("publicity_penalties").selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.subject_name, "李*");
    assert.equal(rows[0]!.facts, "李*销售超过保质期的食品");
    // Only 通报批评 / a lower fine: the shorter 公示期 (3 months by default).
    assert.equal(rows[0]!.publicity_ends_on, "2025-06-03");

    const batch = {
      entries: [
        {
          decisionNo: "渑市监强制〔2025〕1号",
          kind: "coercion",
          subjectName: "渑池县某餐饮有限公司",
          creditCode: ORG_CODE,
          facts: "涉嫌使用超范围添加剂",
          basis: "《中华人民共和国食品安全法》第一百一十条",
          content: "查封场所",
          decidedOn: "2025-03-01",
          authority: "渑池县市场监督管理局",
        },
        {
          decisionNo: "渑市监处罚〔2025〕2号",
          subjectName: "渑池县某超市有限公司",
          creditCode: ORG_CODE,
          facts: "销售标签不符合规定的预包装食品",
          basis: "《中华人民共和国食品安全法》第一百二十五条",
          content: "罚款5000元",
          decidedOn: "2025-03-02",
          authority: "渑池县市场监督管理局",
        },
      ],
    };
    const b1 = await api("POST", "/api/v1/publicity/penalties/batch", batch);
    assert.equal(b1.status, 200);
    assert.deepEqual(((await b1.json()) as { counts: unknown }).counts, {
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const b2 = await api("POST", "/api/v1/publicity/penalties/batch", batch);
    assert.deepEqual(((await b2.json()) as { counts: unknown }).counts, {
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    assert.equal(await count("publicity_penalties"), 3);

    const counts = await publicityDecisionCounts(t.t.db, 2025);
    assert.equal(counts.penalty, 2);
    assert.equal(counts.coercion, 1);
  });

  it("the API refuses an ID number naming the entry and field, storing nothing; it needs a token and the role", async () => {
    const before = await count("publicity_penalties");
    const res = await api("POST", "/api/v1/publicity/penalties/batch", {
      entries: [
        {
          decisionNo: "渑市监处罚〔2025〕9号",
          subjectName: "某公司",
          creditCode: ORG_CODE,
          facts: "事实",
          basis: "依据",
          content: "罚款",
          decidedOn: "2025-03-01",
          authority: "渑池县市场监督管理局",
        },
        {
          decisionNo: "渑市监处罚〔2025〕10号",
          subjectName: "王五",
          facts: `王五(${ID})无证经营`,
          basis: "依据",
          content: "罚款",
          decidedOn: "2025-03-01",
          authority: "渑池县市场监督管理局",
        },
      ],
    });
    assert.equal(res.status, 400);
    const err = (await res.json()) as {
      error: { message: string; fields: Record<string, string> };
    };
    assert.match(err.error.message, /第2条“违法事实摘要”含有居民身份证号码/);
    assert.ok(err.error.fields["entries.1.facts"]);
    assert.equal(await count("publicity_penalties"), before);

    const anonymous = await t.app.request("/api/v1/publicity/licences/X1", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    assert.equal(anonymous.status, 401);
    const auditor = await api("PUT", "/api/v1/publicity/licences/X1", {}, await t.token("audit"));
    assert.equal(auditor.status, 403);
  });

  it("an administrator takes an entry down with a reason: gone from list, feed, API and page at once; audited", async () => {
    const entry = await t.t.db
      .selectFrom("publicity_penalties")
      .select(["id", "decision_no"])
      .where("decision_no", "=", "渑市监处罚〔2025〕2号")
      .executeTakeFirstOrThrow();
    const publicPage = `/services/publicity/penalties/${entry.id}`;
    assert.equal((await t.app.request(publicPage)).status, 200);
    assert.ok(
      (await (await t.app.request("/services/publicity/penalties/feed.atom")).text()).includes(
        entry.decision_no,
      ),
    );

    // An editor may not; a missing reason is refused with a field error.
    await editor.get(`/admin/publicity/penalties/${entry.id}`);
    assert.equal(
      (await editor.post(`/admin/publicity/penalties/${entry.id}/take-down`, { reason: "x" }))
        .status,
      403,
    );
    await admin.get(`/admin/publicity/penalties/${entry.id}`);
    const empty = await admin.post(`/admin/publicity/penalties/${entry.id}/take-down`, {
      reason: " ",
    });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /请填写撤下原因/);

    const done = await admin.post(`/admin/publicity/penalties/${entry.id}/take-down`, {
      reason: "信用修复:渑市监信修〔2025〕3号",
    });
    assert.equal(done.status, 303);
    assert.equal((await t.app.request(publicPage)).status, 404);
    assert.ok(
      !(await (await t.browser().get("/services/publicity/penalties")).text()).includes(
        entry.decision_no,
      ),
    );
    assert.ok(
      !(await (await t.app.request("/services/publicity/penalties/feed.atom")).text()).includes(
        entry.decision_no,
      ),
    );
    assert.ok(
      !(await (await t.app.request("/api/v1/publicity/penalties")).text()).includes(
        entry.decision_no,
      ),
    );
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select(["actor_name", "detail"])
      .where("action", "=", "publicity.take_down")
      .where("object_id", "=", String(entry.id))
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_name, "boss");
    assert.match(audit.detail, /信用修复:渑市监信修〔2025〕3号/);
    // Still counted.
    assert.equal((await publicityDecisionCounts(t.t.db, 2025)).penalty, 2);
  });

  it("public lists search by name or number and filter by year and kind", async () => {
    const byKind = (await (
      await t.app.request("/api/v1/publicity/penalties?kind=coercion")
    ).json()) as {
      entries: { decisionNo: string }[];
    };
    assert.deepEqual(
      byKind.entries.map((e) => e.decisionNo),
      ["渑市监强制〔2025〕1号"],
    );
    const byNumber = (await (
      await t.app.request(`/api/v1/publicity/penalties?q=${encodeURIComponent("处罚〔2025〕1")}`)
    ).json()) as {
      total: number;
    };
    assert.equal(byNumber.total, 1);
    const otherYear = (await (
      await t.app.request("/api/v1/publicity/penalties?year=2024")
    ).json()) as { total: number };
    assert.equal(otherYear.total, 0);
    const html = await (
      await t.browser().get("/services/publicity/penalties?kind=coercion&year=2025")
    ).text();
    assert.ok(html.includes("渑市监强制〔2025〕1号") && !html.includes("渑市监处罚〔2025〕1号"));
    const home = await t.browser().get("/services/publicity");
    assert.equal(home.status, 200);
  });

  it("the administrator's 公示期 applies to published entries at once", async () => {
    await admin.get("/admin/publicity/periods");
    const res = await admin.post("/admin/publicity/periods", {
      licence_mode: "fixed",
      licence_months: "1",
      penalty_months: "36",
      penalty_minor_months: "0",
      coercion_months: "36",
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /月数应为1至120之间的整数/);
    const ok = await admin.post("/admin/publicity/periods", {
      licence_mode: "fixed",
      licence_months: "1",
      penalty_months: "36",
      penalty_minor_months: "3",
      coercion_months: "36",
    });
    assert.equal(ok.status, 303);
    const row = await t.t.db
      .selectFrom("publicity_licences")
      .select("publicity_ends_on")
      .where("licence_no", "=", "JY14101220000010")
      .executeTakeFirstOrThrow();
    assert.equal(row.publicity_ends_on, "2025-04-03");
    assert.ok(
      await t.t.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "publicity.set_periods")
        .executeTakeFirst(),
    );
  });

  it("entries published after their publish-by date are listed as overdue", async () => {
    t.setNow("2025-05-06T02:00:00Z");
    const res = await api("PUT", "/api/v1/publicity/licences/JY14101220000099", {
      subjectName: "迟到公示有限公司",
      creditCode: ORG_CODE,
      content: "食品销售",
      decidedOn: "2025-03-03",
      authority: "渑池县市场监督管理局",
    });
    assert.equal(res.status, 200);
    const overdue = await publicityOverdue(t.t.db, { today: "2025-05-06" });
    assert.deepEqual(
      overdue.map((o) => [o.type, o.number, o.publishedOn]),
      [["licence", "JY14101220000099", "2025-05-06"]],
    );
    t.setNow("2025-03-03T02:00:00Z");
  });
});
