import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createWorkCalendar } from "../calendar/rules";
import { duePeriodOf, groupDueByUnit } from "./backoffice-due";
import { dueTextOf, listFiltersOf, recordFilterOf, tabOf, tabsFor } from "./backoffice-list";

describe("back-office record list", () => {
  it("each role sees its work queue tab first, and everyone sees 已发布/已撤回/全部", () => {
    assert.deepEqual(tabsFor(["reviewer"]), ["review", "published", "withdrawn", "all"]);
    assert.deepEqual(tabsFor(["editor", "approver"]), [
      "mine",
      "signoff",
      "published",
      "withdrawn",
      "all",
    ]);
    assert.equal(tabOf(undefined, ["approver"]), "signoff");
    assert.equal(tabOf("review", ["editor"]), "mine", "a tab the user does not have is not used");
    assert.equal(tabOf(undefined, ["admin"]), "all");
  });

  it("我的草稿 is the user's drafts; 待签发 holds scheduled records too", () => {
    assert.deepEqual(recordFilterOf("mine", {}, 5, 2), {
      state: "draft",
      createdBy: 5,
      limit: 30,
      offset: 30,
    });
    assert.deepEqual(recordFilterOf("signoff", { genre: "notice" }, 5, 1).state, [
      "awaiting_signoff",
      "scheduled",
    ]);
    assert.equal(recordFilterOf("all", {}, 5, 1).state, undefined);
  });

  it("unknown filter values are ignored", () => {
    assert.deepEqual(listFiltersOf({ catalogItem: "x", genre: "memo", unit: "3" }), {
      catalogItemId: undefined,
      genre: undefined,
      unitId: 3,
    });
  });

  it("应公开日期 is described in words: overdue, due soon, or published late", () => {
    // Monday to Friday only: 2025-03-03 is a Monday.
    const calendar = createWorkCalendar({
      officialYears: new Set([2025]),
      holidays: new Map(),
      adjustedWorkdays: new Map(),
    });
    const today = "2025-03-05";
    const of = (
      state: "draft" | "published",
      dueOn: string | null,
      publishedOn: string | null = null,
    ) => dueTextOf({ state, dueOn, publishedOn }, today, calendar);
    assert.match(of("draft", "2025-03-03"), /^已超期 2 个工作日$/);
    assert.equal(of("draft", "2025-03-05"), "即将到期:今天到期");
    assert.equal(of("draft", "2025-03-07"), "即将到期:还剩 2 个工作日");
    assert.equal(of("draft", "2025-03-31"), "");
    assert.equal(of("draft", null), "");
    assert.equal(of("published", "2025-03-03", "2025-03-04"), "逾期发布");
    assert.equal(of("published", "2025-03-03", "2025-03-03"), "");
  });
});

describe("公开时限 page", () => {
  it("the period defaults to this year so far and must be two dates in order", () => {
    assert.deepEqual(duePeriodOf({}, "2025-03-03"), {
      from: "2025-01-01",
      to: "2025-03-03",
      errors: {},
    });
    assert.deepEqual(duePeriodOf({ from: "2025-02-30", to: "2025-01-01" }, "2025-03-03").errors, {
      from: "开始日期应为有效日期,格式 YYYY-MM-DD",
    });
    assert.equal(
      duePeriodOf({ from: "2025-03-01", to: "2025-01-01" }, "2025-03-03").errors.to,
      "结束日期不能早于开始日期",
    );
  });

  it("records and gaps are grouped per unit in the units' order", () => {
    const record = (id: number, unitId: number) => ({
      id,
      title: `信息${id}`,
      state: "draft" as const,
      unitId,
      catalogItemId: null,
      formedOn: "2025-01-02",
      dueOn: "2025-02-10",
      workdays: 1,
    });
    const gap = (catalogItemId: number, responsibleUnitId: number | null) => ({
      catalogItemId,
      code: `C${catalogItemId}`,
      category: "行政执法",
      item: `事项${catalogItemId}`,
      responsibleUnit: "局机关",
      responsibleUnitId,
      deadlineText: "20个工作日",
      lastPublishedOn: null,
      overdueRecords: 0,
    });
    const units = [
      { id: 1, label: "局机关" },
      { id: 2, label: "城关所" },
    ];
    const groups = groupDueByUnit(
      { overdue: [record(10, 2)], dueSoon: [record(11, 1)] },
      [gap(5, 2), gap(6, null)],
      units,
    );
    assert.deepEqual(
      groups.map((g) => [g.name, g.overdue.length, g.dueSoon.length, g.gaps.length]),
      [
        ["局机关", 0, 1, 0],
        ["城关所", 1, 0, 1],
        ["未指定负责单位的目录事项", 0, 0, 1],
      ],
    );
  });
});
