import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import {
  type CalendarImportResult,
  type ImportedCalendarYear,
  parseCalendarImport,
} from "./import-format";
import { officialCalendarData } from "./official-data";
import { createWorkCalendar, withImportedYear } from "./rules";

function accepted(result: CalendarImportResult): ImportedCalendarYear[] {
  if (!result.ok) assert.fail(`expected the file to be accepted:\n${result.errors.join("\n")}`);
  return result.years;
}

function rejected(result: CalendarImportResult): string[] {
  if (result.ok) assert.fail("expected the file to be rejected");
  return result.errors;
}

const json2027 = JSON.stringify({
  years: {
    "2027": {
      holidays: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-02-06", "2027-02-07"],
      adjusted_workdays: ["2027-01-30"],
      festivals: [
        { name: "元旦", start: "2027-01-01", end: "2027-01-03", adjusted_workdays: [] },
        { name: "春节", start: "2027-02-06", end: "2027-02-07", adjusted_workdays: ["2027-01-30"] },
      ],
    },
  },
});

describe("JSON import", () => {
  test("a year in the project data shape is accepted with festival names", () => {
    const [year] = accepted(parseCalendarImport(json2027));
    assert.deepEqual(year, {
      year: 2027,
      holidays: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-02-06", "2027-02-07"],
      adjustedWorkdays: ["2027-01-30"],
      names: {
        "2027-01-01": "元旦",
        "2027-01-02": "元旦",
        "2027-01-03": "元旦",
        "2027-02-06": "春节",
        "2027-02-07": "春节",
        "2027-01-30": "春节调休上班",
      },
    });
  });

  test("festivals are optional and unnamed days get generic names", () => {
    const text =
      '{"years":{"2027":{"holidays":["2027-10-01"],"adjusted_workdays":["2027-10-09"]}}}';
    const [year] = accepted(parseCalendarImport(text));
    assert.deepEqual(year?.names, { "2027-10-01": "节假日", "2027-10-09": "调休上班" });
  });

  test("the shipped project data file is itself a valid import file", () => {
    const text = readFileSync(new URL("./data/cn-work-calendar.json", import.meta.url), "utf8");
    const years = accepted(parseCalendarImport(text));
    assert.deepEqual(
      years.map((y) => y.year),
      [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
    );
    assert.ok(years[0]?.adjustedWorkdays.includes("2018-12-29"));
  });

  test("an imported JSON year feeds withImportedYear and becomes official", () => {
    const [year] = accepted(parseCalendarImport(json2027));
    assert.ok(year);
    const data = withImportedYear(
      officialCalendarData,
      year.year,
      year.holidays,
      year.adjustedWorkdays,
      year.names,
    );
    const calendar = createWorkCalendar(data);
    assert.deepEqual(calendar.day("2027-01-30"), {
      date: "2027-01-30",
      workday: true,
      name: "春节调休上班",
      provisional: false,
    });
  });

  test("invalid JSON is rejected with the line of the problem", () => {
    const errors = rejected(parseCalendarImport('{\n  "years": {\n    "2027": {},\n  }\n}'));
    assert.deepEqual(errors, ["文件不是有效的 JSON(第4行附近)"]);
  });

  test("every bad value is reported in Chinese with its place and nothing is accepted", () => {
    const text = JSON.stringify({
      years: {
        "2027": {
          holidays: ["2027-02-30", "2027-10-01", "2027-10-01", "2025-05-01"],
          adjusted_workdays: ["2027-10-01", "2027-10-11"],
          festivals: [{ name: "国庆节", start: "2027-10-01", end: "2027-10-03", days: 5 }],
        },
        "2207": { holidays: [], adjusted_workdays: [] },
        "2028": { holidays: "2028-01-01" },
      },
    });
    const errors = rejected(parseCalendarImport(text));
    const expected = [
      "2027年 holidays 第1项:“2027-02-30”不是有效日期(应为 YYYY-MM-DD 格式的真实日期)",
      "2027年 holidays 第3项:2027-10-01 重复列出",
      "2027年 holidays 第4项:2025-05-01 不属于2027年的安排(只能是本年日期或上年12月的跨年假期)",
      "2027年 adjusted_workdays 第1项:2027-10-01 是周一至周五,不能作为调休上班日(调休上班日原为周六或周日)",
      "2027年 adjusted_workdays 第2项:2027-10-11 是周一至周五,不能作为调休上班日(调休上班日原为周六或周日)",
      "2027年 festivals 第1项 days:天数 5 与 2027-10-01 至 2027-10-03 的 3 天不符",
      "2027年 festivals 第1项:2027-10-02 在放假期间内,但未列入 holidays",
      "2027年 festivals 第1项:2027-10-03 在放假期间内,但未列入 holidays",
      "2207年:年份应为2000–2100之间的四位数字",
      "2028年 holidays:应为数组",
      "2028年 adjusted_workdays:缺少此项",
    ];
    for (const message of expected)
      assert.ok(errors.includes(message), `missing: ${message}\n${errors.join("\n")}`);
  });

  test("a date that is a holiday in one year and a 调休 day in another is rejected", () => {
    const text = JSON.stringify({
      years: {
        "2027": { holidays: [], adjusted_workdays: ["2026-12-26"] },
        "2026": { holidays: ["2026-12-26"], adjusted_workdays: [] },
      },
    });
    const errors = rejected(parseCalendarImport(text));
    assert.ok(
      errors.some((e) => e.includes("2026-12-26 同时被列为")),
      errors.join("\n"),
    );
  });

  test("a file without years is rejected", () => {
    assert.deepEqual(rejected(parseCalendarImport('{"years":{}}')), ["文件中没有任何年份"]);
    assert.deepEqual(rejected(parseCalendarImport('{"holidays":[]}')), ["years:缺少此项"]);
  });
});

describe("CSV import", () => {
  test("rows with 0/1 or 休/班, a header, comments, BOM and CRLF are accepted", () => {
    const text = [
      "\uFEFFdate,workday,name",
      "# 2027年安排(示例)",
      "2027-02-06,休,春节",
      "2027-02-07,0,春节",
      "",
      "2027-01-30,班,春节调休上班",
      '2027-10-01,0,"国庆节,中秋节"',
      "2027-10-09,1,",
    ].join("\r\n");
    const [year, more] = accepted(parseCalendarImport(text));
    assert.equal(more, undefined);
    assert.deepEqual(year, {
      year: 2027,
      holidays: ["2027-02-06", "2027-02-07", "2027-10-01"],
      adjustedWorkdays: ["2027-01-30", "2027-10-09"],
      names: {
        "2027-01-30": "春节调休上班",
        "2027-02-06": "春节",
        "2027-02-07": "春节",
        "2027-10-01": "国庆节,中秋节",
      },
    });
  });

  test("a Chinese header row is skipped", () => {
    const years = accepted(parseCalendarImport("日期,是否上班,名称\n2027-02-08,休,春节\n"));
    assert.deepEqual(years[0]?.holidays, ["2027-02-08"]);
  });

  test("December days before a year's own rows belong to that year's notice", () => {
    const text = "2026-12-31,0,元旦\n2027-01-01,0,元旦\n2027-01-02,0,元旦\n";
    const years = accepted(parseCalendarImport(text));
    assert.deepEqual(
      years.map((y) => [y.year, y.holidays]),
      [[2027, ["2026-12-31", "2027-01-01", "2027-01-02"]]],
    );
  });

  test("rows of several years give one entry per year", () => {
    const text = "2027-10-01,0,国庆节\n2028-10-02,0,国庆节\n2028-12-30,0,元旦\n";
    assert.deepEqual(
      accepted(parseCalendarImport(text)).map((y) => y.year),
      [2027, 2028],
    );
  });

  test("bad rows are reported with their line numbers and nothing is accepted", () => {
    const text = [
      "date,workday,name",
      "2027-02-06,休,春节",
      "2027-02-30,休,春节",
      "2027-02-07,是,春节",
      "2027-02-08,班,春节调休上班",
      "2027-02-06,0,春节",
      "2027-02-09",
      "1999-02-09,0,春节",
      "2027-02-10,0,春节",
    ].join("\n");
    assert.deepEqual(rejected(parseCalendarImport(text)), [
      "第3行:“2027-02-30”不是有效日期(应为 YYYY-MM-DD 格式的真实日期)",
      "第4行:“是”无法识别,是否上班应填 0/1 或 休/班",
      "第5行:2027-02-08 是周一至周五,本来就是工作日,不能作为调休上班日",
      "第6行:2027-02-06 与第2行重复",
      "第7行:应有“日期,是否上班,名称”至少两列",
      "第8行:1999-02-09 的年份应在2000–2100之间",
    ]);
  });

  test("an empty file or a header alone is rejected", () => {
    assert.deepEqual(rejected(parseCalendarImport("")), ["文件中没有任何日期"]);
    assert.deepEqual(rejected(parseCalendarImport("date,workday,name\n")), ["文件中没有任何日期"]);
  });
});
