import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  commentRefusal,
  consultationInstants,
  consultationPeriodDays,
  consultationPhase,
  countDispositions,
  effectiveAnswer,
  normaliseStages,
  periodProblems,
  publicDisplayName,
} from "./rules";

describe("the 30-day rule of 第十五条 (calendar days)", () => {
  it("counts calendar days, the opening day not counted", () => {
    assert.equal(consultationPeriodDays("2025-03-03", "2025-04-02"), 30);
    assert.equal(consultationPeriodDays("2025-03-03", "2025-04-01"), 29);
    // Across the 清明 holiday: holidays are still days (自然日).
    assert.equal(consultationPeriodDays("2025-04-01", "2025-05-01"), 30);
    assert.equal(consultationPeriodDays("2024-02-01", "2024-03-02"), 30, "leap February");
  });

  it("a major decision consulted for 30 days needs no reason", () => {
    const ok = {
      opensOn: "2025-03-03",
      closesOn: "2025-04-02",
      isMajor: true,
      shortPeriodReason: "",
    };
    assert.deepEqual(periodProblems(ok), {});
  });

  it("a major decision consulted for 29 days needs a reason, naming the field", () => {
    const short = {
      opensOn: "2025-03-03",
      closesOn: "2025-04-01",
      isMajor: true,
      shortPeriodReason: " ",
    };
    const problems = periodProblems(short);
    assert.deepEqual(Object.keys(problems), ["shortPeriodReason"]);
    assert.match(problems.shortPeriodReason!, /缩短期限的理由/);
    assert.match(problems.shortPeriodReason!, /29日/);
    assert.deepEqual(periodProblems({ ...short, shortPeriodReason: "情况紧急" }), {});
  });

  it("an ordinary consultation may be short; no period is never allowed", () => {
    assert.deepEqual(
      periodProblems({
        opensOn: "2025-03-03",
        closesOn: "2025-03-10",
        isMajor: false,
        shortPeriodReason: "",
      }),
      {},
    );
    assert.deepEqual(
      Object.keys(
        periodProblems({
          opensOn: "2025-03-03",
          closesOn: "2025-03-03",
          isMajor: false,
          shortPeriodReason: "",
        }),
      ),
      ["closesOn"],
    );
  });
});

describe("the phase follows the clock", () => {
  const { opensAt, closesAt } = consultationInstants("2025-03-03", "2025-04-02");
  const c = { status: "opened", opensAt, closesAt, hasFeedback: false };
  it("opens at 00:00 Shanghai on the opening day and closes after 24:00 on the closing day", () => {
    assert.equal(opensAt, "2025-03-02T16:00:00.000Z");
    assert.equal(closesAt, "2025-04-02T16:00:00.000Z");
    assert.equal(consultationPhase(c, new Date("2025-03-02T15:59:59Z")), "upcoming");
    assert.equal(consultationPhase(c, new Date("2025-03-02T16:00:00Z")), "open");
    assert.equal(consultationPhase(c, new Date("2025-04-02T15:59:59Z")), "open");
    assert.equal(consultationPhase(c, new Date("2025-04-02T16:00:00Z")), "awaitingFeedback");
    assert.equal(
      consultationPhase({ ...c, hasFeedback: true }, new Date("2025-05-01T00:00:00Z")),
      "feedbackPublished",
    );
    assert.equal(
      consultationPhase({ ...c, status: "draft" }, new Date("2025-03-10T00:00:00Z")),
      "draft",
    );
  });

  it("refuses comments outside the period with a Chinese reason", () => {
    const dates = { opensOn: "2025-03-03", closesOn: "2025-04-02" };
    assert.equal(commentRefusal("open", dates), null);
    assert.match(commentRefusal("upcoming", dates)!, /尚未开始/);
    assert.match(commentRefusal("awaitingFeedback", dates)!, /已于2025-04-02截止/);
    assert.match(commentRefusal("feedbackPublished", dates)!, /不再接收意见/);
    assert.match(commentRefusal("draft", dates)!, /尚未发布/);
  });
});

describe("dispositions", () => {
  it("counts are computed from the answers", () => {
    assert.deepEqual(
      countDispositions([
        { disposition: "adopted" },
        { disposition: "adopted" },
        { disposition: "partlyAdopted" },
        { disposition: "notAdopted" },
        { disposition: null },
      ]),
      { received: 5, adopted: 2, partlyAdopted: 1, notAdopted: 1, unanswered: 1 },
    );
    assert.deepEqual(countDispositions([]), {
      received: 0,
      adopted: 0,
      partlyAdopted: 0,
      notAdopted: 0,
      unanswered: 0,
    });
  });

  it("a grouped comment takes its group's answer", () => {
    const groups = new Map([[7, { disposition: "notAdopted", reason: "与上位法不符" }]]);
    assert.deepEqual(
      effectiveAnswer({ disposition: "adopted", reason: "自己的", groupId: 7 }, groups),
      { disposition: "notAdopted", reason: "与上位法不符" },
    );
    assert.deepEqual(
      effectiveAnswer({ disposition: "adopted", reason: "好", groupId: null }, groups),
      {
        disposition: "adopted",
        reason: "好",
      },
    );
    assert.deepEqual(effectiveAnswer({ disposition: null, reason: "", groupId: null }, groups), {
      disposition: null,
      reason: "",
    });
  });

  it("shows a name only with consent", () => {
    assert.equal(publicDisplayName("李四", true), "李四");
    assert.equal(publicDisplayName("李四", false), "网民");
    assert.equal(publicDisplayName(" ", true), "网民");
    assert.equal(publicDisplayName(undefined, true), "网民");
  });

  it("stages follow the closed list's order, one per method", () => {
    assert.deepEqual(
      normaliseStages([
        { method: "hearing", status: "planned", on: null },
        { method: "publicComment", status: "done", on: "2025-03-01" },
        { method: "hearing", status: "done", on: null },
      ]).map((s) => s.method),
      ["publicComment", "hearing"],
    );
  });
});
