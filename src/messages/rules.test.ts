import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { calendarDataFromJson, createWorkCalendar } from "../calendar/rules";
import {
  DEFAULT_DEADLINE_WORKDAYS,
  deadlineTable,
  isAnsweredLate,
  isOverdue,
  messageDueOn,
  receiptWorkday,
  workdaysLeft,
} from "./rules";

const calendar = createWorkCalendar(
  calendarDataFromJson(
    JSON.parse(
      readFileSync(new URL("../calendar/data/cn-work-calendar.json", import.meta.url), "utf8"),
    ),
  ),
);

describe("deadline table", () => {
  test("defaults: 咨询 5, 建议 10, 投诉 10 working days", () => {
    assert.deepEqual(deadlineTable([]), { inquiry: 5, suggestion: 10, complaint: 10 });
    assert.deepEqual(deadlineTable([]), DEFAULT_DEADLINE_WORKDAYS);
  });
  test("a stored value wins over the default; unknown categories are ignored", () => {
    assert.deepEqual(
      deadlineTable([
        { category: "complaint", workdays: 15 },
        { category: "praise", workdays: 1 },
      ]),
      { inquiry: 5, suggestion: 10, complaint: 15 },
    );
  });
  test("the defaults are not changed by a stored value", () => {
    deadlineTable([{ category: "inquiry", workdays: 3 }]);
    assert.equal(DEFAULT_DEADLINE_WORKDAYS.inquiry, 5);
  });
});

describe("receipt working day", () => {
  test("a working day is its own receipt day", () => {
    assert.equal(receiptWorkday(calendar, "2025-03-03"), "2025-03-03");
  });
  test("a Saturday is received on the Monday", () => {
    assert.equal(receiptWorkday(calendar, "2025-03-08"), "2025-03-10");
  });
  test("a Saturday before 国庆 is received on the 调休 Sunday 2025-09-28", () => {
    assert.equal(receiptWorkday(calendar, "2025-09-27"), "2025-09-28");
  });
  test("a day inside 国庆 is received on 2025-10-09", () => {
    assert.equal(receiptWorkday(calendar, "2025-10-01"), "2025-10-09");
    assert.equal(receiptWorkday(calendar, "2025-10-08"), "2025-10-09");
  });
});

describe("due date", () => {
  test("a 咨询 on a Monday is due the next Monday (the receipt day is not counted)", () => {
    assert.equal(messageDueOn(calendar, "2025-03-03", 5), "2025-03-10");
  });
  test("a 咨询 on the Friday before 国庆 counts the 调休 Sunday and skips the holiday", () => {
    // 2025-09-26 Fri → 09-28 (调休 Sun), 09-29, 09-30, 10-09, 10-10.
    assert.equal(messageDueOn(calendar, "2025-09-26", 5), "2025-10-10");
  });
  test("a 建议 on the Friday before 国庆 runs into the 调休 Saturday 2025-10-11", () => {
    // … 10-10 (5), 10-11 调休 Sat (6), 10-13..10-16 (7..10).
    assert.equal(messageDueOn(calendar, "2025-09-26", 6), "2025-10-11");
    assert.equal(messageDueOn(calendar, "2025-09-26", 10), "2025-10-16");
  });
  test("a message sent during 国庆 starts from 2025-10-09", () => {
    assert.equal(messageDueOn(calendar, "2025-10-03", 5), "2025-10-15");
  });
  test("a Saturday message before 国庆 counts from the 调休 Sunday", () => {
    assert.equal(messageDueOn(calendar, "2025-09-27", 5), "2025-10-11");
  });
  test("a message before 春节 2025 skips the whole holiday", () => {
    // 2025 春节: 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) worked.
    assert.equal(messageDueOn(calendar, "2025-01-24", 1), "2025-01-26");
    assert.equal(messageDueOn(calendar, "2025-01-24", 3), "2025-02-05");
  });
  test("one working day is the next working day", () => {
    assert.equal(messageDueOn(calendar, "2025-03-07", 1), "2025-03-10");
  });
});

describe("overdue and answered late", () => {
  const m = { dueOn: "2025-03-10", repliedOn: null };
  test("on the due day the message is still in time", () => {
    assert.equal(isOverdue(m, "2025-03-10"), false);
  });
  test("the day after the due day it is overdue", () => {
    assert.equal(isOverdue(m, "2025-03-11"), true);
  });
  test("a weekend after the due day already counts as overdue", () => {
    assert.equal(isOverdue({ dueOn: "2025-03-07", repliedOn: null }, "2025-03-08"), true);
  });
  test("a replied message is never overdue", () => {
    assert.equal(isOverdue({ ...m, repliedOn: "2025-03-20" }, "2025-04-01"), false);
  });
  test("answered late: replied after the due day, not on it", () => {
    assert.equal(isAnsweredLate({ dueOn: "2025-03-10", repliedOn: "2025-03-10" }), false);
    assert.equal(isAnsweredLate({ dueOn: "2025-03-10", repliedOn: "2025-03-11" }), true);
    assert.equal(isAnsweredLate({ dueOn: "2025-03-10", repliedOn: null }), false);
  });
  test("working days left counts down to 0 and below", () => {
    assert.equal(workdaysLeft(calendar, "2025-03-10", "2025-03-03"), 5);
    assert.equal(workdaysLeft(calendar, "2025-03-10", "2025-03-10"), 0);
    assert.equal(workdaysLeft(calendar, "2025-03-10", "2025-03-12"), -2);
  });
});
