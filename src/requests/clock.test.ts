import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { calendarDataFromJson, createWorkCalendar, type IsoDate } from "../calendar/rules";
import { type ClockInput, type ClockState, computeClock, receiptDate } from "./clock";
import type { ReceiptFacts } from "./receipt";

const calendar = createWorkCalendar(
  calendarDataFromJson(
    JSON.parse(
      readFileSync(new URL("../calendar/data/cn-work-calendar.json", import.meta.url), "utf8"),
    ),
  ),
);

const inPerson = (submittedOn: IsoDate): ReceiptFacts => ({ channel: "in_person", submittedOn });

// ---------------------------------------------------------------------------------------------
// Hand-worked table. Every expected value below was counted by hand on a printed calendar with
// the State Council notices (国办发明电〔2023〕7号 for 2024, 〔2024〕12号 for 2025), NOT with the
// code under test. Rule: a period of N working days ends on the N-th working day after the start
// date; the start date is not counted. "(k)" marks the k-th counted working day.
//
// Holidays used (non-working) and 调休 weekends (working):
//   2024 春节 02-10..02-17 off; Sun 02-04 and Sun 02-18 worked.
//   2024 清明 04-04..04-06 off; Sun 04-07 worked.
//   2024 劳动节 05-01..05-05 off; Sun 04-28 and Sat 05-11 worked.
//   2024 端午 06-08..06-10 off; no 调休.
//   2024 国庆 10-01..10-07 off; Sun 09-29 and Sat 10-12 worked (Sat 09-28 is an ordinary weekend).
//   2025 元旦 01-01 off.
//   2025 春节 01-28..02-04 off; Sun 01-26 and Sat 02-08 worked.
//   2025 劳动节 05-01..05-05 off; Sun 04-27 worked (Sat 05-10 is an ordinary weekend).
//   2025 国庆/中秋 10-01..10-08 off; Sun 09-28 and Sat 10-11 worked.
// ---------------------------------------------------------------------------------------------

interface Row {
  name: string;
  input: ClockInput;
  asOf: IsoDate;
  dueDate: IsoDate | null;
  workdaysUsed: number;
  workdaysLeft: number;
  state: ClockState;
}

// Case A, 春节 2025. Received Fri 2025-01-24 in person.
//   Sat 01-25 off; Sun 01-26 worked (1); Mon 01-27 (2); 01-28..02-04 off;
//   02-05 (3), 02-06 (4), 02-07 (5), Sat 02-08 worked (6); 02-10..14 (7..11);
//   02-17..21 (12..16); 02-24 (17), 02-25 (18), 02-26 (19), 02-27 (20) → due Thu 2025-02-27.
//   As of 02-07: used (1)..(5) = 5, left 20 − 5 = 15.
const caseA: ClockInput = { receipt: inPerson("2025-01-24"), events: [] };

// Case B, 春节 2025 + third-party consultation 2025-02-07 → answer 2025-02-21.
//   Not counted: working days in (02-07, 02-21] = Sat 02-08, 02-10..14, 02-17..21 = 11.
//   Counted: 01-26 (1), 01-27 (2), 02-05 (3), 02-06 (4), 02-07 (5); then from 02-24:
//   02-24..28 (6..10), 03-03..07 (11..15), 03-10..14 (16..20) → due Fri 2025-03-14.
//   As of 02-24: used (1)..(6) = 6; left: 02-25..28 (4), 03-03..07 (9), 03-10..14 (14) = 14.
const caseB: ClockInput = {
  receipt: inPerson("2025-01-24"),
  events: [
    { type: "consult_third_party", on: "2025-02-07", consultationId: "tp1", party: "某食品公司" },
    { type: "consultation_answered", on: "2025-02-21", consultationId: "tp1", answer: "consent" },
  ],
};

// Case C, 国庆 2024. Received Fri 2024-09-27 in person.
//   Sat 09-28 off; Sun 09-29 worked (1); Mon 09-30 (2); 10-01..07 off; 10-08..11 (3..6);
//   Sat 10-12 worked (7); 10-14..18 (8..12); 10-21..25 (13..17); 10-28 (18), 10-29 (19),
//   10-30 (20) → due Wed 2024-10-30.
//   As of Fri 10-25: used 17, left 10-28, 10-29, 10-30 = 3 → 即将到期.
//   As of Thu 10-24: used 16, left 10-25, 10-28, 10-29, 10-30 = 4 → 进行中.
const caseC: ClockInput = { receipt: inPerson("2024-09-27"), events: [] };

