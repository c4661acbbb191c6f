// Pure rules of 办事服务: steps, name normalisation, promised dates, the guide schema's limits and
// the back-office form's material lines, and the CSV reader.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  canonicalJson,
  caseStepOf,
  creditCodeTail,
  normaliseApplicantName,
  normaliseCaseNo,
  promisedDateOf,
  stepProblems,
} from "./case-rules";
import { parseCsv, rowsFromTable } from "./case-sheet";
import { demoGuides, foodBusinessGuide } from "./demo-guides";
import { guideInputFromForm, materialsFromText } from "./guide-form";
import { guideBodyHtml, materialCopiesText, timeLimitText } from "./guide-rules";
import { guideDataSchema, NOTICE_LIMITS } from "./guide-schema";

const addDays = { addWorkdays: (d: string, n: number) => `${d}+${n}` };

describe("case rules", () => {
  it("accepts step keys and Chinese labels, nothing else", () => {
    assert.equal(caseStepOf("受理"), "accept");
    assert.equal(caseStepOf(" delivery "), "delivery");
    assert.equal(caseStepOf("盖章"), null);
  });

  it("finds repeated, out-of-order and backdated steps", () => {
    assert.deepEqual(
      stepProblems([
        { step: "accept", on: "2025-01-02", note: "" },
        { step: "decision", on: "2025-01-03", note: "" },
      ]),
      [],
    );
    assert.deepEqual(
      stepProblems([
        { step: "review", on: "2025-01-02", note: "" },
        { step: "accept", on: "2025-01-01", note: "" },
        { step: "accept", on: "2025-01-03", note: "" },
      ]),
      [
        "环节“受理”的顺序有误",
        "环节“受理”的日期早于上一环节",
        "环节“受理”重复",
        "环节“受理”的顺序有误",
        "第一个环节应为“受理”",
      ],
    );
  });

  it("normalises names, credit codes and case numbers as people type them", () => {
    assert.equal(normaliseApplicantName(" 张 三 "), "张三");
    assert.equal(normaliseApplicantName("阿依古丽·买买提"), "阿依古丽买买提");
    assert.equal(normaliseApplicantName("ＡＢＣ公司"), "abc公司");
    assert.notEqual(normaliseApplicantName("张三"), normaliseApplicantName("张山"));
    assert.equal(creditCodeTail("92410100ma1234abcd"), "ABCD");
    assert.equal(normaliseCaseNo(" sl-2025-0001 "), "SL-2025-0001");
  });

  it("takes the reported promised date, else counts the guide's working days from 受理", () => {
    assert.equal(promisedDateOf("2025-05-01", "2025-04-01", 5, addDays), "2025-05-01");
    assert.equal(promisedDateOf(null, "2025-04-01", 5, addDays), "2025-04-01+5");
    assert.equal(promisedDateOf(null, null, 5, addDays), null);
    assert.equal(promisedDateOf(null, "2025-04-01", null, addDays), null);
  });

  it("canonical JSON ignores key order", () => {
    assert.equal(
      canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] }),
      canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }),
    );
  });
});

describe("guide schema and body", () => {
  it("every demo guide is valid and fits the one-time notice limits", () => {
    for (const guide of demoGuides) {
      const data = guideDataSchema.parse(guide.input);
      assert.ok(data.materials.length <= NOTICE_LIMITS.materials, guide.key);
      assert.ok(data.isDemo && data.inquiryPhone.includes("演示"), guide.key);
    }
  });

  it("refuses non-http online entries, too many materials and an over-long promise", () => {
    const bad = guideDataSchema.safeParse({
      ...foodBusinessGuide,
      onlineUrl: "javascript:alert(1)",
      promisedDays: 30,
      materials: Array.from(
        { length: NOTICE_LIMITS.materials + 1 },
        () => foodBusinessGuide.materials[0],
      ),
    });
    assert.equal(bad.success, false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    assert.ok(paths.includes("onlineUrl") && paths.includes("materials"));
    assert.equal(
      guideDataSchema.safeParse({ ...foodBusinessGuide, onlineUrl: "ftp://x.cn" }).success,
      false,
    );
    const longer = guideDataSchema.safeParse({ ...foodBusinessGuide, promisedDays: 11 });
    assert.equal(longer.error?.issues[0]?.message, "承诺时限不能超过法定时限");
  });

  it("a conditional material must say when it is needed", () => {
    const r = guideDataSchema.safeParse({
      ...foodBusinessGuide,
      materials: [{ name: "委托书", form: "original", copies: 1, required: false }],
    });
    assert.equal(r.error?.issues[0]?.message, "非必需材料请写明适用情形");
  });

  it("the generated body escapes what staff typed", () => {
    const data = guideDataSchema.parse({
      ...foodBusinessGuide,
      conditions: ["<script>x</script>"],
    });
    const html = guideBodyHtml(data);
    assert.ok(html.includes("&lt;script&gt;") && !html.includes("<script>"));
    assert.match(html, /法定时限:10个工作日;承诺时限:5个工作日/);
  });

  it("texts of limits and copies", () => {
    assert.deepEqual(timeLimitText({ statutoryDays: 0, promisedDays: 0 }), {
      statutory: "即办",
      promised: "即办",
    });
    assert.equal(materialCopiesText({ form: "originalAndCopy", copies: 2 }), "原件和复印件各2份");
  });
});

describe("back-office form and spreadsheet", () => {
  it("reads material lines, resolving attachment names", () => {
    const files = new Map([["申请书.docx", 7]]);
    assert.deepEqual(
      materialsFromText(
        "申请书 | 原件 | 2 | 必需 | | 申请书.docx\n委托书|原件|1|委托他人办理的",
        files,
      ),
      [
        {
          name: "申请书",
          form: "original",
          copies: 2,
          required: true,
          condition: "",
          note: "",
          blankFormAttachmentId: 7,
          sampleAttachmentId: null,
        },
        {
          name: "委托书",
          form: "original",
          copies: 1,
          required: false,
          condition: "委托他人办理的",
          note: "",
          blankFormAttachmentId: null,
          sampleAttachmentId: null,
        },
      ],
    );
    const unknown = guideInputFromForm({ materials: "申请书|原件|1|必需||无此文件.docx" }, files);
    assert.equal(unknown.materials[0]!.blankFormAttachmentId, -1);
  });

  it("parses CSV with quotes, commas and CRLF", () => {
    assert.deepEqual(parseCsv('\uFEFFa,"b,""c"""\r\n1,2\n'), [
      ["a", 'b,"c"'],
      ["1", "2"],
    ]);
  });

  it("maps step date columns to steps in order and needs the key headers", () => {
    const sheet = rowsFromTable([
      ["受理号", "事项编码", "申请人", "受理日期", "决定日期"],
      ["A-0001", "X", "张三", "2025-01-02", "2025-01-03"],
      ["", "", "", "", ""],
    ]);
    assert.ok(sheet.ok);
    assert.equal(sheet.rows.length, 1);
    assert.deepEqual(sheet.rows[0]!.input.steps, [
      { step: "accept", on: "2025-01-02" },
      { step: "decision", on: "2025-01-03" },
    ]);
    assert.equal(rowsFromTable([["受理号", "申请人"]]).ok, false);
  });
});
