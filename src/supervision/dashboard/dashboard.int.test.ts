// The compliance dashboard on a known data set: every figure equals the hand count, each
// figure's drill-down lists exactly those items, a unit sees only itself, the API returns the
// same figures, and the pages are valid HTML.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../../test/browser/support/checks";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { createUnit } from "../../org/store";
import { insertCatalogItem } from "../../records/test-fixtures";
import { insertApplication, insertMessage, insertRecord } from "../test-fixtures";
import { listFigureItems } from "./drilldown";
import type { FigureKey } from "./figures";
import { drillHref } from "./links";
import { loadDashboard } from "./queries";

const period = { from: "2025-01-01", to: "2025-12-31" };
const today = "2025-06-16";

describe("compliance dashboard", () => {
  let t: TestApp;
  let office: Browser;
  let unitA: number;
  let unitB: number;
  let item1: number;
  let item2: number;
  const ids: Record<string, number> = {};

  before(async () => {
    t = await createTestApp({ start: "2025-06-16T02:00:00Z" });
    const db = t.t.db;
    const root = await t.rootUnitId();
    unitA = await createUnit(db, { name: "食品股", kind: "department", parentId: root }, t.now());
    unitB = await createUnit(
      db,
      { name: "城关所", kind: "township_office", parentId: root },
      t.now(),
    );
    await t.createUser("office", ["reviewer"]);
    await t.createUser("a-editor", ["editor"], unitA);
    const creator = await t.createUser("auditor", ["auditor"]);
    // Only the two test items count: the shipped catalog rows are set aside.
    await db.updateTable("catalog_items").set({ is_active: 0 }).execute();
    item1 = await insertCatalogItem(db, { code: "T1" });
    item2 = await insertCatalogItem(db, { code: "T2" });
    await db
      .updateTable("catalog_items")
      .set({ responsible_unit_id: unitA })
      .where("id", "=", item1)
      .execute();
    await db
      .updateTable("catalog_items")
      .set({ responsible_unit_id: unitB })
      .where("id", "=", item2)
      .execute();
    const rec = async (
      key: string,
      r: Omit<Parameters<typeof insertRecord>[1], "createdBy" | "title">,
    ) => {
      ids[key] = await insertRecord(db, { title: `信息${key}`, createdBy: creator, ...r });
    };
    await rec("r1", {
      unitId: unitA,
      catalogItemId: item1,
      state: "published",
      dueOn: "2025-03-10",
      publishedOn: "2025-03-05",
    });
    await rec("r2", {
      unitId: unitA,
      catalogItemId: item1,
      state: "published",
      dueOn: "2025-03-10",
      publishedOn: "2025-03-20",
    });
    await rec("r3", {
      unitId: unitA,
      catalogItemId: item1,
      state: "in_review",
      dueOn: "2025-05-01",
    });
    await rec("r4", { unitId: unitA, catalogItemId: item1, state: "draft", dueOn: "2025-07-01" });
    await rec("r5", {
      unitId: unitA,
      catalogItemId: item1,
      state: "published",
      dueOn: "2024-12-20",
      publishedOn: "2025-01-05",
    });
    await rec("r6", {
      unitId: unitA,
      catalogItemId: item1,
      state: "withdrawn",
      dueOn: "2025-04-01",
      publishedOn: "2025-03-30",
    });
    await rec("r7", { unitId: unitB, catalogItemId: item1, state: "draft", dueOn: "2025-02-10" });
    await rec("r8", {
      unitId: unitB,
      state: "published",
      dueOn: "2025-04-10",
      publishedOn: "2025-04-09",
    });
    await rec("r9", {
      unitId: unitB,
      catalogItemId: item2,
      state: "published",
      dueOn: "2024-06-10",
      publishedOn: "2024-06-01",
    });
    await rec("r10", {
      unitId: unitA,
      genre: "normativeDocument",
      state: "published",
      publishedOn: "2025-02-01",
    });
    await rec("r11", {
      unitId: unitB,
      genre: "policyDocument",
      state: "published",
      publishedOn: "2025-03-01",
    });
    await rec("r12", {
      unitId: unitB,
      genre: "interpretation",
      state: "published",
      publishedOn: "2025-03-01",
      interpretsRecordId: ids.r11,
    });
    const app = async (key: string, a: Omit<Parameters<typeof insertApplication>[1], "no">) => {
      ids[key] = await insertApplication(db, { no: `YSQ-${key}`, ...a });
    };
    await app("a1", {
      unitId: unitA,
      receivedOn: "2025-02-03",
      dueDate: "2025-03-03",
      closedOn: "2025-02-20",
      resultKey: "results.disclosed",
    });
    await app("a2", {
      unitId: unitA,
      receivedOn: "2025-03-03",
      dueDate: "2025-03-31",
      closedOn: "2025-04-10",
      resultKey: "results.partially_disclosed",
    });
    await app("a3", {
      unitId: unitB,
      receivedOn: "2025-04-01",
      dueDate: "2025-05-29",
      extendedOn: "2025-04-25",
    });
    await app("a4", { unitId: unitB, receivedOn: "2025-05-20", dueDate: "2025-06-17" });
    await app("a5", {
      unitId: unitA,
      receivedOn: "2024-12-01",
      dueDate: "2024-12-29",
      closedOn: "2025-01-20",
      resultKey: "results.disclosed",
    });
    await app("a6", { unitId: null, receivedOn: "2025-06-10", dueDate: "2025-07-08" });
    ids.m1 = await insertMessage(db, {
      no: "LY-1",
      unitId: unitA,
      receivedOn: "2025-03-01",
      dueOn: "2025-03-14",
      repliedOn: "2025-03-20",
    });
    ids.m2 = await insertMessage(db, {
      no: "LY-2",
      unitId: unitB,
      receivedOn: "2025-05-01",
      dueOn: "2025-05-15",
    });
    ids.m3 = await insertMessage(db, {
      no: "LY-3",
      unitId: unitB,
      receivedOn: "2025-05-01",
      dueOn: "2025-05-15",
      repliedOn: "2025-05-14",
    });
    office = await t.login("office");
  });
  after(() => t.close());

  it("every figure per unit equals the hand count", async () => {
    const d = await loadDashboard(t.t.db, { period, today });
    const byId = new Map(d.units.map((u) => [u.unitId, u]));
    const a = byId.get(unitA)!;
    const b = byId.get(unitB)!;
    assert.deepEqual(a.records, { due: 4, onTime: 1, late: 1, overdue: 1, pending: 1 });
    assert.deepEqual(b.records, { due: 2, onTime: 1, late: 0, overdue: 1, pending: 0 });
    assert.deepEqual([a.catalogGaps, b.catalogGaps], [0, 1]);
    assert.deepEqual(a.applications, { received: 2, onTime: 1, overdue: 1, extended: 0 });
    assert.deepEqual(b.applications, { received: 2, onTime: 0, overdue: 1, extended: 1 });
    assert.deepEqual(byId.get(null)?.applications, {
      received: 1,
      onTime: 0,
      overdue: 0,
      extended: 0,
    });
    assert.deepEqual([a.policiesNoInterpretation, b.policiesNoInterpretation], [1, 0]);
    assert.deepEqual(
      [a.messagesLate, b.messagesLate, a.messagesOverdue, b.messagesOverdue],
      [1, 0, 0, 1],
    );
    assert.deepEqual(d.totals.records, { due: 6, onTime: 2, late: 1, overdue: 2, pending: 1 });
    assert.deepEqual(d.totals.applications, { received: 5, onTime: 1, overdue: 2, extended: 1 });
    assert.equal(d.totals.catalogGaps, 1);
    assert.deepEqual(
      d.applicationResults.map((r) => [r.key, r.count]),
      [
        ["results.disclosed", 1],
        ["results.partially_disclosed", 1],
      ],
    );
    const items = new Map(d.catalogItems.map((i) => [i.catalogItemId, i]));
    assert.deepEqual(items.get(item1)?.records, {
      due: 5,
      onTime: 1,
      late: 1,
      overdue: 2,
      pending: 1,
    });
    assert.equal(items.get(item1)?.isGap, false);
    assert.equal(items.get(item2)?.isGap, true);
    assert.equal(items.get(item2)?.lastPublishedOn, "2024-06-01");
  });

  it("each figure's drill-down lists exactly the items counted", async () => {
    const list = async (
      figure: FigureKey,
      extra: { unit?: number | null; catalogItemId?: number; resultKey?: string } = {},
    ) => (await listFigureItems(t.t.db, { figure, period, today, ...extra })).map((i) => i.href);
    const rec = (...keys: string[]) => keys.map((k) => `/admin/records/${ids[k]}`);
    const app = (...keys: string[]) => keys.map((k) => `/admin/applications/${ids[k]}`);
    assert.deepEqual(await list("records.due", { unit: unitA }), rec("r1", "r2", "r3", "r4"));
    assert.deepEqual(await list("records.onTime"), rec("r1", "r8"));
    assert.deepEqual(await list("records.late"), rec("r2"));
    assert.deepEqual(await list("records.overdue"), rec("r7", "r3"));
    assert.deepEqual(await list("records.overdue", { unit: unitB }), rec("r7"));
    assert.deepEqual(await list("records.pending"), rec("r4"));
    assert.deepEqual(await list("records.overdue", { catalogItemId: item1 }), rec("r7", "r3"));
    assert.deepEqual(await list("catalog.gaps"), [`/admin/catalog/${item2}`]);
    assert.deepEqual(await list("catalog.gaps", { unit: unitA }), []);
    assert.deepEqual(await list("applications.received"), app("a1", "a2", "a3", "a4", "a6"));
    assert.deepEqual(await list("applications.received", { unit: null }), app("a6"));
    assert.deepEqual(await list("applications.onTime"), app("a1"));
    assert.deepEqual(await list("applications.overdue"), app("a2", "a3"));
    assert.deepEqual(await list("applications.extended"), app("a3"));
    assert.deepEqual(
      await list("applications.result", { resultKey: "results.disclosed" }),
      app("a1"),
    );
    assert.deepEqual(await list("policies.noInterpretation"), rec("r10"));
    assert.deepEqual(await list("messages.late"), [`/admin/messages/${ids.m1}`]);
    assert.deepEqual(await list("messages.overdue"), [`/admin/messages/${ids.m2}`]);
    assert.deepEqual(await list("consultations.noFeedback"), []);
    assert.deepEqual(await list("publicity.late"), []);
  });

  it("the office's page shows the figures with links, a chart with its table, and the items page lists them", async () => {
    const res = await office.get("/admin/supervision");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('role="img"'), "an SVG chart");
    assert.ok(!/ style="/.test(html), "no inline style (CSP)");
    assert.ok(html.includes("各单位应公开信息(图表数据)"));
    const lateHref = drillHref("records.late", period, { unit: unitA }).replaceAll("&", "&amp;");
    assert.ok(html.includes(`<a href="${lateHref}">1</a>`), lateHref);
    const items = await office.get(drillHref("records.overdue", period));
    const itemsHtml = await items.text();
    assert.equal(items.status, 200);
    assert.ok(itemsHtml.includes("共 2 项"));
    assert.ok(
      itemsHtml.includes(`/admin/records/${ids.r3}`) &&
        itemsHtml.includes(`/admin/records/${ids.r7}`),
    );
  });

  it("a unit's editor sees only their unit, whatever unit they ask for", async () => {
    const editor = await t.login("a-editor");
    const html = await (await editor.get(`/admin/supervision?unit=${unitB}`)).text();
    assert.ok(html.includes("单位:食品股"));
    assert.ok(!html.includes("城关所</th>"));
    const items = await (
      await editor.get(drillHref("records.overdue", period, { unit: unitB }))
    ).text();
    assert.ok(items.includes("共 1 项") && items.includes(`/admin/records/${ids.r3}`));
  });

  it("the API returns the same figures with a token, and refuses bad dates in Chinese", async () => {
    const token = await t.token("office");
    const auth = { authorization: `Bearer ${token}` };
    const res = await t.app.request(
      `/api/v1/dashboard?from=2025-01-01&to=2025-12-31&unit=${unitA}`,
      { headers: auth },
    );
    assert.equal(res.status, 200);
    const json = (await res.json()) as {
      units: { unitId: number; records: unknown }[];
      totals: { records: unknown };
    };
    assert.deepEqual(
      json.units.map((u) => u.unitId),
      [unitA],
    );
    assert.deepEqual(json.totals.records, { due: 4, onTime: 1, late: 1, overdue: 1, pending: 1 });
    const bad = await t.app.request("/api/v1/dashboard?from=2025-02-30", { headers: auth });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /开始日期/);
    const reversed = await t.app.request("/api/v1/dashboard?from=2025-05-01&to=2025-01-01", {
      headers: auth,
    });
    assert.equal(reversed.status, 400);
    assert.equal((await t.app.request("/api/v1/dashboard")).status, 401);
    const spec = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    assert.ok(spec.paths["/api/v1/dashboard"]);
  });

  it("the pages are valid HTML, also with a bad period", async () => {
    const pages: [string, string][] = [
      ["dashboard", await (await office.get("/admin/supervision")).text()],
      ["dashboard unit", await (await office.get(`/admin/supervision?unit=${unitA}`)).text()],
      ["items", await (await office.get(drillHref("applications.overdue", period))).text()],
      ["items empty", await (await office.get(drillHref("publicity.late", period))).text()],
    ];
    const bad = await office.get("/admin/supervision?from=2025-13-01");
    assert.equal(bad.status, 400);
    pages.push(["dashboard error", await bad.text()]);
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });
});
