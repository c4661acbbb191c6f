import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { calendarDataFromJson, createWorkCalendar, type IsoDate } from "../calendar/rules";
import type { ReceiptFacts } from "./receipt";
import { RESULT_GROUP_KEYS, type ResultRowKey } from "./results";
import {
  allowedEventTypes,
  type CasePhase,
  deriveCaseState,
  TIMELINE_EVENT_TYPES,
  type TimelineEvent,
  type TimelineEventType,
  type ValidationContext,
  validateEvent,
  validateTimeline,
} from "./timeline";

const calendar = createWorkCalendar(
  calendarDataFromJson(
    JSON.parse(
      readFileSync(new URL("../calendar/data/cn-work-calendar.json", import.meta.url), "utf8"),
    ),
  ),
);

type EventOf<K extends TimelineEventType> = Extract<TimelineEvent, { type: K }>;

const TODAY = "2025-12-31";
const inPerson: ReceiptFacts = { channel: "in_person", submittedOn: "2025-03-03" };
const online: ReceiptFacts = { channel: "online", submittedOn: "2025-03-03" };
const ctx = (receipt: ReceiptFacts = inPerson, today: IsoDate = TODAY): ValidationContext => ({
  receipt,
  calendar,
  today,
});

function errorOf(
  timeline: TimelineEvent[],
  event: TimelineEvent,
  context: ValidationContext = ctx(),
): string | null {
  const result = validateEvent(timeline, event, context);
  return result.ok ? null : result.error;
}

// Received Mon 2025-03-03. The 补正 notice is due by 03-12 (03-04..07, 03-10..12 = 7 working days).
// A fee notice of 03-04 must be paid by 04-01 (03-05..07 (3), 03-10..14 (8), 03-17..21 (13),
// 03-24..28 (18), 03-31 (19), 04-01 (20)).
const consultAgency: EventOf<"consult_agency"> = {
  type: "consult_agency",
  on: "2025-03-04",
  consultationId: "ag1",
  party: "县卫生健康委员会",
};
const feeNotice: EventOf<"fee_notice"> = { type: "fee_notice", on: "2025-03-04", amountYuan: 100 };
const supplementRequest: EventOf<"request_supplement"> = {
  type: "request_supplement",
  on: "2025-03-04",
  items: ["请写明所需信息的名称或文号"],
  dueOn: "2025-03-18",
};
const reply = (on: IsoDate, result: ResultRowKey): EventOf<"reply"> => ({
  type: "reply",
  on,
  result,
});

const phases: Record<CasePhase, { receipt: ReceiptFacts; events: TimelineEvent[] }> = {
  awaiting_confirmation: { receipt: online, events: [] },
  open: { receipt: inPerson, events: [consultAgency] },
  awaiting_supplement: { receipt: inPerson, events: [supplementRequest] },
  awaiting_fee: { receipt: inPerson, events: [consultAgency, feeNotice] },
  closed: { receipt: inPerson, events: [reply("2025-03-04", "results.disclosed")] },
  delivered: {
    receipt: inPerson,
    events: [
      reply("2025-03-04", "results.disclosed"),
      { type: "deliver", on: "2025-03-05", method: "mail" },
    ],
  },
  archived: {
    receipt: inPerson,
    events: [
      reply("2025-03-04", "results.disclosed"),
      { type: "deliver", on: "2025-03-05", method: "mail" },
      { type: "archive", on: "2025-03-06" },
    ],
  },
};

