// Every subscription page and the /admin/mail pages are valid HTML (html-validate, the browser
// journeys' rules). No SMTP server: mail is filed as .eml, which is where the links come from.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../test/browser/support/checks";
import { createTestApp, type TestApp } from "../../test/support/app";
import { createLogger } from "../platform/log";
import { mailDir, sendDueMail } from "../platform/mail/sender";
import { solveHumanCheck } from "../requests/test-fixtures";
import { parseMessage } from "./test-fixtures";

describe("subscription and mail pages", () => {
  let t: TestApp;
  const pages: [string, string][] = [];
  const keep = async (name: string, res: Response) => {
    pages.push([name, await res.text()]);
  };

  before(async () => {
    t = await createTestApp();
    await t.createUser("sysadmin", ["admin"]);
    const b = t.browser();
    const formRes = await b.get("/subscriptions");
    const form = await formRes.clone().text();
    await keep("form", formRes);
    t.setNow(new Date(t.now().getTime() + 5_000).toISOString());
    await keep(
      "form with errors",
      await b.post("/subscriptions", { email: "x", ...solveHumanCheck(form) }),
    );
    const form2 = await (await b.get("/subscriptions")).text();
    t.setNow(new Date(t.now().getTime() + 5_000).toISOString());
    const res = await b.post("/subscriptions", {
      email: "reader@example.com",
      topics: ["consultations", "genre:notice"],
      catalogItem: "1",
      ...solveHumanCheck(form2),
    });
    assert.equal(res.status, 303);
    await keep("sent", await b.get(res.headers.get("location")!));
    const logger = createLogger("silent");
    assert.equal(
      (await sendDueMail({ db: t.t.db, config: t.config, logger, now: t.now() })).filed,
      1,
    );
    const row = await t.t.db.selectFrom("mail_outbox").selectAll().executeTakeFirstOrThrow();
    const mail = parseMessage(readFileSync(join(mailDir(t.config), row.file_name!), "utf8"));
    assert.match(mail.text, /意见征集/);
    const confirm = /\/subscriptions\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
    await keep("confirm", await b.get(confirm));
    await keep("confirmed", await b.post(confirm));
    await keep("invalid link", await b.get(confirm));
    const sub = await t.t.db
      .selectFrom("subscriptions")
      .selectAll()
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const unsubscribe = `/subscriptions/unsubscribe/${sub.unsubscribe_token}`;
    await keep("unsubscribe", await b.get(unsubscribe));
    await keep("unsubscribed", await b.post(unsubscribe));
    await keep("already unsubscribed", await b.get(unsubscribe));
    const admin = await t.login("sysadmin");
    await keep("admin list", await admin.get("/admin/mail"));
    await keep("admin message", await admin.get(`/admin/mail/${row.id}`));
  });
  after(() => t.close());

  it("has no html-validate errors on any page", async () => {
    assert.equal(pages.length, 11);
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });

  it("shows three confirmed topics with their labels, then each can be left alone", async () => {
    const confirmed = pages.find(([n]) => n === "confirmed")![1];
    assert.match(confirmed, /已确认 3 项订阅/);
    const confirm = pages.find(([n]) => n === "confirm")![1];
    assert.match(confirm, /r\*\*\*@example\.com/);
    assert.match(confirm, /目录事项:食品生产经营许可服务指南/);
    assert.ok(
      !pages.some(([n, html]) => n !== "admin message" && html.includes("reader@example.com")),
    );
  });
});
