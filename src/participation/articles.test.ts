import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleLabel, parseChineseNumber, splitDraft } from "./articles";

describe("parseChineseNumber", () => {
  it("reads the numerals used in article numbers", () => {
    const cases: [string, number | null][] = [
      ["一", 1],
      ["十", 10],
      ["十二", 12],
      ["二十", 20],
      ["三十五", 35],
      ["一百", 100],
      ["一百零二", 102],
      ["一百一十", 110],
      ["两百", 200],
      ["12", 12],
      ["甲", null],
      ["", null],
    ];
    for (const [text, n] of cases) assert.equal(parseChineseNumber(text), n, text);
  });
});

describe("splitDraft", () => {
  it("splits a draft with articles by 第X条, keeping chapters as headings", () => {
    const draft = [
      "某某管理办法(征求意见稿)",
      "第一章 总则",
      "第一条 为了规范管理,制定本办法。",
      "第二条 本办法适用于本县。",
      "(一)食品生产;",
      "(二)食品经营。",
      "第二章 附则",
      "第十条 本办法自发布之日起施行。",
    ].join("\n");
    const split = splitDraft(draft);
    assert.equal(split.mode, "articles");
    assert.deepEqual(
      split.articles.map((a) => [a.no, a.label]),
      [
        [1, "第一条"],
        [2, "第二条"],
        [10, "第十条"],
      ],
    );
    assert.equal(
      split.articles[1]!.text,
      "第二条 本办法适用于本县。\n(一)食品生产;\n(二)食品经营。",
    );
    assert.deepEqual(
      split.parts.filter((p) => p.kind === "heading").map((p) => p.text),
      ["某某管理办法(征求意见稿)", "第一章 总则", "第二章 附则"],
    );
  });

  it("numbers paragraphs when the draft has no articles", () => {
    const split = splitDraft("一、工作目标\r\n\r\n  二、主要措施 \n三、保障");
    assert.equal(split.mode, "paragraphs");
    assert.deepEqual(
      split.articles.map((a) => [a.no, a.label, a.text]),
      [
        [1, "第1段", "一、工作目标"],
        [2, "第2段", "二、主要措施"],
        [3, "第3段", "三、保障"],
      ],
    );
  });

  it("a repeated article number continues the earlier article instead of duplicating it", () => {
    const split = splitDraft("第一条 甲\n第一条 乙");
    assert.deepEqual(
      split.articles.map((a) => a.no),
      [1],
    );
  });

  it("an empty draft has nothing to comment on", () => {
    assert.deepEqual(splitDraft("  \n").articles, []);
  });

  it("labels a comment target", () => {
    const split = splitDraft("第三条 内容");
    assert.equal(articleLabel(split, null), "草案整体");
    assert.equal(articleLabel(split, 3), "第三条");
    assert.equal(articleLabel(split, 9), "第9条");
  });
});
