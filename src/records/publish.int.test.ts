import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { defaultSiteSettings, saveSiteSettings } from "../platform/settings";
import type { RecordActor } from "./changes";
import { publishDueScheduledRecords } from "./publish";
import { createRecord, getRecord } from "./service";
import {
  actorFor,
  buildRecord,
  CREDIT_CODE,
  publishableReview,
  setCreditCode,
} from "./test-fixtures";
import { transitionRecord } from "./transitions";

describe("publishing", () => {
  let t: TestApp;
  let editor: RecordActor;
  let reviewer: RecordActor;
  let approver: RecordActor;

  /** A record created, submitted and approved through the service, ready to sign. */
  async function awaitingSignoff(title = "关于开展食品安全抽检工作的通知"): Promise<number> {
    const now = t.now();
    const { id } = await createRecord(t.t.db, buildRecord({ title }), editor, now);
    await transitionRecord(t.t.db, id, { action: "submit" }, editor, now);
    await transitionRecord(
      t.t.db,
      id,
      { action: "approve", review: publishableReview },
      reviewer,
      now,
    );
    return id;
  }

  before(async () => {
    t = await createTestApp();
    await setCreditCode(t.t.db);
    await t.createUser("editor", ["editor"]);
    await t.createUser("reviewer", ["reviewer"]);
    await t.createUser("approver", ["approver"]);
    editor = await actorFor(t.t.db, "editor");
    reviewer = await actorFor(t.t.db, "reviewer");
    approver = await actorFor(t.t.db, "approver");
  });
  after(() => t.close());

  it("20 records signed at once get distinct, contiguous 索引号", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(await awaitingSignoff(`关于开展第${i + 1}批食品安全抽检工作的通知`));
    const signed = await Promise.all(
      ids.map((id) => transitionRecord(t.t.db, id, { action: "sign" }, approver, t.now())),
    );
    const indexNos = signed.map((r) => r.indexNo!);
    assert.equal(new Set(indexNos).size, 20);
    const serials = indexNos
      .map((n) => Number(n.slice(`${CREDIT_CODE}/2025-`.length)))
      .sort((a, b) => a - b);
    assert.deepEqual(
      serials,
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const counter = await t.t.db
      .selectFrom("index_no_serials")
      .selectAll()
      .where("year", "=", 2025)
      .executeTakeFirstOrThrow();
    assert.equal(counter.last_serial, 20);
  });

  it("a scheduled record is published when due, lazily on read, with the next 索引号", async () => {
    const id = await awaitingSignoff();
    const publishAt = new Date(t.now().getTime() + 3_600_000).toISOString();
    const scheduled = await transitionRecord(
      t.t.db,
      id,
      { action: "schedule", publishAt },
      approver,
      t.now(),
    );
    assert.deepEqual(
      [scheduled.state, scheduled.scheduledAt, scheduled.indexNo],
      ["scheduled", publishAt, null],
    );
    assert.equal((await getRecord(t.t.db, id, t.now())).state, "scheduled");

    const later = new Date(t.now().getTime() + 2 * 3_600_000);
    const record = await getRecord(t.t.db, id, later);
    assert.equal(record.state, "published");
    assert.equal(record.publishedAt, later.toISOString());
    assert.equal(record.indexNo, `${CREDIT_CODE}/2025-00021`);
    const event = await t.t.db
      .selectFrom("record_events")
      .selectAll()
      .where("record_id", "=", id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    assert.deepEqual([event.action, event.actor_id], ["publish_scheduled", null]);
  });

  it("two schedulers running at once publish a due record once", async () => {
    const id = await awaitingSignoff();
    const publishAt = new Date(t.now().getTime() + 60_000).toISOString();
    await transitionRecord(t.t.db, id, { action: "schedule", publishAt }, approver, t.now());
    const later = new Date(t.now().getTime() + 120_000);
    const runs = await Promise.all([
      publishDueScheduledRecords(t.t.db, later),
      publishDueScheduledRecords(t.t.db, later),
    ]);
    assert.deepEqual(
      runs.flatMap((r) => r.published),
      [id],
    );
    assert.deepEqual(
      runs.flatMap((r) => r.refused),
      [],
    );
    const events = await t.t.db
      .selectFrom("record_events")
      .select("action")
      .where("record_id", "=", id)
      .where("action", "=", "publish_scheduled")
      .execute();
    assert.equal(events.length, 1);
  });

  it("a scheduled record sent back does not go out", async () => {
    const id = await awaitingSignoff();
    const publishAt = new Date(t.now().getTime() + 60_000).toISOString();
    await transitionRecord(t.t.db, id, { action: "schedule", publishAt }, approver, t.now());
    const back = await transitionRecord(
      t.t.db,
      id,
      { action: "reject", comment: "暂缓发布" },
      approver,
      t.now(),
    );
    assert.deepEqual([back.state, back.scheduledAt], ["draft", null]);
    await publishDueScheduledRecords(t.t.db, new Date(t.now().getTime() + 120_000));
    assert.equal((await getRecord(t.t.db, id)).state, "draft");
  });

  it("without a 统一社会信用代码 the record cannot be signed, and no number is used up", async () => {
    const id = await awaitingSignoff();
    await saveSiteSettings(t.t.db, { ...defaultSiteSettings, creditCode: "" });
    await assert.rejects(
      transitionRecord(t.t.db, id, { action: "sign" }, approver, t.now()),
      (e: Error & { status?: number }) => {
        assert.equal(e.status, 409);
        assert.match(e.message, /统一社会信用代码/);
        return true;
      },
    );
    await setCreditCode(t.t.db);
    const signed = await transitionRecord(t.t.db, id, { action: "sign" }, approver, t.now());
    assert.equal(signed.indexNo, `${CREDIT_CODE}/2025-00023`);
  });

  it("a pattern without {year} keeps counting across years, so numbers never repeat", async () => {
    await saveSiteSettings(t.t.db, {
      ...defaultSiteSettings,
      creditCode: CREDIT_CODE,
      indexNoPattern: "GK-{serial:3}",
    });
    const first = await awaitingSignoff();
    const a = await transitionRecord(t.t.db, first, { action: "sign" }, approver, t.now());
    t.setNow("2026-01-05T02:00:00Z");
    const second = await awaitingSignoff();
    const b = await transitionRecord(t.t.db, second, { action: "sign" }, approver, t.now());
    assert.deepEqual([a.indexNo, b.indexNo], ["GK-001", "GK-002"]);
  });
});