// Case D, 国庆 2025, online application submitted Thu 2025-09-25, confirmed Fri 2025-09-26.
//   Received = confirmation day 09-26 (第三十一条). Sat 09-27 off; Sun 09-28 worked (1);
//   09-29 (2), 09-30 (3); 10-01..08 off; 10-09 (4), 10-10 (5), Sat 10-11 worked (6);
//   10-13..17 (7..11); 10-20..24 (12..16); 10-27..30 (17..20) → due Thu 2025-10-30.
//   As of Fri 10-31: used 21, left −1 (one working day, 10-31, past due) → 已超期.
const caseD: ClockInput = {
  receipt: { channel: "online", submittedOn: "2025-09-25", confirmedOn: "2025-09-26" },
  events: [],
};

// Case E, 补正 restart around 清明 2024. Received Mon 2024-03-04 in person.
//   补正 notice must go out by the 7th working day: 03-05..08 (1..4), 03-11..13 (5..7) → 03-13.
//   Notice sent 03-08 (period to 03-22); supplement arrives Tue 03-19 — the clock restarts there.
//   03-20..22 (1..3); 03-25..29 (4..8); 04-01..03 (9..11); 04-04..06 off; Sun 04-07 worked (12);
//   04-08..12 (13..17); 04-15..17 (18..20) → due Wed 2024-04-17.
//   As of Mon 04-01: used 03-20..22, 03-25..29, 04-01 = 9; left 04-02, 04-03, 04-07,
//   04-08..12, 04-15..17 = 11.
const caseE: ClockInput = {
  receipt: inPerson("2024-03-04"),
  events: [
    {
      type: "request_supplement",
      on: "2024-03-08",
      items: ["请明确所需信息的名称或文号"],
      dueOn: "2024-03-22",
    },
    { type: "supplement_received", on: "2024-03-19" },
  ],
};

// Case F, agency consultation ending in silence. Received Mon 2024-11-04 in person; letter to
//   another agency sent (and received) Mon 11-11; no answer.
//   Agency period (第三十四条): 15 working days after 11-11: 11-12..15 (1..4), 11-18..22 (5..9),
//   11-25..29 (10..14), 12-02 (15) → ends Mon 12-02; silence = consent.
//   Not counted: (11-11, 12-02] = 15 working days.
//   Counted: 11-05..08 (1..4), 11-11 (5); then 12-03..06 (6..9), 12-09..13 (10..14),
//   12-16..20 (15..19), 12-23 (20) → due Mon 2024-12-23.
//   As of Tue 12-10: used 5 + 12-03..06 + 12-09, 12-10 = 11; left 12-11..13, 12-16..20, 12-23 = 9.
//   As of Wed 11-20 (letter still open): pause runs (11-11, 11-20] = 11-12..15, 11-18..20 = 7 days;
//   due = 12-02 (the unpaused due date) + 7: 12-03..06 (4), 12-09..11 (7) → 2024-12-11; used 5;
//   left 11-21, 11-22, 11-25..29, 12-02..06, 12-09..11 = 15.
const caseF: ClockInput = {
  receipt: inPerson("2024-11-04"),
  events: [
    { type: "consult_agency", on: "2024-11-11", consultationId: "ag1", party: "县卫生健康委员会" },
  ],
};

// Case G, extension of 20 across 劳动节 and 端午 2024. Received Mon 2024-05-06 in person.
//   05-07..10 (1..4), Sat 05-11 worked (5), 05-13..17 (6..10), 05-20..24 (11..15),
//   05-27..31 (16..20) → base due Fri 05-31. Extension of 20 approved Mon 05-27:
//   06-03..07 (21..25), Mon 06-10 off (端午), 06-11..14 (26..29), 06-17..21 (30..34),
//   06-24..28 (35..39), 07-01 (40) → due Mon 2024-07-01.
//   As of Mon 06-03: used 21; left 06-04..07, 06-11..14, 06-17..21, 06-24..28, 07-01 = 19.
const caseG: ClockInput = {
  receipt: inPerson("2024-05-06"),
  events: [
    { type: "extend", on: "2024-05-27", days: 20, approvedBy: "王局长", approverRole: "approver" },
  ],
};

// Case H, fee notice pause around 劳动节 2025. Received Mon 2025-04-07 in person; fee notice
//   Mon 04-14; paid Mon 04-21. Not counted: (04-14, 04-21] = 04-15..18, 04-21 = 5.
//   Counted: 04-08..11 (1..4), 04-14 (5); 04-22..25 (6..9); Sun 04-27 worked (10);
//   04-28..30 (11..13); 05-01..05 off; 05-06..09 (14..17); Sat 05-10 off; 05-12..14 (18..20)
//   → due Wed 2025-05-14. As of 04-21: used 5, left 15.
const caseH: ClockInput = {
  receipt: inPerson("2025-04-07"),
  events: [
    { type: "fee_notice", on: "2025-04-14", amountYuan: 200 },
    { type: "fee_paid", on: "2025-04-21" },
  ],
};

