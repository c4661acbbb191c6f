import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { officialCalendarData } from "../calendar/official-data";
import { createWorkCalendar } from "../calendar/rules";
import { dueOnFor, dueStatusOf, isPublishedLate } from "./due-dates";

const calendar = createWorkCalendar(officialCalendarData);
const twentyDays = JSON.stringify({ kind: "working_days_from_formation_or_change", days: 20 });

describe("dueOnFor", () => {
  it("counts 20 working days across 春节 2025, with the 调休 weekends counted", () => {
    // Formed Friday 2025-01-24: Sun 01-26 (调休) and Mon 01-27 work, 01-28…02-04 off,
    // Sat 02-08 (调休) works, so the 20th working day is Thursday 2025-02-27.
    assert.equal(dueOnFor(twentyDays, "2025-01-24", calendar), "2025-02-27");
  });

  it("uses the catalog item's own period", () => {
    const seven = JSON.stringify({ kind: "working_days_from_decision", days: 7 });
    assert.equal(dueOnFor(seven, "2025-03-03", calendar), "2025-03-12");
  });

  it("has no due date for 常态 items, items without a rule or an unreadable rule", () => {
    assert.equal(dueOnFor(JSON.stringify({ kind: "ongoing" }), "2025-03-03", calendar), null);
    assert.equal(dueOnFor(null, "2025-03-03", calendar), null);
    assert.equal(dueOnFor(JSON.stringify({ kind: "weekly" }), "2025-03-03", calendar), null);
  });
});

describe("dueStatusOf", () => {
  const due = "2025-02-27";
  it("is due soon within three working days, counting the 调休 Saturday", () => {
    assert.deepEqual(dueStatusOf(due, "2025-02-24", calendar), {
      kind: "dueSoon",
      workdaysLeft: 3,
    });
    assert.deepEqual(dueStatusOf(due, due, calendar), { kind: "dueSoon", workdaysLeft: 0 });
    assert.equal(dueStatusOf(due, "2025-02-21", calendar), null);
  });

  it("is overdue the day after the due date", () => {
    assert.deepEqual(dueStatusOf(due, "2025-02-28", calendar), {
      kind: "overdue",
      workdaysOverdue: 1,
    });
    assert.deepEqual(dueStatusOf(due, "2025-03-03", calendar), {
      kind: "overdue",
      workdaysOverdue: 2,
    });
  });

  it("counts 春节 days as no working days left", () => {
    // Due Wednesday 2025-02-05; on Monday 01-27 only 02-05 itself is a working day ahead.
    assert.deepEqual(dueStatusOf("2025-02-05", "2025-01-27", calendar), {
      kind: "dueSoon",
      workdaysLeft: 1,
    });
  });
});

describe("isPublishedLate", () => {
  it("is late only after the due date", () => {
    assert.equal(isPublishedLate("2025-02-27", "2025-02-27"), false);
    assert.equal(isPublishedLate("2025-02-28", "2025-02-27"), true);
    assert.equal(isPublishedLate("2025-02-28", null), false);
  });
});
