import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { type Newsroom, openNewsroom } from "./test-fixtures";

interface ListBody {
  total: number;
  page: number;
  pageSize: number;
  items: { id: number; title: string; indexNo: string; genre: string; url: string }[];
}

describe("the public records API", () => {
  let t: TestApp;
  let news: Newsroom;
  let sampling: number;
  const published: number[] = [];

  const json = async <T>(path: string) => {
    const res = await t.app.request(`http://gov.example.cn${path}`);
    return { status: res.status, body: (await res.json()) as T };
  };

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
    for (let i = 1; i <= 5; i++) {
      published.push(
        await news.publish({
          title: `第${i}期食品安全抽检结果公告`,
          catalogItemId: sampling,
          genre: "announcement",
        }),
      );
    }
    published.push(
      await news.publish({ title: "关于开展消费提示的通知", genre: "notice", topic: "消费提示" }),
    );
  });
  after(() => t.close());

  it("lists published records newest first, a page at a time", async () => {
    const first = await json<ListBody>("/api/v1/records?pageSize=4");
    assert.equal(first.status, 200);
    assert.equal(first.body.total, 6);
    assert.equal(first.body.page, 1);
    assert.equal(first.body.pageSize, 4);
    assert.deepEqual(
      first.body.items.map((r) => r.id),
      published.slice(2).reverse(),
    );
    assert.equal(first.body.items[0]!.url, `http://gov.example.cn/records/${published[5]}`);
    const second = await json<ListBody>("/api/v1/records?pageSize=4&page=2");
    assert.deepEqual(
      second.body.items.map((r) => r.id),
      published.slice(0, 2).reverse(),
    );
  });

  it("filters by catalog item, genre, publisher, topic, year and validity", async () => {
    const byItem = await json<ListBody>(`/api/v1/records?catalogItemId=${sampling}`);
    assert.equal(byItem.body.total, 5);
    const byGenre = await json<ListBody>("/api/v1/records?genre=notice");
    assert.deepEqual(
      byGenre.body.items.map((r) => r.title),
      ["关于开展消费提示的通知"],
    );
    assert.equal(
      (await json<ListBody>(`/api/v1/records?topic=${encodeURIComponent("消费提示")}`)).body.total,
      1,
    );
    assert.equal(
      (await json<ListBody>(`/api/v1/records?publisher=${encodeURIComponent("县市场监督管理局")}`))
        .body.total,
      6,
    );
    assert.equal(
      (await json<ListBody>("/api/v1/records?year=2025&validity=inForce")).body.total,
      6,
    );
    assert.equal((await json<ListBody>("/api/v1/records?year=2024")).body.total, 0);
  });

  it("refuses a page size over 100 and malformed filters with a 400 naming the field", async () => {
    const big = await json<{ error: { code: string; fields: Record<string, string> } }>(
      "/api/v1/records?pageSize=101",
    );
    assert.equal(big.status, 400);
    assert.equal(big.body.error.code, "validation");
    assert.ok(big.body.error.fields.pageSize);
    assert.equal((await json("/api/v1/records?genre=poem")).status, 400);
    assert.equal((await json("/api/v1/records?catalogItemId=99999999999")).status, 400);
  });

  it("gives one record with body, attachments and interpretation links", async () => {
    const { policy, interpretation } = await news.publishPolicyWithInterpretation();
    const attachment = await news.attach(
      policy,
      "登记管理办法.pdf",
      new TextEncoder().encode("%PDF-1.4\n%%EOF\n"),
      "application/pdf",
    );
    const { status, body } = await json<Record<string, unknown>>(`/api/v1/records/${policy}`);
    assert.equal(status, 200);
    assert.equal(body.title, "县市场监督管理局食品小作坊登记管理办法");
    assert.equal(body.docNo, "县市监规〔2025〕1号");
    assert.match(String(body.bodyHtml), /^<p>/);
    assert.deepEqual(body.attachments, [
      {
        id: attachment,
        fileName: "登记管理办法.pdf",
        mediaType: "application/pdf",
        size: 15,
        sha256: (body.attachments as { sha256: string }[])[0]!.sha256,
        url: `http://gov.example.cn/files/${attachment}/${encodeURIComponent("登记管理办法.pdf")}`,
      },
    ]);
    assert.deepEqual(
      (body.interpretations as { id: number }[]).map((i) => i.id),
      [interpretation],
    );
    const other = await json<{ interprets: { id: number } }>(`/api/v1/records/${interpretation}`);
    assert.equal(other.body.interprets.id, policy);
    for (const key of ["review", "createdBy", "unitId", "state", "withdrawReason", "dueOn"]) {
      assert.ok(!(key in body), `${key} is not public`);
    }
  });

  it("drafts and withdrawn records are 404 and absent from the list", async () => {
    const draft = await news.draft({ title: "API 草稿" });
    const gone = await news.publish({ title: "API 撤回的公告" });
    assert.equal((await json(`/api/v1/records/${gone}`)).status, 200);
    await news.withdraw(gone);
    for (const id of [draft, gone, 999999]) {
      const res = await json<{ error: { code: string } }>(`/api/v1/records/${id}`);
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, "not_found");
    }
    const all = await json<ListBody>("/api/v1/records?pageSize=100");
    assert.ok(!all.body.items.some((r) => r.id === draft || r.id === gone));
  });

  it("both reads appear in the OpenAPI document as public operations", async () => {
    const { body } = await json<{
      paths: Record<
        string,
        Record<string, { security: unknown[]; parameters: { name: string }[] }>
      >;
    }>("/api/v1/openapi.json");
    const list = body.paths["/api/v1/records"]!.get!;
    assert.deepEqual(list.security, []);
    assert.deepEqual(list.parameters.map((p) => p.name).sort(), [
      "catalogItemId",
      "genre",
      "page",
      "pageSize",
      "publisher",
      "topic",
      "validity",
      "year",
    ]);
    assert.ok(body.paths["/api/v1/records/{id}"]!.get);
  });
});
