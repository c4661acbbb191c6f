import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { type Newsroom, openNewsroom } from "./test-fixtures";

describe("what the public sees follows publication and withdrawal at once", () => {
  let t: TestApp;
  let news: Newsroom;
  let sampling: number;

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
  });
  after(() => t.close());

  /** Whether the record shows on each public surface. */
  async function surfaces(id: number, attachment: number, title: string) {
    const text = async (path: string) => (await t.app.request(path)).text();
    const status = async (path: string) => (await t.app.request(path)).status;
    const api = (await (await t.app.request("/api/v1/records?pageSize=100")).json()) as {
      items: { id: number }[];
    };
    return {
      page: (await status(`/records/${id}`)) === 200,
      print: (await status(`/records/${id}/print`)) === 200,
      attachment: (await status(`/files/${attachment}/a.pdf`)) === 200,
      home: (await text("/")).includes(title),
      list: (await text("/disclosure/records")).includes(title),
      catalogItemPage: (await text(`/disclosure/catalog/${sampling}`)).includes(title),
      search: (await text("/search?q=抽检")).includes(`href="/records/${id}"`),
      feed: (await text("/feeds/records.atom")).includes(`record/${id}</id>`),
      itemFeed: (await text(`/feeds/catalog/${sampling}.atom`)).includes(`record/${id}</id>`),
      sitemap: (await text("/sitemap.xml")).includes(`/records/${id}</loc>`),
      apiList: api.items.some((r) => r.id === id),
      apiDetail: (await status(`/api/v1/records/${id}`)) === 200,
    };
  }
  const everywhere = (shown: boolean) => ({
    page: shown,
    print: shown,
    attachment: shown,
    home: shown,
    list: shown,
    catalogItemPage: shown,
    search: shown,
    feed: shown,
    itemFeed: shown,
    sitemap: shown,
    apiList: shown,
    apiDetail: shown,
  });

  it("a withdrawn record vanishes from every public surface in the next request", async () => {
    const title = "2025年第3期食品安全抽检结果公告";
    const id = await news.publish({ title, catalogItemId: sampling, genre: "announcement" });
    const attachment = await news.attach(
      id,
      "a.pdf",
      new TextEncoder().encode("%PDF-1.4\n%%EOF\n"),
      "application/pdf",
    );
    assert.deepEqual(await surfaces(id, attachment, title), everywhere(true));
    await news.withdraw(id);
    assert.deepEqual(await surfaces(id, attachment, title), everywhere(false));
  });

  it("a scheduled record appears everywhere once its time has come, without a scheduler run", async () => {
    const title = "2025年第4期食品安全抽检结果公告";
    const publishAt = new Date(t.now().getTime() + 3_600_000).toISOString();
    const id = await news.schedule(publishAt, {
      title,
      catalogItemId: sampling,
      genre: "announcement",
    });
    const attachment = await news.attach(
      id,
      "a.pdf",
      new TextEncoder().encode("%PDF-1.4\n%%EOF\n"),
      "application/pdf",
    );
    assert.deepEqual(await surfaces(id, attachment, title), everywhere(false));
    t.setNow(new Date(t.now().getTime() + 3_600_001).toISOString());
    assert.deepEqual(await surfaces(id, attachment, title), everywhere(true));
  });
});
