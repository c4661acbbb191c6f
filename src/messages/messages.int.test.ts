import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { overdueMessages } from "./supervision";
import { EMAIL, leaveMessage, messageFields, NAME, PHONE, setUpStaff } from "./test-fixtures";

/** Every public surface a visitor or API client could reach for a message. */
async function publicTexts(t: TestApp, id: number): Promise<string> {
  const b = t.browser();
  const pages = [
    "/interaction/messages",
    `/interaction/messages/${id}`,
    "/api/v1/messages",
    `/api/v1/messages/${id}`,
    "/interaction/responses",
  ];
  let all = "";
  for (const p of pages) all += await (await b.get(p)).text();
  return all;
}

describe("留言: workflow, overdue and 督办", () => {
  let t: TestApp;
  let units: Awaited<ReturnType<typeof setUpStaff>>;
  before(async () => {
    t = await createTestApp();
    units = await setUpStaff(t);
  });
  after(() => t.close());

  it("a 咨询 not replied in 5 working days is overdue, 督办-ed, and its transfer history is staff-only", async () => {
    // Monday 2025-03-03: due 2025-03-10 (5 working days, the day of receipt not counted).
    const { id, number, html } = await leaveMessage(t);
    assert.match(html, /答复期限至 2025-03-10/);
    let office = await t.login("office");
    let res = await office.post(`/admin/messages/${id}/actions/assign`, {
      unitId: String(units.food),
    });
    assert.equal(res.status, 303);
    const foodEditor = await t.login("food-editor");
    res = await foodEditor.post(`/admin/messages/${id}/actions/transfer`, {
      unitId: String(units.town),
      reason: "属城关镇辖区,转城关市场监管所办理",
    });
    assert.equal(res.status, 303);

    // On the due day: still in time, nothing to supervise (sessions idle out: sign in again).
    t.setNow("2025-03-10T08:00:00Z");
    office = await t.login("office");
    let list = await (await office.get("/admin/messages?overdue=1")).text();
    assert.doesNotMatch(list, new RegExp(number));
    res = await office.post(`/admin/messages/${id}/actions/supervise`, { note: "请尽快答复" });
    assert.equal(res.status, 400);

    // The next working day: overdue, highlighted, listed by the filter and by supervision.ts.
    t.setNow("2025-03-11T02:00:00Z");
    office = await t.login("office");
    list = await (await office.get("/admin/messages?overdue=1")).text();
    assert.match(list, new RegExp(number));
    assert.match(list, /class="message-overdue"/);
    assert.match(list, /已超期/);
    const overdue = await overdueMessages(t.t.db, { today: "2025-03-11" });
    assert.deepEqual(
      overdue.map((r) => [r.messageNo, r.unitName, r.dueOn]),
      [[number, "城关市场监管所", "2025-03-10"]],
    );
    assert.equal(
      (await overdueMessages(t.t.db, { today: "2025-03-11", unitId: units.food })).length,
      0,
    );

    // A unit's reviewer may not supervise; the office does, with a dated note.
    const townReviewer = await t.login("town-reviewer");
    res = await townReviewer.post(`/admin/messages/${id}/actions/supervise`, { note: "x" });
    assert.equal(res.status, 403);
    res = await office.post(`/admin/messages/${id}/actions/supervise`, {
      note: "请于两个工作日内答复",
    });
    assert.equal(res.status, 303);
    list = await (await office.get("/admin/messages")).text();
    assert.match(list, /已督办 2025-03-11/);

    const page = await (await office.get(`/admin/messages/${id}`)).text();
    assert.match(page, /转办/);
    assert.match(page, /食品经营股 → 城关市场监管所/);
    assert.match(page, /属城关镇辖区,转城关市场监管所办理/);
    assert.match(page, /督办/);
    assert.match(page, /请于两个工作日内答复/);
    assert.ok(page.includes("已超过答复期限(2025-03-10),已于 2025-03-11 督办"));
    // The workbench shows it too.
    const home = await (await office.get("/admin")).text();
    assert.match(home, new RegExp(number));

    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "message")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["message.submit", "message.assign", "message.transfer", "message.supervise"],
    );

    // Reply, review, publish; the public sees the reply but never the history or the contact.
    const townEditor = await t.login("town-editor");
    res = await townEditor.post(`/admin/messages/${id}/actions/submit`, {
      replyText: "您好,延续需提交申请书和营业执照。",
    });
    assert.equal(res.status, 303);
    res = await (await t.login("town-reviewer")).post(`/admin/messages/${id}/actions/approve`);
    assert.equal(res.status, 303);
    const pub = await publicTexts(t, id);
    assert.match(pub, /延续需提交申请书和营业执照/);
    for (const secret of [
      "转办",
      "属城关镇辖区",
      "请于两个工作日内答复",
      "督办",
      PHONE,
      EMAIL,
      NAME,
    ]) {
      assert.ok(!pub.includes(secret), `public pages show ${secret}`);
    }
  });

  it("staff see masked contact in lists; the clear view needs a POST and is audited", async () => {
    const { id } = await leaveMessage(
      t,
      messageFields({ phone: "13800001111", email: "wang@example.com" }),
    );
    const office = await t.login("office");
    const list = await (await office.get("/admin/messages")).text();
    assert.match(list, /138\*\*\*\*1111/);
    assert.ok(!list.includes("13800001111"));
    assert.ok(!list.includes("wang@example.com"));
    const page = await (await office.get(`/admin/messages/${id}`)).text();
    assert.ok(!page.includes("13800001111"));
    const before = await t.t.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "message.reveal_contact")
      .execute();
    const clear = await (await office.post(`/admin/messages/${id}/contact`)).text();
    assert.match(clear, /13800001111/);
    const afterRows = await t.t.db
      .selectFrom("audit_log")
      .select(["id", "detail"])
      .where("action", "=", "message.reveal_contact")
      .execute();
    assert.equal(afterRows.length, before.length + 1);
    assert.ok(
      !afterRows.at(-1)!.detail.includes("13800001111"),
      "the audit entry holds no contact data",
    );
    // The unassigned message's contact is not for a unit's editor.
    const foodEditor = await t.login("food-editor");
    assert.equal((await foodEditor.post(`/admin/messages/${id}/contact`)).status, 403);
    // Stored encrypted.
    const row = await t.t.db
      .selectFrom("messages")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes("13800001111"));
    assert.ok(!JSON.stringify(row).includes("wang@example.com"));
  });
});