/** One event of every type, valid wherever its phase allows it. */
const candidates: { [K in TimelineEventType]: EventOf<K> } = {
  confirm: { type: "confirm", on: "2025-03-07" },
  assign: { type: "assign", on: "2025-03-07", unitId: 3 },
  request_supplement: { ...supplementRequest, on: "2025-03-07", dueOn: "2025-03-21" },
  supplement_received: { type: "supplement_received", on: "2025-03-07" },
  supplement_expired: { type: "supplement_expired", on: "2025-03-19" },
  consult_third_party: {
    type: "consult_third_party",
    on: "2025-03-07",
    consultationId: "tp9",
    party: "某食品公司",
  },
  consult_agency: {
    type: "consult_agency",
    on: "2025-03-07",
    consultationId: "ag9",
    party: "县农业农村局",
  },
  consultation_answered: {
    type: "consultation_answered",
    on: "2025-03-07",
    consultationId: "ag1",
    answer: "consent",
  },
  fee_notice: { type: "fee_notice", on: "2025-03-07", amountYuan: 100 },
  fee_paid: { type: "fee_paid", on: "2025-03-07" },
  fee_expired: { type: "fee_expired", on: "2025-04-02" },
  extend: {
    type: "extend",
    on: "2025-03-07",
    days: 10,
    approvedBy: "王局长",
    approverRole: "approver",
  },
  ask_reasons: { type: "ask_reasons", on: "2025-03-07" },
  set_reasonable_period: { type: "set_reasonable_period", on: "2025-03-07", dueOn: "2025-06-30" },
  reply: reply("2025-03-07", "results.not_disclosed.internal_affairs"),
  deliver: { type: "deliver", on: "2025-03-07", method: "mail" },
  archive: { type: "archive", on: "2025-03-07" },
  withdraw: { type: "withdraw", on: "2025-03-07" },
};

const OK = null;
type Expected = null | RegExp;

/** For every phase, the outcome of every event type: OK, or the Chinese refusal. */
const matrix: Record<CasePhase, Partial<Record<TimelineEventType, Expected>> & { rest: RegExp }> = {
  awaiting_confirmation: { confirm: OK, withdraw: OK, rest: /^申请尚待确认收到/ },
  open: {
    confirm: /^当面提交的申请无需确认/,
    assign: OK,
    request_supplement: /已征求意见、收费、延期或要求说明理由的申请不能再告知补正/,
    supplement_received: /^没有待补正的申请$/,
    supplement_expired: /^没有待补正的申请$/,
    consult_third_party: OK,
    consult_agency: OK,
    consultation_answered: OK,
    fee_notice: OK,
    fee_paid: /^没有待缴纳的信息处理费$/,
    fee_expired: /^没有待缴纳的信息处理费$/,
    extend: OK,
    ask_reasons: OK,
    set_reasonable_period: /须先要求申请人说明理由/,
    reply: OK,
    withdraw: OK,
    rest: /^申请尚未办结,不能送达或归档$/,
  },
  awaiting_supplement: {
    assign: OK,
    supplement_received: OK,
    supplement_expired: OK,
    withdraw: OK,
    rest: /^正在等待申请人补正/,
  },
  awaiting_fee: {
    assign: OK,
    consultation_answered: OK,
    fee_paid: OK,
    fee_expired: OK,
    extend: OK,
    withdraw: OK,
    rest: /^正在等待缴纳信息处理费/,
  },
  closed: { deliver: OK, archive: /^答复尚未送达,不能归档$/, rest: /^申请已办结,只能送达或归档$/ },
  delivered: { archive: OK, rest: /^申请已办结并送达,只能归档$/ },
  archived: { rest: /^申请已归档,不能再记录办理环节$/ },
};

describe("every event type from every phase", () => {
  for (const [phase, fixture] of Object.entries(phases) as [
    CasePhase,
    (typeof phases)[CasePhase],
  ][]) {
    test(`the fixture for ${phase} is in that phase`, () => {
      assert.equal(deriveCaseState(fixture.receipt, fixture.events, calendar).phase, phase);
      assert.deepEqual(validateTimeline(fixture.events, ctx(fixture.receipt)), { ok: true });
    });
    for (const type of TIMELINE_EVENT_TYPES) {
      const expected = type in matrix[phase] ? matrix[phase][type] : matrix[phase].rest;
      test(`${type} in ${phase}: ${expected === OK ? "allowed" : "refused"}`, () => {
        const error = errorOf(fixture.events, candidates[type], ctx(fixture.receipt));
        if (expected === OK || expected === undefined) assert.equal(error, null);
        else assert.match(error ?? "(allowed)", expected);
      });
    }
  }

  test("allowedEventTypes admits every event the matrix allows and none it refuses by phase", () => {
    for (const phase of Object.keys(phases) as CasePhase[]) {
      const allowed = new Set(allowedEventTypes(phase));
      for (const type of TIMELINE_EVENT_TYPES) {
        if (!(type in matrix[phase])) assert.equal(allowed.has(type), false, `${type} in ${phase}`);
        else if (matrix[phase][type] === OK)
          assert.equal(allowed.has(type), true, `${type} in ${phase}`);
      }
    }
  });
});

