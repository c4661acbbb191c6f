import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  addMonths,
  checkLicence,
  checkPenalty,
  contentHashOf,
  DEFAULT_PERIODS,
  isPublicOn,
  LICENCE_FIELDS,
  type LicenceRaw,
  PENALTY_FIELDS,
  type PenaltyRaw,
  parseDateText,
  periodKindOfPenalty,
  periodSettingOf,
  publicityEndsOn,
  rowProblemText,
  statusOf,
} from "./rules";

const TODAY = "2025-06-10";
const ID = "11010519491231002X";
const licence: LicenceRaw = {
  licenceNo: "JY14101220000123",
  subjectName: "渑池县示例食品有限公司",
  creditCode: "91350100M000100Y43",
  legalRep: "王五",
  content: "食品销售经营者(预包装食品销售)",
  decidedOn: "2025-06-03",
  validFrom: "2025-06-03",
  validTo: "2030-06-02",
  authority: "渑池县市场监督管理局",
};
const penalty: PenaltyRaw = {
  decisionNo: "渑市监处罚〔2025〕12号",
  subjectName: "张三丰",
  facts: "张三丰在经营场所销售超过保质期的食品",
  basis: "《中华人民共和国食品安全法》第一百二十四条",
  content: "没收违法所得并罚款5000元",
  decidedOn: "2025/6/3",
  authority: "渑池县市场监督管理局",
};

describe("checking a licence", () => {
  it("accepts a complete organisation entry", () => {
    const r = checkLicence(licence, TODAY);
    assert.ok(r.ok);
    assert.equal(r.value.subjectType, "organisation");
    assert.equal(r.value.catalogItem, null);
  });

  it("reports every missing required field by its column header", () => {
    const r = checkLicence({}, TODAY);
    assert.ok(!r.ok);
    assert.deepEqual(
      r.problems.map((p) => p.label),
      LICENCE_FIELDS.filter((f) => f.required).map((f) => f.header),
    );
  });

  it("refuses an ID number in any public field, naming the field", () => {
    for (const f of LICENCE_FIELDS.filter((f) => f.public)) {
      const r = checkLicence({ ...licence, [f.key]: `见${ID}` }, TODAY);
      assert.ok(!r.ok, f.key);
      const p = r.problems.find((x) => x.field === f.key);
      assert.ok(p, f.key);
      assert.match(p.message, /居民身份证号码/);
      assert.equal(rowProblemText(7, p).startsWith(`第7行“${f.header}”`), true);
    }
    const bare = checkLicence({ ...licence, creditCode: ID }, TODAY);
    assert.ok(!bare.ok);
    assert.match(bare.problems[0]!.message, /居民身份证号码/);
  });

  it("checks dates, the credit code, the validity range and the subject type", () => {
    const cases: [LicenceRaw, string, RegExp][] = [
      [{ decidedOn: "2025-02-30" }, "decidedOn", /不是有效日期/],
      [{ decidedOn: "2025-06-11" }, "decidedOn", /不能晚于今天/],
      [{ creditCode: "91350100M000100Y44" }, "creditCode", /校验码/],
      [{ validTo: "2025-06-01" }, "validTo", /不能早于有效期自/],
      [{ subjectType: "外星人" }, "subjectType", /无法识别/],
      [{ subjectType: "法人", creditCode: "" }, "creditCode", /应填写统一社会信用代码/],
      [{ content: "字".repeat(2001) }, "content", /不能超过2000个字/],
    ];
    for (const [patch, field, message] of cases) {
      const r = checkLicence({ ...licence, ...patch }, TODAY);
      assert.ok(!r.ok, field);
      assert.equal(r.problems[0]!.field, field);
      assert.match(r.problems[0]!.message, message);
    }
  });

  it("takes a person without credit code, or stated as 个体工商户, as a natural person", () => {
    const r = checkLicence({ ...licence, creditCode: "" }, TODAY);
    assert.ok(r.ok && r.value.subjectType === "natural_person");
    const s = checkLicence({ ...licence, subjectType: "个体工商户" }, TODAY);
    assert.ok(s.ok && s.value.subjectType === "natural_person" && s.value.creditCode);
  });
});

