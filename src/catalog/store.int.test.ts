import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { systemActor } from "../platform/audit";
import { loadShippedCatalog } from "./seed";
import { findShippedItem, foodDrugCatalog } from "./shipped-catalog";
import {
  activateCatalogItem,
  deactivateCatalogItem,
  findCatalogItem,
  findCatalogItemVersion,
  listCatalogItems,
  listCatalogItemVersions,
  saveCatalogItem,
  standardColumnsOf,
} from "./store";

const actor = { id: null, name: "测试", ip: "127.0.0.1" };

describe("catalog store", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const byCode = async (code: string) => {
    const item = (await listCatalogItems(t.t.db)).find((i) => i.code === code);
    assert.ok(item, `item ${code} exists`);
    return item;
  };

  it("the shipped catalog is loaded on first start: 9 active table rows and 5 inactive candidates", async () => {
    const all = await listCatalogItems(t.t.db);
    assert.equal(all.length, 14);
    const active = await listCatalogItems(t.t.db, { activeOnly: true });
    assert.deepEqual(
      active.map((i) => i.code),
      ["FD-01", "FD-02", "FD-03", "FD-04", "FD-05", "FD-06", "FD-07", "FD-08", "FD-09"],
    );
    assert.deepEqual(
      active.map((i) => i.seq),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    const candidates = all.filter((i) => !i.isActive);
    assert.equal(candidates.length, 5);
    for (const c of candidates) {
      assert.equal(c.candidate, true);
      assert.equal(c.verification, "unverified");
      assert.match(c.code, /^FD-C\d$/);
    }
  });

  it("each shipped row is stored column for column, with its provenance and a version-1 snapshot", async () => {
    for (const shipped of foodDrugCatalog.items) {
      const stored = await byCode(shipped.code);
      assert.deepEqual(standardColumnsOf(stored), standardColumnsOf(shipped));
      assert.equal(stored.verification, shipped.verified);
      assert.deepEqual(stored.unverifiedFields, shipped.unverifiedFields);
      assert.deepEqual(stored.deadlineRule, shipped.deadline.rule);
      assert.equal(stored.version, 1);
      const v1 = await findCatalogItemVersion(t.t.db, stored.id, 1);
      assert.ok(v1);
      assert.deepEqual(standardColumnsOf(v1), standardColumnsOf(shipped));
    }
  });

  it("loading the shipped catalog again adds nothing", async () => {
    const added = await t.t.db
      .transaction()
      .execute((trx) => loadShippedCatalog(trx, foodDrugCatalog, systemActor, t.now()));
    assert.equal(added, 0);
    assert.equal((await listCatalogItems(t.t.db)).length, 14);
  });

  it("editing an item bumps its version and keeps the old snapshot for records filed under it", async () => {
    const item = await byCode("FD-02");
    const unitId = await t.rootUnitId();
    const admin = await t.createUser("store-admin", ["admin"]);
    const { id: recordId } = await t.t.db
      .insertInto("records")
      .values({
        title: "某公司食品经营许可信息",
        publisher: "县市场监督管理局",
        unit_id: unitId,
        formed_on: "2025-03-01",
        topic: "食品药品",
        genre: "notice",
        openness: "result",
        state: "published",
        catalog_item_id: item.id,
        catalog_item_version: item.version,
        created_by: admin,
        created_at: t.now().toISOString(),
        updated_at: t.now().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const changed = {
      ...standardColumnsOf(item),
      deadline: {
        text: "信息形成或变更之日起7个工作日内",
        rule: { kind: "working_days_from_formation_or_change" as const, days: 7 },
      },
      responsibleUnit: "县市场监督管理局行政审批股",
    };
    const saved = await saveCatalogItem(t.t.db, item.id, changed, actor, t.now());
    assert.deepEqual(saved, { ok: true, id: item.id, version: 2, changed: true });

    const now = await findCatalogItem(t.t.db, item.id);
    assert.equal(now?.version, 2);
    assert.deepEqual(now?.deadlineRule, { kind: "working_days_from_formation_or_change", days: 7 });

    const record = await t.t.db
      .selectFrom("records")
      .select(["catalog_item_id", "catalog_item_version"])
      .where("id", "=", recordId)
      .executeTakeFirstOrThrow();
    const filed = await findCatalogItemVersion(
      t.t.db,
      record.catalog_item_id!,
      record.catalog_item_version!,
    );
    assert.equal(filed?.version, 1);
    assert.deepEqual(filed?.deadlineRule, {
      kind: "working_days_from_formation_or_change",
      days: 20,
    });
    assert.equal(filed?.responsibleUnit, "市场监督管理、行政审批相关责任部门");
    assert.deepEqual(standardColumnsOf(filed!), standardColumnsOf(findShippedItem("FD-02")!));
    assert.deepEqual(
      (await listCatalogItemVersions(t.t.db, item.id)).map((v) => v.version),
      [2, 1],
    );

    const audit = await t.t.db
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("action", "=", "catalog.update")
      .where("object_id", "=", String(item.id))
      .execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.detail, /第2版;修改:公开时限、公开主体/);
  });

  it("saving the same content again does not make a new version", async () => {
    const item = await byCode("FD-03");
    const result = await saveCatalogItem(t.t.db, item.id, standardColumnsOf(item), actor, t.now());
    assert.deepEqual(result, { ok: true, id: item.id, version: 1, changed: false });
    assert.equal((await listCatalogItemVersions(t.t.db, item.id)).length, 1);
  });

  it("a save based on an older version is refused", async () => {
    const item = await byCode("FD-02");
    const result = await saveCatalogItem(
      t.t.db,
      item.id,
      { ...standardColumnsOf(item), item: "改名", expectedVersion: 1 },
      actor,
      t.now(),
    );
    assert.deepEqual(result, { ok: false, reason: "stale" });
    assert.equal((await findCatalogItem(t.t.db, item.id))?.item, "食品生产经营许可基本信息");
  });

  it("marking a candidate verified clears its candidate mark and the lists of doubtful fields", async () => {
    const item = await byCode("FD-C4");
    const filled = {
      ...standardColumnsOf(item),
      elements: ["投诉举报渠道"],
      verification: "verified" as const,
    };
    await saveCatalogItem(t.t.db, item.id, filled, actor, t.now());
    const now = await findCatalogItem(t.t.db, item.id);
    assert.equal(now?.candidate, false);
    assert.deepEqual(now?.missingFields, []);
    assert.deepEqual(now?.unverifiedFields, []);
    assert.equal(now?.isActive, false, "verifying does not activate");
  });

  it("a filled missing field stops being listed as missing while the row stays unverified", async () => {
    const item = await byCode("FD-C5");
    await saveCatalogItem(
      t.t.db,
      item.id,
      { ...standardColumnsOf(item), legalBasis: ["《中华人民共和国食品安全法》"] },
      actor,
      t.now(),
    );
    const now = await findCatalogItem(t.t.db, item.id);
    assert.ok(!now?.missingFields.includes("legalBasis"));
    assert.ok(now?.missingFields.includes("elements"));
    assert.equal(now?.verification, "unverified");
  });

  it("a new item gets a code, version 1 and its snapshot", async () => {
    const template = await byCode("FD-01");
    const result = await saveCatalogItem(
      t.t.db,
      null,
      { ...standardColumnsOf(template), seq: 10, item: "食品小作坊登记服务指南" },
      actor,
      t.now(),
    );
    assert.ok(result.ok);
    const created = await findCatalogItem(t.t.db, result.id);
    assert.match(created!.code, /^BJ-\d{3,}$/);
    assert.equal(created!.isActive, true);
    assert.equal((await findCatalogItemVersion(t.t.db, result.id, 1))?.code, created!.code);
  });

  it("deactivating takes an item out of the adopted catalog, activating puts it back", async () => {
    const item = await byCode("FD-09");
    await deactivateCatalogItem(t.t.db, item.id, actor, t.now());
    let active = await listCatalogItems(t.t.db, { activeOnly: true });
    assert.ok(!active.some((i) => i.id === item.id));
    await activateCatalogItem(t.t.db, item.id, actor, t.now());
    active = await listCatalogItems(t.t.db, { activeOnly: true });
    assert.ok(active.some((i) => i.id === item.id));
    assert.equal(
      (await findCatalogItem(t.t.db, item.id))?.version,
      1,
      "activation is not a new version",
    );
    const actions = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_id", "=", String(item.id))
      .where("object_type", "=", "catalog_item")
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ["catalog.deactivate", "catalog.activate"],
    );
  });
});
