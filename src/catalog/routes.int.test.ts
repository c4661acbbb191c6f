import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";
import type { RecordState } from "../records/tables";
import { findCatalogItem, listCatalogItems } from "./store";

describe("catalog pages", () => {
  let t: TestApp;
  let admin: Browser;
  let editor: Browser;
  let authorId: number;
  before(async () => {
    t = await createTestApp();
    await t.createUser("cat-admin", ["admin"]);
    authorId = await t.createUser("cat-editor", ["editor"]);
    admin = await t.login("cat-admin");
    editor = await t.login("cat-editor");
  });
  after(() => t.close());

  const itemByCode = async (code: string) => {
    const item = (await listCatalogItems(t.t.db)).find((i) => i.code === code);
    assert.ok(item);
    return item;
  };

  async function insertRecord(
    itemId: number,
    title: string,
    state: RecordState,
    publishedAt: string | null,
  ): Promise<number> {
    const at = t.now().toISOString();
    const row = await t.t.db
      .insertInto("records")
      .values({
        title,
        doc_no: state === "published" ? `县市监〔2025〕${title.length}号` : null,
        publisher: "县市场监督管理局",
        unit_id: await t.rootUnitId(),
        formed_on: "2025-02-20",
        published_on: publishedAt?.slice(0, 10) ?? null,
        published_at: publishedAt,
        topic: "食品药品",
        genre: "notice",
        openness: "result",
        state,
        catalog_item_id: itemId,
        catalog_item_version: 1,
        created_by: authorId,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it("the public catalog shows the 9 adopted rows as the standard lays them out", async () => {
    const res = await t.browser().get("/disclosure/catalog");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.equal(html.match(/<tr id="item-/g)?.length, 9);
    assert.match(html, /<th scope="rowgroup" rowspan="4">行政审批<\/th>/);
    assert.match(html, /<th scope="rowgroup" rowspan="4">监督检查<\/th>/);
    assert.match(html, /<th scope="rowgroup" rowspan="1">行政处罚<\/th>/);
    assert.equal(html.match(/<tbody>/g)?.length, 3, "one row group per 一级事项");
    assert.match(html, /<th scope="colgroup" colspan="2">公开对象<\/th>/);
    assert.match(html, /<th scope="col" rowspan="2">公开时限<\/th>/);
    assert.match(html, /<th scope="col">依申请<\/th>/);
    assert.match(
      html,
      /<span aria-hidden="true">√<\/span><span class="visually-hidden">是<\/span>/,
    );
    assert.match(
      html,
      /<caption id="catalog-caption">食品药品监管领域基层政务公开标准目录\(共9项\)<\/caption>/,
    );
    assert.match(
      html,
      /<section class="table-wrap catalog-table-wrap" aria-labelledby="catalog-caption" tabindex="0">/,
    );
    const first = await itemByCode("FD-01");
    assert.ok(
      html.includes(`<a href="/disclosure/catalog/${first.id}">食品生产经营许可服务指南</a>`),
    );
    assert.doesNotMatch(html, /化妆品经营\(使用\)监督检查/, "candidates are not adopted");
    assert.doesNotMatch(
      html,
      /未核实|部分核实|待核实|尚待核实/,
      "verification notes stay in the back office",
    );
  });

  it("an item page lists only its published records, newest first, 20 to a page", async () => {
    const item = await itemByCode("FD-05");
    const other = await itemByCode("FD-06");
    await insertRecord(item.id, "草稿中的检查结果", "draft", null);
    await insertRecord(item.id, "已撤回的检查结果", "withdrawn", "2025-01-05T02:00:00.000Z");
    await insertRecord(other.id, "另一事项的检查结果", "published", "2025-01-06T02:00:00.000Z");
    const ids: number[] = [];
    for (let day = 1; day <= 21; day += 1) {
      const date = `2025-02-${String(day).padStart(2, "0")}`;
      ids.push(
        await insertRecord(item.id, `第${day}次检查结果`, "published", `${date}T02:00:00.000Z`),
      );
    }
    const page1 = await (await t.browser().get(`/disclosure/catalog/${item.id}`)).text();
    assert.match(page1, /已公开信息 21 条/);
    assert.equal(page1.match(/<a href="\/records\/\d+">/g)?.length, 20);
    assert.ok(page1.indexOf("第21次检查结果") < page1.indexOf("第20次检查结果"), "newest first");
    assert.ok(page1.includes(`<a href="/records/${ids[20]}">第21次检查结果</a>`));
    assert.match(page1, /<td>2025-02-21<\/td>/);
    assert.doesNotMatch(page1, /草稿中的检查结果|已撤回的检查结果|另一事项的检查结果/);
    assert.match(page1, /<nav class="pager" aria-label="分页">/);
    assert.ok(page1.includes(`href="/disclosure/catalog/${item.id}?page=2"`));
    assert.match(page1, /<dt>公开时限<\/dt><dd>信息形成或变更之日起20个工作日内<\/dd>/);

    const page2 = await (await t.browser().get(`/disclosure/catalog/${item.id}?page=2`)).text();
    assert.equal(page2.match(/<a href="\/records\/\d+">/g)?.length, 1);
    assert.ok(page2.includes("第1次检查结果"));
    assert.equal((await t.browser().get(`/disclosure/catalog/${item.id}?page=3`)).status, 404);
  });

  it("a candidate that is not adopted, or an id that cannot exist, has no public page", async () => {
    const candidate = await itemByCode("FD-C1");
    assert.equal((await t.browser().get(`/disclosure/catalog/${candidate.id}`)).status, 404);
    assert.equal((await t.browser().get("/disclosure/catalog/99999999999")).status, 404);
    assert.equal((await t.browser().get("/disclosure/catalog/1?page=0")).status, 404);
  });

  it("editors may not open, export, import or change the catalog", async () => {
    const item = await itemByCode("FD-01");
    for (const path of [
      "/admin/catalog",
      "/admin/catalog/export.xlsx",
      `/admin/catalog/${item.id}`,
    ]) {
      assert.equal((await editor.get(path)).status, 403, path);
    }
    assert.equal((await editor.post("/admin/catalog/import", new FormData())).status, 403);
    const post = await editor.post(`/admin/catalog/${item.id}/deactivate`);
    assert.equal(post.status, 403);
    assert.equal((await findCatalogItem(t.t.db, item.id))?.isActive, true);
    assert.doesNotMatch(await (await editor.get("/admin")).text(), /href="\/admin\/catalog"/);
  });

  it("administrators see which rows are unverified, in words", async () => {
    const html = await (await admin.get("/admin/catalog")).text();
    assert.match(html, /<a href="\/admin\/catalog" aria-current="page">标准目录<\/a>/);
    assert.match(html, /<span class="badge badge-warn">部分核实<\/span>/);
    assert.match(html, /<span class="badge badge-err">未核实<\/span>/);
    assert.match(html, /<span class="badge badge-warn">候选事项<\/span>/);
    const partial = await itemByCode("FD-09");
    const page = await (await admin.get(`/admin/catalog/${partial.id}`)).text();
    assert.match(page, /本行内容尚待核实/);
    assert.match(
      page,
      /有内容但未经核对的栏目:序号、一级事项、公开时限、公开主体、公开渠道和载体、公开层级/,
    );
  });

  it("an administrator edits an item through the form; the old version stays viewable", async () => {
    const item = await itemByCode("FD-02");
    const form = await (await admin.get(`/admin/catalog/${item.id}`)).text();
    assert.match(
      form,
      /<output id="deadline-description"[^>]*>信息形成或变更之日起20个工作日内<\/output>/,
    );
    const fields = {
      version: "1",
      seq: "2",
      category: "行政审批",
      item: "食品生产经营许可基本信息",
      elements: item.elements.join("\n"),
      legalBasis: item.legalBasis.join("\n"),
      deadlineText: "按规定及时公开",
      deadlineKind: "working_days_from_formation_or_change",
      deadlineDays: "10",
      responsibleUnit: "",
      responsibleUnitId: String(await t.rootUnitId()),
      channels: "政府网站、政务服务中心",
      audienceWholeSociety: "yes",
      audienceSpecificGroup: "no",
      specificGroupName: "",
      modeProactive: "yes",
      modeOnApplication: "no",
      levelCounty: "yes",
      levelTownship: "no",
      verification: "verified",
      notes: "",
    };
    const saved = await admin.post(`/admin/catalog/${item.id}`, fields);
    assert.equal(saved.status, 303);
    const after = await findCatalogItem(t.t.db, item.id);
    assert.equal(after?.version, 2);
    assert.deepEqual(after?.deadline, {
      text: "按规定及时公开",
      rule: { kind: "working_days_from_formation_or_change", days: 10 },
    });
    assert.equal(
      after?.responsibleUnit,
      "局机关",
      "the chosen unit's name fills an empty 公开主体",
    );
    assert.equal(after?.responsibleUnitId, await t.rootUnitId());
    const page = await (await admin.get(saved.headers.get("location")!)).text();
    assert.match(page, /事项已保存,生成了新版本。/);
    assert.ok(page.includes(`href="/admin/catalog/${item.id}/versions/1"`));
    const v1 = await (await admin.get(`/admin/catalog/${item.id}/versions/1`)).text();
    assert.match(v1, /信息形成或变更之日起20个工作日内/);

    const stale = await admin.post(`/admin/catalog/${item.id}`, fields);
    assert.equal(stale.status, 400);
    assert.match(await stale.text(), /该事项刚被他人修改/);
  });

  it("the form shows every error: missing names, a rule that contradicts the text, no tick in a pair", async () => {
    const res = await admin.post("/admin/catalog", {
      seq: "一",
      category: "",
      item: "",
      deadlineText: "信息形成或变更之日起20个工作日内",
      deadlineKind: "realtime",
      audienceWholeSociety: "yes",
      audienceSpecificGroup: "no",
      modeProactive: "no",
      modeOnApplication: "no",
      levelCounty: "yes",
      levelTownship: "no",
      verification: "verified",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /序号应为正整数/);
    assert.match(html, /请填写一级事项/);
    assert.match(html, /请填写二级事项/);
    assert.match(html, /期限规则“实时”与公开时限文字\(信息形成或变更之日起20个工作日内\)不一致/);
    assert.match(html, /公开方式至少勾选一项/);
    assert.match(html, /aria-invalid="true"/);
  });

  it("an administrator adds an item, and deactivating it takes it off the public page", async () => {
    const created = await admin.post("/admin/catalog", {
      seq: "10",
      category: "公共服务",
      item: "食品安全科普宣传",
      elements: "科普知识\n消费提示",
      legalBasis: "《中华人民共和国食品安全法》",
      deadlineText: "常态",
      deadlineKind: "",
      channels: "政府网站",
      audienceWholeSociety: "yes",
      audienceSpecificGroup: "no",
      modeProactive: "yes",
      modeOnApplication: "no",
      levelCounty: "yes",
      levelTownship: "yes",
      verification: "verified",
    });
    assert.equal(created.status, 303);
    const id = Number(/\/admin\/catalog\/(\d+)/.exec(created.headers.get("location")!)?.[1]);
    assert.deepEqual((await findCatalogItem(t.t.db, id))?.deadlineRule, { kind: "ongoing" });
    assert.match(await (await t.browser().get("/disclosure/catalog")).text(), /食品安全科普宣传/);
    assert.equal((await admin.post(`/admin/catalog/${id}/deactivate`)).status, 303);
    assert.doesNotMatch(
      await (await t.browser().get("/disclosure/catalog")).text(),
      /食品安全科普宣传/,
    );
  });
});