// Case K, 春节 2024. Received Thu 2024-02-08 in person.
//   Fri 02-09 (除夕, a working day) (1); 02-10..17 off; Sun 02-18 worked (2); 02-19..23 (3..7);
//   02-26..29 (8..11); 03-01 (12); 03-04..08 (13..17); 03-11..13 (18..20) → due Wed 2024-03-13.
//   As of Fri 03-08: used 17, left 3 → 即将到期.
const caseK: ClockInput = { receipt: inPerson("2024-02-08"), events: [] };

// Case L, registered letter signed for on Sun 2025-01-26 (a 调休 working day).
//   Received = signing day (第三十一条). 01-27 (1); 01-28..02-04 off; 02-05..07 (2..4);
//   Sat 02-08 (5); 02-10..14 (6..10); 02-17..21 (11..15); 02-24..28 (16..20) → due Fri 2025-02-28.
//   As of Tue 03-04: used 22, left −2 (03-03, 03-04) → 已超期.
const caseL: ClockInput = {
  receipt: { channel: "mail_signed", submittedOn: "2025-01-26", signedOn: "2025-01-26" },
  events: [],
};

// Case M, 平信 arriving Mon 2024-12-30, confirmed with the applicant Tue 12-31 (received 12-31).
//   01-01 off; 01-02 (1), 01-03 (2); 01-06..10 (3..7); 01-13..17 (8..12); 01-20..24 (13..17);
//   Sun 01-26 (18); 01-27 (19); 01-28..02-04 off; 02-05 (20) → due Wed 2025-02-05.
//   As of Mon 01-27: used 19, left 1 → 即将到期.
const caseM: ClockInput = {
  receipt: { channel: "mail_unsigned", submittedOn: "2024-12-30", confirmedOn: "2024-12-31" },
  events: [],
};

// Case N, online application submitted Mon 2025-01-27, waiting through 春节, confirmed by a
//   经办人 on Wed 02-05 (a confirm event). As of 02-03: 待确认, no due date.
//   From 02-05: 02-06 (1), 02-07 (2), Sat 02-08 (3), 02-10..14 (4..8), 02-17..21 (9..13),
//   02-24..28 (14..18), 03-03 (19), 03-04 (20) → due Tue 2025-03-04.
//   As of Fri 02-28: used 18, left 2 → 即将到期.
const caseN: ClockInput = {
  receipt: { channel: "online", submittedOn: "2025-01-27" },
  events: [{ type: "confirm", on: "2025-02-05" }],
};

// Case P, third-party consultation across 国庆 2025. Received Mon 2025-09-15 in person; letter
//   sent Mon 09-22, received by the company Tue 09-23; objection arrives Thu 10-09.
//   Third-party period (第三十二条): 15 working days after 09-23: 09-24..26 (1..3), Sun 09-28 (4),
//   09-29, 09-30 (5, 6), 10-09, 10-10 (7, 8), Sat 10-11 (9), 10-13..17 (10..14), 10-20 (15)
//   → ends 10-20; the answer of 10-09 is in time.
//   Not counted: (09-22, 10-09] = 09-23..26, 09-28, 09-29, 09-30, 10-09 = 8.
//   Counted: 09-16..19 (1..4), 09-22 (5); 10-10 (6), Sat 10-11 (7), 10-13..17 (8..12),
//   10-20..24 (13..17), 10-27..29 (18..20) → due Wed 2025-10-29.
//   As of Mon 10-20: used 5 + 10-10, 10-11, 10-13..17, 10-20 = 13; left 7.
const caseP: ClockInput = {
  receipt: inPerson("2025-09-15"),
  events: [
    {
      type: "consult_third_party",
      on: "2025-09-22",
      deliveredOn: "2025-09-23",
      consultationId: "tp1",
      party: "某药店",
    },
    { type: "consultation_answered", on: "2025-10-09", consultationId: "tp1", answer: "objection" },
  ],
};

// Case Q, Case B with an overlapping agency consultation 02-12 → answer 02-14: its days
//   (02-13, 02-14) are already inside the third-party pause, so the due date stays 2025-03-14.
const caseQ: ClockInput = {
  receipt: inPerson("2025-01-24"),
  events: [
    { type: "consult_third_party", on: "2025-02-07", consultationId: "tp1", party: "某食品公司" },
    { type: "consult_agency", on: "2025-02-12", consultationId: "ag1", party: "县农业农村局" },
    { type: "consultation_answered", on: "2025-02-14", consultationId: "ag1", answer: "consent" },
    { type: "consultation_answered", on: "2025-02-21", consultationId: "tp1", answer: "consent" },
  ],
};

