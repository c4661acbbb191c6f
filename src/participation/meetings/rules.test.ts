import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  formatSignupNo,
  instantOfShanghaiInput,
  MEETING_KINDS,
  meetingPhaseAt,
  meetingTimeProblems,
  parseSignupNo,
  SELECTION_RULES,
  shanghaiDateTime,
  shanghaiLocalInput,
  shanghaiYear,
  signupRefusal,
  signupWindowAt,
} from "./rules";

describe("报名编号", () => {
  it("is prefix, year, meeting in four digits and place in three: ZT-2026-0007-003", () => {
    assert.equal(formatSignupNo("symposium", 2026, 7, 3), "ZT-2026-0007-003");
    assert.equal(formatSignupNo("hearing", 2026, 12, 45), "TZ-2026-0012-045");
    assert.equal(formatSignupNo("fieldVisit", 2027, 1, 1), "ZF-2027-0001-001");
  });

  it("grows past its width instead of wrapping", () => {
    assert.equal(formatSignupNo("symposium", 2026, 12345, 1000), "ZT-2026-12345-1000");
  });

  it("parses back into its parts for every kind, and refuses anything else", () => {
    for (const kind of MEETING_KINDS) {
      const no = formatSignupNo(kind, 2026, 42, 17);
      assert.deepEqual(parseSignupNo(no), { kind, year: 2026, meetingId: 42, seq: 17 });
    }
    for (const bad of [
      "",
      "ZT-2026-7-3",
      "XX-2026-0007-003",
      "ZT-26-0007-003",
      "zt-2026-0007-003",
    ]) {
      assert.equal(parseSignupNo(bad), null, bad);
    }
  });
});

describe("sign-up window", () => {
  const window = { opensAt: "2026-12-01T01:00:00.000Z", closesAt: "2026-12-10T09:00:00.000Z" };
  it("is open from opens_at (inclusive) to closes_at (exclusive)", () => {
    assert.equal(signupWindowAt(window, new Date("2026-12-01T00:59:59.999Z")), "notOpen");
    assert.equal(signupWindowAt(window, new Date("2026-12-01T01:00:00.000Z")), "open");
    assert.equal(signupWindowAt(window, new Date("2026-12-10T08:59:59.999Z")), "open");
    assert.equal(signupWindowAt(window, new Date("2026-12-10T09:00:00.000Z")), "closed");
  });

  it("meeting phase: upcoming before the start, ongoing until the end, then ended", () => {
    const m = { startsAt: "2026-12-15T01:00:00Z", endsAt: "2026-12-15T03:00:00Z" };
    assert.equal(meetingPhaseAt(m, new Date("2026-12-15T00:00:00Z")), "upcoming");
    assert.equal(meetingPhaseAt(m, new Date("2026-12-15T01:00:00Z")), "ongoing");
    assert.equal(meetingPhaseAt(m, new Date("2026-12-15T03:00:00Z")), "ended");
  });
});

describe("sign-up refusal", () => {
  it("refuses before the window and after it, whatever the rule", () => {
    for (const selection of SELECTION_RULES) {
      assert.match(
        signupRefusal({ window: "notOpen", selection, quota: 5, taken: 0 }) ?? "",
        /报名尚未开始/,
      );
      assert.match(
        signupRefusal({ window: "closed", selection, quota: 5, taken: 0 }) ?? "",
        /报名已截止/,
      );
    }
  });

  it("first come: takes sign-ups up to the quota and refuses the next with a clear message", () => {
    assert.equal(
      signupRefusal({ window: "open", selection: "firstCome", quota: 2, taken: 0 }),
      null,
    );
    assert.equal(
      signupRefusal({ window: "open", selection: "firstCome", quota: 2, taken: 1 }),
      null,
    );
    assert.equal(
      signupRefusal({ window: "open", selection: "firstCome", quota: 2, taken: 2 }),
      "名额已满(共 2 个名额,按先到先得确定),不再接受报名。",
    );
    assert.ok(signupRefusal({ window: "open", selection: "firstCome", quota: 2, taken: 3 }));
  });

  it("random draw: anyone may sign up while the window is open, beyond the quota", () => {
    assert.equal(
      signupRefusal({ window: "open", selection: "randomDraw", quota: 2, taken: 50 }),
      null,
    );
  });
});

describe("times of an announcement", () => {
  const ok = {
    startsAt: "2026-12-15T01:00:00Z",
    endsAt: "2026-12-15T03:00:00Z",
    signupOpensAt: "2026-12-01T01:00:00Z",
    signupClosesAt: "2026-12-10T09:00:00Z",
  };
  it("accepts forward spans with sign-up closing no later than the start", () => {
    assert.deepEqual(meetingTimeProblems(ok), {});
    assert.deepEqual(meetingTimeProblems({ ...ok, signupClosesAt: ok.startsAt }), {});
  });
  it("names each field that is wrong", () => {
    assert.deepEqual(Object.keys(meetingTimeProblems({ ...ok, endsAt: ok.startsAt })), ["endsAt"]);
    assert.match(
      meetingTimeProblems({ ...ok, signupClosesAt: ok.signupOpensAt }).signupClosesAt ?? "",
      /晚于报名开始时间/,
    );
    assert.match(
      meetingTimeProblems({ ...ok, signupClosesAt: "2026-12-15T02:00:00Z" }).signupClosesAt ?? "",
      /活动开始前截止/,
    );
  });
});

describe("Beijing time", () => {
  it("reads and writes datetime-local values as Asia/Shanghai wall time", () => {
    assert.equal(instantOfShanghaiInput("2026-12-01T09:30"), "2026-12-01T01:30:00.000Z");
    assert.equal(instantOfShanghaiInput("2026-12-01 09:30"), null);
    assert.equal(instantOfShanghaiInput("2026-13-01T09:30"), null);
    assert.equal(shanghaiLocalInput("2026-12-01T01:30:00.000Z"), "2026-12-01T09:30");
    assert.equal(shanghaiDateTime("2026-12-31T16:30:00.000Z"), "2027-01-01 00:30");
    assert.equal(shanghaiYear("2026-12-31T16:30:00.000Z"), 2027);
  });
});
