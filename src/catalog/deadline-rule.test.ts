import assert from "node:assert/strict";
import { describe, test } from "node:test";
import calendarFile from "../calendar/data/cn-work-calendar.json" with { type: "json" };
import { calendarDataFromJson, createWorkCalendar } from "../calendar/rules";
import {
  DEADLINE_RULE_KINDS,
  type DeadlineRule,
  deadlineRuleSchema,
  describeDeadlineRule,
  dueDateFor,
  parseDeadlineText,
} from "./deadline-rule";

const calendar = createWorkCalendar(calendarDataFromJson(calendarFile));
const twenty: DeadlineRule = { kind: "working_days_from_formation_or_change", days: 20 };

describe("dueDateFor", () => {
  test("20 working days from 2025-01-24 run across 春节 2025 to 2025-02-27", () => {
    // Formed Friday 2025-01-24; the start day is not counted.
    //   01-25 Sat off · 01-26 Sun 调休上班 → 1 · 01-27 Mon → 2
    //   01-28 … 02-04 春节 off (8 days)
    //   02-05 Wed → 3 · 02-06 → 4 · 02-07 → 5 · 02-08 Sat 调休上班 → 6 · 02-09 Sun off
    //   02-10 … 02-14 → 7…11 · 02-17 … 02-21 → 12…16 · 02-24 → 17, 02-25 → 18, 02-26 → 19
    //   02-27 Thu → 20
    assert.equal(dueDateFor(twenty, "2025-01-24", calendar), "2025-02-27");
  });

  test("a worked Sunday counts: 1 working day from 2025-01-24 is the 调休 Sunday 2025-01-26", () => {
    assert.equal(
      dueDateFor({ kind: "working_days_from_decision", days: 1 }, "2025-01-24", calendar),
      "2025-01-26",
    );
  });

  test("information formed on a holiday counts from the next working day", () => {
    // 2025-01-30 is inside 春节; working days 02-05 (1) … 02-07 (3).
    assert.equal(
      dueDateFor(
        { kind: "working_days_from_formation_or_change", days: 3 },
        "2025-01-30",
        calendar,
      ),
      "2025-02-07",
    );
  });

  test("the demo notice formed 2020-08-26 is due 2020-09-23", () => {
    // No holidays in between: 20 weekdays after Wednesday 2020-08-26 is Wednesday 2020-09-23.
    assert.equal(dueDateFor(twenty, "2020-08-26", calendar), "2020-09-23");
  });

  test("a penalty decided before 国庆 2025 waits out the Golden Week", () => {
    // 2025-09-30 Tue; 10-01…10-08 off; 10-09 Thu → 1; 10-11 Sat 调休上班.
    assert.equal(
      dueDateFor({ kind: "working_days_from_decision", days: 20 }, "2025-09-30", calendar),
      "2025-11-04",
    );
  });

  test("realtime is due on the next working day, not the same day", () => {
    assert.equal(dueDateFor({ kind: "realtime" }, "2025-03-03", calendar), "2025-03-04");
    assert.equal(dueDateFor({ kind: "realtime" }, "2025-01-27", calendar), "2025-02-05");
  });

  test("ongoing items have no due date", () => {
    assert.equal(dueDateFor({ kind: "ongoing" }, "2025-01-24", calendar), null);
  });
});

describe("describeDeadlineRule", () => {
  test("every kind has Chinese text that parses back to the same rule", () => {
    const rules: DeadlineRule[] = [
      twenty,
      { kind: "working_days_from_decision", days: 7 },
      { kind: "realtime" },
      { kind: "ongoing" },
    ];
    assert.deepEqual(
      rules.map((r) => r.kind),
      [...DEADLINE_RULE_KINDS],
    );
    for (const rule of rules) assert.deepEqual(parseDeadlineText(describeDeadlineRule(rule)), rule);
  });

  test("formation rule reads like the standard catalog", () => {
    assert.equal(describeDeadlineRule(twenty), "信息形成或变更之日起20个工作日内");
    assert.equal(describeDeadlineRule({ kind: "realtime" }), "实时");
    assert.equal(describeDeadlineRule({ kind: "ongoing" }), "常态");
  });
});

describe("parseDeadlineText", () => {
  const cases: [string, DeadlineRule | null][] = [
    ["信息形成或变更之日起20个工作日内", twenty],
    ["自信息形成或者变更之日起20个工作日内", twenty],
    ["信息形成(变更)20个工作日内", twenty],
    ["信息形成或变更之日起二十个工作日内。", twenty],
    ["信息形成之日起２０个工作日内", twenty],
    ["20个工作日内", twenty],
    ["信息形成或变更之日起7个工作日内", { kind: "working_days_from_formation_or_change", days: 7 }],
    ["行政处罚决定形成之日起20个工作日内", { kind: "working_days_from_decision", days: 20 }],
    ["自作出行政处罚决定之日起七个工作日内", { kind: "working_days_from_decision", days: 7 }],
    ["实时", { kind: "realtime" }],
    ["实时公开", { kind: "realtime" }],
    ["即时更新", { kind: "realtime" }],
    ["常态", { kind: "ongoing" }],
    ["常态公开", { kind: "ongoing" }],
    ["长期公开", { kind: "ongoing" }],
    ["", null],
    ["及时公开", null],
    ["7日内", null],
    ["自受理之日起20个工作日内", null],
    ["信息形成之日起0个工作日内", null],
  ];
  for (const [text, expected] of cases) {
    test(`reads "${text}" as ${expected ? JSON.stringify(expected) : "unknown"}`, () => {
      assert.deepEqual(parseDeadlineText(text), expected);
    });
  }
});

describe("deadlineRuleSchema", () => {
  test("accepts the rules used by the reference catalog", () => {
    assert.deepEqual(deadlineRuleSchema.parse(twenty), twenty);
    assert.deepEqual(deadlineRuleSchema.parse({ kind: "ongoing" }), { kind: "ongoing" });
  });

  test("rejects unknown kinds, missing or fractional days and extra keys", () => {
    for (const bad of [
      { kind: "calendar_days", days: 7 },
      { kind: "working_days_from_decision" },
      { kind: "working_days_from_decision", days: 2.5 },
      { kind: "realtime", days: 1 },
    ]) {
      assert.equal(deadlineRuleSchema.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});
