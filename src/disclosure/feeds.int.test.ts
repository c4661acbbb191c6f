import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { type Newsroom, openNewsroom } from "./test-fixtures";
import { checkXml } from "./xml-check";

describe("Atom feeds and the sitemap", () => {
  let t: TestApp;
  let news: Newsroom;
  let sampling: number;
  let published: number;
  let hostile: number;
  let draft: number;
  let withdrawn: number;

  const get = async (path: string) => {
    const res = await t.app.request(`http://gov.example.cn${path}`);
    return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
  };
  const entryIds = (xml: string) =>
    [...xml.matchAll(/<id>tag:[^<]*record\/(\d+)<\/id>/g)].map((m) => Number(m[1]));
  const recordLocs = (xml: string) =>
    [...xml.matchAll(/<loc>http:\/\/gov\.example\.cn\/records\/(\d+)<\/loc>/g)].map((m) =>
      Number(m[1]),
    );

  before(async () => {
    t = await createTestApp();
    news = await openNewsroom(t);
    sampling = (
      await t.t.db
        .selectFrom("catalog_items")
        .select("id")
        .where("item", "=", "由县级组织的食品安全抽检")
        .executeTakeFirstOrThrow()
    ).id;
    published = await news.publish({
      title: "2025年第1期食品安全抽检结果公告",
      catalogItemId: sampling,
      genre: "announcement",
      summary: "本期抽检食品100批次,合格98批次。",
    });
    hostile = await news.publish({
      title: `<script>alert("x")</script> 食品 & 药品 <b>公告</b>`,
      genre: "notice",
    });
    draft = await news.draft({
      title: "未发布的草稿",
      catalogItemId: sampling,
      genre: "announcement",
    });
    withdrawn = await news.publish({
      title: "将被撤回的公告",
      catalogItemId: sampling,
      genre: "announcement",
    });
    await news.withdraw(withdrawn);
  });
  after(() => t.close());

  it("the feed of everything is well-formed Atom with the published records as entries", async () => {
    const feed = await get("/feeds/records.atom");
    assert.equal(feed.status, 200);
    assert.equal(feed.type, "application/atom+xml; charset=utf-8");
    const check = checkXml(feed.text);
    assert.deepEqual(check.errors, []);
    assert.equal(check.elements[0], "feed");
    assert.deepEqual(entryIds(feed.text).sort(), [published, hostile].sort());
    assert.match(
      feed.text,
      new RegExp(`<id>tag:gov\\.example\\.cn,2025-03-03:record/${published}</id>`),
    );
    assert.ok(
      feed.text.includes(
        `<link rel="alternate" type="text/html" href="http://gov.example.cn/records/${published}"/>`,
      ),
    );
    assert.ok(
      feed.text.includes('<summary type="text">本期抽检食品100批次,合格98批次。</summary>'),
    );
    assert.match(feed.text, /<updated>2025-03-03T02:00:00\.000Z<\/updated>/);
  });

  it("a title with <script> and & is escaped in the feed", async () => {
    const { text } = await get("/feeds/records.atom");
    assert.ok(!text.includes("<script>") && !text.includes("<b>"));
    assert.ok(
      text.includes(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 食品 &amp; 药品 &lt;b&gt;公告&lt;/b&gt;",
      ),
    );
  });

  it("per catalog item and per 体裁 feeds hold only their records; unknown ones are 404", async () => {
    const item = await get(`/feeds/catalog/${sampling}.atom`);
    assert.equal(item.status, 200);
    assert.deepEqual(checkXml(item.text).errors, []);
    assert.deepEqual(entryIds(item.text), [published]);
    const genre = await get("/feeds/genre/notice.atom");
    assert.deepEqual(checkXml(genre.text).errors, []);
    assert.deepEqual(entryIds(genre.text), [hostile]);
    assert.equal((await get("/feeds/genre/poem.atom")).status, 404);
    assert.equal((await get("/feeds/catalog/999999.atom")).status, 404);
    assert.equal((await get(`/feeds/catalog/${sampling}.rss`)).status, 404);
  });

  it("the sitemap lists the sections and published records only", async () => {
    const map = await get("/sitemap.xml");
    assert.equal(map.status, 200);
    assert.equal(map.type, "application/xml; charset=utf-8");
    assert.deepEqual(checkXml(map.text).errors, []);
    assert.deepEqual(recordLocs(map.text).sort(), [published, hostile].sort());
    for (const path of [
      "/",
      "/disclosure",
      "/disclosure/records",
      "/disclosure/guide",
      `/disclosure/catalog/${sampling}`,
    ]) {
      assert.ok(map.text.includes(`<loc>http://gov.example.cn${path}</loc>`), path);
    }
    assert.ok(!map.text.includes("script"));
    const records = await get("/sitemaps/records-1.xml");
    assert.deepEqual(recordLocs(records.text).sort(), [published, hostile].sort());
    assert.equal((await get("/sitemaps/records-2.xml")).status, 404);
    assert.deepEqual(checkXml((await get("/sitemaps/pages.xml")).text).errors, []);
  });

  it("a record withdrawn leaves the feeds and the sitemap in the same request", async () => {
    const id = await news.publish({
      title: "今日发布又撤回的公告",
      catalogItemId: sampling,
      genre: "announcement",
    });
    assert.ok(entryIds((await get("/feeds/records.atom")).text).includes(id));
    assert.ok(recordLocs((await get("/sitemap.xml")).text).includes(id));
    await news.withdraw(id);
    for (const path of [
      "/feeds/records.atom",
      `/feeds/catalog/${sampling}.atom`,
      "/feeds/genre/announcement.atom",
    ]) {
      const ids = entryIds((await get(path)).text);
      assert.ok(!ids.includes(id) && !ids.includes(withdrawn) && !ids.includes(draft), path);
    }
    const locs = recordLocs((await get("/sitemap.xml")).text);
    assert.ok(!locs.includes(id) && !locs.includes(withdrawn) && !locs.includes(draft));
  });
});
