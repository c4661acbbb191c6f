import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkWeights,
  DEFAULT_WEIGHTS,
  INDICATORS,
  type IndicatorFacts,
  type IndicatorKey,
  rateText,
  scoreIndicator,
  scoreUnit,
} from "./scoring";

const all = (facts: IndicatorFacts) =>
  Object.fromEntries(INDICATORS.map((k) => [k, facts])) as Record<IndicatorKey, IndicatorFacts>;
const asText = (w: Record<string, number>) =>
  Object.fromEntries(Object.entries(w).map(([k, v]) => [k, String(v)]));

describe("assessment scoring", () => {
  it("the default weights sum to 100 and pass the check", () => {
    assert.equal(
      INDICATORS.reduce((s, k) => s + DEFAULT_WEIGHTS[k], 0),
      100,
    );
    assert.deepEqual(checkWeights(asText(DEFAULT_WEIGHTS)), { ok: true, weights: DEFAULT_WEIGHTS });
  });

  it("weights not summing to 100 are refused with the sum", () => {
    const r = checkWeights(asText({ ...DEFAULT_WEIGHTS, disclosureOnTime: 25 }));
    assert.deepEqual(r, { ok: false, errors: { _: "各项权重合计应为 100,现为 105" } });
    const low = checkWeights(asText({ ...DEFAULT_WEIGHTS, tasksCompleted: 0 }));
    assert.equal(low.ok, false);
  });

  it("a weight that is not a whole number from 0 to 100 is refused on its field", () => {
    for (const bad of ["", "-1", "101", "2.5", "abc", "1000"]) {
      const r = checkWeights({ ...asText(DEFAULT_WEIGHTS), catalogCoverage: bad });
      assert.equal(r.ok, false, bad);
      if (!r.ok) assert.match(r.errors.catalogCoverage ?? "", /0 到 100 的整数/, bad);
    }
    const missing = checkWeights({});
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.equal(Object.keys(missing.errors).length, INDICATORS.length);
  });

  it("a zero weight is allowed when the rest still sum to 100", () => {
    const w = { ...DEFAULT_WEIGHTS, trainingAttended: 0, disclosureOnTime: 30 };
    assert.equal(checkWeights(asText(w)).ok, true);
  });

  it("an indicator scores weight × rate, rounded to two decimals", () => {
    assert.deepEqual(scoreIndicator("disclosureOnTime", 20, { met: 3, counted: 4 }), {
      key: "disclosureOnTime",
      weight: 20,
      met: 3,
      counted: 4,
      rate: 0.75,
      score: 15,
    });
    assert.equal(scoreIndicator("messagesOnTime", 10, { met: 1, counted: 3 }).score, 3.33);
    assert.equal(scoreIndicator("messagesOnTime", 10, { met: 2, counted: 3 }).score, 6.67);
    assert.equal(scoreIndicator("messagesOnTime", 15, { met: 1, counted: 8 }).score, 1.88);
    assert.equal(scoreIndicator("messagesOnTime", 10, { met: 0, counted: 5 }).score, 0);
    assert.equal(scoreIndicator("messagesOnTime", 10, { met: 5, counted: 5 }).score, 10);
  });

  it("nothing counted is not applicable and scores full marks", () => {
    const s = scoreIndicator("appealsNotCorrected", 10, { met: 0, counted: 0 });
    assert.equal(s.rate, null);
    assert.equal(s.score, 10);
    assert.equal(rateText(s.rate), "不适用(按满分计)");
    assert.equal(rateText(0.875), "87.5%");
    assert.equal(rateText(2 / 3), "66.67%");
  });

  it("impossible facts are a programming error, not a score", () => {
    assert.throws(() => scoreIndicator("tasksCompleted", 10, { met: 3, counted: 2 }), RangeError);
    assert.throws(() => scoreIndicator("tasksCompleted", 10, { met: -1, counted: 2 }), RangeError);
    assert.throws(() => scoreIndicator("tasksCompleted", 10, { met: 0.5, counted: 2 }), RangeError);
  });

  it("the sheet totals the rounded indicator scores: all met or nothing due is 100", () => {
    assert.equal(scoreUnit(DEFAULT_WEIGHTS, all({ met: 4, counted: 4 })).total, 100);
    assert.equal(scoreUnit(DEFAULT_WEIGHTS, all({ met: 0, counted: 0 })).total, 100);
    assert.equal(scoreUnit(DEFAULT_WEIGHTS, all({ met: 0, counted: 1 })).total, 0);
    const third = scoreUnit(DEFAULT_WEIGHTS, all({ met: 1, counted: 3 }));
    // 20/3=6.67, 15/3=5, 15/3=5, 10/3=3.33 ×5 → 6.67+5+5+16.65 = 33.32
    assert.equal(third.total, 33.32);
    assert.deepEqual(
      third.indicators.map((i) => i.key),
      [...INDICATORS],
    );
  });
});
