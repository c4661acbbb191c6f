import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";

describe("unit administration", () => {
  let t: TestApp;
  let boss: Browser;
  let rootId: number;

  const unitRow = (name: string) =>
    t.t.db.selectFrom("units").selectAll().where("name", "=", name).executeTakeFirstOrThrow();
  const auditRows = (action: string) =>
    t.t.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

  async function addUnit(name: string, kind: string, parentId: number | null) {
    const res = await boss.post("/admin/units", {
      name,
      kind,
      parentId: parentId === null ? "" : String(parentId),
    });
    assert.equal(res.status, 303, `${name}: ${res.status}`);
    return (await unitRow(name)).id;
  }

  before(async () => {
    t = await createTestApp();
    await t.createUser("boss", ["admin"]);
    boss = await t.login("boss");
    rootId = await t.rootUnitId();
  });
  after(() => t.close());

  it("only the 系统管理员 reaches 单位管理", async () => {
    await t.createUser("clerk", ["editor", "reviewer", "approver", "applicationOfficer"]);
    await t.createUser("watcher", ["auditor"]);
    for (const username of ["clerk", "watcher"]) {
      const b = await t.login(username);
      assert.equal((await b.get("/admin/units")).status, 403, username);
      assert.equal((await b.get(`/admin/units/${rootId}`)).status, 403, username);
      const post = await b.post("/admin/units", {
        name: "x",
        kind: "department",
        parentId: String(rootId),
      });
      assert.equal(post.status, 403, username);
    }
    assert.equal((await t.t.db.selectFrom("units").select("id").execute()).length, 1);
  });

  it("creating a unit puts it under its parent and is audited", async () => {
    const res = await boss.post("/admin/units", {
      name: "食品股",
      kind: "department",
      parentId: String(rootId),
    });
    assert.equal(res.status, 303);
    const unit = await unitRow("食品股");
    assert.equal(res.headers.get("location"), `/admin/units?done=created#unit-${unit.id}`);
    assert.equal(unit.parent_id, rootId);
    assert.equal(unit.kind, "department");
    const audit = (await auditRows("unit.created")).at(-1)!;
    assert.equal(audit.actor_name, "boss");
    assert.equal(audit.object_id, String(unit.id));
    assert.equal(audit.detail, "食品股(股室)");
  });

  it("the page shows the unit tree nested, with each unit's people", async () => {
    const township = await addUnit("城关所", "township_office", rootId);
    await t.createUser("zhou", ["editor"], township);
    const html = await (await boss.get("/admin/units")).text();
    const tree = /<ul class="unit-tree">([\s\S]*)<h2 id="new-unit">/.exec(html)?.[1] ?? "";
    // Both units sit in a list inside the bureau's list item.
    assert.match(
      tree,
      /^<li id="unit-\d+"><a[^>]*>局机关<\/a>.*?<ul class="unit-tree"><li id="unit-\d+"><a[^>]*>食品股/s,
    );
    assert.match(
      tree,
      new RegExp(
        `<li id="unit-${township}"><a href="/admin/units/${township}">城关所</a> <span class="badge">乡镇监管所</span><p class="hint">人员:<a href="/admin/users/\\d+">zhou</a>\\(zhou\\)`,
      ),
    );
    assert.match(tree, /局机关<\/span><p class="hint">人员:.*boss/);
  });

  it("a unit form with errors shows each error beside its field", async () => {
    const res = await boss.post("/admin/units", { name: " ", kind: "department", parentId: "" });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /id="f-name-error">错误:请填写单位名称/);
    const placed = await boss.post("/admin/units", {
      name: "药品股",
      kind: "department",
      parentId: "",
    });
    assert.match(await placed.text(), /id="f-parentId-error">错误:请选择上级单位/);
    const second = await boss.post("/admin/units", { name: "二局", kind: "bureau", parentId: "" });
    assert.match(await second.text(), /id="f-kind-error">错误:已有顶层的局机关/);
    const twin = await boss.post("/admin/units", {
      name: "食品股",
      kind: "department",
      parentId: String(rootId),
    });
    assert.match(await twin.text(), /id="f-name-error">错误:同一上级单位下已有同名单位/);
    const bad = await boss.post("/admin/units", { name: "药品股", kind: "bank", parentId: "x" });
    const badHtml = await bad.text();
    assert.match(badHtml, /id="f-kind-error">错误:请选择单位类型/);
    assert.match(badHtml, /id="f-parentId-error">错误:上级单位选择有误/);
    assert.equal(
      (
        await t.t.db
          .selectFrom("units")
          .select("id")
          .where("name", "in", ["药品股", "二局"])
          .execute()
      ).length,
      0,
    );
  });

  it("renaming and moving a unit is audited with what changed", async () => {
    const food = await unitRow("食品股");
    const township = await unitRow("城关所");
    const form = await boss.get(`/admin/units/${food.id}`);
    assert.equal(form.status, 200);
    const res = await boss.post(`/admin/units/${food.id}`, {
      name: "食品安全股",
      kind: "department",
      parentId: String(township.id),
    });
    assert.equal(res.status, 303);
    const moved = await unitRow("食品安全股");
    assert.equal(moved.parent_id, township.id);
    const audit = (await auditRows("unit.updated")).at(-1)!;
    assert.equal(audit.object_id, String(food.id));
    assert.equal(audit.detail, "名称:食品股 → 食品安全股;上级:局机关 → 城关所");
  });

  it("a unit cannot be moved below itself or below its own sub-unit", async () => {
    const township = await unitRow("城关所");
    const child = await unitRow("食品安全股");
    const updates = (await auditRows("unit.updated")).length;
    for (const parentId of [township.id, child.id]) {
      const res = await boss.post(`/admin/units/${township.id}`, {
        name: "城关所",
        kind: "township_office",
        parentId: String(parentId),
      });
      assert.equal(res.status, 400);
      assert.match(
        await res.text(),
        /id="f-parentId-error">错误:不能把单位移到它自己或它的下级单位之下/,
      );
    }
    const root = await boss.post(`/admin/units/${rootId}`, {
      name: "局机关",
      kind: "bureau",
      parentId: String(child.id),
    });
    assert.equal(root.status, 400);
    assert.equal((await unitRow("城关所")).parent_id, rootId);
    assert.equal((await unitRow("局机关")).parent_id, null);
    assert.equal((await auditRows("unit.updated")).length, updates);
  });

  it("the edit form does not offer the unit itself or its sub-units as a parent", async () => {
    const township = await unitRow("城关所");
    const html = await (await boss.get(`/admin/units/${township.id}`)).text();
    const select = /<select id="f-parentId"[\s\S]*?<\/select>/.exec(html)?.[0] ?? "";
    assert.match(select, />局机关</);
    assert.doesNotMatch(select, /城关所|食品安全股/);
  });

  it("an unknown unit is not found", async () => {
    assert.equal((await boss.get("/admin/units/999999")).status, 404);
    assert.equal(
      (await boss.post("/admin/units/999999", { name: "x", kind: "department", parentId: "" }))
        .status,
      404,
    );
  });
});