describe("dates", () => {
  test("an event may not be dated before the previous step", () => {
    const event: TimelineEvent = { type: "assign", on: "2025-03-03", unitId: 1 };
    assert.match(errorOf([consultAgency], event) ?? "", /^日期不能早于上一办理环节\(2025-03-04\)/);
  });

  test("an event may not be dated before receipt", () => {
    assert.match(errorOf([], { type: "assign", on: "2025-03-02", unitId: 1 }) ?? "", /2025-03-03/);
  });

  test("an event may not be dated after today", () => {
    const error = errorOf(
      [],
      { type: "assign", on: "2025-03-05", unitId: 1 },
      ctx(inPerson, "2025-03-04"),
    );
    assert.equal(error, "日期不能晚于今天(2025-03-04)");
  });

  test("an impossible date is refused", () => {
    assert.match(errorOf([], { type: "assign", on: "2025-02-30", unitId: 1 }) ?? "", /^日期无效/);
  });

  test("a confirmation may not predate the online submission", () => {
    assert.match(
      errorOf([], { type: "confirm", on: "2025-03-02" }, ctx(online)) ?? "",
      /2025-03-03/,
    );
  });

  test("an application confirmed in its receipt facts cannot be confirmed again", () => {
    const receipt: ReceiptFacts = { ...online, confirmedOn: "2025-03-04" };
    assert.equal(
      errorOf([], { type: "confirm", on: "2025-03-05" }, ctx(receipt)),
      "申请已确认收到",
    );
  });

  test("broken receipt facts are reported before anything else", () => {
    const receipt: ReceiptFacts = { channel: "mail_signed", submittedOn: "2025-03-03" };
    assert.equal(errorOf([], candidates.assign, ctx(receipt)), "邮寄申请须填写签收日期");
    const confirmedInPerson: ReceiptFacts = { ...inPerson, confirmedOn: "2025-03-04" };
    assert.match(errorOf([], candidates.assign, ctx(confirmedInPerson)) ?? "", /无需确认/);
  });
});

describe("补正 (条例第三十条)", () => {
  test("only one supplement request", () => {
    const timeline: TimelineEvent[] = [
      supplementRequest,
      { type: "supplement_received", on: "2025-03-06" },
    ];
    assert.equal(
      errorOf(timeline, candidates.request_supplement),
      "补正只能一次性告知(条例第三十条)",
    );
  });

  test("the notice must go out within 7 working days of receipt, counted across 春节 2025", () => {
    // Received Fri 2025-01-24: 01-26 (1), 01-27 (2), 02-05 (3), 02-06 (4), 02-07 (5),
    // Sat 02-08 (6), Mon 02-10 (7).
    const receipt: ReceiptFacts = { channel: "in_person", submittedOn: "2025-01-24" };
    const request = (on: IsoDate): TimelineEvent => ({
      ...supplementRequest,
      on,
      dueOn: "2025-02-28",
    });
    assert.equal(errorOf([], request("2025-02-10"), ctx(receipt)), null);
    assert.equal(
      errorOf([], request("2025-02-11"), ctx(receipt)),
      "应自收到申请之日起7个工作日内一次性告知补正(条例第三十条),期限至 2025-02-10",
    );
  });

  test("the notice must list what to supplement and give a later period", () => {
    const noItems: TimelineEvent = { ...supplementRequest, items: [] };
    assert.match(errorOf([], noItems) ?? "", /全部事项/);
    const blankItem: TimelineEvent = { ...supplementRequest, items: ["  "] };
    assert.match(errorOf([], blankItem) ?? "", /全部事项/);
    const noPeriod: TimelineEvent = { ...supplementRequest, dueOn: "2025-03-04" };
    assert.match(errorOf([], noPeriod) ?? "", /合理的补正期限/);
  });

  test("a late supplement needs the applicant's good reason", () => {
    const late: TimelineEvent = { type: "supplement_received", on: "2025-03-20" };
    assert.match(errorOf([supplementRequest], late) ?? "", /^已过补正期限\(2025-03-18\)/);
    assert.equal(errorOf([supplementRequest], { ...late, lateReason: "住院治疗" }), null);
  });

  test("逾期不补正 can be recorded only after the period ends", () => {
    const early: TimelineEvent = { type: "supplement_expired", on: "2025-03-18" };
    assert.match(errorOf([supplementRequest], early) ?? "", /^补正期限至 2025-03-18/);
  });

  test("a case closed as 逾期不补正 may be archived without delivery", () => {
    const timeline: TimelineEvent[] = [
      supplementRequest,
      { type: "supplement_expired", on: "2025-03-19" },
    ];
    assert.equal(errorOf(timeline, { type: "archive", on: "2025-03-20" }), null);
  });
});

