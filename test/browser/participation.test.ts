// 政民互动 on the demo site: a citizen comments on a numbered article of an open 意见征集 (with the
// offline human check and its minimum fill time), and a citizen's 留言 goes through 分办, a
// drafted reply, review, and is rated through the link shown when it was sent.
import assert from "node:assert/strict";
import { type Journey, journey } from "./support/journey";
import { focused, tab, tabTo } from "./support/keyboard";
import { answerHumanCheck, logIn, logOut, staffUser, waitMinimumFillTime } from "./support/staff";

const openConsultation = "食品小作坊登记管理办法(征求意见稿)(演示)";

journey(
  "a citizen comments on an article of an open consultation",
  async (j) => {
    const { page } = j;
    await j.visit("/interaction");
    await j.follow(page.locator("main").getByRole("link", { name: "意见征集" }).first());
    assert.equal(new URL(page.url()).pathname, "/interaction/consultations");
    await j.follow(page.locator("main").getByRole("link", { name: openConsultation }).first());
    assert.match(new URL(page.url()).pathname, /^\/interaction\/consultations\/\d+$/);
    const loadedAt = Date.now();
    await page.getByRole("heading", { level: 2, name: "发表意见", exact: true }).waitFor();

    // A numbered article (第X条), not the draft as a whole.
    const article = page.getByLabel("针对的条款");
    const options = await article.locator("option").allTextContents();
    const numbered = options.find((o) => /^第.+条/.test(o.trim()));
    assert.ok(numbered, `a numbered article to comment on (options: ${options.join(" | ")})`);
    await article.selectOption({ label: numbered });
    await page
      .getByLabel("意见", { exact: false })
      .and(page.locator("textarea"))
      .fill(`建议明确该条所称“登记”的办理时限和所需材料。(浏览器测试,${j.size.name})`);
    await answerHumanCheck(j);
    await waitMinimumFillTime(loadedAt);
    await j.follow(page.getByRole("button", { name: "提交意见" }));

    // Back on the consultation, told the comment is received and awaits review before it shows.
    assert.match(new URL(page.url()).pathname, /^\/interaction\/consultations\/\d+$/);
    await page.getByRole("status").waitFor();
    await j.screenshot();
  },
  { id: "participation-consultation" },
);

/** Opens a message in the back office by its number (the list links each number). */
async function openMessage(j: Journey, messageNo: string): Promise<void> {
  await j.visit("/admin/messages");
  await j.follow(j.page.locator("main").getByRole("link", { name: messageNo, exact: true }));
  assert.match(new URL(j.page.url()).pathname, /^\/admin\/messages\/\d+$/);
}

journey(
  "a citizen's message is answered, reviewed and rated through its link",
  async (j) => {
    const { page, server } = j;
    // 办公室 (a 审核人 of 局机关) distributes and reviews; a 信息员 of 局机关 drafts the reply.
    // The accounts are made in the background while the citizen writes the message.
    const staff = Promise.all([
      staffUser(server, "msg-office", ["reviewer"], "留言办公室"),
      staffUser(server, "msg-editor", ["editor"], "留言信息员"),
    ]);
    staff.catch(() => {});
    const subject = `食品小作坊登记需要哪些材料(${j.size.name})`;

    await j.visit("/interaction/messages");
    await j.follow(page.locator("main").getByRole("link", { name: "我要留言" }).first());
    const loadedAt = Date.now();
    await page.getByRole("radio", { name: "咨询" }).check();
    await page.getByLabel("标题").fill(subject);
    await page
      .getByLabel("留言内容(必填)")
      .fill("我想在城关镇开一家食品小作坊,请问登记需要准备哪些材料?");
    await page.getByRole("checkbox", { name: /同意在本网站公开/ }).check();
    await answerHumanCheck(j);
    await waitMinimumFillTime(loadedAt);
    await j.follow(page.getByRole("button", { name: "提交留言" }));
    assert.equal(new URL(page.url()).pathname, "/interaction/messages/submitted");
    await page.getByRole("heading", { level: 1, name: "留言已提交" }).waitFor();
    const messageNo = (await page.locator("dl.receipt dd").first().textContent())?.trim() ?? "";
    assert.match(messageNo, /^LY-\d{4}-\d{5}$/);
    const rateHref = await page.getByRole("link", { name: "评价链接" }).getAttribute("href");
    assert.ok(rateHref?.startsWith("/interaction/messages/rate?"), `rate link: ${rateHref}`);
    await j.screenshot("submitted");

    // 分办 to 局机关 by the office.
    await staff;
    await logIn(j, "msg-office");
    await openMessage(j, messageNo);
    await page.locator("#assign-unit").selectOption({ label: "局机关" });
    await j.follow(page.getByRole("button", { name: "分办" }));
    await logOut(j);

    // The 信息员 drafts the reply and submits it for review.
    await logIn(j, "msg-editor");
    await openMessage(j, messageNo);
    await page
      .getByLabel("答复内容")
      .fill(
        "您好!办理食品小作坊登记需提交登记申请书、营业执照复印件和生产场所平面图。详见本局办事指南。",
      );
    await j.follow(page.getByRole("button", { name: "提交答复审核" }));
    await logOut(j);

    // The office approves: the reply is sent and, with consent, published.
    await logIn(j, "msg-office");
    await openMessage(j, messageNo);
    await j.follow(page.getByRole("button", { name: "审核通过并答复" }));
    await page.getByText("已答复").first().waitFor();
    await logOut(j);

    // The citizen rates the reply through the link kept from the submitted page.
    await j.visit(rateHref!);
    await page.getByRole("heading", { level: 1, name: "评价答复" }).waitFor();
    await page.getByText("登记申请书").waitFor();
    await page.getByRole("radio", { name: "满意", exact: true }).check();
    await page.getByLabel("评价意见(选填)").fill("答复清楚,谢谢。");
    await j.follow(page.getByRole("button", { name: "提交评价" }));
    await page.getByRole("status").filter({ hasText: "感谢您的评价" }).waitFor();
    await j.screenshot();

    // The published message shows the reply and the rating.
    await j.visit("/interaction/messages");
    await j.follow(page.locator("main").getByRole("link", { name: subject }));
    await page.getByText("留言人评价").waitFor();
  },
  { id: "participation-message" },
);

