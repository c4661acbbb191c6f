import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  blankFormValues,
  type CatalogFormValues,
  describeFormRule,
  formValuesOf,
  parseCatalogForm,
} from "./schema";
import { foodDrugCatalog } from "./shipped-catalog";
import { standardColumnsOf } from "./store";

const meta = { responsibleUnitId: null, verification: "verified" as const, notes: "", version: 1 };

function form(overrides: Partial<CatalogFormValues>): CatalogFormValues {
  return {
    ...blankFormValues(),
    category: "行政审批",
    item: "食品生产经营许可服务指南",
    ...overrides,
  };
}

describe("catalog item form", () => {
  test("the form of every shipped row parses back to the same row, so saving it unchanged is a no-op", () => {
    for (const shipped of foodDrugCatalog.items) {
      const values = formValuesOf(shipped, { ...meta, notes: shipped.notes });
      const parsed = parseCatalogForm(values);
      assert.ok(parsed.ok, `${shipped.code}: ${JSON.stringify(!parsed.ok && parsed.errors)}`);
      assert.deepEqual(parsed.data.item, standardColumnsOf(shipped), shipped.code);
      assert.equal(parsed.data.notes, shipped.notes);
    }
  });

  test("without a chosen rule the rule is read from the 公开时限 text", () => {
    const parsed = parseCatalogForm(form({ deadlineText: "行政处罚决定形成之日起七个工作日内" }));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.data.item.deadline.rule, {
      kind: "working_days_from_decision",
      days: 7,
    });
  });

  test("a chosen rule fills an empty 公开时限 text with its wording", () => {
    const parsed = parseCatalogForm(form({ deadlineKind: "realtime" }));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.data.item.deadline, { text: "实时", rule: { kind: "realtime" } });
  });

  test("a text the parser cannot read keeps the chosen rule", () => {
    const parsed = parseCatalogForm(
      form({
        deadlineText: "及时公开",
        deadlineKind: "working_days_from_formation_or_change",
        deadlineDays: "5",
      }),
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.data.item.deadline, {
      text: "及时公开",
      rule: { kind: "working_days_from_formation_or_change", days: 5 },
    });
  });

  test("a rule contradicting the text, and working days out of range, are field errors", () => {
    const contradicting = parseCatalogForm(
      form({ deadlineText: "常态", deadlineKind: "realtime" }),
    );
    assert.equal(contradicting.ok, false);
    assert.match(
      contradicting.ok ? "" : (contradicting.errors.deadlineKind ?? ""),
      /期限规则“实时”与公开时限文字\(常态\)不一致/,
    );
    const days = parseCatalogForm(
      form({ deadlineKind: "working_days_from_decision", deadlineDays: "0" }),
    );
    assert.deepEqual(days.ok ? {} : days.errors, { deadlineDays: "工作日数应为1至365的整数" });
  });

  test("a specific group's name needs 特定群体 ticked and cannot be a tick mark", () => {
    const unticked = parseCatalogForm(form({ specificGroupName: "投诉举报人" }));
    assert.match(unticked.ok ? "" : (unticked.errors.specificGroupName ?? ""), /须为勾选/);
    const mark = parseCatalogForm(form({ audienceSpecificGroup: "yes", specificGroupName: "√" }));
    assert.match(mark.ok ? "" : (mark.errors.specificGroupName ?? ""), /不能是勾选符号/);
    const named = parseCatalogForm(
      form({ audienceSpecificGroup: "yes", specificGroupName: "投诉举报人" }),
    );
    assert.ok(named.ok);
    assert.deepEqual(named.data.item.audience, {
      wholeSociety: true,
      specificGroup: true,
      specificGroupName: "投诉举报人",
    });
  });

  test("list fields take one entry per line or 、-separated, keeping book titles whole", () => {
    const parsed = parseCatalogForm(
      form({
        elements: "适用范围、审批依据\n受理机构",
        legalBasis: "《关于加强食品、药品监管的意见》\n《中华人民共和国食品安全法》",
      }),
    );
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.data.item.elements, ["适用范围", "审批依据", "受理机构"]);
    assert.deepEqual(parsed.data.item.legalBasis, [
      "《关于加强食品、药品监管的意见》",
      "《中华人民共和国食品安全法》",
    ]);
  });

  test("the rule description follows the fields", () => {
    const base = { deadlineText: "", deadlineKind: "", deadlineDays: "" };
    assert.equal(describeFormRule(base), "未指定(公开时限为空)");
    assert.equal(
      describeFormRule({ ...base, deadlineText: "信息形成(变更)20个工作日内" }),
      "按文字识别为“信息形成或变更之日起20个工作日内”",
    );
    assert.equal(
      describeFormRule({ ...base, deadlineText: "及时" }),
      "文字无法识别,请在上面选择期限规则",
    );
    assert.equal(
      describeFormRule({ ...base, deadlineKind: "working_days_from_decision", deadlineDays: "7" }),
      "行政决定作出之日起7个工作日内",
    );
    assert.equal(
      describeFormRule({ ...base, deadlineKind: "working_days_from_decision" }),
      "请填写工作日数",
    );
  });
});
