import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { containsAnyTerm, highlightSnippet, highlightText } from "./highlight";

describe("highlightText", () => {
  it("escapes the text before marking matches", () => {
    assert.equal(
      highlightText('<script>"食品"</script> & 许可', ["食品", "许可"]),
      "&lt;script&gt;&quot;<mark>食品</mark>&quot;&lt;/script&gt; &amp; <mark>许可</mark>",
    );
  });

  it("merges overlapping matches into one mark", () => {
    assert.equal(highlightText("食品安全", ["食品安全", "食品", "安全"]), "<mark>食品安全</mark>");
  });

  it("matches ASCII case-insensitively and full-width digits as half-width", () => {
    assert.equal(
      highlightText("GB 标准 ２０２０", ["gb", "2020"]),
      "<mark>GB</mark> 标准 <mark>２０２０</mark>",
    );
  });
});

describe("highlightSnippet", () => {
  const long = `${"甲".repeat(200)}食品${"乙".repeat(200)}`;

  it("shows the text around the first match with ellipses where cut", () => {
    const snippet = highlightSnippet(long, ["食品"], 60);
    assert.ok(snippet.startsWith("…"));
    assert.ok(snippet.endsWith("…"));
    assert.ok(snippet.includes("<mark>食品</mark>"));
    assert.equal(snippet.replace(/<\/?mark>/g, "").length, 62);
  });

  it("starts at the beginning when nothing matches", () => {
    assert.equal(highlightSnippet("没有匹配的正文", ["食品"]), "没有匹配的正文");
  });

  it("collapses whitespace and escapes", () => {
    assert.equal(
      highlightSnippet("a\n\n<b>食品</b>", ["食品"]),
      "a &lt;b&gt;<mark>食品</mark>&lt;/b&gt;",
    );
  });

  it("never splits a surrogate pair", () => {
    const snippet = highlightSnippet(`${"𠀀".repeat(100)}食品`, ["食品"], 21);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(snippet));
    assert.ok(!/(?<![\ud800-\udbff])[\udc00-\udfff]/.test(snippet));
  });
});

describe("containsAnyTerm", () => {
  it("uses the highlighter's folding", () => {
    assert.equal(containsAnyTerm("ＧＢ标准", ["gb"]), true);
    assert.equal(containsAnyTerm("标准", ["gb"]), false);
  });
});