// Case R, Case A replied on Thu 2025-02-20: used 01-26, 01-27, 02-05..08, 02-10..14, 02-17..20
//   = 15, left 02-21, 02-24..27 = 5 → 已办结 in time. Replied Fri 02-28 instead: left −1, late.
const replyOn = (on: IsoDate): ClockInput => ({
  receipt: inPerson("2025-01-24"),
  events: [{ type: "reply", on, result: "results.disclosed" }],
});

const table: Row[] = [
  {
    name: "A 春节2025 当面",
    input: caseA,
    asOf: "2025-02-07",
    dueDate: "2025-02-27",
    workdaysUsed: 5,
    workdaysLeft: 15,
    state: "in_progress",
  },
  {
    name: "B 春节2025 征求第三方意见",
    input: caseB,
    asOf: "2025-02-24",
    dueDate: "2025-03-14",
    workdaysUsed: 6,
    workdaysLeft: 14,
    state: "in_progress",
  },
  {
    name: "C 国庆2024 即将到期",
    input: caseC,
    asOf: "2024-10-25",
    dueDate: "2024-10-30",
    workdaysUsed: 17,
    workdaysLeft: 3,
    state: "due_soon",
  },
  {
    name: "C 国庆2024 前一日仍为进行中",
    input: caseC,
    asOf: "2024-10-24",
    dueDate: "2024-10-30",
    workdaysUsed: 16,
    workdaysLeft: 4,
    state: "in_progress",
  },
  {
    name: "D 国庆2025 网上申请 已超期",
    input: caseD,
    asOf: "2025-10-31",
    dueDate: "2025-10-30",
    workdaysUsed: 21,
    workdaysLeft: -1,
    state: "overdue",
  },
  {
    name: "E 补正后重新起算 清明2024",
    input: caseE,
    asOf: "2024-04-01",
    dueDate: "2024-04-17",
    workdaysUsed: 9,
    workdaysLeft: 11,
    state: "in_progress",
  },
  {
    name: "F 征求其他机关意见 期满未答复",
    input: caseF,
    asOf: "2024-12-10",
    dueDate: "2024-12-23",
    workdaysUsed: 11,
    workdaysLeft: 9,
    state: "in_progress",
  },
  {
    name: "F 征求其他机关意见 尚未答复",
    input: caseF,
    asOf: "2024-11-20",
    dueDate: "2024-12-11",
    workdaysUsed: 5,
    workdaysLeft: 15,
    state: "in_progress",
  },
  {
    name: "G 延期20个工作日 劳动节端午2024",
    input: caseG,
    asOf: "2024-06-03",
    dueDate: "2024-07-01",
    workdaysUsed: 21,
    workdaysLeft: 19,
    state: "in_progress",
  },
  {
    name: "H 收费通知至缴费 劳动节2025",
    input: caseH,
    asOf: "2025-04-21",
    dueDate: "2025-05-14",
    workdaysUsed: 5,
    workdaysLeft: 15,
    state: "in_progress",
  },
  {
    name: "K 春节2024 即将到期",
    input: caseK,
    asOf: "2024-03-08",
    dueDate: "2024-03-13",
    workdaysUsed: 17,
    workdaysLeft: 3,
    state: "due_soon",
  },
  {
    name: "L 挂号信 调休日签收 已超期",
    input: caseL,
    asOf: "2025-03-04",
    dueDate: "2025-02-28",
    workdaysUsed: 22,
    workdaysLeft: -2,
    state: "overdue",
  },
  {
    name: "M 平信 跨元旦春节",
    input: caseM,
    asOf: "2025-01-27",
    dueDate: "2025-02-05",
    workdaysUsed: 19,
    workdaysLeft: 1,
    state: "due_soon",
  },
  {
    name: "N 网上申请 待确认",
    input: caseN,
    asOf: "2025-02-03",
    dueDate: null,
    workdaysUsed: 0,
    workdaysLeft: 20,
    state: "awaiting_confirmation",
  },
  {
    name: "N 网上申请 确认后",
    input: caseN,
    asOf: "2025-02-28",
    dueDate: "2025-03-04",
    workdaysUsed: 18,
    workdaysLeft: 2,
    state: "due_soon",
  },
  {
    name: "P 国庆2025 征求第三方意见",
    input: caseP,
    asOf: "2025-10-20",
    dueDate: "2025-10-29",
    workdaysUsed: 13,
    workdaysLeft: 7,
    state: "in_progress",
  },
  {
    name: "Q 两项征求意见重叠只扣一次",
    input: caseQ,
    asOf: "2025-02-24",
    dueDate: "2025-03-14",
    workdaysUsed: 6,
    workdaysLeft: 14,
    state: "in_progress",
  },
  {
    name: "R 按期答复",
    input: replyOn("2025-02-20"),
    asOf: "2025-06-01",
    dueDate: "2025-02-27",
    workdaysUsed: 15,
    workdaysLeft: 5,
    state: "closed",
  },
  {
    name: "R 超期答复",
    input: replyOn("2025-02-28"),
    asOf: "2025-03-10",
    dueDate: "2025-02-27",
    workdaysUsed: 21,
    workdaysLeft: -1,
    state: "closed",
  },
];

