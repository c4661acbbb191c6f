// The back-office record pages beyond the main journey: refused uploads, attachment removal,
// versions and their differences, the lists and the 公开时限 page, and the role of every route.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";
import { makePng } from "../platform/files/test-files";
import { noticeForm, recordIdOf, tinyPdf } from "./backoffice-fixtures";
import { recordRouteRoles } from "./backoffice-policy";
import { insertCatalogItem, setCreditCode } from "./test-fixtures";

const MB = 1024 * 1024;

async function filesOnDisk(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true })).sort();
  } catch {
    return [];
  }
}

describe("records back office pages", () => {
  let t: TestApp;
  let itemId: number;
  let unitId: number;
  let editor: Browser;

  const pageOf = async (b: Browser, path: string) => {
    const res = await b.get(path);
    assert.equal(res.status, 200, path);
    return res.text();
  };
  const count = async (table: "files" | "records" | "record_attachments") =>
    Number(
      (
        await t.t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stored = async () => ({
    files: await count("files"),
    records: await count("records"),
    attachments: await count("record_attachments"),
    disk: await filesOnDisk(t.config.uploadsDir),
  });

  before(async () => {
    t = await createTestApp();
    await setCreditCode(t.t.db);
    itemId = await insertCatalogItem(t.t.db, { code: "T-01" });
    unitId = await t.rootUnitId();
    await t.createUser("xinxiyuan", ["editor"]);
    await t.createUser("shenheren", ["reviewer"]);
    await t.createUser("shenjiyuan", ["auditor"]);
    editor = await t.login("xinxiyuan");
  });
  after(() => t.close());

  it("an upload whose bytes do not match its extension is refused in Chinese and nothing is stored", async () => {
    const before = await stored();
    const res = await editor.post(
      "/admin/records/new",
      noticeForm({ unitId: String(unitId) }, [
        ["抽检计划.pdf", tinyPdf],
        ["检查结果.pdf", makePng()],
      ]),
    );
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /文件“检查结果\.pdf”的内容不是 PDF/);
    assert.match(html, /已拒绝上传/);
    assert.match(html, /id="f-files"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-files"/);
    assert.match(html, /value="关于开展2025年食品安全抽检工作的通知"/, "the typed fields are kept");
    assert.deepEqual(await stored(), before, "no record, no file row, no file on disk");
  });

  it("an oversized upload is refused in Chinese and nothing is stored, also when added to a draft", async () => {
    const id = recordIdOf(
      await editor.post("/admin/records/new", noticeForm({ unitId: String(unitId) })),
    );
    const before = await stored();
    const huge = new Uint8Array(20 * MB + 1);
    huge.set(tinyPdf);
    await editor.get(`/admin/records/${id}/edit`);
    const res = await editor.post(
      `/admin/records/${id}/edit`,
      noticeForm({ unitId: String(unitId), title: "改过的标题" }, [["大文件.pdf", huge]]),
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /文件“大文件\.pdf”大小为 20 MB,超过了 20 MB 的上限,已拒绝上传/);
    assert.deepEqual(await stored(), before);
    const title = await t.t.db
      .selectFrom("records")
      .select("title")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(
      title.title,
      "关于开展2025年食品安全抽检工作的通知",
      "the fields were not saved either",
    );
  });

  it("an editor adds and removes attachments of a draft", async () => {
    const id = recordIdOf(
      await editor.post("/admin/records/new", noticeForm({ unitId: String(unitId) })),
    );
    await editor.get(`/admin/records/${id}/edit`);
    const saved = await editor.post(
      `/admin/records/${id}/edit`,
      noticeForm({ unitId: String(unitId), expectedVersion: "1" }, [
        ["附件一.pdf", tinyPdf],
        ["附件二.png", makePng()],
      ]),
    );
    assert.equal(saved.status, 303);
    let page = await pageOf(editor, `/admin/records/${id}/edit`);
    assert.match(page, /附件一\.pdf/);
    assert.match(page, /附件二\.png/);
    const [first] = await t.t.db
      .selectFrom("record_attachments")
      .select("id")
      .where("record_id", "=", id)
      .orderBy("sort_order")
      .execute();
    const download = await editor.request(`/admin/records/${id}/attachments/${first!.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get("content-type"), "application/pdf");
    assert.match(download.headers.get("cache-control") ?? "", /private/);
    const removed = await editor.post(`/admin/records/${id}/attachments/${first!.id}/delete`, {});
    assert.equal(removed.status, 303);
    page = await pageOf(editor, `/admin/records/${id}/edit`);
    assert.doesNotMatch(page, /附件一\.pdf/);
    assert.match(page, /附件二\.png/);
    const history = await pageOf(editor, `/admin/records/${id}`);
    assert.match(history, /添加附件“附件一\.pdf”/);
    assert.match(history, /删除附件“附件一\.pdf”/);
  });

  it("an edit based on an outdated form is refused instead of overwriting", async () => {
    const id = recordIdOf(
      await editor.post("/admin/records/new", noticeForm({ unitId: String(unitId) })),
    );
    await editor.get(`/admin/records/${id}/edit`);
    const first = noticeForm({ unitId: String(unitId), title: "第一次修改", expectedVersion: "1" });
    assert.equal((await editor.post(`/admin/records/${id}/edit`, first)).status, 303);
    const stale = noticeForm({ unitId: String(unitId), title: "过时的修改", expectedVersion: "1" });
    const res = await editor.post(`/admin/records/${id}/edit`, stale);
    assert.equal(res.status, 409);
    assert.match(await res.text(), /已被他人修改/);
  });

  it("the form shows every field error in Chinese and keeps what was typed", async () => {
    const res = await editor.post(
      "/admin/records/new",
      noticeForm({
        title: "",
        formedOn: "2025-02-30",
        genre: "",
        videoUrl: "http://x",
        validity: "repealed",
      }),
    );
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /提交的内容有 \d+ 处需要修改/);
    for (const message of [
      "请填写标题",
      "成文日期应为有效日期",
      "请选择体裁",
      "视频链接须为 https:// 开头的网址",
    ]) {
      assert.ok(html.includes(message), message);
    }
    assert.match(html, /href="#f-title"/);
    assert.match(html, /id="f-title"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-title"/);
    assert.match(html, /value="http:\/\/x"/);
  });

  it("the versions page shows what an edit changed with <ins>/<del> and text labels", async () => {
    const id = recordIdOf(
      await editor.post(
        "/admin/records/new",
        noticeForm({ unitId: String(unitId), title: "关于开展食品抽检的通知" }),
      ),
    );
    await editor.get(`/admin/records/${id}/edit`);
    await editor.post(
      `/admin/records/${id}/edit`,
      noticeForm({
        unitId: String(unitId),
        title: "关于开展药品抽检的通知",
        genre: "announcement",
      }),
    );
    const page = await pageOf(editor, `/admin/records/${id}/versions`);
    assert.match(page, /第 1 版 → 第 2 版的修改/);
    assert.match(page, /<strong>\[删除\]<\/strong><del>食<\/del>/);
    assert.match(page, /<strong>\[新增\]<\/strong><ins>药<\/ins>/);
    assert.match(page, /<th scope="row">体裁<\/th><td>通知<\/td><td>公告<\/td>/);
    const same = await pageOf(editor, `/admin/records/${id}/versions?from=2&to=2`);
    assert.match(same, /没有差别/);
  });

  it("the list shows 应公开日期 with 已超期 in words, and the 公开时限 page lists it and the empty catalog item", async () => {
    const id = recordIdOf(
      await editor.post(
        "/admin/records/new",
        noticeForm({
          unitId: String(unitId),
          title: "逾期未公开的许可信息",
          formedOn: "2025-01-02",
          catalogItemId: String(itemId),
        }),
      ),
    );
    const list = await pageOf(editor, "/admin/records?tab=mine");
    assert.match(list, /aria-current="page">我的草稿/);
    assert.ok(list.includes(`href="/admin/records/${id}"`));
    assert.match(list, /已超期 \d+ 个工作日/);
    assert.match(list, /行政执法 · 事项 T-01/);
    const filtered = await pageOf(editor, `/admin/records?tab=all&catalogItem=${itemId}`);
    assert.ok(filtered.includes(`href="/admin/records/${id}"`));
    assert.match(filtered, /共 1 条/);

    const due = await pageOf(editor, "/admin/records/due?from=2025-01-01&to=2025-03-03");
    assert.match(due, /<h2 id="unit-\d+">/);
    assert.match(due, /已超期未公开/);
    assert.ok(due.includes(`href="/admin/records/${id}"`));
    assert.match(due, /没有发布信息的目录事项/);
    assert.match(due, /事项 T-01/);
    assert.match(due, /从未发布/);
    const wrong = await editor.get("/admin/records/due?from=2025-03-03&to=2025-01-01");
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /结束日期不能早于开始日期/);
  });

  it("the back-office menu offers 信息发布 and 公开时限 to editors", async () => {
    const page = await pageOf(editor, "/admin");
    assert.match(page, /href="\/admin\/records">信息发布/);
    assert.match(page, /href="\/admin\/records\/due">公开时限/);
  });

  it("the role table names every records back-office route the router has", () => {
    // /admin/records/:id/concerns belongs to src/messages (回应关切 links); the app-wide matrix in
    // test/security covers it.
    const routed = t.app.routes
      .filter((r) => r.path.startsWith("/admin/records") && !r.path.includes("/concerns"))
      .map((r) => `${r.method} ${r.path.replace(/\{[^}]*\}/g, "")}`)
      .sort();
    const declared = recordRouteRoles.map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(routed, declared);
  });

  it("every records back-office route refuses a user without its role (403) and a visitor (login)", async () => {
    const id = recordIdOf(
      await editor.post(
        "/admin/records/new",
        noticeForm({ unitId: String(unitId) }, [["a.pdf", tinyPdf]]),
      ),
    );
    const [attachment] = await t.t.db
      .selectFrom("record_attachments")
      .select("id")
      .where("record_id", "=", id)
      .execute();
    const auditor = await t.login("shenjiyuan");
    const reviewer = await t.login("shenheren");
    const anonymous = t.browser();
    await anonymous.get("/login");
    const pathOf = (path: string) =>
      path
        .replace(":id", String(id))
        .replace(":attachmentId", String(attachment!.id))
        .replace(":action", "submit");
    const call = (b: Browser, method: string, path: string) =>
      method === "GET" ? b.get(path) : b.post(path, {});
    for (const route of recordRouteRoles) {
      const path = pathOf(route.path);
      const refused = await call(auditor, route.method, path);
      assert.equal(refused.status, 403, `${route.method} ${path} as 审计员`);
      if (!route.roles.includes("reviewer")) {
        const wrongRole = await call(reviewer, route.method, path);
        assert.equal(wrongRole.status, 403, `${route.method} ${path} as 审核人`);
      }
      const visitor = await call(anonymous, route.method, path);
      assert.equal(visitor.status, 303, `${route.method} ${path} as visitor`);
      assert.match(visitor.headers.get("location") ?? "", /^\/login/);
    }
    assert.equal(
      (
        await t.t.db
          .selectFrom("records")
          .select("state")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).state,
      "draft",
    );
  });
});
