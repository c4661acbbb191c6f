// Service guides through the app: a published guide and its one-time notice are public, a draft
// is not (page, list, feed, API), and every save keeps a version.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { actorFor } from "../records/test-fixtures";
import { foodBusinessGuide } from "./demo-guides";
import { NOTICE_LIMITS, type ServiceGuideInput } from "./guide-schema";
import { getGuide, listGuideVersions, updateGuide } from "./guide-service";
import { createGuideCast, draftTestGuide, publishTestGuide } from "./test-fixtures";

const draftInput: ServiceGuideInput = {
  ...foodBusinessGuide,
  itemName: "食品经营许可变更",
  itemCode: "TEST-DRAFT-1",
  onlineUrl: "",
};

describe("service guides", () => {
  let t: TestApp;
  let published: number;
  let draft: number;

  before(async () => {
    t = await createTestApp();
    await createGuideCast(t);
    published = await publishTestGuide(t, foodBusinessGuide);
    draft = await draftTestGuide(t, draftInput);
  });
  after(() => t.close());

  const get = async (path: string) => {
    const res = await t.browser().get(path);
    return { status: res.status, text: await res.text(), res };
  };

  it("a citizen opens the published 食品经营许可 guide with its structured sections", async () => {
    const page = await get(`/services/guides/${published}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>食品经营许可办事指南\(演示\)<\/h1>/);
    assert.match(page.text, /食品经营许可和备案管理办法/);
    assert.match(page.text, /<th scope="col">材料名称<\/th>/);
    assert.match(page.text, /法定时限<\/dt><dd>10个工作日/);
    assert.match(page.text, /承诺时限<\/dt><dd>5个工作日/);
    assert.match(page.text, /href="https:\/\/zwfw.example.gov.cn\/spjy"/);
    assert.match(page.text, new RegExp(`href="/services/guides/${published}/notice"`));
    const list = await get("/services/guides");
    assert.match(list.text, new RegExp(`href="/services/guides/${published}"`));
  });

  it("the one-time notice is a print-only page without navigation that fits one A4 page", async () => {
    const notice = await get(`/services/guides/${published}/notice`);
    assert.equal(notice.status, 200);
    assert.match(notice.text, /<body class="print-view">/);
    for (const landmark of ["<nav", "<header", "<footer", "site-nav", "site-header"]) {
      assert.ok(!notice.text.includes(landmark), `notice page contains ${landmark}`);
    }
    assert.match(notice.text, /<h1>食品经营许可一次性告知单\(演示\)<\/h1>/);
    const materials = notice.text.match(/<tr><td>\d+<\/td><th scope="row">/g) ?? [];
    assert.equal(materials.length, foodBusinessGuide.materials.length);
    assert.ok(materials.length <= NOTICE_LIMITS.materials);
    assert.ok(foodBusinessGuide.conditions.length <= NOTICE_LIMITS.conditions);
    for (const fact of [
      "办理时限",
      "收费",
      "办理地点",
      "办理时间",
      "咨询电话",
      "监督电话",
      "网上办理",
    ]) {
      assert.match(notice.text, new RegExp(`<th scope="row">${fact}</th>`));
    }
    assert.match(notice.text, /不收费/);
    const css = await (await t.browser().get("/static/site.css")).text();
    assert.match(css, /\.notice-sheet \{[^}]*page: notice;/);
    assert.match(css, /@page notice \{\s*size: A4;/);
  });

  it("a draft guide is not visible on any public surface", async () => {
    assert.equal((await get(`/services/guides/${draft}`)).status, 404);
    assert.equal((await get(`/services/guides/${draft}/notice`)).status, 404);
    assert.ok(!(await get("/services/guides")).text.includes(draftInput.itemName));
    assert.ok(!(await get("/services/guides/feed.atom")).text.includes(draftInput.itemName));
    assert.equal((await get(`/api/v1/service-guides/${draft}`)).status, 404);
    const list = JSON.parse((await get("/api/v1/service-guides")).text) as {
      items: { id: number }[];
    };
    assert.deepEqual(
      list.items.map((i) => i.id),
      [published],
    );
  });

  it("the feed and the public API carry the published guide", async () => {
    const feed = await get("/services/guides/feed.atom");
    assert.equal(feed.status, 200);
    assert.match(feed.res.headers.get("content-type") ?? "", /application\/atom\+xml/);
    assert.match(feed.text, /<title type="text">食品经营许可办事指南\(演示\)<\/title>/);
    const one = JSON.parse((await get(`/api/v1/service-guides/${published}`)).text);
    assert.equal(one.itemCode, foodBusinessGuide.itemCode);
    assert.equal(one.materials.length, foodBusinessGuide.materials.length);
    assert.equal(one.promisedDays, 5);
  });

  it("every save of a draft keeps a version; a published guide cannot be edited", async () => {
    const editor = await actorFor(t.t.db, "editor");
    const saved = await updateGuide(
      t.t.db,
      draft,
      { ...draftInput, promisedDays: 3 },
      {},
      editor,
      t.now(),
      1,
    );
    assert.equal(saved.version, 2);
    const versions = await listGuideVersions(t.t.db, draft);
    assert.deepEqual(
      versions.map((v) => [v.version, v.data.promisedDays]),
      [
        [2, 3],
        [1, 5],
      ],
    );
    await assert.rejects(
      updateGuide(t.t.db, draft, draftInput, {}, editor, t.now(), 1),
      (e: { code?: string }) => e.code === "conflict",
    );
    await assert.rejects(
      updateGuide(t.t.db, published, foodBusinessGuide, {}, editor, t.now()),
      (e: { code?: string }) => e.code === "conflict",
    );
    assert.equal((await getGuide(t.t.db, published)).version, 1);
  });

  it("refuses a javascript: online entry and a promise longer than the statutory limit", async () => {
    const editor = await t.login("editor");
    await editor.get("/admin/services/guides/new");
    const res = await editor.post("/admin/services/guides/new", {
      itemName: "测试事项",
      itemCode: "TEST-2",
      itemType: "administrativeLicence",
      legalBasis: "《中华人民共和国行政许可法》",
      conditions: "条件一",
      materials: "申请书 | 原件 | 1 | 必需",
      steps: "受理",
      statutoryDays: "5",
      promisedDays: "8",
      feeCharged: "0",
      place: "窗口",
      hours: "工作日",
      inquiryPhone: "0000-1",
      complaintPhone: "0000-2",
      resultName: "许可证",
      delivery: "窗口领取",
      onlineUrl: "javascript:alert(1)",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /网办入口须为 http:\/\/ 或 https:\/\/ 开头的网址/);
    assert.match(html, /承诺时限不能超过法定时限/);
  });

  it("an editor drafts a guide through the back-office form", async () => {
    const editor = await t.login("editor");
    await editor.get("/admin/services/guides/new");
    const res = await editor.post("/admin/services/guides/new", {
      itemName: "测试事项",
      itemCode: "TEST-3",
      itemType: "publicService",
      legalBasis: "《中华人民共和国行政许可法》",
      conditions: "条件一\n条件二",
      materials: "申请书 | 原件 | 1 | 必需\n委托书 | 原件 | 1 | 委托他人办理的",
      steps: "受理\n办结",
      statutoryDays: "5",
      promisedDays: "3",
      feeCharged: "0",
      place: "窗口",
      hours: "工作日",
      inquiryPhone: "0000-1",
      complaintPhone: "0000-2",
      resultName: "结果",
      delivery: "窗口领取",
      onlineUrl: "https://example.gov.cn/x",
    });
    assert.equal(res.status, 303);
    const id = Number(/guides\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
    const guide = await getGuide(t.t.db, id);
    assert.equal(guide.state, "draft");
    assert.deepEqual(
      guide.data.materials.map((m) => [m.name, m.required, m.condition]),
      [
        ["申请书", true, ""],
        ["委托书", false, "委托他人办理的"],
      ],
    );
    const record = await t.t.db
      .selectFrom("records")
      .select(["genre", "title"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(record, { genre: "serviceGuide", title: "测试事项办事指南" });
  });
});