describe("hand-worked due dates, 2024–2025", () => {
  for (const row of table) {
    test(`${row.name}: due ${row.dueDate ?? "—"} as of ${row.asOf}`, () => {
      const clock = computeClock(row.input, calendar, row.asOf);
      assert.deepEqual(
        {
          dueDate: clock.dueDate,
          workdaysUsed: clock.workdaysUsed,
          workdaysLeft: clock.workdaysLeft,
          state: clock.state,
        },
        {
          dueDate: row.dueDate,
          workdaysUsed: row.workdaysUsed,
          workdaysLeft: row.workdaysLeft,
          state: row.state,
        },
      );
    });
  }
});

describe("receipt date by channel (条例第三十一条)", () => {
  test("in person: the day submitted", () => {
    assert.equal(receiptDate({ channel: "in_person", submittedOn: "2025-01-24" }), "2025-01-24");
  });

  test("registered mail: the day signed for, not the day posted", () => {
    const receipt: ReceiptFacts = {
      channel: "mail_signed",
      submittedOn: "2025-01-20",
      signedOn: "2025-01-26",
    };
    assert.equal(receiptDate(receipt), "2025-01-26");
  });

  for (const channel of ["mail_unsigned", "online", "fax"] as const) {
    test(`${channel}: the day receipt is confirmed with the applicant, null before`, () => {
      assert.equal(receiptDate({ channel, submittedOn: "2025-01-27" }), null);
      assert.equal(
        receiptDate({ channel, submittedOn: "2025-01-27", confirmedOn: "2025-02-05" }),
        "2025-02-05",
      );
    });
  }

  test("a confirmation dated after the as-of date does not count yet", () => {
    const clock = computeClock(caseD, calendar, "2025-09-25");
    assert.equal(clock.state, "awaiting_confirmation");
    assert.equal(clock.receivedOn, null);
    assert.equal(clock.waitingFor, "confirmation");
  });
});

