import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { type Newsroom, openNewsroom } from "./test-fixtures";

describe("the search page", () => {
  let t: TestApp;
  let news: Newsroom;
  let notice: number;
  let licence: number;

  const search = async (query: string) => {
    const res = await t.app.request(`/search?${query}`);
    return { status: res.status, text: await res.text() };
  };
  const hitIds = (html: string) =>
    [...html.matchAll(/<h2><a href="\/records\/(\d+)">/g)].map((m) => Number(m[1]));

  before(async () => {
    t = await createTestApp();
    news = await openNewsroom(t);
    notice = await news.publish({
      title: "关于开展食品安全抽检工作的通知",
      docNo: "县市监文〔2025〕8号",
      bodyHtml: "<p>为加强食品安全监管,决定开展2025年度食品安全抽检工作。</p>",
    });
    licence = await news.publish({
      title: "食品经营许可准予许可信息公示",
      genre: "licence",
      publisher: "县市场监督管理局审批股",
      bodyHtml: "<p>以下食品经营者经审查符合条件,准予许可。</p>",
    });
    await news.publish({
      title: "关于调整办公时间的通知",
      bodyHtml: "<p>自即日起调整办公时间。</p>",
    });
  });
  after(() => t.close());

  it("finds records by a two-character word and highlights it in title and snippet", async () => {
    const { status, text } = await search("q=食品");
    assert.equal(status, 200);
    assert.deepEqual(hitIds(text).sort(), [notice, licence].sort());
    assert.match(text, /关于开展<mark>食品<\/mark>安全抽检工作的通知/);
    assert.match(text, /<p class="hit-snippet">[^<]*<mark>食品<\/mark>/);
    assert.match(text, /找到 2 条信息/);
    assert.match(text, /<input id="search-q" type="search" name="q" value="食品"/);
  });

  it("an exact 文号 puts that record first and says so", async () => {
    const { text } = await search(`q=${encodeURIComponent("县市监文[2025]8")}`);
    assert.equal(hitIds(text)[0], notice);
    assert.match(text, /文号或索引号完全匹配/);
    const indexNo = (
      await t.t.db
        .selectFrom("records")
        .select("index_no")
        .where("id", "=", licence)
        .executeTakeFirstOrThrow()
    ).index_no!;
    assert.equal(hitIds((await search(`q=${encodeURIComponent(indexNo)}`)).text)[0], licence);
  });

  it("filters by 体裁 and 发布机构, and sorts by date", async () => {
    assert.deepEqual(hitIds((await search("q=食品&genre=licence")).text), [licence]);
    assert.deepEqual(
      hitIds(
        (await search(`q=食品&publisher=${encodeURIComponent("县市场监督管理局审批股")}`)).text,
      ),
      [licence],
    );
    const byDate = await search("q=食品&sort=date");
    assert.match(byDate.text, /<option value="date" selected="">/);
    assert.deepEqual(hitIds(byDate.text), [licence, notice]);
  });

  it("says clearly when nothing is found", async () => {
    const { status, text } = await search("q=不存在的词语组合");
    assert.equal(status, 200);
    assert.match(text, /没有找到与“不存在的词语组合”相关的信息/);
    assert.deepEqual(hitIds(text), []);
  });

  it("shows only the form before anything is asked", async () => {
    const { text } = await search("");
    assert.match(text, /<form method="get" action="\/search"/);
    assert.ok(!text.includes("没有找到") && hitIds(text).length === 0);
  });

  it("a withdrawn record is no longer found", async () => {
    const id = await news.publish({ title: "关于药品零售抽查结果的公告", genre: "announcement" });
    assert.deepEqual(hitIds((await search("q=药品零售")).text), [id]);
    await news.withdraw(id);
    assert.deepEqual(hitIds((await search("q=药品零售")).text), []);
  });

  it("query text is escaped, never markup", async () => {
    const { text } = await search(`q=${encodeURIComponent("<script>alert(1)</script>")}`);
    assert.ok(!text.includes("<script>alert(1)"));
    assert.ok(text.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  });
});
