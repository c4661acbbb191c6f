import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BLANK, fillPlaceholders, PLACEHOLDERS, placeholderProblems } from "./placeholders";

describe("letter placeholders", () => {
  it("a text with known placeholders has no problems", () => {
    assert.deepEqual(placeholderProblems("{申请人}:\n本机关于{收到日期}收到……{救济途径}"), []);
  });

  it("an unknown placeholder is named, with the list of known ones", () => {
    const [problem] = placeholderProblems("{申请人姓名}:你好{申请人}");
    assert.ok(
      problem?.startsWith("未知的占位符:{申请人姓名}"),
      'problem?.startsWith("未知的占位符:{申请人姓名}")',
    );
    for (const p of PLACEHOLDERS)
      assert.ok(problem?.includes(`{${p.name}}`), "problem?.includes(`{{p.name}}`)");
  });

  it("a stray brace is refused", () => {
    assert.equal(placeholderProblems("见附件}").length, 1);
    assert.equal(placeholderProblems("{申请人").length, 1);
  });

  it("values replace placeholders once and are never expanded again", () => {
    const text = fillPlaceholders("{申请人}:{理由}", { 申请人: "{本机关}", 理由: "无" });
    assert.equal(text, "{本机关}:无");
  });

  it("a placeholder without a value becomes a line to fill in by hand", () => {
    assert.equal(fillPlaceholders("理由:{理由}", {}), `理由:${BLANK}`);
  });

  it("filling a text with an unknown placeholder throws", () => {
    assert.throws(() => fillPlaceholders("{不存在}", {}), /未知的占位符/);
  });
});
