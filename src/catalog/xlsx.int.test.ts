import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";
import type { CatalogItem } from "./catalog-item";
import { applyCatalogImport, exportCatalog, readCatalogUpload } from "./service";
import {
  findCatalogItem,
  listCatalogItems,
  type StoredCatalogItem,
  saveCatalogItem,
  standardColumnsOf,
} from "./store";
import { readCatalogWorkbook } from "./xlsx";

const actor = { id: null, name: "测试", ip: "127.0.0.1" };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The catalog as the comparison sees it: code and standard columns, in table order. */
async function catalogOf(t: TestApp, activeOnly = true) {
  const items = await listCatalogItems(t.t.db, { activeOnly });
  return items.map((i) => ({ code: i.code, item: standardColumnsOf(i) }));
}

/** Loads a workbook, lets `change` edit its first sheet, and returns the new bytes. */
async function editWorkbook(
  bytes: Uint8Array,
  change: (sheet: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  change(workbook.worksheets[0]!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function upload(browser: Browser, bytes: Uint8Array, name: string, type = XLSX) {
  const form = new FormData();
  form.set("file", new File([bytes], name, { type }));
  return browser.post("/admin/catalog/import", form);
}

async function auditCount(t: TestApp, action: string): Promise<number> {
  const rows = await t.t.db
    .selectFrom("audit_log")
    .select("id")
    .where("action", "=", action)
    .execute();
  return rows.length;
}

describe("catalog XLSX export and import", () => {
  let t: TestApp;
  let admin: Browser;
  before(async () => {
    t = await createTestApp();
    await t.createUser("xlsx-admin", ["admin"]);
    admin = await t.login("xlsx-admin");
  });
  after(() => t.close());

  const exported = async () => (await exportCatalog(t.t.db, actor, t.now())).bytes;

  it("the exported workbook reads back as exactly the adopted items, with their codes", async () => {
    const read = await readCatalogWorkbook(await exported());
    assert.ok(read.ok, JSON.stringify(!read.ok && read.errors));
    assert.deepEqual(read.warnings, []);
    assert.deepEqual(
      read.rows.map((r) => ({ code: r.code, item: r.item })),
      await catalogOf(t),
    );
  });

  it("the export has the standard two header rows with merges, a frozen header and wrapped cells", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exported()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.getCell("A1").value, "序号");
    assert.equal(sheet.getCell("B1").value, "公开事项");
    assert.equal(sheet.getCell("B2").value, "一级事项");
    assert.equal(sheet.getCell("I1").value, "公开对象");
    assert.equal(sheet.getCell("J2").value, "特定群体");
    assert.equal(sheet.getCell("O1").value, "编码");
    assert.equal(sheet.getCell("A2").isMerged, true, "序号 spans both header rows");
    assert.equal(sheet.getCell("J1").isMerged, true, "公开对象 spans its two columns");
    assert.equal(sheet.getCell("B4").isMerged, true, "一级事项 cells of one category are merged");
    assert.equal(sheet.views[0]?.state, "frozen");
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 2);
    assert.equal(sheet.getCell("D3").alignment?.wrapText, true);
    assert.ok((sheet.getColumn(4).width ?? 0) > 20);
  });

  it("export then import yields the same items: nothing updated, nothing added, no new versions", async () => {
    const before = await listCatalogItems(t.t.db);
    const reading = await readCatalogUpload(t.t.db, "本级目录.xlsx", await exported());
    assert.ok(reading.ok);
    assert.deepEqual(reading.plan.counts, { unchanged: 9, updated: 0, added: 0 });
    const outcome = await applyCatalogImport(t.t.db, actor, reading.rows, "本级目录.xlsx", t.now());
    assert.deepEqual(outcome, { ok: true, counts: { unchanged: 9, updated: 0, added: 0 } });
    assert.deepEqual(await listCatalogItems(t.t.db), before);
  });

  it("items an administrator shaped by hand survive the round trip exactly", async () => {
    const template = (await listCatalogItems(t.t.db, { activeOnly: true }))[0]!;
    const unusual: CatalogItem = {
      ...standardColumnsOf(template),
      seq: 10,
      category: "公共服务",
      item: "投诉举报(渠道、受理、办理结果)",
      elements: ["投诉举报渠道(电话、网站)", "受理情况", "办理结果"],
      legalBasis: ["《关于加强食品、药品监管的意见》", "《市场监督管理投诉举报处理暂行办法》"],
      deadline: { text: "按规定及时公开", rule: { kind: "working_days_from_decision", days: 7 } },
      audience: { wholeSociety: false, specificGroup: true, specificGroupName: "投诉举报人" },
      mode: { proactive: true, onApplication: true },
      level: { county: true, township: "unverified" },
    };
    const saved = await saveCatalogItem(t.t.db, null, unusual, actor, t.now());
    assert.ok(saved.ok);
    const before = await catalogOf(t);
    const reading = await readCatalogUpload(t.t.db, "a.xlsx", await exported());
    assert.ok(reading.ok, JSON.stringify(!reading.ok && reading.errors));
    assert.deepEqual(reading.plan.counts, { unchanged: 10, updated: 0, added: 0 });
    assert.deepEqual(
      reading.rows.map((r) => ({ code: r.code, item: r.item })),
      before,
    );
  });

  it("a file exported before a change restores the exported content as a new version", async () => {
    const file = await exported();
    const item = (await listCatalogItems(t.t.db, { activeOnly: true }))[4]!;
    await saveCatalogItem(
      t.t.db,
      item.id,
      { ...standardColumnsOf(item), channels: ["政府网站"] },
      actor,
      t.now(),
    );
    const reading = await readCatalogUpload(t.t.db, "old.xlsx", file);
    assert.ok(reading.ok);
    assert.deepEqual(reading.plan.counts, { unchanged: 9, updated: 1, added: 0 });
    const outcome = await applyCatalogImport(t.t.db, actor, reading.rows, "old.xlsx", t.now());
    assert.ok(outcome.ok);
    const after = (await findCatalogItem(t.t.db, item.id)) as StoredCatalogItem;
    assert.equal(after.version, 3);
    assert.deepEqual(standardColumnsOf(after), standardColumnsOf(item));
  });

  it("rows without 编码 are matched by 序号 and 二级事项, and unknown rows are added", async () => {
    const bytes = await editWorkbook(await exported(), (sheet) => {
      sheet.getColumn(15).eachCell((cell, row) => {
        if (row > 2) cell.value = null;
      });
      sheet.getCell("F3").value = "信息形成或变更之日起15个工作日内";
      sheet.getCell("P3").value = null;
      const last = sheet.rowCount + 1;
      sheet.getRow(last).values = [
        11,
        "公共服务",
        "食品安全科普宣传",
        "科普知识、消费提示",
        "《中华人民共和国食品安全法》",
        "常态",
        "县市场监督管理局",
        "政府网站",
        "√",
        "",
        "√",
        "",
        "√",
        "√",
      ];
    });
    const reading = await readCatalogUpload(t.t.db, "本级.xlsx", bytes);
    assert.ok(reading.ok, JSON.stringify(!reading.ok && reading.errors));
    assert.deepEqual(reading.plan.counts, { unchanged: 9, updated: 1, added: 1 });
    const outcome = await applyCatalogImport(t.t.db, actor, reading.rows, "本级.xlsx", t.now());
    assert.ok(outcome.ok);
    const added = (await listCatalogItems(t.t.db)).find((i) => i.item === "食品安全科普宣传");
    assert.deepEqual(added?.deadlineRule, { kind: "ongoing" });
    assert.deepEqual(added?.source, ["XLSX导入:本级.xlsx"]);
    assert.match(added!.code, /^BJ-/);
    const first = (await listCatalogItems(t.t.db, { activeOnly: true }))[0]!;
    assert.deepEqual(first.deadlineRule, {
      kind: "working_days_from_formation_or_change",
      days: 15,
    });
  });

  it("a file with one bad row imports nothing and names the row in Chinese", async () => {
    const before = await listCatalogItems(t.t.db);
    const imports = await auditCount(t, "catalog.import");
    const bytes = await editWorkbook(await exported(), (sheet) => {
      sheet.getCell("C3").value = "改过的名称";
      sheet.getCell("K5").value = "大概";
    });
    const res = await upload(admin, bytes, "坏文件.xlsx");
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /第5行:“主动”一栏的“大概”无法识别/);
    assert.match(html, /未导入任何内容/);
    assert.doesNotMatch(html, /确认导入/);
    assert.deepEqual(await listCatalogItems(t.t.db), before);
    assert.equal(await auditCount(t, "catalog.import"), imports);
  });

  it("a row whose 公开时限 and 公开时限规则 disagree is an error", async () => {
    const bytes = await editWorkbook(await exported(), (sheet) => {
      sheet.getCell("P4").value = "实时";
    });
    const read = await readCatalogWorkbook(bytes);
    assert.equal(read.ok, false);
    assert.match(read.ok ? "" : read.errors.join(), /第4行:公开时限“.+”与公开时限规则“实时”不一致/);
  });

  it("two rows with one 编码 are refused", async () => {
    const bytes = await editWorkbook(await exported(), (sheet) => {
      sheet.getCell("O4").value = sheet.getCell("O3").value;
    });
    const reading = await readCatalogUpload(t.t.db, "dup.xlsx", bytes);
    assert.equal(reading.ok, false);
    assert.match(reading.ok ? "" : reading.errors.join(), /第4行:编码“FD-01”与第3行重复/);
  });

  it("a file that is not an XLSX workbook is refused with a Chinese message", async () => {
    const text = new TextEncoder().encode("序号,一级事项,二级事项\n1,行政审批,许可\n");
    const disguised = await upload(admin, text, "目录.xlsx");
    assert.equal(disguised.status, 400);
    assert.match(await disguised.text(), /文件“目录.xlsx”.*(不是|已损坏)/);
    const csv = await upload(admin, text, "目录.csv", "text/csv");
    assert.equal(csv.status, 400);
    assert.match(await csv.text(), /不支持上传“.csv”格式的文件/);
    const none = await admin.post("/admin/catalog/import", new FormData());
    assert.equal(none.status, 400);
    assert.match(await none.text(), /请选择要导入的 XLSX 文件/);
  });

  it("a workbook without the standard header is refused, saying which headers are missing", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["序号", "名称"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readCatalogWorkbook(bytes);
    assert.equal(read.ok, false);
    assert.match(read.ok ? "" : read.errors.join(), /未找到标准目录表头.*缺少表头“一级事项”/);
  });

  it("through the pages: upload, preview, confirm, and the counts are reported", async () => {
    const bytes = await editWorkbook(await exported(), (sheet) => {
      sheet.getCell("G3").value = "县市场监督管理局";
    });
    const rest = (await listCatalogItems(t.t.db, { activeOnly: true })).length - 1;
    const preview = await upload(admin, bytes, "本级目录.xlsx");
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(html, new RegExp(`不变 ${rest} 个,更新 1 个,新增 0 个`));
    assert.ok(html.includes("更新(生成新版本):公开主体"));
    const payload = /name="payload" value="([^"]*)"/.exec(html)?.[1];
    assert.ok(payload);
    const decoded = payload
      .replaceAll("&quot;", '"')
      .replaceAll("&amp;", "&")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&#39;", "'");
    const confirmed = await admin.post("/admin/catalog/import/confirm", { payload: decoded });
    assert.equal(confirmed.status, 303);
    const location = confirmed.headers.get("location")!;
    const list = await (await admin.get(location)).text();
    assert.match(list, new RegExp(`导入完成:不变 ${rest} 个,更新 1 个,新增 0 个。`));
    const first = (await listCatalogItems(t.t.db, { activeOnly: true }))[0]!;
    assert.equal(first.responsibleUnit, "县市场监督管理局");
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "catalog.import")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    assert.equal(audit.detail, `导入“本级目录.xlsx”:不变 ${rest},更新 1,新增 0`);
  });

  it("the export download is an XLSX attachment and is audited", async () => {
    const exports = await auditCount(t, "catalog.export");
    const res = await admin.get("/admin/catalog/export.xlsx");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), XLSX);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment;.*filename\*=UTF-8''/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    assert.equal(await auditCount(t, "catalog.export"), exports + 1);
  });
});
