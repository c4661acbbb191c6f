import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { defaultSiteSettings, saveSiteSettings } from "../platform/settings";
import { forgetSiteSettings } from "../platform/site-cache";
import { CREDIT_CODE } from "../records/test-fixtures";
import { type Newsroom, openNewsroom } from "./test-fixtures";

describe("the 政府信息公开 专栏", () => {
  let t: TestApp;
  let news: Newsroom;
  let sampling: number;
  let licensing: number;

  const page = async (path: string) => {
    const res = await t.app.request(path);
    return { status: res.status, text: await res.text() };
  };
  const titlesIn = (html: string) =>
    [...html.matchAll(/<a href="\/records\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);

  before(async () => {
    t = await createTestApp();
    news = await openNewsroom(t);
    const items = await t.t.db.selectFrom("catalog_items").select(["id", "item"]).execute();
    sampling = items.find((i) => i.item === "由县级组织的食品安全抽检")!.id;
    licensing = items.find((i) => i.item === "食品生产经营许可基本信息")!.id;
    await news.publish({
      title: "2025年第1期食品安全抽检结果公告",
      catalogItemId: sampling,
      genre: "announcement",
      topic: "食品安全",
    });
    await news.publish({
      title: "2025年第2期食品安全抽检结果公告",
      catalogItemId: sampling,
      genre: "announcement",
      topic: "食品安全",
      publisher: "县市场监督管理局食品股",
    });
    await news.publish({
      title: "食品经营许可准予许可信息公示",
      catalogItemId: licensing,
      genre: "licence",
      topic: "行政审批",
    });
    await news.publish({ title: "县市场监督管理局政务公开工作制度", topic: "政务公开" });
    await news.publish({
      title: "县市场监督管理局2024年政府信息公开工作年度报告",
      genre: "annualReport",
      topic: "政务公开",
    });
    await news.publish({ title: "县市场监督管理局2024年工作总结", genre: "planAndSummary" });
    await news.draft({ title: "未发布的抽检结果草稿", catalogItemId: sampling });
    const gone = await news.publish({ title: "已撤回的抽检结果公告", catalogItemId: sampling });
    await news.withdraw(gone);
  });
  after(() => t.close());

  it("replaces the plain section page with the 专栏 and its statutory content by catalog item", async () => {
    const { status, text } = await page("/disclosure");
    assert.equal(status, 200);
    for (const [href, label] of [
      ["/disclosure/guide", "信息公开指南"],
      ["/disclosure/rules", "信息公开制度"],
      ["/disclosure/records", "信息公开目录"],
      ["/disclosure/annual-reports", "信息公开年报"],
      ["/applications", "依申请公开"],
    ] as const) {
      assert.ok(text.includes(`<a href="${href}"`), label);
      assert.ok(text.includes(label), label);
    }
    assert.match(text, /<h2 id="statutory-title">法定主动公开内容<\/h2>/);
    // Two published under the sampling item; the draft and the withdrawn one do not count.
    assert.ok(
      text.includes(`<a href="/disclosure/catalog/${sampling}">由县级组织的食品安全抽检</a>(2)`),
    );
    assert.ok(
      text.includes(`<a href="/disclosure/catalog/${licensing}">食品生产经营许可基本信息</a>(1)`),
    );
  });

  it("信息公开目录 lists published records only, newest first, with the total", async () => {
    const { text } = await page("/disclosure/records");
    assert.match(text, /共 6 条信息/);
    const titles = titlesIn(text);
    assert.equal(titles.length, 6);
    assert.equal(titles[0], "县市场监督管理局2024年工作总结");
    assert.ok(!titles.some((x) => x?.includes("草稿") || x?.includes("撤回")));
  });

  it("filters by catalog item, topic, publisher, year and validity in a plain GET form", async () => {
    const byItem = await page(`/disclosure/records?catalogItemId=${sampling}`);
    assert.deepEqual(titlesIn(byItem.text).sort(), [
      "2025年第1期食品安全抽检结果公告",
      "2025年第2期食品安全抽检结果公告",
    ]);
    assert.match(
      byItem.text,
      new RegExp(`<option value="${sampling}" selected="">由县级组织的食品安全抽检</option>`),
    );
    assert.match(byItem.text, /<form method="get" action="\/disclosure\/records"/);

    assert.deepEqual(titlesIn((await page("/disclosure/records?topic=行政审批")).text), [
      "食品经营许可准予许可信息公示",
    ]);
    assert.deepEqual(
      titlesIn(
        (
          await page(
            `/disclosure/records?publisher=${encodeURIComponent("县市场监督管理局食品股")}`,
          )
        ).text,
      ),
      ["2025年第2期食品安全抽检结果公告"],
    );
    assert.equal(titlesIn((await page("/disclosure/records?year=2025")).text).length, 6);
    assert.match((await page("/disclosure/records?year=2024")).text, /没有符合条件的信息/);
    assert.equal(titlesIn((await page("/disclosure/records?validity=inForce")).text).length, 6);
    assert.equal(titlesIn((await page("/disclosure/records?validity=repealed")).text).length, 0);
    // Nonsense in the address is ignored rather than an error.
    assert.equal(
      (await page("/disclosure/records?catalogItemId=abc&year=x&validity=y")).status,
      200,
    );
  });

  it("信息公开制度 and 信息公开年报 list their records", async () => {
    assert.deepEqual(titlesIn((await page("/disclosure/rules")).text).sort(), [
      "县市场监督管理局2024年政府信息公开工作年度报告",
      "县市场监督管理局政务公开工作制度",
    ]);
    assert.deepEqual(titlesIn((await page("/disclosure/annual-reports")).text), [
      "县市场监督管理局2024年政府信息公开工作年度报告",
    ]);
  });

  it("the guide explains the 索引号 and gives the contact from the site settings", async () => {
    await saveSiteSettings(t.t.db, {
      ...defaultSiteSettings,
      creditCode: CREDIT_CODE,
      hostOrganisation: "渑池县市场监督管理局",
      contact: "电话 0398-4800000,地址 渑池县仰韶大道",
    });
    forgetSiteSettings();
    const { text } = await page("/disclosure/guide");
    assert.ok(text.includes(`${CREDIT_CODE}/2025-00001`));
    assert.ok(text.includes("电话 0398-4800000,地址 渑池县仰韶大道"));
    assert.ok(text.includes("渑池县市场监督管理局"));
    assert.ok(text.includes('<a href="/applications">'));
    assert.match(text, /20个工作日内答复/);
  });

  it("the home page shows the latest records and a search box", async () => {
    const { text } = await page("/");
    assert.match(text, /<form method="get" action="\/search"/);
    assert.match(text, /<input id="home-q" type="search" name="q"/);
    const titles = titlesIn(text);
    assert.equal(titles.length, 6);
    assert.equal(titles[0], "县市场监督管理局2024年工作总结");
    assert.ok(text.includes('<a href="/disclosure">'));
  });
});

describe("paging and phone layout of the lists", () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
    const news = await openNewsroom(t);
    for (let i = 1; i <= 23; i++) await news.publish({ title: `第${i}号食品安全消费提示` });
  });
  after(() => t.close());

  it("20 per page with page links and the total; past the last page is 404", async () => {
    const first = await (await t.app.request("/disclosure/records")).text();
    assert.match(first, /共 23 条信息/);
    assert.equal([...first.matchAll(/<a href="\/records\/\d+">/g)].length, 20);
    assert.match(first, /<a href="\/disclosure\/records\?page=2"[^>]*>2<\/a>/);
    assert.match(first, /<a href="\/disclosure\/records\?page=2" rel="next">下一页<\/a>/);
    const second = await (await t.app.request("/disclosure/records?page=2")).text();
    assert.equal([...second.matchAll(/<a href="\/records\/\d+">/g)].length, 3);
    assert.match(second, /aria-current="page">第2页</);
    assert.ok(second.includes("第1号食品安全消费提示"));
    assert.equal((await t.app.request("/disclosure/records?page=3")).status, 404);
    const filtered = await (await t.app.request("/disclosure/records?year=2025")).text();
    assert.match(filtered, /href="\/disclosure\/records\?year=2025&amp;page=2"/);
  });

  it("every table sits in a scrollable region with a caption, and HTML plus CSS stay under 60 KB", async () => {
    const id = (await t.t.db.selectFrom("records").select("id").executeTakeFirstOrThrow()).id;
    const css = readFileSync(new URL("../ui/static/site.css", import.meta.url));
    for (const path of ["/disclosure/records", `/records/${id}`, "/disclosure/rules", "/"]) {
      const html = await (await t.app.request(path)).text();
      for (const table of html.matchAll(/<table[\s\S]*?<\/table>/g)) {
        assert.match(table[0], /^<table[^>]*><caption/, path);
        const before = html.slice(0, table.index);
        assert.match(before, /<section class="table-wrap"[^>]*tabindex="0">$/, path);
      }
      assert.ok(Buffer.byteLength(html) + css.length < 60_000, `${path} page weight`);
      assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1"\/>/);
    }
  });
});