describe("consultations (条例第三十二条、第三十四条)", () => {
  test("consultation ids are unique and the party is named", () => {
    assert.equal(
      errorOf([consultAgency], { ...consultAgency, on: "2025-03-05" }),
      "征求意见编号重复",
    );
    const noParty: TimelineEvent = { ...consultAgency, consultationId: "x", party: " " };
    assert.equal(errorOf([], noParty), "须填写被征求意见的机关");
    const noThirdParty: TimelineEvent = { ...candidates.consult_third_party, party: "" };
    assert.equal(errorOf([], noThirdParty), "须填写被征求意见的第三方");
    assert.equal(errorOf([], { ...consultAgency, consultationId: "" }), "缺少征求意见编号");
  });

  test("a letter cannot be received before it was sent", () => {
    const event: TimelineEvent = { ...consultAgency, deliveredOn: "2025-03-03" };
    assert.equal(errorOf([], event), "征求意见书送达日期不能早于发出日期");
  });

  test("an answer must belong to an open consultation", () => {
    const answer = candidates.consultation_answered;
    assert.equal(
      errorOf([consultAgency], { ...answer, consultationId: "zz" }),
      "没有该征求意见记录",
    );
    assert.equal(
      errorOf([consultAgency, answer], { ...answer, on: "2025-03-10" }),
      "该征求意见已有答复",
    );
  });

  test("no disclosure while a consultation is unanswered and its period is running", () => {
    // Agency letter of 03-04: 15 working days → 03-05..07, 03-10..14, 03-17..21, 03-24, 03-25.
    const disclose = reply("2025-03-25", "results.disclosed");
    assert.match(
      errorOf([consultAgency], disclose) ?? "",
      /^征求意见尚未答复且期限未满\(至 2025-03-25\)/,
    );
    const partly = reply("2025-03-10", "results.partially_disclosed");
    assert.match(errorOf([consultAgency], partly) ?? "", /^征求意见尚未答复/);
  });

  test("disclosure is allowed once the agency answers or stays silent past its period", () => {
    const answered: TimelineEvent[] = [consultAgency, candidates.consultation_answered];
    assert.equal(errorOf(answered, reply("2025-03-10", "results.disclosed")), null);
    assert.equal(errorOf([consultAgency], reply("2025-03-26", "results.disclosed")), null);
  });
});

describe("fees (条例第四十二条)", () => {
  test("one fee notice of a positive amount", () => {
    assert.equal(
      errorOf([feeNotice, { type: "fee_paid", on: "2025-03-05" }], candidates.fee_notice),
      "同一申请只能发出一次收费通知",
    );
    assert.match(errorOf([], { ...feeNotice, amountYuan: 0 }) ?? "", /收费金额须大于0元/);
    assert.match(errorOf([], { ...feeNotice, amountYuan: Number.NaN }) ?? "", /收费金额须大于0元/);
  });

  test("payment after the deadline is refused; 逾期未缴费 only after it", () => {
    assert.match(
      errorOf([feeNotice], { type: "fee_paid", on: "2025-04-02" }) ?? "",
      /2025-04-01 届满/,
    );
    assert.equal(errorOf([feeNotice], { type: "fee_paid", on: "2025-04-01" }), null);
    assert.match(
      errorOf([feeNotice], { type: "fee_expired", on: "2025-04-01" }) ?? "",
      /^缴费期限至 2025-04-01/,
    );
  });

  test("while the fee is unpaid no reply may be given", () => {
    assert.match(errorOf([feeNotice], candidates.reply) ?? "", /^正在等待缴纳信息处理费/);
  });
});

