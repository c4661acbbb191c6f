import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  buildUnitTree,
  checkUnitPlacement,
  flattenUnitTree,
  type UnitNode,
  wouldCreateCycle,
} from "./rules";

// 局机关(1) → 食品股(2) → 抽检组(4); 局机关 → 城关所(3)
const units: UnitNode[] = [
  { id: 1, name: "局机关", kind: "bureau", parentId: null },
  { id: 2, name: "食品股", kind: "department", parentId: 1 },
  { id: 3, name: "城关所", kind: "township_office", parentId: 1 },
  { id: 4, name: "抽检组", kind: "department", parentId: 2 },
];

describe("unit tree cycles", () => {
  it("a unit cannot become its own parent", () => {
    assert.equal(wouldCreateCycle(units, 2, 2), true);
  });

  it("a unit cannot move below its own child or grandchild", () => {
    assert.equal(wouldCreateCycle(units, 1, 2), true);
    assert.equal(wouldCreateCycle(units, 1, 4), true);
    assert.equal(wouldCreateCycle(units, 2, 4), true);
  });

  it("a unit may move under a sibling or up to the top", () => {
    assert.equal(wouldCreateCycle(units, 4, 3), false);
    assert.equal(wouldCreateCycle(units, 4, 1), false);
    assert.equal(wouldCreateCycle(units, 4, null), false);
  });

  it("a loop already in the data counts as a cycle instead of looping forever", () => {
    const looped: UnitNode[] = [
      { id: 7, name: "甲", kind: "department", parentId: 8 },
      { id: 8, name: "乙", kind: "department", parentId: 7 },
    ];
    assert.equal(wouldCreateCycle(looped, 9, 7), true);
  });
});

describe("unit placement", () => {
  it("a department or township office may sit under the bureau", () => {
    const placed = { id: null, name: "药品股", kind: "department", parentId: 1 } as const;
    assert.equal(checkUnitPlacement(units, placed), null);
    assert.equal(checkUnitPlacement(units, { ...placed, kind: "township_office" }), null);
  });

  it("a department needs a parent unit", () => {
    assert.deepEqual(
      checkUnitPlacement(units, { id: null, name: "药品股", kind: "department", parentId: null }),
      { parentId: "请选择上级单位" },
    );
  });

  it("the bureau has no parent and there is only one top unit", () => {
    assert.match(
      checkUnitPlacement(units, { id: null, name: "二局", kind: "bureau", parentId: 1 })!.parentId!,
      /顶层/,
    );
    assert.match(
      checkUnitPlacement(units, { id: null, name: "二局", kind: "bureau", parentId: null })!.kind!,
      /顶层/,
    );
    assert.equal(
      checkUnitPlacement(units, { id: 1, name: "县市场监管局", kind: "bureau", parentId: null }),
      null,
    );
  });

  it("moving a unit below its own descendant is refused", () => {
    assert.deepEqual(
      checkUnitPlacement(units, { id: 2, name: "食品股", kind: "department", parentId: 4 }),
      { parentId: "不能把单位移到它自己或它的下级单位之下" },
    );
  });

  it("the parent must exist", () => {
    assert.deepEqual(
      checkUnitPlacement(units, { id: null, name: "药品股", kind: "department", parentId: 99 }),
      { parentId: "所选上级单位不存在" },
    );
  });

  it("two units under one parent cannot share a name, but a unit may keep its own name", () => {
    assert.deepEqual(
      checkUnitPlacement(units, { id: null, name: "食品股", kind: "department", parentId: 1 }),
      { name: "同一上级单位下已有同名单位" },
    );
    assert.equal(
      checkUnitPlacement(units, { id: 2, name: "食品股", kind: "department", parentId: 1 }),
      null,
    );
    assert.equal(
      checkUnitPlacement(units, { id: null, name: "食品股", kind: "department", parentId: 3 }),
      null,
    );
  });
});

describe("unit tree display", () => {
  it("nests units under their parents and flattens them depth-first", () => {
    const tree = buildUnitTree(units);
    assert.equal(tree.length, 1);
    assert.deepEqual(
      tree[0]!.children.map((c) => c.name),
      ["食品股", "城关所"],
    );
    assert.deepEqual(
      flattenUnitTree(tree).map((e) => `${e.depth}:${e.unit.name}`),
      ["0:局机关", "1:食品股", "2:抽检组", "1:城关所"],
    );
  });

  it("a unit whose parent is missing is still shown, at the top", () => {
    const orphaned = [...units, { id: 5, name: "孤立", kind: "department" as const, parentId: 42 }];
    assert.deepEqual(
      buildUnitTree(orphaned).map((u) => u.name),
      ["局机关", "孤立"],
    );
  });
});
