// Publishing an announcement and signing up without an account: the quota of 先到先得 holds even
// for simultaneous sign-ups, the window opens and closes by itself, and bad input is refused
// with Chinese messages tied to fields.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { onlineParticipant, signUp, signupKeys } from "./service";
import {
  advance,
  openSignupForm,
  people,
  publishMeetingVia,
  SIGNER,
  signUpVia,
  signupNoOf,
} from "./test-fixtures";

describe("meeting announcements and sign-up", () => {
  let t: TestApp;
  let editor: Browser;
  let reviewer: Browser;

  before(async () => {
    t = await createTestApp({ start: "2026-12-01T02:00:00Z" });
    await t.createUser("editor", ["editor"]);
    await t.createUser("reviewer", ["reviewer"]);
    await t.createUser("both", ["editor", "reviewer"]);
    editor = await t.login("editor");
    reviewer = await t.login("reviewer");
  });
  after(() => t.close());

  const signupCount = async (id: number) =>
    Number(
      (
        await t.t.db
          .selectFrom("meeting_signups")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("meeting_id", "=", id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("a draft is not public; a 审核人 publishes it and it appears in the list and the API", async () => {
    await editor.get("/admin/meetings/new");
    const created = await editor.post("/admin/meetings/new", {
      kind: "hearing",
      topic: "草稿听证会",
      startsAt: "2026-12-20T09:00",
      endsAt: "2026-12-20T11:00",
      place: "听证室",
      organiser: "县市场监督管理局",
      signupOpensAt: "2026-12-01T08:00",
      signupClosesAt: "2026-12-10T17:00",
      quota: "5",
      selection: "randomDraw",
    });
    assert.equal(created.status, 303);
    const id = Number(/(\d+)/.exec(created.headers.get("location")!)![1]);
    const anon = t.browser();
    assert.equal((await anon.get(`/interaction/meetings/${id}`)).status, 404);
    assert.ok(!(await (await anon.get("/interaction/meetings")).text()).includes("草稿听证会"));
    assert.equal((await anon.request(`/api/v1/meetings/${id}`)).status, 404);
    const own = await editor.post(`/admin/meetings/${id}/publish`);
    assert.equal(own.status, 403, "a 信息员 cannot publish");
    const both = await t.login("both");
    await both.get(`/admin/meetings/${id}`);
    const row = await t.t.db
      .updateTable("meetings")
      .set({
        created_by: (
          await t.t.db
            .selectFrom("users")
            .select("id")
            .where("username", "=", "both")
            .executeTakeFirstOrThrow()
        ).id,
      })
      .where("id", "=", id)
      .execute();
    assert.ok(row);
    const self = await both.post(`/admin/meetings/${id}/publish`);
    assert.equal(self.status, 403, "nobody publishes their own draft");
    await reviewer.get(`/admin/meetings/${id}`);
    assert.equal((await reviewer.post(`/admin/meetings/${id}/publish`)).status, 303);
    const page = await (await anon.get(`/interaction/meetings/${id}`)).text();
    assert.match(page, /听证会:草稿听证会/);
    assert.match(page, /2026-12-20 09:00 至 2026-12-20 11:00/);
    const list = (await (await anon.request("/api/v1/meetings")).json()) as {
      items: { id: number; kind: string; signupStatus: string }[];
    };
    assert.deepEqual(
      list.items.filter((m) => m.id === id).map((m) => [m.kind, m.signupStatus]),
      [["hearing", "报名中"]],
    );
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "meeting")
      .where("object_id", "=", String(id))
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["meeting.create", "meeting.publish"],
    );
  });

  it("a published announcement can no longer be edited", async () => {
    const id = await publishMeetingVia(t, editor, reviewer);
    await editor.get(`/admin/meetings/${id}/edit`);
    const res = await editor.post(`/admin/meetings/${id}/edit`, {
      kind: "symposium",
      topic: "改过的主题",
      startsAt: "2026-12-20T09:00",
      endsAt: "2026-12-20T11:00",
      place: "x",
      organiser: "y",
      signupOpensAt: "2026-12-01T08:00",
      signupClosesAt: "2026-12-10T17:00",
      quota: "5",
      selection: "firstCome",
    });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /公告已发布,不能再修改/);
  });

  it("the announcement form refuses bad times with messages tied to the fields", async () => {
    await editor.get("/admin/meetings/new");
    const res = await editor.post("/admin/meetings/new", {
      kind: "symposium",
      topic: "",
      startsAt: "2026-12-20T09:00",
      endsAt: "2026-12-20T08:00",
      place: "x",
      organiser: "y",
      signupOpensAt: "2026-12-01T08:00",
      signupClosesAt: "2026-12-21T17:00",
      quota: "0",
      selection: "firstCome",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /id="f-topic-error">错误:请填写主题/);
    assert.match(html, /id="f-quota-error">错误:名额至少为1/);
    const times = await editor.post("/admin/meetings/new", {
      kind: "symposium",
      topic: "t",
      startsAt: "2026-12-20T09:00",
      endsAt: "2026-12-20T08:00",
      place: "x",
      organiser: "y",
      signupOpensAt: "2026-12-01T08:00",
      signupClosesAt: "2026-12-21T17:00",
      quota: "3",
      selection: "firstCome",
    });
    const timesHtml = await times.text();
    assert.match(timesHtml, /id="f-endsAt-error">错误:结束时间应晚于开始时间/);
    assert.match(timesHtml, /id="f-signupClosesAt-error">错误:报名应在活动开始前截止/);
  });

  it("先到先得: sign-ups up to the quota are taken, the next is refused in Chinese", async () => {
    const id = await publishMeetingVia(t, editor, reviewer, { quota: "2" });
    const forms = [
      await openSignupForm(t, id),
      await openSignupForm(t, id),
      await openSignupForm(t, id),
    ];
    advance(t, 5000);
    const post = (i: number) =>
      forms[i]!.browser.post(`/interaction/meetings/${id}/signup`, {
        ...people(1, i)[0]!,
        ...forms[i]!.check,
      });
    const first = signupNoOf(await post(0));
    assert.match(first, new RegExp(`^ZT-2026-${String(id).padStart(4, "0")}-001$`));
    assert.match(signupNoOf(await post(1)), /-002$/);
    const third = await post(2);
    assert.equal(third.status, 409);
    assert.ok((await third.text()).includes("名额已满(共 2 个名额,按先到先得确定),不再接受报名。"));
    assert.equal(await signupCount(id), 2);
    const page = await (await t.browser().get(`/interaction/meetings/${id}`)).text();
    assert.match(page, /名额已满,已报名 2 人/);
    assert.ok(!page.includes("我要报名"));
    const form = await (await t.browser().get(`/interaction/meetings/${id}/signup`)).text();
    assert.ok(form.includes("名额已满(共 2 个名额,按先到先得确定),不再接受报名。"));
    assert.ok(!form.includes("hc_token"), "no form when full");
  });

  it("two simultaneous sign-ups for the last place: exactly one gets in", async () => {
    const id = await publishMeetingVia(t, editor, reviewer, { quota: "2" });
    signupNoOf(await signUpVia(t, id, people(1)[0]!));
    const [a, b] = [await openSignupForm(t, id), await openSignupForm(t, id)];
    advance(t, 5000);
    const [p1, p2] = people(2, 10);
    const results = await Promise.all([
      a.browser.post(`/interaction/meetings/${id}/signup`, { ...p1!, ...a.check }),
      b.browser.post(`/interaction/meetings/${id}/signup`, { ...p2!, ...b.check }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
    assert.equal(await signupCount(id), 2);
  });

  it("many simultaneous sign-ups through the service never exceed the quota", async () => {
    const id = await publishMeetingVia(t, editor, reviewer, { quota: "3" });
    const ctx = { keys: signupKeys(t.config.secret), now: t.now(), actor: onlineParticipant("-") };
    const outcomes = await Promise.allSettled(
      people(8, 20).map((p) => signUp(t.t.db, id, { ...p, organisation: "", statement: "" }, ctx)),
    );
    assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 3);
    for (const o of outcomes.filter((o) => o.status === "rejected")) {
      assert.match(String((o as PromiseRejectedResult).reason.message), /名额已满/);
    }
    const rows = await t.t.db
      .selectFrom("meeting_signups")
      .select("seq")
      .where("meeting_id", "=", id)
      .orderBy("seq")
      .execute();
    assert.deepEqual(
      rows.map((r) => r.seq),
      [1, 2, 3],
    );
  });

  it("sign-up is refused before the window opens and after it closes, by the clock alone", async () => {
    const inAnHour = new Date(t.now().getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
    const id = await publishMeetingVia(t, editor, reviewer, { signupOpensAt: inAnHour });
    const early = await t.browser().get(`/interaction/meetings/${id}/signup`);
    assert.match(await early.text(), /报名尚未开始,请在报名开始后再提交。/);
    const anon = t.browser();
    await anon.get("/login");
    const posted = await anon.post(`/interaction/meetings/${id}/signup`, people(1, 40)[0]!);
    assert.equal(posted.status, 409);
    advance(t, 2 * 3_600_000);
    signupNoOf(await signUpVia(t, id, people(1, 41)[0]!));
    const late = await openSignupForm(t, id);
    advance(t, 49 * 3_600_000);
    const res = await late.browser.post(`/interaction/meetings/${id}/signup`, {
      ...people(1, 42)[0]!,
      ...late.check,
    });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /报名已截止,不再接受报名。/);
    const ctx = { keys: signupKeys(t.config.secret), now: t.now(), actor: onlineParticipant("-") };
    await assert.rejects(
      signUp(t.t.db, id, { ...people(1, 43)[0]!, organisation: "", statement: "" }, ctx),
      /报名已截止,不再接受报名/,
    );
    assert.equal(await signupCount(id), 1);
    advance(t, -51 * 3_600_000);
  });

  it("bad input, a wrong answer and a phone used twice are refused with messages at the fields", async () => {
    const id = await publishMeetingVia(t, editor, reviewer, { quota: "10" });
    const { browser, check } = await openSignupForm(t, id);
    advance(t, 5000);
    const bad = await browser.post(`/interaction/meetings/${id}/signup`, {
      name: "",
      phone: "12345",
      hc_token: check.hc_token!,
      hc_answer: "99",
    });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /class="error-summary" role="alert"/);
    assert.match(html, /id="f-name-error">错误:请填写姓名/);
    assert.match(html, /id="f-phone-error">错误:联系电话应为11位手机号码/);
    assert.match(html, /id="f-hc_answer-error">错误:验证问题的答案不正确/);
    signupNoOf(await signUpVia(t, id, SIGNER));
    const twice = await signUpVia(t, id, { ...SIGNER, name: "别人" });
    assert.equal(twice.status, 400);
    assert.match(await twice.text(), /该联系电话已报名本次活动/);
    assert.equal(await signupCount(id), 1);
  });

  it("the receipt page shows the 报名编号 and the masked name", async () => {
    const id = await publishMeetingVia(t, editor, reviewer, { quota: "10" });
    const res = await signUpVia(t, id, { name: "张三丰", phone: "13700001111" });
    const no = signupNoOf(res);
    const html = await (await t.browser().get(res.headers.get("location")!)).text();
    assert.match(html, new RegExp(`id="signup-no">${no}<`));
    assert.match(html, /张\*丰/);
    assert.ok(!html.includes("张三丰"));
    assert.equal(
      (await t.browser().get(`/interaction/meetings/${id}/signed-up?no=ZT-2026-9999-001`)).status,
      404,
    );
  });
  // Last in the file: it uses up this address's sign-up allowance for the hour.
  it("an address that posts sign-ups too often is slowed down with a Chinese message", async () => {
    const id = await publishMeetingVia(t, editor, reviewer, { quota: "100" });
    const anon = t.browser();
    await anon.get("/login");
    let limited: Response | null = null;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await anon.post(`/interaction/meetings/${id}/signup`, { name: "x" });
      if (res.status === 429) limited = res;
    }
    assert.ok(limited, "refused within 25 posts");
    assert.ok(Number(limited.headers.get("retry-after")) > 0);
    assert.match(await limited.text(), /报名提交过于频繁,请稍后再试/);
  });
});
