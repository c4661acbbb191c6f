import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Candidate } from "./engine";
import { rankCandidates } from "./rank";

const candidate = (
  recordId: number,
  title: string,
  bodyScore = 0,
  docNo: string | null = null,
): Candidate => ({
  recordId,
  sortKey: recordId,
  title,
  docNo,
  bodyScore,
});

describe("rankCandidates", () => {
  it("puts title matches before body-only matches, even older ones", () => {
    const ids = rankCandidates(
      [candidate(1, "食品经营许可公告"), candidate(2, "工作总结", 9)],
      [[["食品"]]],
      "食品",
    );
    assert.deepEqual(ids, [1, 2]);
  });

  it("orders equal title matches by body score, then newest first", () => {
    const ids = rankCandidates(
      [candidate(1, "食品公告", 1), candidate(2, "食品通知", 5), candidate(3, "食品公示", 1)],
      [[["食品"]]],
      "食品",
    );
    assert.deepEqual(ids, [2, 3, 1]);
  });

  it("counts a 文号 match", () => {
    const ids = rankCandidates(
      [candidate(1, "通知", 0, "渑市监文〔2020〕53号"), candidate(2, "通知", 0.5)],
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
});
