import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applicationRowCaption } from "./cells";
import {
  type AppealYearFacts,
  type CaseFacts,
  type CellCorrection,
  computeReport,
  type ReportFacts,
} from "./compute";
import { diffTables } from "./diff";
import { APPLICATION_COLUMNS, APPLICATION_ROWS, type ReportTables } from "./format";
import { checkInvariants } from "./invariants";
import { draftNarrative, narrativeHtmlOf } from "./narrative";

const c = (
  applicationNo: string,
  applicantKind: CaseFacts["applicantKind"],
  receivedOn: string,
  closedOn: string | null,
  resultKey: CaseFacts["resultKey"],
): CaseFacts => ({ applicationNo, applicantKind, receivedOn, closedOn, resultKey });

/** Cases over 2024–2026; the report is for 2025. */
const cases: CaseFacts[] = [
  c("A", "natural_person", "2024-12-20", "2025-01-10", "results.disclosed"), // carried in, closed
  c("B", "natural_person", "2024-03-01", "2024-03-20", "results.disclosed"), // last year only
  c("C", "natural_person", "2025-02-01", "2025-02-20", "results.not_disclosed.third_party_rights"),
  c("D", "org_commercial", "2025-03-01", "2025-03-15", "results.partially_disclosed"),
  c("E", "org_commercial", "2025-04-01", "2025-04-20", "results.unable_to_provide.not_held"),
  c("F", "org_legal_service", "2025-12-20", null, null), // open: carried to 2026
  c("G", "org_research", "2025-05-01", "2025-05-10", "results.not_processed.duplicate"),
  c("H", "natural_person", "2025-06-01", "2025-06-05", "results.other.no_correction_abandoned"),
  c("I", "natural_person", "2025-12-28", "2026-01-05", "results.disclosed"), // closed next year
  c("J", "org_public_welfare", "2026-01-03", null, null), // next year only
  c("K", "org_other", "2024-11-11", null, null), // carried in and out
];

const a = (
  kind: AppealYearFacts["kind"],
  afterReview: boolean,
  result: AppealYearFacts["result"],
  countedOn: string,
  decidedOn: string | null,
): AppealYearFacts => ({ kind, afterReview, result, countedOn, decidedOn });

const appeals: AppealYearFacts[] = [
  a("review", false, "corrected", "2025-03-01", "2025-04-01"), // 复议 corrected (over C)
  a("litigation", true, "pending", "2025-04-20", null), // 复议后起诉 (over C)
  a("review", false, "upheld", "2025-11-01", "2026-01-15"), // decided after 31 Dec: 尚未审结
  a("litigation", false, "upheld", "2024-04-01", "2024-06-01"), // last year
  a("litigation", false, "upheld", "2025-06-01", "2025-08-01"), // 直接起诉, 维持
];

const facts: ReportFacts = {
  year: 2025,
  normativeDocuments: [
    { formedOn: "2023-05-01", validity: "inForce", validityChangedOn: null },
    { formedOn: "2024-02-01", validity: "repealed", validityChangedOn: "2025-06-01" },
    { formedOn: "2025-03-01", validity: "inForce", validityChangedOn: null },
    { formedOn: "2025-04-01", validity: "expired", validityChangedOn: "2025-10-01" },
    { formedOn: "2025-12-01", validity: "repealed", validityChangedOn: "2026-02-01" },
    { formedOn: "2026-01-10", validity: "inForce", validityChangedOn: null },
  ],
  cases,
  appeals,
  publicity: { licensing: 40, penalty: 7, coercion: 2 },
  feeAmount10kYuan: 0.5,
};

//                       自然人 商业 科研 公益 法律 其他 总计
const EXPECTED_APPLICATIONS: Record<string, number[]> = {
  new_received: [3, 2, 1, 0, 1, 0, 7],
  carried_over_from_last_year: [1, 0, 0, 0, 0, 1, 2],
  "results.disclosed": [1, 0, 0, 0, 0, 0, 1],
  "results.partially_disclosed": [0, 1, 0, 0, 0, 0, 1],
  "results.not_disclosed": [1, 0, 0, 0, 0, 0, 1],
  "results.not_disclosed.state_secret": [0, 0, 0, 0, 0, 0, 0],
  "results.not_disclosed.prohibited_by_law": [0, 0, 0, 0, 0, 0, 0],
  "results.not_disclosed.three_security_one_stability": [0, 0, 0, 0, 0, 0, 0],
  "results.not_disclosed.third_party_rights": [1, 0, 0, 0, 0, 0, 1],
  "results.not_disclosed.internal_affairs": [0, 0, 0, 0, 0, 0, 0],
  "results.not_disclosed.process_info": [0, 0, 0, 0, 0, 0, 0],
  "results.not_disclosed.enforcement_file": [0, 0, 0, 0, 0, 0, 0],
  "results.not_disclosed.administrative_inquiry": [0, 0, 0, 0, 0, 0, 0],
  "results.unable_to_provide": [0, 1, 0, 0, 0, 0, 1],
  "results.unable_to_provide.not_held": [0, 1, 0, 0, 0, 0, 1],
  "results.unable_to_provide.needs_creation": [0, 0, 0, 0, 0, 0, 0],
  "results.unable_to_provide.unclear_after_correction": [0, 0, 0, 0, 0, 0, 0],
  "results.not_processed": [0, 0, 1, 0, 0, 0, 1],
  "results.not_processed.petition_complaint": [0, 0, 0, 0, 0, 0, 0],
  "results.not_processed.duplicate": [0, 0, 1, 0, 0, 0, 1],
  "results.not_processed.publication": [0, 0, 0, 0, 0, 0, 0],
  "results.not_processed.excessive_repeated": [0, 0, 0, 0, 0, 0, 0],
  "results.not_processed.confirm_or_reissue": [0, 0, 0, 0, 0, 0, 0],
  "results.other": [1, 0, 0, 0, 0, 0, 1],
  "results.other.no_correction_abandoned": [1, 0, 0, 0, 0, 0, 1],
  "results.other.fee_unpaid": [0, 0, 0, 0, 0, 0, 0],
  "results.other.other": [0, 0, 0, 0, 0, 0, 0],
  "results.total": [3, 2, 1, 0, 0, 0, 6],
  carried_to_next_year: [1, 0, 0, 0, 1, 1, 3],
};

