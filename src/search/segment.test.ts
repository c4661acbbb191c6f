import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeQuery, segmentForIndex, segmentQuery, toSimplifiedChinese } from "./segment";

describe("segmentForIndex", () => {
  it("indexes a compound word and its parts (search mode)", () => {
    assert.deepEqual(segmentForIndex("食品安全").split(" "), ["食品", "安全", "食品安全"]);
  });

  it("keeps two-character words such as 食品 and 许可 as tokens", () => {
    const tokens = segmentForIndex("关于办理食品经营许可的公告").split(" ");
    assert.ok(tokens.includes("食品"));
    assert.ok(tokens.includes("许可"));
  });

  it("lower-cases ASCII, folds full-width forms and drops punctuation", () => {
    assert.equal(segmentForIndex("GB/T ９７０４－2012，COVID-19。"), "gb t 9704 2012 covid 19");
  });

  it("splits a 文号 into its code, year and number", () => {
    const tokens = segmentForIndex("渑市监文〔2020〕53号").split(" ");
    assert.ok(tokens.includes("2020"));
    assert.ok(tokens.includes("53"));
    assert.ok(!tokens.some((t) => /[〔〕]/.test(t)));
  });

  it("returns an empty string for blank text", () => {
    assert.equal(segmentForIndex("  \n"), "");
  });
});

describe("segmentQuery", () => {
  it("keeps 食品 and 许可 whole", () => {
    assert.deepEqual(segmentQuery("食品"), ["食品"]);
    assert.deepEqual(segmentQuery("许可"), ["许可"]);
  });

  it("splits 食品经营许可 into its words", () => {
    assert.deepEqual(segmentQuery("食品经营许可"), ["食品", "经营", "许可"]);
  });

  it("handles mixed Chinese and ASCII", () => {
    assert.deepEqual(segmentQuery("ＧＢ 9704 食品"), ["gb", "9704", "食品"]);
  });

  it("converts traditional characters to simplified before segmenting", () => {
    assert.deepEqual(segmentQuery("許可"), ["许可"]);
    assert.deepEqual(segmentQuery("食品經營許可"), ["食品", "经营", "许可"]);
  });
});

describe("normalizeQuery", () => {
  it("reads Taiwan and Hong Kong forms", () => {
    assert.equal(toSimplifiedChinese("衞生許可 裡面"), "卫生许可 里面");
  });

  it("leaves simplified text alone", () => {
    for (const word of ["显著", "著作权", "乾隆", "发布", "信息公开"])
      assert.equal(normalizeQuery(word), word);
  });
});
