import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { officialCalendarData } from "../../calendar/official-data";
import { createWorkCalendar } from "../../calendar/rules";
import {
  applicationReminderRecipients,
  digestRecipients,
  digestText,
  itemsInScope,
  type OverdueItems,
  recordReminderRecipients,
  reminderKey,
  reminderStageOn,
  type StaffMember,
} from "./rules";

const calendar = createWorkCalendar(officialCalendarData);

describe("reminder stages", () => {
  it("counts working days over 国庆 2025 and its 调休 Sunday", () => {
    // 2025: 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 are working days.
    const due = "2025-10-09";
    const on = (today: string) => reminderStageOn(due, today, calendar);
    assert.equal(on("2025-09-26"), null); // 4 working days left: 09-28, 09-29, 09-30, 10-09
    assert.deepEqual(on("2025-09-28"), { stage: "d3", workdaysLeft: 3 });
    assert.deepEqual(on("2025-09-29"), { stage: "d3", workdaysLeft: 2 });
    assert.deepEqual(on("2025-09-30"), { stage: "d1", workdaysLeft: 1 });
    assert.deepEqual(on("2025-10-05"), { stage: "d1", workdaysLeft: 1 });
    assert.deepEqual(on("2025-10-09"), { stage: "d1", workdaysLeft: 0 });
    assert.equal(on("2025-10-10"), null);
  });

  it("an ordinary week: 3 days before is the Friday for a Wednesday due date", () => {
    assert.deepEqual(reminderStageOn("2025-03-12", "2025-03-07", calendar), {
      stage: "d3",
      workdaysLeft: 3,
    });
    assert.equal(reminderStageOn("2025-03-12", "2025-03-06", calendar), null);
    assert.deepEqual(reminderStageOn("2025-03-12", "2025-03-11", calendar), {
      stage: "d1",
      workdaysLeft: 1,
    });
  });

  it("keys hold subject, due date, stage and person", () => {
    assert.equal(
      reminderKey("record", 7, "2025-10-09", "d3", 4),
      "reminder:record:7:2025-10-09:d3:u4",
    );
    assert.notEqual(
      reminderKey("record", 7, "2025-10-09", "d3", 4),
      reminderKey("record", 7, "2025-10-10", "d3", 4),
    );
  });
});

const person = (id: number, unitId: number, roles: string[], isActive = true): StaffMember => ({
  id,
  unitId,
  roles,
  isActive,
  email: null,
});

describe("recipients", () => {
  const staff = [
    person(1, 1, ["reviewer"]),
    person(2, 1, ["approver"]),
    person(3, 2, ["editor"]),
    person(4, 2, ["editor"], false),
    person(5, 2, ["editor"]),
    person(6, 2, ["reviewer"]),
    person(7, 3, ["reviewer"]),
    person(8, 2, ["applicationOfficer"]),
    person(9, 1, ["applicationOfficer"]),
    person(10, 3, ["approver"], false),
  ];

  it("a record: the drafter, or the unit's active editors when the drafter left", () => {
    assert.deepEqual(
      recordReminderRecipients({ createdBy: 3, unitId: 2 }, staff).map((s) => s.id),
      [3],
    );
    assert.deepEqual(
      recordReminderRecipients({ createdBy: 4, unitId: 2 }, staff).map((s) => s.id),
      [3, 5],
    );
    assert.deepEqual(recordReminderRecipients({ createdBy: 99, unitId: 3 }, staff), []);
  });

  it("an application: the handler, else the unit's officers, else the root's, else all", () => {
    const ids = (a: { handlerId: number | null; unitId: number | null }) =>
      applicationReminderRecipients(a, staff, 1).map((s) => s.id);
    assert.deepEqual(ids({ handlerId: 5, unitId: 2 }), [5]);
    assert.deepEqual(ids({ handlerId: 4, unitId: 2 }), [8]);
    assert.deepEqual(ids({ handlerId: null, unitId: null }), [9]);
    assert.deepEqual(ids({ handlerId: null, unitId: 3 }), [8, 9]);
  });

  it("digest: office = root reviewers and approvers; unit head = approvers, else reviewers", () => {
    const result = digestRecipients(staff, 1).map((r) => [r.member.id, r.scope]);
    assert.deepEqual(result, [
      [1, "all"],
      [2, "all"],
      [6, { unitId: 2 }],
      [7, { unitId: 3 }], // unit 3's approver is inactive: its reviewer
    ]);
  });
});

describe("digest text", () => {
  const items: OverdueItems = {
    records: [{ id: 1, title: "甲通知", unitId: 2, dueOn: "2025-03-01", workdaysOverdue: 2 }],
    applications: [
      { id: 5, applicationNo: "YSQ-2025-00005", unitId: null, dueOn: "2025-03-02" },
      { id: 6, applicationNo: "YSQ-2025-00006", unitId: 3, dueOn: "2025-03-02" },
    ],
    consultations: [{ id: 2, title: "乙征集", unitId: 3, feedbackDueOn: "2025-03-01" }],
    messages: [{ id: 3, messageNo: "LY-2025-00003", unitId: 2, dueOn: "2025-03-01" }],
  };

  it("a unit's scope leaves out other units and unassigned items", () => {
    const mine = itemsInScope(items, { unitId: 2 });
    assert.deepEqual(
      [
        mine.records.length,
        mine.applications.length,
        mine.consultations.length,
        mine.messages.length,
      ],
      [1, 0, 0, 1],
    );
    assert.equal(itemsInScope(items, "all"), items);
  });

  it("lists every item with its number or title and due date", () => {
    const text = digestText(items, {
      date: "2025-03-05",
      scopeName: "全局各单位",
      unitName: (id) => (id === null ? "未分办" : `单位${id}`),
    });
    for (const part of ["甲通知", "YSQ-2025-00005", "YSQ-2025-00006", "乙征集", "LY-2025-00003"]) {
      assert.ok(text.includes(part), part);
    }
    assert.match(text, /共有 5 项超期事项/);
    assert.match(text, /\{\{site\}\}\/admin\/records\/1/);
  });
});