describe("pauses", () => {
  test("an answered third-party consultation is one closed pause of 11 working days", () => {
    const clock = computeClock(caseB, calendar, "2025-02-24");
    assert.deepEqual(clock.pausedIntervals, [
      {
        from: "2025-02-07",
        to: "2025-02-21",
        reason: "third_party_consultation",
        open: false,
        workdays: 11,
        consultationId: "tp1",
      },
    ]);
    assert.equal(clock.isPaused, false);
    assert.equal(clock.consultations[0]?.outcome, "consent");
    // 15 working days after 02-07: 02-08, 02-10..14, 02-17..21, 02-24..27 → 02-27.
    assert.equal(clock.consultations[0]?.periodEndsOn, "2025-02-27");
  });

  test("the clock explains itself in Chinese", () => {
    const clock = computeClock(caseB, calendar, "2025-02-24");
    assert.equal(
      clock.explanation[0],
      "收到申请 2025-01-24(当面提交,以提交之日为收到申请之日,条例第三十一条)。",
    );
    assert.ok(
      clock.explanation.includes(
        "2025-02-07 至 2025-02-21 征求第三方意见(某食品公司),不计入答复期限(11 个工作日,条例第三十三条第二款)。",
      ),
      clock.explanation.join("\n"),
    );
    assert.ok(clock.explanation.some((line) => line.startsWith("答复期限 2025-03-14")));
    assert.ok(clock.explanation.includes("截至 2025-02-24 已用 6 个工作日,剩余 14 个工作日。"));
  });

  test("an unanswered consultation pauses the clock up to the as-of date", () => {
    const clock = computeClock(caseF, calendar, "2024-11-20");
    assert.deepEqual(clock.pausedIntervals[0], {
      from: "2024-11-11",
      to: "2024-11-20",
      reason: "agency_consultation",
      open: true,
      workdays: 7,
      consultationId: "ag1",
    });
    assert.equal(clock.isPaused, true);
    assert.equal(clock.waitingFor, "consultation");
    assert.equal(clock.consultations[0]?.outcome, "pending");
    assert.ok(
      clock.explanation.some((l) => l.includes("尚未答复,暂停计时(答复期限至 2024-12-02)")),
    );
  });

  test("on the last day of the consultation period the pause is still open", () => {
    const clock = computeClock(caseF, calendar, "2024-12-02");
    assert.equal(clock.pausedIntervals[0]?.open, true);
    assert.equal(clock.dueDate, "2024-12-23");
    assert.equal(clock.consultations[0]?.outcome, "pending");
  });

  test("an agency that stays silent for 15 working days is deemed to consent (第三十四条)", () => {
    const clock = computeClock(caseF, calendar, "2024-12-10");
    assert.equal(clock.pausedIntervals[0]?.to, "2024-12-02");
    assert.equal(clock.pausedIntervals[0]?.open, false);
    assert.equal(clock.pausedIntervals[0]?.workdays, 15);
    assert.equal(clock.consultations[0]?.outcome, "deemed_consent");
    assert.equal(clock.waitingFor, null);
    assert.ok(clock.explanation.some((l) => l.includes("视为同意公开(条例第三十四条)")));
  });

  test("a silent third party is not deemed to consent; the bureau decides (第三十二条)", () => {
    const silent: ClockInput = {
      receipt: inPerson("2024-11-04"),
      events: [
        { type: "consult_third_party", on: "2024-11-11", consultationId: "tp", party: "某公司" },
      ],
    };
    const clock = computeClock(silent, calendar, "2024-12-10");
    assert.equal(clock.dueDate, "2024-12-23");
    assert.equal(clock.consultations[0]?.outcome, "no_opinion");
    assert.ok(clock.explanation.some((l) => l.includes("由本机关依法决定是否公开")));
  });

  test("a late answer does not stretch the pause past the consultation period", () => {
    const late: ClockInput = {
      receipt: inPerson("2024-11-04"),
      events: [
        ...caseF.events,
        {
          type: "consultation_answered",
          on: "2024-12-06",
          consultationId: "ag1",
          answer: "objection",
        },
      ],
    };
    const clock = computeClock(late, calendar, "2024-12-10");
    assert.equal(clock.pausedIntervals[0]?.to, "2024-12-02");
    assert.equal(clock.dueDate, "2024-12-23");
  });

  test("the third party's period runs from the day it received the letter", () => {
    const clock = computeClock(caseP, calendar, "2025-10-20");
    assert.equal(clock.consultations[0]?.periodEndsOn, "2025-10-20");
    assert.equal(clock.consultations[0]?.outcome, "objection");
    assert.equal(clock.pausedIntervals[0]?.workdays, 8);
  });

  test("overlapping pauses are counted once", () => {
    const clock = computeClock(caseQ, calendar, "2025-02-24");
    assert.equal(clock.pausedIntervals.length, 2);
    assert.equal(clock.pausedIntervals[1]?.workdays, 2);
    assert.equal(clock.dueDate, computeClock(caseB, calendar, "2025-02-24").dueDate);
  });

  test("a fee notice pauses the clock until payment", () => {
    const clock = computeClock(caseH, calendar, "2025-04-21");
    assert.deepEqual(clock.pausedIntervals, [
      { from: "2025-04-14", to: "2025-04-21", reason: "processing_fee", open: false, workdays: 5 },
    ]);
    assert.ok(
      clock.explanation.some((l) => l.startsWith("2025-04-14 至 2025-04-21 收费通知至缴费")),
    );
  });

  test("an unpaid fee notice keeps the clock paused and shows the payment deadline", () => {
    // Base due 2025-05-07 (Case H without the pause: 04-08..11, 04-14..18, 04-21..25, 04-27,
    // 04-28..30, 05-06, 05-07). As of Wed 04-16 the pause holds 04-15, 04-16 → + 2 = 05-09.
    // Payment deadline: 20 working days after 04-14: 04-15..18 (4), 04-21..25 (9), 04-27 (10),
    // 04-28..30 (13), 05-06..09 (17), 05-12..14 (20) → 2025-05-14.
    const unpaid: ClockInput = { receipt: inPerson("2025-04-07"), events: [caseH.events[0]!] };
    const clock = computeClock(unpaid, calendar, "2025-04-16");
    assert.equal(clock.dueDate, "2025-05-09");
    assert.equal(clock.feePayBy, "2025-05-14");
    assert.equal(clock.isPaused, true);
    assert.equal(clock.waitingFor, "fee_payment");
  });

  test("a fee left unpaid past the deadline closes the case as 逾期未缴费", () => {
    const expired: ClockInput = {
      receipt: inPerson("2025-04-07"),
      events: [caseH.events[0]!, { type: "fee_expired", on: "2025-05-15" }],
    };
    const clock = computeClock(expired, calendar, "2025-05-20");
    assert.equal(clock.state, "closed");
    assert.equal(clock.closingResult, "results.other.fee_unpaid");
  });

  test("events dated after the as-of date are ignored", () => {
    const clock = computeClock(caseB, calendar, "2025-02-07");
    assert.equal(clock.dueDate, "2025-02-27");
    assert.equal(clock.isPaused, true);
    assert.equal(clock.pausedIntervals[0]?.workdays, 0);
  });
});