describe("extensions (条例第三十三条)", () => {
  const extend = candidates.extend;

  test("an extension must be approved by a 签发人", () => {
    const message = "延长答复期限须经签发人批准(条例第三十三条)";
    assert.equal(errorOf([], { ...extend, approverRole: "reviewer" }), message);
    assert.equal(errorOf([], { ...extend, approverRole: "applicationOfficer" }), message);
    assert.equal(errorOf([], { ...extend, approvedBy: " " }), message);
  });

  test("an extension is at most 20 working days and a positive whole number", () => {
    assert.equal(errorOf([], { ...extend, days: 20 }), null);
    assert.equal(
      errorOf([], { ...extend, days: 21 }),
      "延长的期限最长不得超过20个工作日(条例第三十三条)",
    );
    assert.equal(errorOf([], { ...extend, days: 0 }), "延长的期限须为正整数个工作日");
    assert.equal(errorOf([], { ...extend, days: 2.5 }), "延长的期限须为正整数个工作日");
  });

  test("a second extension is refused", () => {
    assert.equal(
      errorOf([extend], { ...extend, on: "2025-03-10", days: 5 }),
      "答复期限只能延长一次(条例第三十三条)",
    );
  });

  test("an extension must be decided before the reply period has run out", () => {
    // Received 03-03: 03-04..07 (4), 03-10..14 (9), 03-17..21 (14), 03-24..28 (19), 03-31 (20).
    assert.equal(errorOf([], { ...extend, on: "2025-03-31" }), null);
    assert.equal(
      errorOf([], { ...extend, on: "2025-04-01" }),
      "答复期限已于 2025-03-31 届满,不能再延期",
    );
  });
});

describe("第三十五条 and 第三十九条", () => {
  const asked: TimelineEvent = { type: "ask_reasons", on: "2025-03-05" };

  test("reasons are asked once", () => {
    assert.equal(errorOf([asked], { ...asked, on: "2025-03-06" }), "已要求申请人说明理由");
  });

  test("a reasonable period must follow the question and be later than the statutory date", () => {
    const period = (dueOn: IsoDate): TimelineEvent => ({
      type: "set_reasonable_period",
      on: "2025-03-10",
      dueOn,
    });
    assert.equal(
      errorOf([asked], period("2025-03-31")),
      "延迟答复的合理期限应晚于答复期限 2025-03-31(条例第三十五条)",
    );
    assert.equal(errorOf([asked], period("2025-04-30")), null);
    assert.equal(
      errorOf([asked, period("2025-04-30")], { ...period("2025-05-30"), on: "2025-03-11" }),
      "延迟答复的合理期限已经确定",
    );
  });

  test("no extension after a reasonable period was set", () => {
    const timeline: TimelineEvent[] = [
      asked,
      { type: "set_reasonable_period", on: "2025-03-10", dueOn: "2025-04-30" },
    ];
    assert.equal(
      errorOf(timeline, { ...candidates.extend, on: "2025-03-11" }),
      "已依条例第三十五条确定延迟答复的合理期限,不能再延期",
    );
  });

  test("不予处理 for excessive requests needs the reasons asked first", () => {
    const excessive = reply("2025-03-10", "results.not_processed.excessive_repeated");
    assert.equal(errorOf([], excessive), "须先要求申请人说明理由(条例第三十五条)");
    assert.equal(errorOf([asked], excessive), null);
  });

  test("a petition dressed as an application is answered as 不予处理/信访举报投诉类", () => {
    assert.equal(
      errorOf([], reply("2025-03-04", "results.not_processed.petition_complaint")),
      null,
    );
  });
});