const EXPECTED_PROACTIVE = {
  "art20_1.rules": { issued_this_year: 0, repealed_this_year: 0, in_force: 0 },
  "art20_1.normative_documents": { issued_this_year: 3, repealed_this_year: 2, in_force: 3 },
  "art20_5.administrative_licensing": { decisions_this_year: 40 },
  "art20_6.administrative_penalty": { decisions_this_year: 7 },
  "art20_6.administrative_coercion": { decisions_this_year: 2 },
  "art20_8.administrative_fees": { fee_amount_10k_yuan: 0.5 },
};

const EXPECTED_REVIEW = {
  count: {
    "admin_review.upheld": 0,
    "admin_review.corrected": 1,
    "admin_review.other": 0,
    "admin_review.pending": 1,
    "admin_review.total": 2,
    "litigation_direct.upheld": 1,
    "litigation_direct.corrected": 0,
    "litigation_direct.other": 0,
    "litigation_direct.pending": 0,
    "litigation_direct.total": 1,
    "litigation_after_review.upheld": 0,
    "litigation_after_review.corrected": 0,
    "litigation_after_review.other": 0,
    "litigation_after_review.pending": 1,
    "litigation_after_review.total": 1,
  },
};

function expectedApplications() {
  const keys = APPLICATION_COLUMNS.map((col) => col.key);
  return Object.fromEntries(
    Object.entries(EXPECTED_APPLICATIONS).map(([row, values]) => [
      row,
      Object.fromEntries(keys.map((k, i) => [k, values[i]])),
    ]),
  );
}

const clone = (t: ReportTables): ReportTables => JSON.parse(JSON.stringify(t));

describe("annual report tables from plain facts", () => {
  const report = computeReport(facts);

  it("every row of table 三 in the format is filled, and only those", () => {
    assert.deepEqual(
      Object.keys(report.tables.applications),
      APPLICATION_ROWS.map((r) => r.key),
    );
    assert.deepEqual(
      Object.keys(EXPECTED_APPLICATIONS),
      APPLICATION_ROWS.map((r) => r.key),
    );
  });

  it("table 三 equals the hand-computed table cell by cell", () => {
    assert.deepEqual(report.tables.applications, expectedApplications());
  });

  it("table 二 counts 规范性文件 by 成文日期 and 有效性, and takes the 双公示 counts and fee", () => {
    assert.deepEqual(report.tables.proactive, EXPECTED_PROACTIVE);
  });

  it("table 四 counts appeals of the year; one decided after 31 December is 尚未审结", () => {
    assert.deepEqual(report.tables.review_litigation, EXPECTED_REVIEW);
  });

  it("the generated tables satisfy every invariant of the format", () => {
    assert.deepEqual(checkInvariants(report.tables), []);
    assert.deepEqual(report.notes, []);
  });

  it("the previous year has its own figures (B and the case carried into 2025)", () => {
    const y2024 = computeReport({ ...facts, year: 2024 }).tables.applications;
    assert.deepEqual(y2024.new_received, {
      natural_person: 2,
      org_commercial: 0,
      org_research: 0,
      org_public_welfare: 0,
      org_legal_service: 0,
      org_other: 1,
      total: 3,
    });
    assert.equal(y2024["results.disclosed"]!.natural_person, 1);
    assert.equal(y2024.carried_to_next_year!.total, 2);
    assert.deepEqual(checkInvariants(computeReport({ ...facts, year: 2024 }).tables), []);
  });

  it("a closed case without a result counts under 其他 with a note", () => {
    const r = computeReport({
      ...facts,
      cases: [c("X", "natural_person", "2025-01-02", "2025-01-03", null)],
    });
    assert.equal(r.tables.applications["results.other.other"]!.natural_person, 1);
    assert.match(r.notes[0]!, /X 已办结但没有答复结果/);
    assert.deepEqual(checkInvariants(r.tables), []);
  });
});

