// The random draw end to end: the seed is published after sign-up closes and before the draw,
// the draw runs once, and anyone can redo it from the public page's text alone — here by parsing
// the HTML and by running verify-draw.mjs in a separate Node process.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { formatHtmlError, validateHtml } from "../../../test/browser/support/checks";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { selectByDraw } from "./draw";
import { advance, people, publishMeetingVia, signUpVia, signupNoOf } from "./test-fixtures";

const script = fileURLToPath(new URL("./verify-draw.mjs", import.meta.url));

/** What a member of the public reads off the page: seed, quota, every 报名编号, the selected ones. */
function readDrawPage(html: string) {
  const seed = /<code id="draw-seed">([^<]+)<\/code>/.exec(html)?.[1];
  const quota = Number(/名额<\/th><td[^>]*>(\d+) 名/.exec(html)?.[1]);
  const numbers = [...html.matchAll(/<th scope="row" class="signup-no">([^<]+)<\/th>/g)].map(
    (m) => m[1]!,
  );
  const list = /<ul id="draw-selected">(.*?)<\/ul>/s.exec(html)?.[1] ?? "";
  const selected = [...list.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1]!);
  return { seed, quota, numbers, selected };
}

describe("random draw", () => {
  let t: TestApp;
  let editor: Browser;
  let reviewer: Browser;
  let id: number;
  const signed: string[] = [];

  before(async () => {
    t = await createTestApp({ start: "2026-12-01T02:00:00Z" });
    await t.createUser("editor", ["editor"]);
    await t.createUser("reviewer", ["reviewer"]);
    editor = await t.login("editor");
    reviewer = await t.login("reviewer");
    id = await publishMeetingVia(t, editor, reviewer, {
      kind: "hearing",
      topic: "停车收费听证会",
      quota: "3",
      selection: "randomDraw",
    });
    for (const p of people(7)) {
      signed.push(signupNoOf(await signUpVia(t, id, { ...p, statement: "意见要点" })));
    }
  });
  after(() => t.close());

  it("anyone may sign up beyond the quota while the window is open", () => {
    assert.equal(signed.length, 7);
    assert.match(signed[0]!, /^TZ-2026-\d{4}-001$/);
  });

  it("the seed cannot be published nor the draw run before sign-up closes", async () => {
    await reviewer.get(`/admin/meetings/${id}`);
    const seed = await reviewer.post(`/admin/meetings/${id}/seed`, { seed: "" });
    assert.equal(seed.status, 409);
    assert.match(await seed.text(), /报名截止后才能公布抽签种子/);
    const draw = await reviewer.post(`/admin/meetings/${id}/draw`);
    assert.equal(draw.status, 409);
    assert.match(await draw.text(), /请先公布抽签种子/);
  });

  it("after closing, a 审核人 publishes the seed; it is on the public page before any draw", async () => {
    advance(t, 49 * 3_600_000);
    // Sessions end after the idle limit: sign in again two days later.
    editor = await t.login("editor");
    reviewer = await t.login("reviewer");
    await editor.get(`/admin/meetings/${id}`);
    assert.equal((await editor.post(`/admin/meetings/${id}/seed`, { seed: "" })).status, 403);
    await reviewer.get(`/admin/meetings/${id}`);
    const bad = await reviewer.post(`/admin/meetings/${id}/seed`, { seed: "has space" });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /抽签种子应为4至64位/);
    assert.equal((await reviewer.post(`/admin/meetings/${id}/seed`, { seed: "" })).status, 303);
    const again = await reviewer.post(`/admin/meetings/${id}/seed`, { seed: "other-seed" });
    assert.equal(again.status, 409, "the seed is set once");
    const html = await (await t.browser().get(`/interaction/meetings/${id}`)).text();
    const page = readDrawPage(html);
    assert.match(page.seed ?? "", /^[0-9a-f]{32}$/);
    assert.deepEqual(page.numbers, signed);
    assert.deepEqual(page.selected, []);
    assert.match(html, /尚未抽取/);
  });

  it("the draw selects by the published rule, once; the page lets anyone reproduce it", async () => {
    await reviewer.get(`/admin/meetings/${id}`);
    assert.equal((await reviewer.post(`/admin/meetings/${id}/draw`)).status, 303);
    const rerun = await reviewer.post(`/admin/meetings/${id}/draw`);
    assert.equal(rerun.status, 409);
    assert.match(await rerun.text(), /已完成随机抽取,不能重新抽取/);

    const stored = await t.t.db
      .selectFrom("meeting_signups")
      .select("signup_no")
      .where("meeting_id", "=", id)
      .where("selected", "=", 1)
      .orderBy("seq")
      .execute();
    const system = stored.map((r) => r.signup_no);
    assert.equal(system.length, 3);

    const html = await (await t.browser().get(`/interaction/meetings/${id}`)).text();
    const page = readDrawPage(html);
    assert.equal(page.quota, 3);
    assert.equal(page.numbers.length, 7);
    assert.deepEqual(page.selected, system, "the page lists what the system selected");

    const recomputed = selectByDraw(page.seed!, page.numbers, page.quota);
    assert.deepEqual([...recomputed].sort(), [...system].sort(), "recomputed from the page");

    const out = execFileSync(
      process.execPath,
      [script, page.seed!, String(page.quota), ...page.numbers],
      { encoding: "utf8" },
    );
    const fromScript = /入选编号: (.*)\n/.exec(out)![1]!.split(" ");
    assert.deepEqual([...fromScript].sort(), [...system].sort(), "reproduced by verify-draw.mjs");

    assert.ok(html.includes("SHA-256"), "the rule is explained on the page");
    assert.match(html, /<code id="draw-command">node verify-draw\.mjs /);
    const invalid = (await validateHtml(html, "draw page")).map((m) => formatHtmlError(m, html));
    assert.deepEqual(invalid, []);
    const served = await t.browser().request("/interaction/meetings/verify-draw.mjs");
    assert.match(await served.text(), /入选编号/);

    const audit = await t.t.db
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("object_id", "=", String(id))
      .where("action", "in", ["meeting.publish_seed", "meeting.draw"])
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["meeting.publish_seed", "meeting.draw"],
    );
    assert.ok(audit[1]!.detail.includes(page.seed!));
  });

  it("the API gives the same seed, list and selection, without personal data", async () => {
    const res = await t.browser().request(`/api/v1/meetings/${id}`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      signups: { signupNo: string }[];
      draw: { seed: string; selected: string[] };
    };
    assert.deepEqual(
      body.signups.map((s) => s.signupNo),
      signed,
    );
    assert.deepEqual(
      [...body.draw.selected].sort(),
      [...selectByDraw(body.draw.seed, signed, 3)].sort(),
    );
  });

  it("a seed typed by staff (e.g. a lottery number) is used as given", async () => {
    advance(t, -49 * 3_600_000);
    editor = await t.login("editor");
    reviewer = await t.login("reviewer");
    const other = await publishMeetingVia(t, editor, reviewer, {
      kind: "hearing",
      quota: "1",
      selection: "randomDraw",
    });
    const nos = [];
    for (const p of people(3, 50)) nos.push(signupNoOf(await signUpVia(t, other, p)));
    advance(t, 49 * 3_600_000);
    reviewer = await t.login("reviewer");
    await reviewer.get(`/admin/meetings/${other}`);
    await reviewer.post(`/admin/meetings/${other}/seed`, { seed: "FC3D-2026335-718" });
    await reviewer.post(`/admin/meetings/${other}/draw`);
    const html = await (await t.browser().get(`/interaction/meetings/${other}`)).text();
    const page = readDrawPage(html);
    assert.equal(page.seed, "FC3D-2026335-718");
    assert.deepEqual(page.selected, selectByDraw("FC3D-2026335-718", nos, 1));
  });
});