describe("replies", () => {
  test("a reply naming only a summing row is refused with the reasons to choose from", () => {
    for (const group of RESULT_GROUP_KEYS) {
      assert.match(
        errorOf([], reply("2025-03-04", group)) ?? "",
        /^答复结果为“.+”时须选择具体理由/,
      );
    }
  });

  test("an unknown result is refused", () => {
    const bogus = {
      type: "reply",
      on: "2025-03-04",
      result: "results.total",
    } as unknown as TimelineEvent;
    assert.equal(errorOf([], bogus), "答复结果无效,请按年度报告表三选择");
  });

  test("逾期不补正 and 逾期未缴费 are recorded as their own events, not as replies", () => {
    assert.match(
      errorOf([], reply("2025-03-04", "results.other.no_correction_abandoned")) ?? "",
      /逾期未补正/,
    );
    assert.match(errorOf([], reply("2025-03-04", "results.other.fee_unpaid")) ?? "", /逾期未缴费/);
  });

  test("补正后仍不明确 requires a supplement to have been received", () => {
    const unclear = reply("2025-03-10", "results.unable_to_provide.unclear_after_correction");
    assert.match(errorOf([], unclear) ?? "", /收到补正后/);
    const supplemented: TimelineEvent[] = [
      supplementRequest,
      { type: "supplement_received", on: "2025-03-06" },
    ];
    assert.equal(errorOf(supplemented, unclear), null);
  });

  test("every specific result may close an ordinary case except the two event-only ones", () => {
    const eventOnly = ["results.other.no_correction_abandoned", "results.other.fee_unpaid"];
    const needsHistory = [
      "results.unable_to_provide.unclear_after_correction",
      "results.not_processed.excessive_repeated",
    ];
    for (const result of [
      "results.disclosed",
      "results.partially_disclosed",
      "results.not_disclosed.third_party_rights",
      "results.unable_to_provide.not_held",
      "results.not_processed.duplicate",
      "results.other.other",
      ...eventOnly,
      ...needsHistory,
    ] as ResultRowKey[]) {
      const error = errorOf([], reply("2025-03-04", result));
      assert.equal(
        error === null,
        !eventOnly.includes(result) && !needsHistory.includes(result),
        result,
      );
    }
  });

  test("nothing but delivery and archiving after a reply; delivery needs a method", () => {
    const replied = [reply("2025-03-04", "results.disclosed")];
    assert.equal(
      errorOf(replied, { ...candidates.withdraw, on: "2025-03-05" }),
      "申请已办结,只能送达或归档",
    );
    const bad = { type: "deliver", on: "2025-03-05", method: "pigeon" } as unknown as TimelineEvent;
    assert.equal(errorOf(replied, bad), "请选择送达方式");
  });
});

describe("whole timelines", () => {
  const happyPath: TimelineEvent[] = [
    { type: "confirm", on: "2025-03-04" },
    { type: "assign", on: "2025-03-04", unitId: 2 },
    { type: "consult_third_party", on: "2025-03-05", consultationId: "tp1", party: "某药店" },
    { type: "consultation_answered", on: "2025-03-14", consultationId: "tp1", answer: "objection" },
    { type: "extend", on: "2025-03-20", days: 15, approvedBy: "王局长", approverRole: "approver" },
    reply("2025-04-10", "results.not_disclosed.third_party_rights"),
    { type: "deliver", on: "2025-04-11", method: "mail" },
    { type: "archive", on: "2025-04-15" },
  ];

  test("a complete online case validates step by step", () => {
    assert.deepEqual(validateTimeline(happyPath, ctx(online)), { ok: true });
    assert.equal(deriveCaseState(online, happyPath, calendar).phase, "archived");
  });

  test("the first refused step is reported with its index", () => {
    const broken = [...happyPath.slice(0, 5), { ...happyPath[4]!, on: "2025-03-21" }];
    assert.deepEqual(validateTimeline(broken, ctx(online)), {
      ok: false,
      index: 5,
      error: "答复期限只能延长一次(条例第三十三条)",
    });
  });
});