describe("invariant violations name the cell in Chinese", () => {
  const base = computeReport(facts).tables;

  it("a wrong (七)总计", () => {
    const t = clone(base);
    t.applications["results.total"]!.natural_person = 2;
    const messages = checkInvariants(t).map((v) => v.message);
    assert.ok(messages.includes("表三 第三项(七)总计 自然人列:应为 3,实为 2"), messages.join("\n"));
  });

  it("a sub-row sum, a 总计列 and a 表四 total", () => {
    const t = clone(base);
    t.applications["results.not_disclosed"]!.natural_person = 0;
    t.applications.new_received!.total = 8;
    t.review_litigation.count!["admin_review.total"] = 3;
    const messages = checkInvariants(t).map((v) => v.message);
    assert.ok(
      messages.includes("表三 第三项(三)不予公开 自然人列:应为 1,实为 0"),
      messages.join("\n"),
    );
    assert.ok(messages.includes("表三 第一项本年新收政府信息公开申请数量 总计列:应为 7,实为 8"));
    assert.ok(messages.includes("表四 行政复议 总计:应为 2,实为 3"));
  });

  it("an entered correction that breaks 一 + 二 = 三 + 四 names 第四项", () => {
    const correction: CellCorrection = {
      table: "applications",
      row: "new_received",
      column: "natural_person",
      value: 4,
      reason: "系统外办理1件",
      enteredBy: "office",
      enteredAt: "2026-01-05T00:00:00.000Z",
    };
    const r = computeReport(facts, [correction]);
    assert.equal(r.tables.applications.new_received!.natural_person, 4);
    assert.equal(r.tables.applications.new_received!.total, 8, "sums follow the correction");
    const violations = checkInvariants(r.tables);
    assert.deepEqual(
      violations.map((v) => v.message),
      [
        "表三 第四项结转下年度继续办理 自然人列:应为 2(第一项加第二项之和减第三项(七)总计),实为 1",
        "表三 第四项结转下年度继续办理 总计列:应为 4(第一项加第二项之和减第三项(七)总计),实为 3",
      ],
    );
  });

  it("a corrected summing cell is kept as entered and reported", () => {
    const r = computeReport(facts, [
      {
        table: "review_litigation",
        row: "count",
        column: "litigation_direct.total",
        value: 5,
        reason: "x",
        enteredBy: "office",
        enteredAt: "",
      },
    ]);
    assert.deepEqual(
      checkInvariants(r.tables).map((v) => v.message),
      ["表四 行政诉讼·未经复议直接起诉 总计:应为 1,实为 5"],
    );
  });

  it("negative or fractional counts are refused", () => {
    const t = clone(base);
    t.applications.new_received!.org_other = -1;
    t.proactive["art20_5.administrative_licensing"]!.decisions_this_year = 1.5;
    const messages = checkInvariants(t).map((v) => v.message);
    assert.equal(messages.length, 2);
    assert.match(
      messages[0]!,
      /^表二 第二十条第\(五\)项 行政许可 本年处理决定数量:应为不小于0的整数/,
    );
  });
});

describe("captions, differences and the narrative draft", () => {
  it("row captions follow the printed numbering", () => {
    assert.equal(
      applicationRowCaption("carried_over_from_last_year"),
      "第二项上年结转政府信息公开申请数量",
    );
    assert.equal(applicationRowCaption("results.partially_disclosed"), "第三项(二)部分公开");
    assert.equal(
      applicationRowCaption("results.unable_to_provide.needs_creation"),
      "第三项(四)无法提供 2.没有现成信息需要另行制作",
    );
  });

  it("a difference between the frozen and the fresh tables is listed by cell", () => {
    const frozen = computeReport(facts).tables;
    const fresh = clone(frozen);
    fresh.applications["results.disclosed"]!.natural_person = 2;
    const diff = diffTables(frozen, fresh);
    assert.deepEqual(
      diff.map((d) => [d.caption, d.frozen, d.fresh]),
      [["表三 第三项(一)予以公开 自然人列", 1, 2]],
    );
  });

  it("the draft narrative states the figures", () => {
    const text = draftNarrative(2025, "县市场监督管理局", computeReport(facts).tables);
    assert.match(text.overview, /本年新收政府信息公开申请7件,上年结转2件,办结6件/);
    assert.match(text.overview, /制发行政规范性文件3件,废止2件,现行有效3件/);
    assert.match(text.overview, /行政复议、行政诉讼共4件,其中结果被纠正1件/);
    assert.match(text.problems_improvements, /1件/);
    assert.match(text.other_matters, /没有因申请人逾期未缴纳信息处理费/);
    assert.equal(narrativeHtmlOf("一<b>\n二"), "<p>一&lt;b&gt;</p><p>二</p>");
  });
});
