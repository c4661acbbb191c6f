// Personal data of sign-ups: ciphertext at rest, masks in the staff list, the clear view audited,
// and never on a public page or in the API. Also the minutes and outcome (sanitised, public once
// published) and html-validate over every page of the section.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../../test/browser/support/checks";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { advance, publishMeetingVia, SIGNER, signUpVia, signupNoOf } from "./test-fixtures";

const STATEMENT = "建议延长夜市营业时间并增设垃圾桶";

describe("meeting sign-ups keep personal data private", () => {
  let t: TestApp;
  let editor: Browser;
  let reviewer: Browser;
  let id: number;
  let signupNo: string;
  const pages: [string, string][] = [];
  const publicTexts: [string, string][] = [];

  before(async () => {
    t = await createTestApp({ start: "2026-12-01T02:00:00Z" });
    await t.createUser("editor", ["editor"]);
    await t.createUser("reviewer", ["reviewer"]);
    await t.createUser("admin2", ["admin"]);
    editor = await t.login("editor");
    reviewer = await t.login("reviewer");
    pages.push(["admin new form", await (await editor.get("/admin/meetings/new")).text()]);
    id = await publishMeetingVia(t, editor, reviewer, { kind: "hearing", quota: "5" });
    const signed = await signUpVia(t, id, { ...SIGNER, statement: STATEMENT });
    signupNo = signupNoOf(signed);
    const anon = t.browser();
    for (const [name, path] of [
      ["list", "/interaction/meetings"],
      ["meeting", `/interaction/meetings/${id}`],
      ["signup form", `/interaction/meetings/${id}/signup`],
      ["signed up", signed.headers.get("location")!],
    ] as const) {
      const html = await (await anon.get(path)).text();
      pages.push([name, html]);
      publicTexts.push([name, html]);
    }
    advance(t, 5000);
    pages.push([
      "signup form with errors",
      await (await anon.post(`/interaction/meetings/${id}/signup`, { name: "" })).text(),
    ]);
    for (const path of ["/api/v1/meetings", `/api/v1/meetings/${id}`]) {
      publicTexts.push([path, await (await anon.request(path)).text()]);
    }
  });
  after(() => t.close());

  it("stores name, phone, organisation and statement only as ciphertext", async () => {
    const row = await t.t.db
      .selectFrom("meeting_signups")
      .selectAll()
      .where("signup_no", "=", signupNo)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    for (const clear of [SIGNER.name, SIGNER.phone, SIGNER.organisation, STATEMENT]) {
      assert.ok(!stored.includes(clear), `${clear} not stored in clear`);
    }
    assert.match(row.name_enc, /^v1:/);
    assert.equal(row.masked_name, "欧**华");
    assert.equal(row.phone_masked, "139****5678");
  });

  it("no public page or API response shows the name, phone, organisation or statement", () => {
    assert.equal(publicTexts.length, 6);
    for (const [where, text] of publicTexts) {
      for (const clear of [SIGNER.name, SIGNER.phone, SIGNER.organisation, STATEMENT]) {
        assert.ok(!text.includes(clear), `${where} shows ${clear}`);
      }
    }
    const meeting = publicTexts.find(([n]) => n === "meeting")![1];
    assert.ok(meeting.includes(signupNo) && meeting.includes("欧**华"));
    assert.ok(!meeting.includes("139****5678"), "not even the masked phone is public");
  });

  it("the staff list shows masks; the full view is audited and only for editor/reviewer", async () => {
    const page = await (await editor.get(`/admin/meetings/${id}`)).text();
    pages.push(["admin meeting", page]);
    assert.ok(page.includes("欧**华") && page.includes("139****5678"));
    assert.ok(!page.includes(SIGNER.name) && !page.includes(SIGNER.phone));
    const signupId = (
      await t.t.db
        .selectFrom("meeting_signups")
        .select("id")
        .where("signup_no", "=", signupNo)
        .executeTakeFirstOrThrow()
    ).id;
    const revealed = await editor.post(`/admin/meetings/${id}/signups/${signupId}/reveal`);
    assert.equal(revealed.status, 200);
    const html = await revealed.text();
    pages.push(["admin revealed", html]);
    for (const clear of [SIGNER.name, SIGNER.phone, SIGNER.organisation, STATEMENT]) {
      assert.ok(html.includes(clear), clear);
    }
    assert.equal(revealed.headers.get("cache-control"), "no-store");
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select(["action", "detail", "actor_name"])
      .where("action", "=", "meeting.reveal_signup")
      .execute();
    assert.deepEqual(audit, [
      {
        action: "meeting.reveal_signup",
        detail: `查看报名人个人信息(${signupNo})`,
        actor_name: "editor",
      },
    ]);
    const allAudit = JSON.stringify(await t.t.db.selectFrom("audit_log").selectAll().execute());
    assert.ok(!allAudit.includes(SIGNER.name) && !allAudit.includes(SIGNER.phone));
    const admin = await t.login("admin2");
    await admin.get(`/admin/meetings/${id}`);
    assert.equal(
      (await admin.post(`/admin/meetings/${id}/signups/${signupId}/reveal`)).status,
      403,
    );
  });

  it("minutes are sanitised, and public with the outcome only once a 审核人 publishes them", async () => {
    await editor.get(`/admin/meetings/${id}`);
    const saved = await editor.post(`/admin/meetings/${id}/results`, {
      minutesHtml: '<p>听证会纪要</p><script>alert(1)</script><p onclick="x()">第二段</p>',
      outcome: "采纳意见两条",
    });
    assert.equal(saved.status, 303);
    const row = await t.t.db
      .selectFrom("meetings")
      .select("minutes_html")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(row.minutes_html, "<p>听证会纪要</p><p>第二段</p>");
    const before = await (await t.browser().get(`/interaction/meetings/${id}`)).text();
    assert.ok(!before.includes("听证会纪要"), "not public before publication");
    await reviewer.get(`/admin/meetings/${id}`);
    const early = await reviewer.post(`/admin/meetings/${id}/results/publish`);
    assert.equal(early.status, 409);
    assert.match(await early.text(), /活动开始后才能公开会议纪要和结果/);
    advance(t, 121 * 3_600_000);
    reviewer = await t.login("reviewer");
    await reviewer.get(`/admin/meetings/${id}`);
    assert.equal((await reviewer.post(`/admin/meetings/${id}/results/publish`)).status, 303);
    const html = await (await t.browser().get(`/interaction/meetings/${id}`)).text();
    pages.push(["meeting with minutes", html]);
    assert.ok(html.includes("<p>听证会纪要</p><p>第二段</p>"));
    assert.ok(html.includes("采纳意见两条"));
    const api = (await (await t.browser().request(`/api/v1/meetings/${id}`)).json()) as {
      results: { outcome: string } | null;
    };
    assert.equal(api.results?.outcome, "采纳意见两条");
    pages.push(["admin list", await (await reviewer.get("/admin/meetings")).text()]);
  });

  it("every page is valid HTML", async () => {
    assert.equal(pages.length, 10);
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });
});
