// A citizen on the demo site: the 政府信息公开专栏, a search for 食品, a policy and its 政策解读,
// printing (print media hides the site chrome); an application with an ID scan, tracked with
// the 查询码 shown once; a service guide and its 一次性告知单 and a 办件 looked up by 受理号 and
// name; and a mail subscription confirmed through the link in the (filed) confirmation mail.
import assert from "node:assert/strict";
import { makePng } from "./support/images";
import { journey } from "./support/journey";
import {
  answerHumanCheck,
  apiToken,
  linkIn,
  staffUser,
  waitForMail,
  waitMinimumFillTime,
} from "./support/staff";

/** Today in Asia/Shanghai, as legal dates are written (YYYY-MM-DD). */
const todayInShanghai = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

const policyTitle = "关于印发《渑池县食品小作坊登记管理实施细则》的通知";

journey(
  "a citizen finds a policy through 食品, reads its 政策解读 and prints it",
  async (j) => {
    const { page } = j;
    await j.visit("/disclosure");
    await page.getByRole("heading", { level: 1, name: "政府信息公开" }).waitFor();

    const box = page.getByRole("searchbox").first();
    if ((await box.count()) === 0) {
      // The 专栏 has no search box of its own: the site search is one page away.
      await j.visit("/search");
    }
    const search = page.getByRole("searchbox").first();
    await search.fill("食品");
    await j.navigate(() => search.press("Enter"));
    const url = new URL(page.url());
    assert.equal(url.pathname, "/search");
    assert.equal(url.searchParams.get("q"), "食品");
    await j.screenshot("search");

    // The normative document is among the results; its page lists its 政策解读.
    await j.follow(page.locator("main").getByRole("link", { name: policyTitle }).first());
    assert.match(new URL(page.url()).pathname, /^\/records\/\d+$/);
    await page.getByRole("rowheader", { name: "索引号" }).waitFor();
    const related = page.locator("section.related");
    await related.getByRole("heading", { name: "政策解读" }).waitFor();
    await j.follow(related.getByRole("link").first());
    await page.getByRole("heading", { level: 1, name: /政策解读/ }).waitFor();
    // …and the interpretation links back to the document it explains.
    await page.locator("section.related").getByRole("heading", { name: "解读的文件" }).waitFor();
    await j.screenshot();

    // Printing the page itself: with print media the header, navigation and tools are hidden
    // and the title and text remain.
    await page.emulateMedia({ media: "print" });
    try {
      for (const chrome of [
        "header.site-header",
        ".site-nav",
        "footer.site-footer",
        ".page-tools",
      ]) {
        const el = page.locator(chrome).first();
        if ((await el.count()) > 0) assert.equal(await el.isVisible(), false, `${chrome} printed`);
      }
      assert.ok(await page.locator("h1").first().isVisible(), "the title is printed");
      assert.ok(await page.locator(".record-body").first().isVisible(), "the text is printed");
      await j.screenshot("print-media");
    } finally {
      await page.emulateMedia({ media: null });
    }

    // And the print view (公文 layout) through its link.
    await j.follow(page.getByRole("link", { name: "打印", exact: true }));
    assert.match(new URL(page.url()).pathname, /^\/records\/\d+\/print$/);
    await page.emulateMedia({ media: "print" });
    try {
      const nav = page.getByRole("navigation");
      for (const n of await nav.all()) assert.equal(await n.isVisible(), false, "no nav on paper");
      await j.screenshot("print");
    } finally {
      await page.emulateMedia({ media: null });
    }
  },
  { id: "citizen-policy" },
);

