// The back office in a real browser, on the demo site: a record drafted with an attachment by a
// 信息员, approved with the 保密审查 by a 审核人 and signed by a 签发人 appears on the public site;
// and a 依申请公开经办人 takes an application filed online through 确认, 补正 and 答复 and
// downloads the reply letter as DOCX.
import assert from "node:assert/strict";
import type { Locator } from "playwright-core";
import { makePng } from "./support/images";
import { type Journey, journey } from "./support/journey";
import { answerHumanCheck, logIn, logOut, staffUser, waitMinimumFillTime } from "./support/staff";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A tiny valid PDF, as a scanner or word processor would write one. */
const tinyPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

function recordIdOf(url: string): number {
  const m = /\/admin\/records\/(\d+)/.exec(new URL(url).pathname);
  assert.ok(m, `on a record page: ${url}`);
  return Number(m[1]);
}

journey(
  "a record is drafted, reviewed, signed and appears publicly",
  async (j) => {
    const { page, server, size } = j;
    await Promise.all([
      staffUser(server, "bo-editor", ["editor"], "起草信息员"),
      staffUser(server, "bo-reviewer", ["reviewer"], "保密审查人"),
      staffUser(server, "bo-approver", ["approver"], "签发领导"),
    ]);
    const title = `关于开展${size.name === "phone" ? "春季" : "秋季"}食品安全宣传周活动的通知`;

    // 信息员: a draft with a PDF attachment, then 送审.
    await logIn(j, "bo-editor");
    await j.visit("/admin/records/new");
    await page.getByLabel("标题").fill(title);
    await page.getByLabel("所属单位").selectOption({ label: "局机关" });
    await page.getByLabel("成文日期").fill("2025-09-01");
    await page.getByLabel("主题分类").fill("食品安全");
    await page.getByLabel("体裁").selectOption("notice");
    await page.getByLabel("五公开类别").selectOption("execution");
    const item = page.getByLabel("目录事项", { exact: true });
    const firstItem = await item.locator("optgroup option").first().getAttribute("value");
    await item.selectOption(firstItem!);
    await page
      .getByLabel("正文")
      .fill("各乡镇市场监管所:\n现就开展食品安全宣传周活动有关事项通知如下。");
    await page
      .getByLabel("上传附件(可多选)")
      .setInputFiles({ name: "活动方案.pdf", mimeType: "application/pdf", buffer: tinyPdf });
    await j.follow(page.getByRole("button", { name: "保存为草稿" }));
    const id = recordIdOf(page.url());
    await page.getByText("活动方案.pdf").first().waitFor();
    await j.follow(page.getByRole("button", { name: "送审" }));
    await logOut(j);

    // 审核人: the 保密审查 form (not classified, no privacy, 主动公开) and 审核通过.
    await logIn(j, "bo-reviewer");
    await j.visit(`/admin/records/${id}`);
    const approve = page.locator(`form[action="/admin/records/${id}/actions/approve"]`);
    await approve.locator('input[name="isClassified"][value="no"]').check();
    await approve.locator('input[name="involvesPrivacyOrTradeSecret"][value="no"]').check();
    await approve.locator('input[name="disclosureAttribute"][value="proactive"]').check();
    await approve.getByLabel("审核意见").fill("经保密审查,可以主动公开。");
    await j.screenshot("review");
    await j.follow(approve.getByRole("button", { name: "审核通过" }));
    await logOut(j);

    // 签发人: 签发并立即发布.
    await logIn(j, "bo-approver");
    await j.visit(`/admin/records/${id}`);
    const sign = page.locator(`form[action="/admin/records/${id}/actions/sign"]`);
    await sign.getByLabel("签发意见").fill("同意发布。");
    await j.follow(sign.getByRole("button", { name: "签发并立即发布" }));
    await page.locator(`main a[href="/records/${id}"]`).first().waitFor();
    await logOut(j);

    // Anyone: the record and its attachment on the public site.
    await j.visit(`/records/${id}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("rowheader", { name: "索引号" }).waitFor();
    const attachment = page
      .locator("section.attachments")
      .getByRole("link", { name: "活动方案.pdf" });
    const href = await attachment.getAttribute("href");
    const res = await j.context.request.get(j.url(href!));
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-type"] ?? "", /^application\/pdf/);
    await j.screenshot();
  },
  { id: "back-office-record" },
);

/** Opens one event form (a <details>), fills it with `fill` and submits it. */
async function recordEvent(
  j: Journey,
  type: string,
  label: string,
  fill: (form: Locator) => Promise<unknown> = async () => {},
): Promise<void> {
  const details = j.page.locator(`details#event-${type}`);
  await details.locator("summary").click();
  await fill(details);
  await j.follow(details.getByRole("button", { name: `记录${label}` }));
  const errors = await j.page.locator(".event-forms .error-text, .error-summary").allTextContents();
  assert.deepEqual(errors, [], `${label} was recorded without an error`);
}

journey(
  "an application officer handles 补正 and 答复 and downloads the reply letter",
  async (j) => {
    const { page, server } = j;
    // The account is made in the background while the citizen fills the form.
    const officer = staffUser(server, "bo-officer", ["applicationOfficer"], "经办人");
    officer.catch(() => {});

    // The application, filed online with an ID scan.
    await j.visit("/applications/new");
    const loadedAt = Date.now();
    await page.getByLabel("姓名").first().fill("王五");
    await page.getByLabel("证件类型").selectOption("resident_id");
    await page.getByLabel("证件号码").first().fill("410122198512041233");
    await page.getByLabel("联系电话").first().fill("13700002222");
    await page.getByLabel("通信地址").first().fill("河南省渑池县仰韶镇示例街9号");
    await page
      .getByLabel("身份证明扫描件(可选)")
      .setInputFiles({ name: "id.png", mimeType: "image/png", buffer: makePng() });
    await page.getByLabel("信息名称").fill("2025年食品小作坊登记名单");
    await page.getByLabel("获取信息的方式").selectOption("paper");
    await page.getByLabel("获取信息的途径").selectOption("post");
    await answerHumanCheck(j);
    await waitMinimumFillTime(loadedAt);
    await j.follow(page.getByRole("button", { name: "提交申请" }));
    const number = (await page.locator("dl.receipt dd").first().textContent())?.trim() ?? "";
    assert.match(number, /^YSQ-\d{4}-\d{5}$/);

    await officer;
    await logIn(j, "bo-officer");
    await j.visit("/admin/applications");
    await j.follow(page.locator("main").getByRole("link", { name: number }).first());
    assert.match(new URL(page.url()).pathname, /^\/admin\/applications\/\d+$/);
    const casePath = new URL(page.url()).pathname;
    // The ID scan is there for the officer, behind the audited 查看完整个人信息.
    await j.follow(page.getByRole("button", { name: "查看完整个人信息" }));
    await page.getByText("410122198512041233").waitFor();
    const scan = page.locator(`main a[href="${casePath}/id-scan"]`);
    assert.equal(await scan.count(), 1, "the officer sees a link to the ID scan");
    const scanRes = await j.context.request.get(j.url(`${casePath}/id-scan`));
    assert.equal(scanRes.status(), 200);
    assert.match(scanRes.headers()["content-type"] ?? "", /^image\/png/);

    await recordEvent(j, "confirm", "确认收到申请");
    await recordEvent(j, "request_supplement", "告知补正", (f) =>
      f.getByLabel(/需要补正的事项/).fill("请说明所需信息的形成时间范围。"),
    );
    await recordEvent(j, "supplement_received", "收到补正");
    await recordEvent(j, "reply", "答复", (f) =>
      f.locator("#ev-reply-result").selectOption("results.disclosed"),
    );
    const history = (await page.locator("main").textContent()) ?? "";
    for (const step of ["确认收到申请", "告知补正", "收到补正", "答复:予以公开"]) {
      assert.ok(history.includes(step), `the case history shows ${step}`);
    }
    await j.screenshot();

    // The reply letter: 文书 page, then the DOCX download.
    await j.follow(page.getByRole("link", { name: "全部文书和答复附件" }));
    await page.getByRole("heading", { level: 1, name: /^文书和答复附件/ }).waitFor();
    const reply = page.locator("ul.letter-links li").filter({ hasText: "答复告知书" }).first();
    const docx = reply.getByRole("link", { name: "下载 Word(DOCX)" });
    const href = (await docx.getAttribute("href"))!;
    const downloading = page.waitForEvent("download");
    await (j.size.hasTouch ? docx.tap() : docx.click());
    const download = await downloading;
    assert.match(download.suggestedFilename(), /\.docx$/);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    assert.equal(readFileSync(path).subarray(0, 2).toString("latin1"), "PK", "a DOCX is a zip");
    const res = await j.context.request.get(j.url(href));
    assert.equal(res.status(), 200);
    assert.equal(res.headers()["content-type"]?.split(";")[0], DOCX_TYPE);
    assert.match(res.headers()["content-disposition"] ?? "", /attachment/);
    await j.screenshot("letters");
  },
  { id: "back-office-application" },
);

journey(
  "a reviewer reads this year's annual report draft and downloads it",
  async (j) => {
    const { page, server } = j;
    await staffUser(server, "bo-reviewer", ["reviewer"], "保密审查人");
    await logIn(j, "bo-reviewer");
    await j.follow(
      page.getByRole("navigation", { name: "后台菜单" }).getByRole("link", { name: "年度报告" }),
    );
    assert.equal(new URL(page.url()).pathname, "/admin/reports/annual");
    await j.follow(page.locator('main a[href^="/admin/reports/annual/"]').first());
    assert.match(new URL(page.url()).pathname, /^\/admin\/reports\/annual\/\d{4}$/);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await j.screenshot();
    const docx = page.locator('main a[href$="/report.docx"]');
    if ((await docx.count()) > 0) {
      const res = await j.context.request.get(j.url((await docx.first().getAttribute("href"))!));
      assert.equal(res.status(), 200);
      assert.equal(res.headers()["content-type"]?.split(";")[0], DOCX_TYPE);
    } else {
      j.note("the draft offers no DOCX download before it is finalised");
    }
  },
  { id: "back-office-annual-report" },
);
