import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cellText, flagCell, parseFlagCell, splitListCell } from "./cell-text";

describe("cellText", () => {
  test("reads strings, numbers, rich text and formula results", () => {
    assert.equal(cellText("  政府网站 "), "政府网站");
    assert.equal(cellText(5), "5");
    assert.equal(cellText(null), "");
    assert.equal(
      cellText({ richText: [{ text: "信息形成" }, { text: "之日起" }] }),
      "信息形成之日起",
    );
    assert.equal(cellText({ formula: "A1", result: 7 }), "7");
    assert.equal(cellText({ text: "链接", hyperlink: "https://example.gov.cn" }), "链接");
  });
});

describe("splitListCell", () => {
  test("splits at 、 , ; and line breaks", () => {
    assert.deepEqual(splitListCell("适用范围、审批依据,受理机构;申请条件\n办结时限"), [
      "适用范围",
      "审批依据",
      "受理机构",
      "申请条件",
      "办结时限",
    ]);
  });

  test("keeps 、 inside book titles and brackets", () => {
    assert.deepEqual(splitListCell("《关于加强食品、药品监管的意见》、投诉举报(渠道、受理)"), [
      "《关于加强食品、药品监管的意见》",
      "投诉举报(渠道、受理)",
    ]);
  });

  test("splits book titles written back to back", () => {
    assert.deepEqual(
      splitListCell("《中华人民共和国食品安全法》《中华人民共和国政府信息公开条例》"),
      ["《中华人民共和国食品安全法》", "《中华人民共和国政府信息公开条例》"],
    );
  });

  test("an empty cell is an empty list", () => {
    assert.deepEqual(splitListCell("  "), []);
  });
});

describe("tick boxes", () => {
  test("ticks, blanks and unverified marks are read", () => {
    for (const t of ["√", "✓", "是", "y", "1"]) assert.equal(parseFlagCell(t), true, t);
    for (const t of ["", "×", "否", "/"]) assert.equal(parseFlagCell(t), false, t);
    for (const t of ["待核实", "?"]) assert.equal(parseFlagCell(t), "unverified", t);
    assert.equal(parseFlagCell("可能"), null);
  });

  test("flags are written as √, blank or 待核实", () => {
    assert.deepEqual([true, false, "unverified" as const].map(flagCell), ["√", "", "待核实"]);
  });
});
