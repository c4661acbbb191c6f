import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { changeValidity } from "../records/service";
import { actorFor } from "../records/test-fixtures";
import { type Newsroom, openNewsroom } from "./test-fixtures";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("the public record page", () => {
  let t: TestApp;
  let news: Newsroom;

  before(async () => {
    t = await createTestApp();
    news = await openNewsroom(t);
  });
  after(() => t.close());

  const html = async (path: string) => {
    const res = await t.browser().get(path);
    return { status: res.status, text: await res.text(), res };
  };

  it("shows every metadata field: 索引号, 主题分类, 发布机构, 成文日期, 标题, 文号, 发布日期, 有效性", async () => {
    const id = await news.publish({
      title: "关于开展2025年食品安全抽检工作的通知",
      docNo: "县市监文〔2025〕12号",
      topic: "食品安全",
      publisher: "县市场监督管理局食品股",
      formedOn: "2025-02-20",
    });
    const { status, text } = await html(`/records/${id}`);
    assert.equal(status, 200);
    const row = (label: string, value: string) =>
      assert.match(text, new RegExp(`<th scope="row">${label}</th><td>(<span[^>]*>)?${value}`));
    row("索引号", "11411221MB1234567X/2025-\\d{5}");
    row("主题分类", "食品安全");
    row("发布机构", "县市场监督管理局食品股");
    row("成文日期", "2025年2月20日");
    row("标题", "关于开展2025年食品安全抽检工作的通知");
    row("文号", "县市监文〔2025〕12号");
    row("发布日期", "2025年3月3日");
    row("有效性", "有效");
    assert.match(text, /<caption[^>]*>信息基本情况<\/caption>/);
    assert.match(text, /<div class="record-body"><p>各乡镇监管所/);
  });

  it("a repealed record says so, with the date and a link to the record that repealed it", async () => {
    const old = await news.publish({ title: "县市场监督管理局食品小作坊管理暂行办法" });
    const replacement = await news.publish({ title: "县市场监督管理局食品小作坊登记管理办法" });
    const approver = await actorFor(t.t.db, "approver");
    await changeValidity(
      t.t.db,
      old,
      { validity: "repealed", validityChangedOn: "2025-03-01", repealedByRecordId: replacement },
      approver,
      t.now(),
    );
    const { text } = await html(`/records/${old}`);
    assert.ok(
      text.includes(
        `<th scope="row">有效性</th><td>废止(2025年3月1日起),由 <a href="/records/${replacement}">县市场监督管理局食品小作坊登记管理办法</a> 废止`,
      ),
    );
  });

  it("drafts and withdrawn records are not found, on the page and its print version", async () => {
    const draft = await news.draft({ title: "尚未发布的草稿通知" });
    const withdrawn = await news.publish({ title: "发布后又撤回的通知" });
    assert.equal((await html(`/records/${withdrawn}`)).status, 200);
    await news.withdraw(withdrawn);
    for (const id of [draft, withdrawn, 999999, "abc", "99999999999"]) {
      for (const path of [`/records/${id}`, `/records/${id}/print`]) {
        const { status, text } = await html(path);
        assert.equal(status, 404, path);
        assert.ok(!text.includes("撤回的通知") && !text.includes("草稿通知"), path);
      }
    }
  });

  it("a policy and its interpretation link to each other", async () => {
    const { policy, interpretation } = await news.publishPolicyWithInterpretation();
    const policyPage = (await html(`/records/${policy}`)).text;
    assert.match(policyPage, /<h2 id="related-title">政策解读<\/h2>/);
    assert.ok(
      policyPage.includes(
        `href="/records/${interpretation}">《县市场监督管理局食品小作坊登记管理办法》政策解读`,
      ),
    );
    const interpretationPage = (await html(`/records/${interpretation}`)).text;
    assert.match(interpretationPage, /<h2 id="related-title">解读的文件<\/h2>/);
    assert.ok(
      interpretationPage.includes(
        `href="/records/${policy}">县市场监督管理局食品小作坊登记管理办法(县市监规〔2025〕1号)`,
      ),
    );
  });

  it("attachments download with safe headers only while their record is published", async () => {
    const id = await news.publish({ title: "关于公布抽检结果的公告", genre: "announcement" });
    const name = "抽检结果 (第1批).pdf";
    const attachment = await news.attach(id, name, PDF, "application/pdf");
    const url = `/files/${attachment}/${encodeURIComponent(name)}`;
    const page = (await html(`/records/${id}`)).text;
    assert.ok(page.includes(`<a href="${url}">${name}</a>`));

    const res = await t.app.request(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/pdf");
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.match(res.headers.get("content-disposition") ?? "", /^attachment; .*filename\*=UTF-8''/);
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), PDF);
    const etag = res.headers.get("etag")!;
    assert.equal((await t.app.request(url, { headers: { "if-none-match": etag } })).status, 304);
    assert.equal((await t.app.request(`/files/${attachment}/other.pdf`)).status, 404);

    const draft = await news.draft({ title: "带附件的草稿" });
    const draftAttachment = await news.attach(draft, "草稿附件.pdf", PDF, "application/pdf");
    assert.equal(
      (await t.app.request(`/files/${draftAttachment}/${encodeURIComponent("草稿附件.pdf")}`))
        .status,
      404,
    );

    await news.withdraw(id);
    assert.equal((await t.app.request(url)).status, 404);
    assert.equal((await t.app.request(url, { headers: { "if-none-match": etag } })).status, 404);
  });

  it("字号 大/中/小 works without script: links set the size, a cookie keeps it", async () => {
    const id = await news.publish({ title: "关于调整办公时间的通知" });
    const browser = t.browser();
    const first = await (await browser.get(`/records/${id}`)).text();
    assert.match(first, /<article class="record text-size-m">/);
    for (const [size, label] of [
      ["l", "大"],
      ["m", "中"],
      ["s", "小"],
    ]) {
      assert.match(first, new RegExp(`<a href="/records/${id}\\?size=${size}"[^>]*>${label}</a>`));
    }
    assert.ok(!/<script/i.test(first), "no script on the page");

    const large = await (await browser.get(`/records/${id}?size=l`)).text();
    assert.match(large, /<article class="record text-size-l">/);
    assert.equal(browser.cookie("gk_text_size"), "l");
    const other = await news.publish({ title: "关于开展消费提示的通知" });
    assert.match(await (await browser.get(`/records/${other}`)).text(), /text-size-l/);
  });

  it("has a print link to a print version without the site navigation", async () => {
    const id = await news.publish({
      title: "关于印发年度工作要点的通知",
      docNo: "县市监文〔2025〕20号",
    });
    const page = (await html(`/records/${id}`)).text;
    assert.match(page, new RegExp(`<a href="/records/${id}/print"[^>]*>打印</a>`));
    const print = await html(`/records/${id}/print`);
    assert.equal(print.status, 200);
    assert.match(print.text, /<html lang="zh-CN">/);
    assert.match(print.text, /<body class="print-view">/);
    assert.ok(!print.text.includes("site-nav") && !print.text.includes("site-header"));
    assert.match(print.text, /<th scope="row">文号<\/th><td>县市监文〔2025〕20号/);
    assert.match(print.text, /<h1 class="record-title">关于印发年度工作要点的通知<\/h1>/);
  });

  it("a title with <script> is escaped on the page, the print version and the lists", async () => {
    const id = await news.publish({ title: "<script>alert(1)</script>关于食品抽检的通知" });
    for (const path of [
      `/records/${id}`,
      `/records/${id}/print`,
      "/",
      "/disclosure/records",
      "/search?q=食品抽检",
    ]) {
      const { text } = await html(path);
      assert.ok(!text.includes("<script>alert(1)"), path);
      assert.ok(text.includes("&lt;script&gt;alert(1)&lt;/script&gt;关于"), path);
    }
  });
});