journey(
  "a citizen files an application with an ID scan and tracks it",
  async (j) => {
    const { page } = j;
    await j.visit("/applications");
    await j.follow(
      page
        .locator("main")
        .getByRole("link", { name: /在线申请|提交申请|填写申请/ })
        .first(),
    );
    assert.equal(new URL(page.url()).pathname, "/applications/new");
    const loadedAt = Date.now();

    await page.getByLabel("姓名").first().fill("李四清");
    await page.getByLabel("证件类型").selectOption("resident_id");
    await page.getByLabel("证件号码").first().fill("410122198512041233");
    await page.getByLabel("联系电话").first().fill("13900001111");
    await page.getByLabel("电子邮箱").first().fill("lisiqing@example.com");
    await page.getByLabel("通信地址").first().fill("河南省渑池县城关镇示例路2号");
    await page.getByLabel("身份证明扫描件(可选)").setInputFiles({
      name: "身份证.png",
      mimeType: "image/png",
      buffer: makePng(),
    });
    await page.getByLabel("信息名称").fill("2025年全县食品小作坊登记名单");
    await page.getByLabel("特征描述").fill(`浏览器测试(${j.size.name})`);
    await page.getByLabel("获取信息的方式").selectOption("email");
    await page.getByLabel("获取信息的途径").selectOption("email");
    await answerHumanCheck(j);
    await waitMinimumFillTime(loadedAt);
    await j.follow(page.getByRole("button", { name: "提交申请" }));

    assert.equal(new URL(page.url()).pathname, "/applications/submitted");
    await page.getByRole("heading", { level: 1, name: "申请已提交" }).waitFor();
    const receipt = page.locator("dl.receipt");
    const number = (await receipt.locator("dd").nth(0).textContent())?.trim() ?? "";
    const code = (await receipt.locator("dd").nth(1).textContent())?.trim() ?? "";
    assert.match(number, /^YSQ-\d{4}-\d{5}$/);
    assert.match(code, /^[A-Z0-9-]{6,}$/);
    await j.screenshot("submitted");

    // Later: 查询办理进度 with the number and the code (typed in lower case: case does not matter).
    await j.follow(page.locator("main").getByRole("link", { name: "查询办理进度" }));
    assert.equal(new URL(page.url()).pathname, "/applications/track");
    await page.getByLabel("申请编号").fill(number);
    await page.getByLabel("查询码").fill(code.toLowerCase());
    await j.follow(page.locator("main").getByRole("button", { name: "查询" }));
    await page.getByRole("heading", { level: 2, name: `申请 ${number}` }).waitFor();
    await page.locator("dl.status").getByText("办理状态").waitFor();
    await j.screenshot();

    // A wrong code is refused with a message, not a page of someone else's case.
    await page.getByLabel("申请编号").fill(number);
    await page.getByLabel("查询码").fill("WRONG123");
    await j.follow(page.locator("main").getByRole("button", { name: "查询" }));
    await page.getByRole("alert").waitFor();
    assert.equal(await page.getByRole("heading", { name: `申请 ${number}` }).count(), 0);
  },
  { id: "citizen-application" },
);

journey(
  "a citizen reads a service guide, its 一次性告知单 and looks up a case",
  async (j) => {
    const { page, server, size } = j;
    // The licensing system reports the case through the API with an editor's token (made with
    // the command line, in the background while the citizen reads the guide).
    const caseNo = `SP2025${size.name === "phone" ? "0360" : "1280"}`;
    const applicant = "渑池县示例食品商行";
    const reported = (async () => {
      await staffUser(server, "case-reporter", ["editor"], "许可系统");
      const token = await apiToken(server, "case-reporter");
      const res = await fetch(j.url(`/api/v1/service-cases/${caseNo}`), {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          itemCode: "DEMO-SP-001",
          applicantName: applicant,
          steps: [{ step: "受理", on: todayInShanghai(), note: "材料齐全,予以受理" }],
        }),
      });
      return `${res.status} ${await res.text()}`;
    })();
    reported.catch(() => {});

    await j.visit("/services");
    await j.follow(page.locator("main").getByRole("link", { name: "办事指南", exact: true }));
    assert.equal(new URL(page.url()).pathname, "/services/guides");
    await j.follow(
      page
        .locator("main")
        .getByRole("link", { name: /^食品经营许可/ })
        .first(),
    );
    assert.match(new URL(page.url()).pathname, /^\/services\/guides\/\d+$/);
    await page.getByRole("heading", { level: 2, name: "申请材料" }).waitFor();
    await j.screenshot();

    await j.follow(page.getByRole("link", { name: "打印一次性告知单" }));
    assert.match(new URL(page.url()).pathname, /^\/services\/guides\/\d+\/notice$/);
    await page.getByRole("heading", { level: 1, name: /食品经营许可一次性告知单/ }).waitFor();
    await j.screenshot("notice");
    await j.follow(page.getByRole("link", { name: "返回办事指南" }));

    const outcome = await reported;
    assert.match(outcome, /^20[01] /, `case reported: ${outcome}`);
    await j.follow(page.locator("main").getByRole("link", { name: "查询办件进度" }));
    assert.equal(new URL(page.url()).pathname, "/services/cases");
    await page.getByLabel("受理号").fill(caseNo.toLowerCase());
    await page.getByLabel("申请人").fill(applicant);
    await j.follow(page.locator("main").getByRole("button", { name: "查询" }));
    await page.getByRole("heading", { level: 2, name: `办件 ${caseNo}` }).waitFor();
    await page.locator("dl.guide-facts").getByText("办理中").waitFor();
    await j.screenshot("case");

    // The right number with another name finds nothing (no guessing someone else's case).
    await page.getByLabel("受理号").fill(caseNo);
    await page.getByLabel("申请人").fill("张三");
    await j.follow(page.locator("main").getByRole("button", { name: "查询" }));
    await page.getByRole("alert").waitFor();
    assert.equal(await page.getByRole("heading", { name: `办件 ${caseNo}` }).count(), 0);
  },
  { id: "citizen-service-guide" },
);

