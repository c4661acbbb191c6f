import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import type { RecordActor } from "../records/changes";
import { createRecord, transitionRecord } from "../records/service";
import { actorFor, buildRecord, publishableReview, setCreditCode } from "../records/test-fixtures";
import { leaveMessage, messageFields, setUpStaff } from "./test-fixtures";

describe("回应关切 and 政策问答 links", () => {
  let t: TestApp;
  let units: Awaited<ReturnType<typeof setUpStaff>>;
  let editor: RecordActor;
  let reviewer: RecordActor;
  let approver: RecordActor;

  async function publish(overrides: Parameters<typeof buildRecord>[0]): Promise<number> {
    const now = t.now();
    const { id } = await createRecord(t.t.db, buildRecord(overrides), editor, now);
    await transitionRecord(t.t.db, id, { action: "submit" }, editor, now);
    await transitionRecord(
      t.t.db,
      id,
      { action: "approve", review: publishableReview },
      reviewer,
      now,
    );
    await transitionRecord(t.t.db, id, { action: "sign" }, approver, now);
    return id;
  }

  async function answered(consent: boolean): Promise<{ id: number; number: string }> {
    const m = await leaveMessage(
      t,
      messageFields({
        consentPublic: consent ? "1" : "",
        subject: consent ? "公开留言关于小作坊登记" : "不公开的留言标题",
      }),
    );
    await (await t.login("office")).post(`/admin/messages/${m.id}/actions/assign`, {
      unitId: String(units.food),
    });
    await (await t.login("food-editor")).post(`/admin/messages/${m.id}/actions/submit`, {
      replyText: "已答复。",
    });
    await (await t.login("food-reviewer")).post(`/admin/messages/${m.id}/actions/approve`);
    return m;
  }

  before(async () => {
    t = await createTestApp();
    await setCreditCode(t.t.db);
    units = await setUpStaff(t);
    await t.createUser("rec-editor", ["editor"]);
    await t.createUser("rec-reviewer", ["reviewer"]);
    await t.createUser("rec-approver", ["approver"]);
    editor = await actorFor(t.t.db, "rec-editor");
    reviewer = await actorFor(t.t.db, "rec-reviewer");
    approver = await actorFor(t.t.db, "rec-approver");
  });
  after(() => t.close());

  it("links a published 回应关切 to a message, a record and a consultation, shown publicly", async () => {
    const policy = await publish({ title: "关于食品小作坊登记管理的通知" });
    const response = await publish({ title: "关于小作坊登记问题的回应", genre: "concernResponse" });
    const consented = await answered(true);
    const hidden = await answered(false);
    const b = await t.login("rec-editor");
    await b.get(`/admin/records/${response}/concerns`);
    for (const [kind, target] of [
      ["message", consented.number],
      ["message", String(hidden.id)],
      ["record", String(policy)],
      ["consultation", "7"],
    ]) {
      const res = await b.post(`/admin/records/${response}/concerns`, {
        kind: kind!,
        target: target!,
      });
      assert.equal(res.status, 303, `${kind} ${target}`);
    }
    // Twice is refused; an unknown message too.
    assert.equal(
      (
        await b.post(`/admin/records/${response}/concerns`, {
          kind: "record",
          target: String(policy),
        })
      ).status,
      400,
    );
    const unknown = await b.post(`/admin/records/${response}/concerns`, {
      kind: "message",
      target: "LY-2025-09999",
    });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /LY-2025-09999 不存在/);

    const staff = await (await b.get(`/admin/records/${response}/concerns`)).text();
    assert.match(staff, new RegExp(consented.number));
    assert.match(staff, /意见征集 7/);

    const page = await (await t.browser().get(`/records/${response}`)).text();
    assert.match(page, /回应的关切 \/ 相关留言 \/ 解读的文件/);
    assert.match(page, new RegExp(`href="/interaction/messages/${consented.id}"`));
    assert.match(page, new RegExp(`href="/records/${policy}"`));
    assert.match(page, /href="\/interaction\/consultations\/7"/);
    // The unconsented message is linked for staff but never shown publicly.
    assert.ok(!page.includes("不公开的留言标题"));
    assert.ok(!page.includes(`/interaction/messages/${hidden.id}"`));

    const list = await (await t.browser().get("/interaction/responses")).text();
    assert.match(list, /关于小作坊登记问题的回应/);
    assert.match(list, /公开留言关于小作坊登记/);
    assert.ok(!list.includes("不公开的留言标题"));

    const messagePage = await (
      await t.browser().get(`/interaction/messages/${consented.id}`)
    ).text();
    assert.match(messagePage, new RegExp(`href="/records/${response}"`));
  });

  it("政策问答 are listed under their own tab; other genres cannot be linked", async () => {
    await publish({ title: "食品经营许可政策问答", genre: "policyQa" });
    const qa = await (await t.browser().get("/interaction/responses?genre=policyQa")).text();
    assert.match(qa, /食品经营许可政策问答/);
    assert.ok(!qa.includes("关于小作坊登记问题的回应"));
    const notice = await publish({ title: "普通通知" });
    const b = await t.login("rec-editor");
    const res = await b.post(`/admin/records/${notice}/concerns`, {
      kind: "consultation",
      target: "1",
    });
    assert.equal(res.status, 400);
  });

  it("only an editor links; a draft response shows nothing publicly", async () => {
    const { id } = await createRecord(
      t.t.db,
      buildRecord({ title: "回应草稿", genre: "concernResponse" }),
      editor,
      t.now(),
    );
    const reviewerBrowser = await t.login("rec-reviewer");
    assert.equal(
      (
        await reviewerBrowser.post(`/admin/records/${id}/concerns`, {
          kind: "consultation",
          target: "3",
        })
      ).status,
      403,
    );
    const b = await t.login("rec-editor");
    assert.equal(
      (await b.post(`/admin/records/${id}/concerns`, { kind: "consultation", target: "3" })).status,
      303,
    );
    assert.equal((await t.browser().get(`/records/${id}`)).status, 404);
    assert.ok(
      !(await (await t.browser().get("/interaction/responses")).text()).includes("回应草稿"),
    );
  });
});