// The same task with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys and typing; no
// mouse, no touch, no element.click()): every focus stop must show a visible focus indicator.
journey(
  "a citizen comments on a consultation with the keyboard alone",
  async (j) => {
    const { page } = j;
    await j.visit("/interaction/consultations");
    const first = await tab(page);
    assert.match(first.describe, /^a\.skip-link/, `first Tab stop: ${first.describe}`);
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).id, "main", "the skip link moves focus to main");

    const href = await page
      .locator("main")
      .getByRole("link", { name: openConsultation })
      .first()
      .getAttribute("href");
    await tabTo(page, `main a[href="${href}"]`);
    await j.navigate(() => page.keyboard.press("Enter"));
    assert.match(new URL(page.url()).pathname, /^\/interaction\/consultations\/\d+$/);
    const loadedAt = Date.now();

    // Straight to the form through the skip link, then field by field.
    assert.match((await tab(page)).describe, /^a\.skip-link/);
    await page.keyboard.press("Enter");
    await tabTo(page, "#f-articleNo", { max: 60 });
    // A closed <select> changes its value with the arrow keys: the first numbered article.
    await page.keyboard.press("ArrowDown");
    const chosen = await page.evaluate(
      "document.querySelector('#f-articleNo').selectedOptions[0].textContent",
    );
    assert.match(String(chosen), /^第.+条/, `the article chosen: ${chosen}`);
    await tabTo(page, "#f-body", { max: 2 });
    await page.keyboard.type(`建议在该条中写明办理时限。(键盘测试,${j.size.name})`);
    await tabTo(page, "#f-name", { max: 2 });
    await page.keyboard.type("赵六");
    await tabTo(page, "#f-showName", { max: 2 });
    await page.keyboard.press("Space");
    assert.equal(await page.isChecked("#f-showName"), true, "Space ticks the checkbox");
    // Back and forth: Shift+Tab returns to the name, Tab comes back.
    assert.equal((await tab(page, { back: true })).id, "f-name");
    assert.equal((await tab(page)).id, "f-showName");
    await tabTo(page, "#f-hc_answer", { max: 3 });
    const question = await page.locator('label[for="f-hc_answer"]').textContent();
    await page.keyboard.type(solve(question ?? ""));
    await tabTo(page, 'main button[type="submit"]', { max: 3 });
    await waitMinimumFillTime(loadedAt);
    await j.navigate(() => page.keyboard.press("Enter"));

    assert.match(new URL(page.url()).pathname, /^\/interaction\/consultations\/\d+$/);
    await page.getByRole("status").waitFor();
    await j.screenshot();
  },
  { id: "keyboard-comment" },
);

/** The human check's answer, read as a person reads the label (七加五等于几?). */
function solve(question: string): string {
  const numerals = "零一二三四五六七八九十";
  const q = /([零一二三四五六七八九十])(加|减)([零一二三四五六七八九十])等于几/.exec(question);
  if (!q) throw new Error(`not a human-check question: ${question}`);
  const a = numerals.indexOf(q[1]!);
  const b = numerals.indexOf(q[3]!);
  return String(q[2] === "加" ? a + b : a - b);
}
