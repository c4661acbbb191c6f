import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSearchTerms } from "./query";

describe("parseSearchTerms", () => {
  it("makes one group per word", () => {
    const { groups } = parseSearchTerms("食品 许可");
    assert.deepEqual(groups, [[["食品"]], [["许可"]]]);
  });

  it("lets a compound word also match as its parts", () => {
    const { groups } = parseSearchTerms("食品安全");
    assert.deepEqual(groups[0]?.[0], ["食品安全"]);
    assert.ok(groups[0]?.some((alt) => alt.join(" ") === "食品 安全"));
  });

  it("drops function words unless nothing else is left", () => {
    assert.deepEqual(parseSearchTerms("食品的许可").groups.flat(2), ["食品", "许可"]);
    assert.deepEqual(parseSearchTerms("的").groups, [[["的"]]]);
  });

  it("has no groups for punctuation only", () => {
    assert.deepEqual(parseSearchTerms(",。!").groups, []);
  });

  it("highlights longer words, longest first, and skips single characters next to them", () => {
    const { highlights } = parseSearchTerms("渑市监文〔2020〕53号");
    assert.ok(highlights.includes("2020"));
    assert.ok(!highlights.includes("号"));
    assert.deepEqual(
      highlights,
      [...highlights].sort((a, b) => b.length - a.length),
    );
  });
});