describe("checking a penalty", () => {
  it("reads dates written loosely and defaults to an ordinary 行政处罚", () => {
    const r = checkPenalty(penalty, TODAY);
    assert.ok(r.ok);
    assert.equal(r.value.decidedOn, "2025-06-03");
    assert.equal(r.value.kind, "penalty");
    assert.equal(r.value.minor, false);
    assert.equal(r.value.subjectType, "natural_person");
  });

  it("reads 行政强制 and the minor mark, refusing unknown words", () => {
    const r = checkPenalty({ ...penalty, kind: "行政强制", minor: "是" }, TODAY);
    assert.ok(r.ok && r.value.kind === "coercion" && r.value.minor);
    const bad = checkPenalty({ ...penalty, kind: "罚酒", minor: "也许" }, TODAY);
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.problems.map((p) => p.field),
      ["kind", "minor"],
    );
  });

  it("refuses an ID number in any public field", () => {
    for (const f of PENALTY_FIELDS.filter((f) => f.public && f.key !== "creditCode")) {
      const r = checkPenalty({ ...penalty, [f.key]: `${penalty[f.key] ?? ""}${ID}` }, TODAY);
      assert.ok(!r.ok, f.key);
      assert.equal(r.problems[0]!.label, f.header);
    }
  });

  it("the same content has the same fingerprint, any change another", () => {
    const a = checkPenalty(penalty, TODAY);
    const b = checkPenalty({ ...penalty, decidedOn: "2025-06-03" }, TODAY);
    const c = checkPenalty({ ...penalty, content: "罚款6000元" }, TODAY);
    assert.ok(a.ok && b.ok && c.ok);
    assert.equal(contentHashOf(a.value), contentHashOf(b.value));
    assert.notEqual(contentHashOf(a.value), contentHashOf(c.value));
  });
});

describe("dates", () => {
  it("parses the usual ways of writing a date", () => {
    for (const t of [
      "2025-03-05",
      "2025/3/5",
      "2025.3.5",
      "2025年3月5日",
      "20250305",
      "２０２５-０３-０５",
    ]) {
      assert.equal(parseDateText(t), "2025-03-05", t);
    }
    for (const t of ["2025-13-01", "3/5/2025", "昨天", "2025-02-29"])
      assert.equal(parseDateText(t), null, t);
  });

  it("adds months, clamping to the month's end", () => {
    assert.equal(addMonths("2025-01-31", 1), "2025-02-28");
    assert.equal(addMonths("2024-01-31", 1), "2024-02-29");
    assert.equal(addMonths("2025-06-10", 36), "2028-06-10");
    assert.equal(addMonths("2025-11-15", 3), "2026-02-15");
    assert.equal(addMonths("2024-02-29", 12), "2025-02-28");
  });
});

describe("公示期", () => {
  it("defaults are marked unverified and editable", () => {
    for (const d of Object.values(DEFAULT_PERIODS)) assert.equal(d.verified, false);
    assert.equal(periodSettingOf("penalty", []).months, 36);
    assert.equal(
      periodSettingOf("penalty", [{ kind: "penalty", mode: "fixed", months: 12 }]).months,
      12,
    );
    assert.equal(periodKindOfPenalty("penalty", true), "penalty_minor");
    assert.equal(periodKindOfPenalty("coercion", true), "coercion");
  });

  it("a fixed period counts from publication; a licence is shown while valid", () => {
    const fixed = { kind: "penalty" as const, mode: "fixed" as const, months: 36 };
    assert.equal(
      publicityEndsOn(fixed, { publishedOn: "2025-06-10", validTo: null }),
      "2028-06-10",
    );
    assert.equal(publicityEndsOn(fixed, { publishedOn: null, validTo: null }), null);
    const validity = { kind: "licence" as const, mode: "validity" as const, months: 36 };
    assert.equal(
      publicityEndsOn(validity, { publishedOn: "2025-06-10", validTo: "2030-06-02" }),
      "2030-06-02",
    );
    assert.equal(publicityEndsOn(validity, { publishedOn: "2025-06-10", validTo: null }), null);
  });

  it("is listed up to and including the last day, never when taken down or unpublished", () => {
    const e = { publishedOn: "2025-06-10", takenDownAt: null, publicityEndsOn: "2028-06-10" };
    assert.equal(isPublicOn(e, "2028-06-10"), true);
    assert.equal(isPublicOn(e, "2028-06-11"), false);
    assert.equal(statusOf(e, "2028-06-11"), "expired");
    assert.equal(isPublicOn({ ...e, publicityEndsOn: null }, "2099-01-01"), true);
    assert.equal(isPublicOn({ ...e, takenDownAt: "2025-07-01T00:00:00Z" }, "2025-07-02"), false);
    assert.equal(statusOf({ ...e, takenDownAt: "x" }, "2025-07-02"), "takenDown");
    assert.equal(statusOf({ ...e, publishedOn: null }, "2025-07-02"), "unpublished");
    assert.equal(statusOf(e, "2025-07-02"), "public");
  });
});
