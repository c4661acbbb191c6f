import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { REPLY_RESULT_KEYS } from "../results";
import {
  ledgerColumnOf,
  ledgerResultText,
  parseApplicantKind,
  parseLedgerDate,
  parseResultCell,
  readLedgerRow,
} from "./columns";

const row = (overrides: Record<string, unknown> = {}) => ({
  applicationNo: "2024-001",
  applicantKind: "自然人",
  receivedOn: "2024-03-05",
  content: "2023年食品抽检结果",
  repliedOn: "2024-03-20",
  result: "予以公开",
  appeals: "",
  ...overrides,
});

describe("ledger columns", () => {
  it("答复结果 is read in the forms bureaus write it", () => {
    const key = "results.not_disclosed.third_party_rights";
    for (const text of [
      "不予公开 - 保护第三方合法权益",
      "不予公开-保护第三方合法权益",
      "不予公开、保护第三方合法权益",
      "不予公开(保护第三方合法权益)",
      "不予公开(保护第三方合法权益)",
      "不予公开 — 4.保护第三方合法权益",
      "保护第三方合法权益",
      key,
    ]) {
      assert.deepEqual(parseResultCell(text), { ok: true, result: key }, text);
    }
    assert.deepEqual(parseResultCell("部分公开"), {
      ok: true,
      result: "results.partially_disclosed",
    });
    assert.deepEqual(parseResultCell("其他处理 - 其他"), {
      ok: true,
      result: "results.other.other",
    });
    assert.deepEqual(parseResultCell("无法提供-本机关不掌握相关政府信息"), {
      ok: true,
      result: "results.unable_to_provide.not_held",
    });
  });

  it("every result written by an export reads back as itself", () => {
    for (const key of REPLY_RESULT_KEYS) {
      assert.deepEqual(parseResultCell(ledgerResultText(key)), { ok: true, result: key }, key);
    }
  });

  it("a group without its reason is refused, listing the reasons", () => {
    const read = parseResultCell("不予公开");
    assert.equal(read.ok, false);
    assert.ok(
      !read.ok && read.error.includes("保护第三方合法权益"),
      '!read.ok && read.error.includes("保护第三方合法权益")',
    );
    assert.equal(parseResultCell("同意").ok, false);
  });

  it("申请人类型 is one of the applicant columns of table 三", () => {
    assert.equal(parseApplicantKind("自然人"), "natural_person");
    assert.equal(parseApplicantKind("商业企业"), "org_commercial");
    assert.equal(parseApplicantKind("法律服务机构"), "org_legal_service");
    assert.equal(parseApplicantKind("其他"), "org_other");
    assert.equal(parseApplicantKind("外星人"), null);
  });

  it("dates are read from spreadsheet dates, serial numbers and common text forms", () => {
    assert.equal(parseLedgerDate(new Date(Date.UTC(2024, 2, 5))), "2024-03-05");
    assert.equal(parseLedgerDate(45356), "2024-03-05");
    for (const text of ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305"]) {
      assert.equal(parseLedgerDate(text), "2024-03-05", text);
    }
    assert.equal(parseLedgerDate("2024-02-30"), null);
    assert.equal(parseLedgerDate("三月五日"), null);
  });

  it("headers are matched loosely", () => {
    assert.equal(ledgerColumnOf(" 申请编号 "), "applicationNo");
    assert.equal(ledgerColumnOf("收到日期(YYYY-MM-DD)"), "receivedOn");
    assert.equal(ledgerColumnOf("*答复结果"), "result");
    assert.equal(ledgerColumnOf("备注"), null);
  });

  it("a good row is read", () => {
    const read = readLedgerRow(row({ appeals: "复议-纠正" }), 3, "2025-01-01");
    assert.deepEqual(read, {
      ok: true,
      entry: {
        rowNumber: 3,
        applicationNo: "2024-001",
        applicantKind: "natural_person",
        receivedOn: "2024-03-05",
        content: "2023年食品抽检结果",
        repliedOn: "2024-03-20",
        result: "results.disclosed",
        appeals: [{ kind: "review", afterReview: false, result: "corrected" }],
      },
    });
  });

  it("every problem of a row is named with its row number", () => {
    const read = readLedgerRow(
      row({ applicantKind: "个体户", receivedOn: "2024-13-01", repliedOn: "", result: "不予公开" }),
      7,
      "2025-01-01",
    );
    assert.equal(read.ok, false);
    const errors = read.ok ? [] : read.errors;
    assert.equal(errors.length, 4);
    assert.ok(
      errors.every((e) => e.startsWith("第7行:")),
      'errors.every((e) => e.startsWith("第7行:"))',
    );
    assert.ok(
      errors.some((e) => e.includes("申请人类型“个体户”")),
      'errors.some((e) => e.includes("申请人类型“个体户”"))',
    );
    assert.ok(
      errors.some((e) => e.includes("收到日期“2024-13-01”不是有效日期")),
      'errors.some((e) => e.includes("收到日期“2024-13-01”不是有效日期"))',
    );
    assert.ok(
      errors.some((e) => e.includes("请填写答复日期")),
      'errors.some((e) => e.includes("请填写答复日期"))',
    );
    assert.ok(
      errors.some((e) => e.includes("须选择具体理由")),
      'errors.some((e) => e.includes("须选择具体理由"))',
    );
  });

  it("a reply before receipt or after today is refused", () => {
    const early = readLedgerRow(row({ repliedOn: "2024-03-01" }), 2, "2025-01-01");
    assert.ok(
      !early.ok && early.errors[0]!.includes("答复日期不能早于收到日期"),
      '!early.ok && early.errors[0]!.includes("答复日期不能早于收到日期")',
    );
    const future = readLedgerRow(row({ repliedOn: "2025-02-01" }), 2, "2025-01-01");
    assert.ok(
      !future.ok && future.errors[0]!.includes("不能晚于今天"),
      '!future.ok && future.errors[0]!.includes("不能晚于今天")',
    );
  });
});