describe("补正 (条例第三十条)", () => {
  test("while waiting for the supplement there is no due date and the periods are shown", () => {
    const clock = computeClock(caseE, calendar, "2024-03-12");
    assert.equal(clock.dueDate, null);
    assert.equal(clock.startOn, null);
    assert.equal(clock.state, "in_progress");
    assert.equal(clock.waitingFor, "supplement");
    assert.equal(clock.supplementNoticeDueDate, "2024-03-13");
    assert.equal(clock.supplementDueDate, "2024-03-22");
    assert.equal(clock.isSupplementOverdue, false);
  });

  test("the clock restarts from the day the supplement arrives", () => {
    const clock = computeClock(caseE, calendar, "2024-04-01");
    assert.equal(clock.startOn, "2024-03-19");
    assert.ok(
      clock.explanation.includes("2024-03-19 收到补正,答复期限自该日重新起算(条例第三十条)。"),
    );
  });

  test("the supplement period passing without a supplement is flagged", () => {
    const waiting: ClockInput = { receipt: inPerson("2024-03-04"), events: [caseE.events[0]!] };
    const clock = computeClock(waiting, calendar, "2024-03-25");
    assert.equal(clock.isSupplementOverdue, true);
    assert.ok(clock.explanation.some((l) => l.startsWith("补正期限已过")));
  });

  test("no supplement by the end of the period closes the case as 逾期不补正", () => {
    const expired: ClockInput = {
      receipt: inPerson("2024-03-04"),
      events: [caseE.events[0]!, { type: "supplement_expired", on: "2024-03-25" }],
    };
    const clock = computeClock(expired, calendar, "2024-04-01");
    assert.equal(clock.state, "closed");
    assert.equal(clock.closingResult, "results.other.no_correction_abandoned");
    assert.equal(clock.closedInTime, null);
  });

  test("the 补正 notice deadline across 春节 2025 is the 7th working day after receipt", () => {
    // Received 2025-01-24: 01-26 (1), 01-27 (2), 02-05 (3), 02-06 (4), 02-07 (5), 02-08 (6),
    // 02-10 (7).
    assert.equal(computeClock(caseA, calendar, "2025-01-24").supplementNoticeDueDate, "2025-02-10");
  });
});

