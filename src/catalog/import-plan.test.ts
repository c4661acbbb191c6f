import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CatalogItem } from "./catalog-item";
import { type ExistingCatalogItem, planCatalogImport } from "./import-plan";
import { tableItems } from "./shipped-catalog";
import { standardColumnsOf } from "./store";

const existing: ExistingCatalogItem[] = tableItems().map((s, i) => ({
  ...standardColumnsOf(s),
  id: i + 1,
  code: s.code,
  version: 1,
  isActive: true,
}));

const itemOf = (e: ExistingCatalogItem): CatalogItem => standardColumnsOf(e);

describe("import plan", () => {
  test("rows are matched by 编码, and unchanged rows are counted as such", () => {
    const rows = existing.map((e, i) => ({ rowNumber: i + 3, code: e.code, item: itemOf(e) }));
    const plan = planCatalogImport(rows, existing);
    assert.deepEqual(plan.errors, []);
    assert.deepEqual(plan.counts, { unchanged: 9, updated: 0, added: 0 });
  });

  test("a changed row is an update naming the changed columns", () => {
    const first = existing[0]!;
    const rows = [
      { rowNumber: 3, code: first.code, item: { ...itemOf(first), channels: ["政府网站"] } },
    ];
    const plan = planCatalogImport(rows, existing);
    assert.equal(plan.rows[0]?.action, "update");
    assert.deepEqual(plan.rows[0]?.action === "update" && plan.rows[0].changed, ["channels"]);
  });

  test("without 编码 a row matches by 序号 and 二级事项; a renamed row is new", () => {
    const [a, b] = existing;
    const rows = [
      { rowNumber: 3, code: "", item: itemOf(a!) },
      { rowNumber: 4, code: "", item: { ...itemOf(b!), item: "改名后的事项" } },
    ];
    const plan = planCatalogImport(rows, existing);
    assert.deepEqual(
      plan.rows.map((r) => r.action),
      ["unchanged", "add"],
    );
  });

  test("an unknown 编码 (another bureau's file) falls back to 序号 and 二级事项", () => {
    const first = existing[0]!;
    const plan = planCatalogImport(
      [{ rowNumber: 3, code: "XX-01", item: itemOf(first) }],
      existing,
    );
    assert.equal(plan.rows[0]?.action, "unchanged");
    const added = planCatalogImport(
      [{ rowNumber: 3, code: "XX-02", item: { ...itemOf(first), seq: 99 } }],
      existing,
    );
    assert.deepEqual(added.rows[0], {
      action: "add",
      rowNumber: 3,
      code: "XX-02",
      item: { ...itemOf(first), seq: 99 },
    });
  });

  test("two rows claiming one item, or one 编码, are errors with both row numbers", () => {
    const first = existing[0]!;
    const twice = planCatalogImport(
      [
        { rowNumber: 3, code: "", item: itemOf(first) },
        { rowNumber: 7, code: "", item: itemOf(first) },
      ],
      existing,
    );
    assert.deepEqual(twice.errors, ["第7行与第3行对应同一个事项“食品生产经营许可服务指南”(FD-01)"]);
    const code = planCatalogImport(
      [
        { rowNumber: 3, code: "NEW-1", item: { ...itemOf(first), seq: 50 } },
        { rowNumber: 4, code: "NEW-1", item: { ...itemOf(first), seq: 51 } },
      ],
      existing,
    );
    assert.deepEqual(code.errors, ["第4行:编码“NEW-1”与第3行重复"]);
  });
});