journey(
  "a citizen subscribes to mail and confirms through the mailed link",
  async (j) => {
    const { page, server } = j;
    const email = `dingyue-${j.size.name}@example.com`;
    await j.visit("/subscriptions");
    const loadedAt = Date.now();
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByRole("checkbox", { name: /意见征集/ }).check();
    await page.getByRole("checkbox", { name: /办事指南/ }).check();
    await answerHumanCheck(j);
    await waitMinimumFillTime(loadedAt);
    await j.follow(page.getByRole("button", { name: "订阅", exact: true }));
    assert.equal(new URL(page.url()).pathname, "/subscriptions/sent");
    await page.getByRole("heading", { level: 1, name: "请查收确认邮件" }).waitFor();

    // Without SMTP_URL the server files each mail as an .eml in its data folder.
    const mail = await waitForMail(
      server,
      (m) => m.to.includes(email) && m.text.includes("/subscriptions/confirm/"),
    );
    await j.visit(linkIn(mail.text, "/subscriptions/confirm/"));
    await page.getByRole("heading", { level: 1, name: "确认订阅" }).waitFor();
    assert.ok(!(await page.content()).includes(email), "the address is shown masked only");
    await j.screenshot();
    await j.follow(page.getByRole("button", { name: "确认订阅" }));
    await page.getByRole("heading", { level: 1, name: "订阅已确认" }).waitFor();
    await page.getByRole("status").filter({ hasText: "已确认 2 项订阅" }).waitFor();
  },
  { id: "citizen-subscription" },
);

journey(
  "a citizen browses 双公示 and signs up for a 座谈会",
  async (j) => {
    const { page } = j;
    // 双公示: a licence and a penalty decision, each from its list.
    for (const [list, prefix] of [
      ["行政许可公示", "/services/publicity/licences/"],
      ["行政处罚公示", "/services/publicity/penalties/"],
    ] as const) {
      await j.visit("/services/publicity");
      await j.follow(page.locator("main").getByRole("link", { name: list, exact: true }).first());
      const entry = page.locator(`main table a[href^="${prefix}"]`).first();
      if ((await entry.count()) === 0) {
        j.note(`no ${list} entry listed: entry page skipped`);
        continue;
      }
      await j.follow(entry);
      assert.match(new URL(page.url()).pathname, new RegExp(`^${prefix}\\d+$`));
      await page.getByRole("heading", { level: 1 }).waitFor();
    }
    await j.screenshot("publicity");

    // 座谈会、听证会: a meeting open for sign-up, and the sign-up itself.
    await j.visit("/interaction/meetings");
    await page.getByRole("heading", { level: 1, name: "座谈会、听证会和实地走访" }).waitFor();
    const rows = page.locator("main table tbody tr").filter({ hasText: /报名中|可报名|正在报名/ });
    const meeting =
      (await rows.count()) > 0
        ? rows.first().locator('a[href^="/interaction/meetings/"]')
        : page.locator('main a[href^="/interaction/meetings/"]').first();
    if ((await meeting.count()) === 0) {
      j.note("no meeting published: sign-up skipped");
      return;
    }
    await j.follow(meeting);
    const signup = page.locator('main a[href$="/signup"]');
    if ((await signup.count()) === 0) {
      j.note("the first meeting takes no sign-ups now: sign-up skipped");
      return;
    }
    await j.follow(signup.first());
    const loadedAt = Date.now();
    await page
      .getByLabel("姓名", { exact: false })
      .first()
      .fill(`孙七${j.size.name === "phone" ? "甲" : "乙"}`);
    await page
      .getByLabel("联系电话", { exact: false })
      .first()
      .fill(j.size.name === "phone" ? "13600003360" : "13600001280");
    await page.locator("#f-statement").fill("建议增加农贸市场经营户代表名额。");
    await answerHumanCheck(j);
    await waitMinimumFillTime(loadedAt);
    await j.follow(page.locator("main").getByRole("button", { name: /报名/ }));
    await page.getByRole("heading", { level: 1, name: "报名已提交" }).waitFor();
    await j.screenshot();
  },
  { id: "citizen-publicity-meeting" },
);
