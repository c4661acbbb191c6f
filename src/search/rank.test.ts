import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Candidate } from "./engine";
import { rankCandidates } from "./rank";

const candidate = (
  recordId: number,
  title: string,
  bodyKeywords: string[] = [],
  docNo: string | null = null,
): Candidate => ({ recordId, sortKey: recordId, title, docNo, bodyKeywords });

describe("rankCandidates", () => {
  it("puts title matches before body-only matches, even older ones", () => {
    const ids = rankCandidates(
      [candidate(1, "食品经营许可公告"), candidate(2, "工作总结", ["食品", "检查"])],
      [[["食品"]]],
      "食品",
    );
    assert.deepEqual(ids, [1, 2]);
  });

  it("orders equal title matches by how central the word is to the body, then newest first", () => {
    const ids = rankCandidates(
      [
        candidate(1, "食品公告", ["检查", "食品"]),
        candidate(2, "食品通知", ["食品", "检查"]),
        candidate(3, "食品公示", ["检查", "食品"]),
      ],
      [[["食品"]]],
      "食品",
    );
    assert.deepEqual(ids, [2, 3, 1]);
  });

  it("lets a top body word that contains the query word count (食品药品 for 食品)", () => {
    const ids = rankCandidates(
      [candidate(1, "通知", ["食品药品", "监管"]), candidate(2, "通知", ["工作", "食品"])],
      [[["食品"]]],
      "食品",
    );
    assert.deepEqual(ids, [1, 2]);
  });

  it("counts a 文号 match", () => {
    const ids = rankCandidates(
      [candidate(1, "通知", [], "渑市监文〔2020〕53号"), candidate(2, "通知", ["2020", "53"])],
      [[["2020"]], [["53"]]],
      "202053",
    );
    assert.deepEqual(ids, [1, 2]);
  });

  it("prefers a title with the query as typed", () => {
    const ids = rankCandidates(
      [candidate(1, "食品经营许可"), candidate(2, "许可经营食品")],
      [[["食品"]], [["经营"]], [["许可"]]],
      "食品经营许可",
    );
    assert.deepEqual(ids, [1, 2]);
  });

  it("scores a group by its best alternative", () => {
    const ids = rankCandidates(
      [
        candidate(1, "通知", ["食品", "安全"]),
        candidate(2, "通知", ["食品安全"]),
        candidate(3, "通知"),
      ],
      [[["食品安全"], ["食品", "安全"]]],
      "食品安全",
    );
    assert.deepEqual(ids, [2, 1, 3]);
  });
});
