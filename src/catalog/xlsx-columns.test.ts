import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { foodDrugCatalog } from "./shipped-catalog";
import {
  CATALOG_COLUMNS,
  type CatalogSheetRow,
  catalogHeaderMerges,
  catalogHeaderRows,
  catalogItemToRow,
  locateCatalogColumns,
  rowToCatalogItem,
  sheetRowFromCells,
  sheetRowsToCatalogItems,
  sheetRowToCells,
} from "./xlsx-columns";

const goodRow: CatalogSheetRow = {
  seq: "1",
  category: "行政审批",
  item: "食品生产经营许可服务指南",
  elements: "适用范围、审批依据、受理机构",
  legalBasis: "《中华人民共和国食品安全法》\n《中华人民共和国政府信息公开条例》",
  deadline: "信息形成或变更之日起20个工作日内",
  responsibleUnit: "渑池县市场监督管理局",
  channels: "政府网站、政务服务中心",
  audienceWholeSociety: "√",
  audienceSpecificGroup: "",
  modeProactive: "√",
  modeOnApplication: "",
  levelCounty: "√",
  levelTownship: "",
};

describe("standard columns", () => {
  test("are the 14 leaf columns of the standard table in order", () => {
    const [top, bottom] = catalogHeaderRows();
    assert.deepEqual(top, [
      "序号",
      "公开事项",
      "公开事项",
      "公开内容(要素)",
      "公开依据",
      "公开时限",
      "公开主体",
      "公开渠道和载体",
      "公开对象",
      "公开对象",
      "公开方式",
      "公开方式",
      "公开层级",
      "公开层级",
    ]);
    assert.deepEqual(
      bottom.filter((h) => h !== ""),
      ["一级事项", "二级事项", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"],
    );
  });

  test("header merges span single headers down and groups across", () => {
    const merges = catalogHeaderMerges();
    assert.deepEqual(merges[0], { top: 1, left: 1, bottom: 2, right: 1 });
    assert.deepEqual(merges[1], { top: 1, left: 2, bottom: 1, right: 3 });
    assert.deepEqual(merges.at(-1), { top: 1, left: 13, bottom: 1, right: 14 });
    assert.equal(merges.length, 6 + 4);
  });
});

describe("locateCatalogColumns", () => {
  test("finds the columns of the project's own two header rows", () => {
    const located = locateCatalogColumns(catalogHeaderRows());
    assert.ok(located.ok);
    assert.deepEqual(
      Object.values(located.columns),
      CATALOG_COLUMNS.map((_, i) => i),
    );
  });

  test("accepts a shuffled sheet with aliases and blank merged group cells", () => {
    const top = [
      "公开事项",
      "",
      "编号",
      "公开内容",
      "公开依据",
      "公开时限",
      "公开主体",
      "公开渠道",
      "公开对象",
      "",
      "公开方式",
      "",
      "公开层级",
      "",
    ];
    const bottom = [
      "一级事项",
      "二级事项",
      "",
      "",
      "",
      "",
      "",
      "",
      "全社会",
      "特定群体",
      "主动",
      "依申请",
      "县级",
      "乡级",
    ];
    const located = locateCatalogColumns([top, bottom]);
    assert.ok(located.ok);
    assert.equal(located.columns.seq, 2);
    assert.equal(located.columns.category, 0);
    assert.equal(located.columns.levelTownship, 13);
  });

  test("reports missing and duplicated headers in Chinese", () => {
    const located = locateCatalogColumns([["序号", "序号", "二级事项"]]);
    assert.equal(located.ok, false);
    if (located.ok) return;
    assert.ok(located.errors.includes("表头“序号”出现了两次(第2列)"));
    assert.ok(located.errors.includes("缺少表头“公开层级”") === false);
    assert.ok(located.errors.includes("缺少表头“乡级”"));
  });
});

describe("catalogItemToRow / rowToCatalogItem", () => {
  test("every shipped item survives a round trip through a sheet row", () => {
    for (const shipped of foodDrugCatalog.items) {
      const {
        code: _c,
        verified: _v,
        candidate: _k,
        missingFields: _m,
        unverifiedFields: _u,
        notes: _n,
        source: _s,
        ...item
      } = shipped;
      const row = sheetRowFromCells(sheetRowToCells(catalogItemToRow(item)));
      const back = rowToCatalogItem(row, 3);
      assert.ok(back.ok, `${shipped.code}: ${back.ok ? "" : back.errors.join(";")}`);
      assert.deepEqual(back.item, item, shipped.code);
    }
  });

  test("writes lists with 、, legal bases one per line and ticks as √", () => {
    const row = catalogItemToRow(foodDrugCatalog.items[0]!);
    assert.equal(row.channels, "政府网站、政务服务中心");
    assert.equal(row.legalBasis.split("\n").length, 4);
    assert.equal(row.modeProactive, "√");
    assert.equal(row.modeOnApplication, "");
  });

  test("reads a filled-in row of a bureau's catalog", () => {
    const result = rowToCatalogItem(goodRow, 4);
    assert.ok(result.ok);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.item.deadline.rule, {
      kind: "working_days_from_formation_or_change",
      days: 20,
    });
    assert.deepEqual(result.item.legalBasis.length, 2);
    assert.equal(result.item.level.township, false);
  });

  test("a named specific group is kept as the group's name", () => {
    const result = rowToCatalogItem({ ...goodRow, audienceSpecificGroup: "申请人" }, 4);
    assert.ok(result.ok);
    assert.equal(result.item.audience.specificGroup, true);
    assert.equal(result.item.audience.specificGroupName, "申请人");
    assert.equal(catalogItemToRow(result.item).audienceSpecificGroup, "申请人");
  });

  test("every problem of a bad row is reported with its row number", () => {
    const result = rowToCatalogItem(
      {
        ...goodRow,
        seq: "一",
        item: "",
        modeProactive: "",
        levelCounty: "",
        levelTownship: "可能",
      },
      7,
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.errors, [
      "第7行:序号“一”应为正整数",
      "第7行:二级事项不能为空",
      "第7行:“乡级”一栏的“可能”无法识别,应填“√”、留空或“待核实”",
      "第7行:公开方式至少勾选一项(主动或依申请)",
      "第7行:公开层级至少勾选一项(县级或乡级)",
    ]);
  });

  test("an unreadable 公开时限 is kept as text with a warning", () => {
    const result = rowToCatalogItem({ ...goodRow, deadline: "及时公开" }, 5);
    assert.ok(result.ok);
    assert.deepEqual(result.item.deadline, { text: "及时公开", rule: null });
    assert.deepEqual(result.warnings, [
      "第5行:无法识别公开时限“及时公开”,将按原文保存,请人工指定期限规则",
    ]);
  });
});

describe("sheetRowsToCatalogItems", () => {
  test("skips blank rows and fills a merged 一级事项 from the row above", () => {
    const blank = sheetRowFromCells([]);
    const second = { ...goodRow, seq: "2", category: "", item: "食品生产经营许可基本信息" };
    const result = sheetRowsToCatalogItems([goodRow, blank, second], 3);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.items.map((i) => [i.seq, i.category]),
      [
        [1, "行政审批"],
        [2, "行政审批"],
      ],
    );
  });

  test("collects the errors of bad rows and keeps the good ones", () => {
    const result = sheetRowsToCatalogItems([{ ...goodRow, item: "" }, goodRow], 3);
    assert.equal(result.items.length, 1);
    assert.deepEqual(result.errors, ["第3行:二级事项不能为空"]);
  });
});