describe("留言: publication, consent and rating", () => {
  let t: TestApp;
  let units: Awaited<ReturnType<typeof setUpStaff>>;
  before(async () => {
    t = await createTestApp();
    units = await setUpStaff(t);
  });
  after(() => t.close());

  async function answer(id: number, reply: string, approve = true) {
    const office = await t.login("office");
    await office.post(`/admin/messages/${id}/actions/assign`, { unitId: String(units.food) });
    const editor = await t.login("food-editor");
    const res = await editor.post(`/admin/messages/${id}/actions/submit`, { replyText: reply });
    assert.equal(res.status, 303);
    if (approve) {
      const r = await (await t.login("food-reviewer")).post(
        `/admin/messages/${id}/actions/approve`,
      );
      assert.equal(r.status, 303);
    }
  }

  it("a reply is not public, nor shown to the asker, before review approval", async () => {
    const { id, number, code } = await leaveMessage(t);
    await answer(id, "答复草稿:请携带营业执照办理。", false);
    const pub = await publicTexts(t, id);
    assert.ok(!pub.includes("答复草稿"));
    assert.equal((await t.browser().get(`/interaction/messages/${id}`)).status, 404);
    const asker = t.browser();
    await asker.get("/interaction/messages/track");
    const track = await (await asker.post("/interaction/messages/track", { number, code })).text();
    assert.match(track, /办理中/);
    assert.ok(!track.includes("答复草稿"));
    // Nobody approves their own draft; a return needs a reason and sends it back.
    const editor = await t.login("food-editor");
    assert.equal((await editor.post(`/admin/messages/${id}/actions/approve`)).status, 403);
    const reviewer = await t.login("food-reviewer");
    assert.equal(
      (await reviewer.post(`/admin/messages/${id}/actions/return`, { reason: "" })).status,
      400,
    );
    assert.equal(
      (await reviewer.post(`/admin/messages/${id}/actions/return`, { reason: "请写明办理地点" }))
        .status,
      303,
    );
    assert.equal((await t.browser().get(`/interaction/messages/${id}`)).status, 404);
    await editor.post(`/admin/messages/${id}/actions/submit`, {
      replyText: "请携带营业执照到政务服务中心办理。",
    });
    await reviewer.post(`/admin/messages/${id}/actions/approve`);
    const page = await (await t.browser().get(`/interaction/messages/${id}`)).text();
    assert.match(page, /请携带营业执照到政务服务中心办理/);
    assert.match(page, /食品经营股/);
  });

  it("an answered message without consent never appears publicly; contact data never does", async () => {
    const { id, number } = await leaveMessage(
      t,
      messageFields({
        consentPublic: "",
        subject: "不同意公开的留言标题",
        phone: "13700002222",
        email: "zhao@example.com",
      }),
    );
    await answer(id, "不公开的答复内容。");
    const pub = await publicTexts(t, id);
    for (const secret of [
      "不同意公开的留言标题",
      "不公开的答复内容",
      number,
      "13700002222",
      "zhao@example.com",
      "137****2222",
    ]) {
      assert.ok(!pub.includes(secret), `public shows ${secret}`);
    }
    assert.equal((await t.browser().get(`/interaction/messages/${id}`)).status, 404);
    assert.equal((await t.browser().get(`/api/v1/messages/${id}`)).status, 404);
    // The consented messages from before are listed, with no contact anywhere in the API JSON.
    const api = (await (await t.browser().get("/api/v1/messages")).json()) as {
      items: Record<string, unknown>[];
    };
    assert.ok(api.items.length >= 1);
    for (const item of api.items) {
      assert.deepEqual(Object.keys(item).sort(), [
        "body",
        "category",
        "categoryLabel",
        "id",
        "messageNo",
        "receivedOn",
        "repliedOn",
        "replyText",
        "subject",
        "unitName",
        "url",
      ]);
    }
    assert.ok(
      !JSON.stringify(api).includes(PHONE) &&
        !JSON.stringify(api).includes(EMAIL) &&
        !JSON.stringify(api).includes(NAME),
    );
  });

  it("the asker rates once through the link; a wrong code is refused", async () => {
    const { id, number, code } = await leaveMessage(t);
    const link = `/interaction/messages/rate?no=${number}&code=${code}`;
    // Before the reply: no rating form.
    let page = await (await t.browser().get(link)).text();
    assert.match(page, /尚未答复/);
    await answer(id, "已答复,请查收。");
    const b = t.browser();
    page = await (await b.get(link)).text();
    assert.match(page, /提交评价/);
    const wrong = await b.post("/interaction/messages/rate", {
      no: number,
      code: "ABCD-EFGH",
      rating: "satisfied",
    });
    assert.equal(wrong.status, 404);
    assert.match(await wrong.text(), /留言编号或查询码不正确/);
    assert.equal(
      (await t.browser().get(`/interaction/messages/rate?no=${number}&code=WRONGCODE`)).status,
      404,
    );
    let row = await t.t.db
      .selectFrom("messages")
      .select("rating")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(row.rating, null);
    const ok = await b.post("/interaction/messages/rate", {
      no: number,
      code,
      rating: "basically_satisfied",
      comment: "答复及时",
    });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /感谢您的评价/);
    row = await t.t.db
      .selectFrom("messages")
      .select("rating")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(row.rating, "basically_satisfied");
    const again = await b.post("/interaction/messages/rate", {
      no: number,
      code,
      rating: "dissatisfied",
    });
    assert.equal(again.status, 409);
    row = await t.t.db
      .selectFrom("messages")
      .select("rating")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(row.rating, "basically_satisfied");
    assert.match(await (await t.browser().get(`/interaction/messages/${id}`)).text(), /基本满意/);
  });

  it("a food complaint is pointed to 12315 on the form and after submission, and still logged", async () => {
    const form = await (await t.browser().get("/interaction/messages/new")).text();
    assert.match(form, /www\.12315\.cn/);
    const { id, html } = await leaveMessage(
      t,
      messageFields({ category: "complaint", subject: "购买到过期食品" }),
    );
    assert.match(html, /全国12315平台/);
    assert.match(html, /12315/);
    const row = await t.t.db
      .selectFrom("messages")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(row.category, "complaint");
    // 10 working days from Monday 2025-03-03 (bureau default).
    assert.equal(row.due_on, "2025-03-17");
  });

  it("bad input re-renders the form with field errors, never a 500", async () => {
    const b = t.browser();
    const form = await (await b.get("/interaction/messages/new")).text();
    const res = await b.post("/interaction/messages/new", {
      category: "",
      subject: "",
      body: "",
      phone: "123",
      hc_token: /name="hc_token" value="([^"]+)"/.exec(form)![1]!,
      hc_answer: "999",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    for (const text of [
      "请选择留言类别",
      "请填写标题",
      "请填写留言内容",
      "联系电话应为",
      "验证问题",
    ])
      assert.match(html, new RegExp(text));
  });
});