describe("extensions, 第三十五条 and closing", () => {
  test("an extension adds its working days and is reported", () => {
    const clock = computeClock(caseG, calendar, "2024-06-03");
    assert.equal(clock.extended, true);
    assert.equal(clock.extensionDays, 20);
    assert.ok(
      clock.explanation.includes(
        "2024-05-27 经签发人批准延长答复期限 20 个工作日,并告知申请人(条例第三十三条)。",
      ),
    );
    assert.ok(
      clock.explanation.some((l) =>
        l.startsWith("答复期限 2024-07-01(自 2024-05-06 起算 40 个工作日"),
      ),
    );
  });

  test("without the extension the same case would be overdue", () => {
    const clock = computeClock(caseA, calendar, "2025-03-03");
    // Due 2025-02-27; 02-28 and 03-03 are past it.
    assert.equal(clock.state, "overdue");
    assert.equal(clock.workdaysLeft, -2);
    assert.ok(clock.explanation.includes("截至 2025-03-03 已用 22 个工作日,已超期 2 个工作日。"));
  });

  test("a reasonable later date set under 第三十五条 becomes the due date", () => {
    const input: ClockInput = {
      receipt: inPerson("2025-03-03"),
      events: [
        { type: "ask_reasons", on: "2025-03-05" },
        { type: "set_reasonable_period", on: "2025-03-10", dueOn: "2025-05-30" },
      ],
    };
    const clock = computeClock(input, calendar, "2025-03-10");
    assert.equal(clock.dueDate, "2025-05-30");
    assert.equal(clock.reasonablePeriodDueOn, "2025-05-30");
    assert.equal(clock.state, "in_progress");
    assert.ok(clock.explanation.some((l) => l.includes("第三十五条确定的合理期限")));
  });

  test("a reply closes the case and says whether it was in time", () => {
    const onTime = computeClock(replyOn("2025-02-20"), calendar, "2025-06-01");
    assert.equal(onTime.closedOn, "2025-02-20");
    assert.equal(onTime.closedInTime, true);
    assert.equal(onTime.closingResult, "results.disclosed");
    assert.ok(
      onTime.explanation.includes("2025-02-20 答复(予以公开),在答复期限内;已用 15 个工作日。"),
    );
    const late = computeClock(replyOn("2025-02-28"), calendar, "2025-03-10");
    assert.equal(late.closedInTime, false);
    assert.ok(late.explanation.some((l) => l.includes("超过答复期限 1 个工作日")));
  });

  test("a withdrawal before confirmation is never counted as received", () => {
    const input: ClockInput = {
      receipt: { channel: "online", submittedOn: "2025-01-27" },
      events: [{ type: "withdraw", on: "2025-01-29" }],
    };
    const clock = computeClock(input, calendar, "2025-02-10");
    assert.equal(clock.state, "closed");
    assert.equal(clock.receivedOn, null);
    assert.equal(clock.closingResult, null);
  });

  test("a withdrawal after receipt counts under 其他处理/其他", () => {
    const input: ClockInput = {
      receipt: inPerson("2025-01-24"),
      events: [{ type: "withdraw", on: "2025-02-05" }],
    };
    const clock = computeClock(input, calendar, "2025-02-10");
    assert.equal(clock.state, "closed");
    assert.equal(clock.closingResult, "results.other.other");
  });

  test("a due date in a year without a published schedule is provisional", () => {
    // Received Tue 2026-12-15: 12-16..18 (3), 12-21..25 (8), 12-28..31 (12); 2027 is not
    // published, so only weekends are off: Fri 2027-01-01 (13), 01-04..08 (18), 01-11 (19),
    // 01-12 (20) → 2027-01-12.
    const clock = computeClock(
      { receipt: inPerson("2026-12-15"), events: [] },
      calendar,
      "2026-12-15",
    );
    assert.equal(clock.dueDate, "2027-01-12");
    assert.equal(clock.provisional, true);
    assert.ok(clock.explanation.some((l) => l.includes("节假日安排尚未公布")));
    assert.equal(computeClock(caseA, calendar, "2025-02-07").provisional, false);
  });

  test("the explanation of a case awaiting confirmation says why nothing counts yet", () => {
    const clock = computeClock(caseN, calendar, "2025-02-03");
    assert.deepEqual(clock.explanation, [
      "网上申请于 2025-01-27 提交,尚待经办人与申请人确认;以确认之日为收到申请之日,确认前不计算答复期限(条例第三十一条)。",
    ]);
  });

  test("the explanation of a confirmed 平信 names both days", () => {
    const clock = computeClock(caseM, calendar, "2025-01-27");
    assert.equal(
      clock.explanation[0],
      "收到申请 2024-12-31(平常信函,2024-12-30 提交,以与申请人确认之日为收到申请之日,条例第三十一条)。",
    );
    assert.ok(
      clock.explanation.includes("截至 2025-01-27 已用 19 个工作日,剩余 1 个工作日,即将到期。"),
    );
  });
});

describe("explanation order", () => {
  test("steps are explained in the order they happened, then the due date and the status", () => {
    // Case E plus an extension of 5 (04-10) and an unpaid fee notice (04-11), as of Tue 04-16.
    // Without pause: the 20th working day after 03-19 is 04-17 (Case E); + 5 → 04-18, 04-19,
    // 04-22, 04-23, 04-24; the open fee pause holds 04-12, 04-15, 04-16 → + 3: 04-25 (Thu),
    // 04-26 (Fri), Sun 04-28 (劳动节 调休 working day) → 2024-04-28.
    const input: ClockInput = {
      receipt: inPerson("2024-03-04"),
      events: [
        ...caseE.events,
        {
          type: "extend",
          on: "2024-04-10",
          days: 5,
          approvedBy: "王局长",
          approverRole: "approver",
        },
        { type: "fee_notice", on: "2024-04-11", amountYuan: 300 },
      ],
    };
    const clock = computeClock(input, calendar, "2024-04-16");
    assert.equal(clock.dueDate, "2024-04-28");
    const starts = clock.explanation.map((line) => line.slice(0, 10));
    assert.deepEqual(starts.slice(1, 5), ["2024-03-08", "2024-03-19", "2024-04-10", "2024-04-11"]);
    assert.match(clock.explanation[5]!, /^答复期限 2024-04-28/);
    assert.match(clock.explanation[6]!, /暂停计时中/);
  });
});
