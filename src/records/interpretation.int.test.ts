import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import type { RecordActor } from "./changes";
import { createRecord, getRecord } from "./service";
import { actorFor, buildRecord, publishableReview, setCreditCode } from "./test-fixtures";
import { transitionRecord } from "./transitions";

describe("interpretation released with its policy", () => {
  let t: TestApp;
  let editor: RecordActor;
  let interpreter: RecordActor;
  let reviewer: RecordActor;
  let approver: RecordActor;
  const act = (id: number, input: Parameters<typeof transitionRecord>[2], actor: RecordActor) =>
    transitionRecord(t.t.db, id, input, actor, t.now());
  const approve = { action: "approve" as const, review: publishableReview };

  async function refusedWith(promise: Promise<unknown>, status: number, message: RegExp) {
    await assert.rejects(promise, (e: Error & { status?: number }) => {
      assert.equal(e.status, status);
      assert.match(e.message, message);
      return true;
    });
  }

  /** A 规范性文件 needing interpretation and its text interpretation, both drafts. */
  async function policyWithInterpretation() {
    const policy = await createRecord(
      t.t.db,
      buildRecord({
        title: "县市场监督管理局食品小作坊登记管理办法",
        genre: "normativeDocument",
        needsInterpretation: true,
      }),
      editor,
      t.now(),
    );
    const interpretation = await createRecord(
      t.t.db,
      buildRecord({
        title: "《县市场监督管理局食品小作坊登记管理办法》政策解读",
        genre: "interpretation",
        interpretsRecordId: policy.id,
        interpretationKind: "text",
      }),
      interpreter,
      t.now(),
    );
    return { policy: policy.id, interpretation: interpretation.id };
  }

  /** Both approved and awaiting sign-off. */
  async function bothApproved() {
    const ids = await policyWithInterpretation();
    await act(ids.interpretation, { action: "submit" }, interpreter);
    await act(ids.policy, { action: "submit" }, editor);
    await act(ids.interpretation, approve, reviewer);
    await act(ids.policy, approve, reviewer);
    return ids;
  }

  before(async () => {
    t = await createTestApp();
    await setCreditCode(t.t.db);
    for (const [name, role] of [
      ["editor", "editor"],
      ["interpreter", "editor"],
      ["reviewer", "reviewer"],
      ["approver", "approver"],
    ] as const) {
      await t.createUser(name, [role]);
    }
    editor = await actorFor(t.t.db, "editor");
    interpreter = await actorFor(t.t.db, "interpreter");
    reviewer = await actorFor(t.t.db, "reviewer");
    approver = await actorFor(t.t.db, "approver");
  });
  after(() => t.close());

  it("the policy cannot get ahead of its interpretation in review", async () => {
    const ids = await policyWithInterpretation();
    await refusedWith(act(ids.policy, { action: "submit" }, editor), 409, /先将其政策解读送审/);
    await act(ids.interpretation, { action: "submit" }, interpreter);
    await act(ids.policy, { action: "submit" }, editor);
    await refusedWith(act(ids.policy, approve, reviewer), 409, /先审核通过其政策解读/);
  });

  it("a policy needing interpretation cannot be signed alone, nor its interpretation before it", async () => {
    const ids = await bothApproved();
    await refusedWith(act(ids.interpretation, { action: "sign" }, approver), 409, /同步签发/);
    await act(ids.interpretation, { action: "reject", comment: "解读需补充图解" }, approver);
    await refusedWith(act(ids.policy, { action: "sign" }, approver), 409, /不能单独签发/);
    assert.equal((await getRecord(t.t.db, ids.policy)).state, "awaiting_signoff");
  });

  it("with the interpretation approved, signing the policy publishes both in one go", async () => {
    const ids = await bothApproved();
    const policy = await act(ids.policy, { action: "sign" }, approver);
    const interpretation = await getRecord(t.t.db, ids.interpretation);
    assert.equal(policy.state, "published");
    assert.equal(interpretation.state, "published");
    assert.equal(interpretation.publishedAt, policy.publishedAt);
    assert.ok(interpretation.indexNo && interpretation.indexNo !== policy.indexNo);
    const event = await t.t.db
      .selectFrom("record_events")
      .selectAll()
      .where("record_id", "=", ids.interpretation)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [event.action, event.actor_id, event.comment],
      ["sign", approver.id, "随所解读的政策文件同步发布"],
    );
  });

  it("the signer must not have drafted the interpretation that goes out with the policy", async () => {
    await t.createUser("writer-approver", ["editor", "approver"]);
    const writer = await actorFor(t.t.db, "writer-approver");
    const policy = await createRecord(
      t.t.db,
      buildRecord({ genre: "policyDocument", needsInterpretation: true }),
      editor,
      t.now(),
    );
    const interp = await createRecord(
      t.t.db,
      buildRecord({
        genre: "interpretation",
        interpretsRecordId: policy.id,
        interpretationKind: "image",
      }),
      writer,
      t.now(),
    );
    await act(interp.id, { action: "submit" }, writer);
    await act(policy.id, { action: "submit" }, editor);
    await act(interp.id, approve, reviewer);
    await act(policy.id, approve, reviewer);
    await refusedWith(
      act(policy.id, { action: "sign" }, writer),
      403,
      /随文签发的政策解读由您起草/,
    );
  });

  it("scheduling the policy schedules its interpretation, and both go live at the same instant", async () => {
    const ids = await bothApproved();
    const publishAt = new Date(t.now().getTime() + 3_600_000).toISOString();
    await act(ids.policy, { action: "schedule", publishAt }, approver);
    assert.equal((await getRecord(t.t.db, ids.interpretation)).state, "scheduled");
    const later = new Date(t.now().getTime() + 7_200_000);
    const policy = await getRecord(t.t.db, ids.policy, later);
    const interpretation = await getRecord(t.t.db, ids.interpretation);
    assert.deepEqual([policy.state, interpretation.state], ["published", "published"]);
    assert.equal(interpretation.publishedAt, policy.publishedAt);
  });

  it("withdrawing the policy withdraws its interpretation too", async () => {
    const ids = await bothApproved();
    await act(ids.policy, { action: "sign" }, approver);
    await act(ids.policy, { action: "withdraw", comment: "上位法修订,文件停止执行" }, approver);
    const interpretation = await getRecord(t.t.db, ids.interpretation);
    assert.equal(interpretation.state, "withdrawn");
    assert.match(interpretation.withdrawReason ?? "", /所解读的政策文件已撤回:上位法修订/);
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("object_id")
      .where("action", "=", "record.withdraw")
      .execute();
    assert.ok(audit.some((a) => a.object_id === String(ids.interpretation)));
  });

  it("an interpretation written after its policy was published can be signed on its own", async () => {
    const policy = await createRecord(
      t.t.db,
      buildRecord({ genre: "normativeDocument" }),
      editor,
      t.now(),
    );
    await act(policy.id, { action: "submit" }, editor);
    await act(policy.id, approve, reviewer);
    await act(policy.id, { action: "sign" }, approver);
    const interp = await createRecord(
      t.t.db,
      buildRecord({
        genre: "interpretation",
        interpretsRecordId: policy.id,
        interpretationKind: "video",
        videoUrl: "https://video.example/1",
      }),
      interpreter,
      t.now(),
    );
    await act(interp.id, { action: "submit" }, interpreter);
    await act(interp.id, approve, reviewer);
    assert.equal((await act(interp.id, { action: "sign" }, approver)).state, "published");
  });

  it("a video interpretation needs its link, and only policy genres need interpretation", async () => {
    await assert.rejects(
      createRecord(
        t.t.db,
        buildRecord({ genre: "interpretation", interpretationKind: "video" }),
        editor,
        t.now(),
      ),
      (e: Error & { fields?: Record<string, string> }) => !!e.fields?.videoUrl,
    );
    await assert.rejects(
      createRecord(
        t.t.db,
        buildRecord({ genre: "notice", needsInterpretation: true }),
        editor,
        t.now(),
      ),
      (e: Error & { fields?: Record<string, string> }) => !!e.fields?.needsInterpretation,
    );
  });
});
