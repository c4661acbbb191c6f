import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import type { RecordActor } from "./changes";
import { listCatalogGaps, listDueRecords } from "./deadlines";
import { createRecord, updateRecord } from "./service";
import {
  actorFor,
  buildRecord,
  insertCatalogItem,
  publishableReview,
  setCreditCode,
} from "./test-fixtures";
import { transitionRecord } from "./transitions";

describe("deadlines of records", () => {
  let t: TestApp;
  let editor: RecordActor;
  let reviewer: RecordActor;
  let approver: RecordActor;
  let item: number;

  async function publish(id: number) {
    await transitionRecord(t.t.db, id, { action: "submit" }, editor, t.now());
    await transitionRecord(
      t.t.db,
      id,
      { action: "approve", review: publishableReview },
      reviewer,
      t.now(),
    );
    return transitionRecord(t.t.db, id, { action: "sign" }, approver, t.now());
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
    item = await insertCatalogItem(t.t.db, { code: "T-20" });
  });
  after(() => t.close());

  it("the due date is computed on save across 春节 2025 and its 调休 days", async () => {
    const r = await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-01-24", catalogItemId: item }),
      editor,
      t.now(),
    );
    assert.equal(r.dueOn, "2025-02-27");
    assert.equal(r.catalogItemVersion, 1);
    const edited = await updateRecord(t.t.db, r.id, { formedOn: "2025-02-03" }, editor, t.now());
    assert.equal(edited.dueOn, "2025-03-03");
    const unfiled = await updateRecord(t.t.db, r.id, { catalogItemId: null }, editor, t.now());
    assert.equal(unfiled.dueOn, null);
  });

  it("a record published after its due date is marked late", async () => {
    const r = await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-01-24", catalogItemId: item }),
      editor,
      t.now(),
    );
    const published = await publish(r.id);
    assert.equal(published.publishedOn, "2025-03-03");
    assert.equal(published.publishedLate, true);
    const onTime = await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-02-24", catalogItemId: item }),
      editor,
      t.now(),
    );
    assert.equal((await publish(onTime.id)).publishedLate, false);
  });

  it("lists records due within three working days and overdue ones, not published ones", async () => {
    const dueSoon = await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-01-24", catalogItemId: item }),
      editor,
      t.now(),
    );
    const overdue = await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-01-02", catalogItemId: item }),
      editor,
      t.now(),
    );
    const later = await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-02-20", catalogItemId: item }),
      editor,
      t.now(),
    );
    const due = await listDueRecords(t.t.db, { today: "2025-02-24" });
    const soonIds = due.dueSoon.map((r) => r.id);
    const overdueIds = due.overdue.map((r) => r.id);
    assert.ok(soonIds.includes(dueSoon.id));
    assert.equal(due.dueSoon.find((r) => r.id === dueSoon.id)?.workdays, 3);
    assert.ok(overdueIds.includes(overdue.id));
    assert.equal(due.overdue.find((r) => r.id === overdue.id)?.dueOn, "2025-02-06");
    assert.ok(!soonIds.includes(later.id) && !overdueIds.includes(later.id));
    const published = await publish(dueSoon.id);
    assert.equal(published.state, "published");
    const after = await listDueRecords(t.t.db, { today: "2025-02-24" });
    assert.ok(!after.dueSoon.some((r) => r.id === dueSoon.id));
    const otherUnit = await listDueRecords(t.t.db, { today: "2025-02-24", unitId: 999_999 });
    assert.deepEqual(otherUnit, { overdue: [], dueSoon: [] });
  });

  it("lists active proactive catalog items without a published record in the period", async () => {
    const updated = await insertCatalogItem(t.t.db, { code: "T-UPD" });
    const silent = await insertCatalogItem(t.t.db, { code: "T-SIL" });
    const onApplication = await insertCatalogItem(t.t.db, { code: "T-APP", proactive: false });
    const inactive = await insertCatalogItem(t.t.db, { code: "T-OFF", active: false });
    const r = await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-02-28", catalogItemId: updated }),
      editor,
      t.now(),
    );
    await publish(r.id);
    await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-01-02", catalogItemId: silent }),
      editor,
      t.now(),
    );

    const mine = new Set([updated, silent, onApplication, inactive]);
    const gaps = (
      await listCatalogGaps(t.t.db, { from: "2025-03-01", to: "2025-03-31", today: "2025-03-03" })
    ).filter((g) => mine.has(g.catalogItemId));
    assert.deepEqual(
      gaps.map((g) => g.code),
      ["T-SIL"],
    );
    assert.deepEqual([gaps[0]!.lastPublishedOn, gaps[0]!.overdueRecords], [null, 1]);

    const february = (
      await listCatalogGaps(t.t.db, { from: "2025-02-01", to: "2025-02-28", today: "2025-03-03" })
    ).filter((g) => mine.has(g.catalogItemId));
    assert.deepEqual(february.map((g) => g.code).sort(), ["T-SIL", "T-UPD"]);
  });

  it("a withdrawn record no longer fills its catalog item", async () => {
    const lone = await insertCatalogItem(t.t.db, { code: "T-WD" });
    const r = await createRecord(
      t.t.db,
      buildRecord({ formedOn: "2025-02-28", catalogItemId: lone }),
      editor,
      t.now(),
    );
    await publish(r.id);
    const period = { from: "2025-03-01", to: "2025-03-31", today: "2025-03-03" };
    assert.ok(!(await listCatalogGaps(t.t.db, period)).some((g) => g.catalogItemId === lone));
    await transitionRecord(
      t.t.db,
      r.id,
      { action: "withdraw", comment: "内容有误" },
      approver,
      t.now(),
    );
    assert.ok((await listCatalogGaps(t.t.db, period)).some((g) => g.catalogItemId === lone));
  });

  it("a record cannot be filed under a deactivated catalog item", async () => {
    const off = await insertCatalogItem(t.t.db, { code: "T-OFF2", active: false });
    await assert.rejects(
      createRecord(t.t.db, buildRecord({ catalogItemId: off }), editor, t.now()),
      (e: Error & { fields?: Record<string, string> }) =>
        /已停用/.test(e.fields?.catalogItemId ?? ""),
    );
  });
});
