import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { officialCalendarData } from "./official-data";
import {
  addCalendarDays,
  type CalendarData,
  calendarDataFromJson,
  createWorkCalendar,
  type IsoDate,
  parseIsoDate,
  todayInShanghai,
  weekdayOf,
  withImportedYear,
} from "./rules";

const calendar = createWorkCalendar(officialCalendarData);

function everyDay(first: IsoDate, last: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = first; d <= last; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

const days2019to2026 = everyDay("2019-01-01", "2026-12-31");

describe("date arithmetic", () => {
  test("parseIsoDate accepts real dates and rejects impossible or loosely written ones", () => {
    assert.equal(parseIsoDate("2025-01-28"), "2025-01-28");
    assert.equal(parseIsoDate("2024-02-29"), "2024-02-29");
    assert.equal(parseIsoDate("2000-02-29"), "2000-02-29");
    for (const bad of ["2025-02-30", "2023-02-29", "1900-02-29", "2025-13-01", "2025-00-10"]) {
      assert.equal(parseIsoDate(bad), null, bad);
    }
    for (const bad of [
      "2025-1-28",
      " 2025-01-28",
      "2025-01-28T00:00",
      "20250128",
      "0000-01-01",
      "",
    ]) {
      assert.equal(parseIsoDate(bad), null, JSON.stringify(bad));
    }
  });

  test("addCalendarDays crosses month, year and leap-day boundaries both ways", () => {
    assert.equal(addCalendarDays("2024-02-28", 1), "2024-02-29");
    assert.equal(addCalendarDays("2024-02-28", 2), "2024-03-01");
    assert.equal(addCalendarDays("2025-12-31", 1), "2026-01-01");
    assert.equal(addCalendarDays("2025-01-01", -1), "2024-12-31");
    assert.equal(addCalendarDays("2025-03-01", -1), "2025-02-28");
    assert.equal(addCalendarDays("2025-06-15", 0), "2025-06-15");
    assert.throws(() => addCalendarDays("2025-06-15", 1.5), RangeError);
    assert.throws(() => addCalendarDays("2025-02-30", 1), RangeError);
  });

  test("day arithmetic agrees with UTC Date arithmetic over four centuries", () => {
    const start = Date.UTC(1900, 0, 1);
    let date: IsoDate = "1900-01-01";
    for (let i = 0; i < 146_097; i += 1) {
      const expected = new Date(start + i * 86_400_000);
      assert.equal(date, expected.toISOString().slice(0, 10));
      assert.equal(weekdayOf(date), expected.getUTCDay());
      date = addCalendarDays(date, 1);
    }
  });

  test("weekdayOf counts 0 as Sunday", () => {
    assert.equal(weekdayOf("2025-01-01"), 3);
    assert.equal(weekdayOf("2025-01-05"), 0);
    assert.equal(weekdayOf("2025-01-04"), 6);
  });

  test("todayInShanghai gives the UTC+8 calendar date of an instant", () => {
    assert.equal(todayInShanghai(new Date("2025-01-27T16:30:00Z")), "2025-01-28");
    assert.equal(todayInShanghai(new Date("2025-01-27T15:59:59.999Z")), "2025-01-27");
    assert.equal(todayInShanghai(new Date("2025-01-27T16:00:00Z")), "2025-01-28");
    assert.equal(todayInShanghai(new Date("2024-12-31T16:00:00Z")), "2025-01-01");
    assert.throws(() => todayInShanghai(new Date("nonsense")), RangeError);
  });
});

describe("official schedule", () => {
  test("春节 2025: 01-28..02-04 are off, the 调休 Sundays 01-26 and 02-08 are worked", () => {
    for (const date of everyDay("2025-01-28", "2025-02-04")) {
      assert.deepEqual(calendar.day(date), {
        date,
        workday: false,
        name: "春节",
        provisional: false,
      });
    }
    for (const date of ["2025-01-26", "2025-02-08"]) {
      assert.deepEqual(calendar.day(date), {
        date,
        workday: true,
        name: "春节调休上班",
        provisional: false,
      });
    }
    assert.equal(calendar.isWorkday("2025-01-27"), true);
    assert.equal(calendar.isWorkday("2025-02-05"), true);
    assert.equal(calendar.addWorkdays("2025-01-27", 1), "2025-02-05");
    assert.equal(calendar.workdaysBetween("2025-01-24", "2025-02-10"), 7);
  });

  test("国庆 2024: 10-01..10-07 are off and the 调休 days 09-29 and 10-12 are worked", () => {
    for (const date of everyDay("2024-10-01", "2024-10-07")) {
      assert.equal(calendar.isWorkday(date), false, date);
      assert.equal(calendar.day(date).name, "国庆节");
    }
    assert.equal(calendar.isWorkday("2024-09-29"), true);
    assert.equal(calendar.isWorkday("2024-10-12"), true);
    assert.equal(calendar.day("2024-10-12").name, "国庆节调休上班");
    assert.equal(calendar.isWorkday("2024-10-13"), false);
    assert.equal(calendar.addWorkdays("2024-09-27", 1), "2024-09-29");
    assert.equal(calendar.addWorkdays("2024-09-30", 1), "2024-10-08");
    assert.equal(calendar.addWorkdays("2024-09-30", 5), "2024-10-12");
  });

  test("2020 Spring Festival runs to 02-02 as extended by 国办发明电〔2020〕1号", () => {
    for (const date of everyDay("2020-01-24", "2020-02-02")) {
      assert.equal(calendar.isWorkday(date), false, date);
      assert.equal(calendar.day(date).name, "春节");
    }
    // 2020-02-01 was a 调休 Saturday in the first notice; the extension cancelled it.
    assert.equal(calendar.isWorkday("2020-02-01"), false);
    assert.equal(calendar.isWorkday("2020-01-19"), true);
    assert.equal(calendar.isWorkday("2020-02-03"), true);
    assert.equal(calendar.addWorkdays("2020-01-23", 1), "2020-02-03");
  });

  test("a date in a year without a published schedule is provisional and only weekends are off", () => {
    assert.deepEqual(calendar.day("2028-10-02"), {
      date: "2028-10-02",
      workday: true,
      name: null,
      provisional: true,
    });
    assert.equal(calendar.isWorkday("2028-01-01"), false);
    assert.equal(calendar.isWorkday("2028-01-03"), true);
    assert.equal(calendar.isProvisional("2028-06-01"), true);
    assert.equal(calendar.isProvisional("2026-12-31"), false);
    assert.equal(calendar.workdaysBetween("2028-01-02", "2028-01-09"), 5);
  });

  test("the 2019 notice's December 2018 days are kept but 2018 stays provisional", () => {
    assert.deepEqual(calendar.day("2018-12-29"), {
      date: "2018-12-29",
      workday: true,
      name: "元旦调休上班",
      provisional: true,
    });
    assert.equal(calendar.isWorkday("2018-12-31"), false);
    assert.equal(calendar.day("2018-12-31").name, "元旦");
  });

  test("ordinary days have no name", () => {
    assert.equal(calendar.day("2025-03-03").name, null);
    assert.equal(calendar.day("2025-03-08").name, null);
    assert.equal(calendar.day("2025-03-08").workday, false);
  });
});

describe("overrides", () => {
  const overridden = createWorkCalendar(officialCalendarData, [
    { date: "2025-01-28", workday: true, name: "应急值守" },
    { date: "2025-03-04", workday: false, name: "停电停工" },
    { date: "2025-02-08", workday: false, name: null },
    { date: "2028-10-02", workday: false, name: "国庆节" },
  ]);

  test("an override wins over holidays, adjusted workdays and weekdays", () => {
    assert.deepEqual(overridden.day("2025-01-28"), {
      date: "2025-01-28",
      workday: true,
      name: "应急值守",
      provisional: false,
    });
    assert.equal(overridden.isWorkday("2025-03-04"), false);
    assert.equal(overridden.day("2025-02-08").workday, false);
    assert.equal(overridden.day("2025-02-08").name, null);
    assert.equal(overridden.isWorkday("2028-10-02"), false);
  });

  test("counting uses the overrides", () => {
    assert.equal(overridden.addWorkdays("2025-01-27", 1), "2025-01-28");
    assert.equal(overridden.addWorkdays("2025-03-03", 1), "2025-03-05");
    assert.equal(overridden.workdaysBetween("2025-03-02", "2025-03-07"), 4);
    assert.equal(overridden.workdaysBetween("2025-01-27", "2025-02-09"), 4);
  });

  test("the last override for a date wins", () => {
    const twice = createWorkCalendar(officialCalendarData, [
      { date: "2025-03-04", workday: false, name: "甲" },
      { date: "2025-03-04", workday: true, name: "乙" },
    ]);
    assert.deepEqual(twice.day("2025-03-04"), {
      date: "2025-03-04",
      workday: true,
      name: "乙",
      provisional: false,
    });
  });
});

describe("importing a year", () => {
  const with2027 = withImportedYear(
    officialCalendarData,
    2027,
    ["2026-12-31", "2027-01-01", "2027-02-05", "2027-02-06"],
    ["2027-01-30"],
    { "2027-02-05": "春节", "2027-01-30": "春节调休上班" },
  );

  test("an imported year becomes official and its holidays apply", () => {
    const imported = createWorkCalendar(with2027);
    assert.equal(imported.isProvisional("2027-07-01"), false);
    assert.deepEqual(imported.day("2027-02-05"), {
      date: "2027-02-05",
      workday: false,
      name: "春节",
      provisional: false,
    });
    assert.equal(imported.day("2027-01-01").name, "节假日");
    assert.equal(imported.isWorkday("2027-01-30"), true);
    assert.equal(imported.isWorkday("2026-12-31"), false);
    assert.equal(officialCalendarData.officialYears.has(2027), false, "input is not mutated");
  });

  test("re-importing a year replaces its earlier schedule", () => {
    const corrected = createWorkCalendar(withImportedYear(with2027, 2027, ["2027-02-08"], []));
    assert.equal(corrected.isWorkday("2027-02-05"), true);
    assert.equal(corrected.isWorkday("2027-01-30"), false);
    assert.equal(corrected.isWorkday("2027-02-08"), false);
    assert.equal(corrected.isWorkday("2026-12-31"), false, "the neighbouring year is kept");
    assert.equal(corrected.isWorkday("2026-10-08"), true);
  });

  test("a date listed both as holiday and as adjusted workday is refused", () => {
    assert.throws(
      () => withImportedYear(officialCalendarData, 2027, ["2027-01-30"], ["2027-01-30"]),
      RangeError,
    );
    assert.throws(
      () => withImportedYear(officialCalendarData, 2027, ["2027-02-30"], []),
      RangeError,
    );
  });
});

describe("data file parsing", () => {
  test("calendarDataFromJson lists every problem of a bad file", () => {
    const bad = {
      years: {
        "2027": {
          holidays: ["2027-02-30", "2027-02-06"],
          adjusted_workdays: ["2027-02-06", "2027-02-08"],
        },
      },
    };
    assert.throws(
      () => calendarDataFromJson(bad),
      (error: Error) =>
        error.message.includes("2027年 holidays 第1项") &&
        error.message.includes("2027-02-08 是周一至周五"),
    );
  });

  test("calendarDataFromJson keeps an empty schedule as official", () => {
    const data: CalendarData = calendarDataFromJson({
      years: { "2027": { holidays: [], adjusted_workdays: [] } },
    });
    assert.deepEqual([...data.officialYears], [2027]);
  });
});

describe("working-day properties", () => {
  test("rejects n outside 0..10000 and invalid dates", () => {
    for (const n of [-1, 1.5, 10_001, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => calendar.addWorkdays("2025-01-01", n), RangeError, String(n));
    }
    assert.throws(() => calendar.isWorkday("2025-02-30"), RangeError);
    assert.throws(() => calendar.workdaysBetween("2025-01-01", "2025/02/01"), RangeError);
  });

  test("addWorkdays(d, 0) is d and workdaysBetween is 0 when b <= a", () => {
    assert.equal(calendar.addWorkdays("2025-01-28", 0), "2025-01-28");
    assert.equal(calendar.workdaysBetween("2025-03-05", "2025-03-05"), 0);
    assert.equal(calendar.workdaysBetween("2025-03-05", "2025-03-01"), 0);
  });

  test("for every start day 2019–2026 and n = 1..25 the result is the n-th working day", () => {
    for (const start of days2019to2026) {
      let previous = start;
      for (let n = 1; n <= 25; n += 1) {
        const result = calendar.addWorkdays(start, n);
        assert.ok(result > previous, `${start} +${n} not increasing`);
        assert.equal(calendar.isWorkday(result), true, `${start} +${n} = ${result}`);
        assert.equal(calendar.workdaysBetween(start, result), n, `${start} +${n}`);
        assert.equal(calendar.workdaysBetween(start, addCalendarDays(result, -1)), n - 1);
        previous = result;
      }
    }
  });

  test("for sampled start days and large n the same properties hold", () => {
    for (let i = 0; i < days2019to2026.length; i += 13) {
      const start = days2019to2026[i]!;
      let previous = start;
      for (const n of [40, 100, 250, 1000, 4000, 10_000]) {
        const result = calendar.addWorkdays(start, n);
        assert.ok(result > previous);
        assert.equal(calendar.isWorkday(result), true);
        assert.equal(calendar.workdaysBetween(start, result), n);
        previous = result;
      }
    }
  });

  test("workdaysBetween equals a day-by-day count", () => {
    const range = everyDay("2018-12-01", "2027-01-31");
    const prefix = [0];
    for (const date of range) prefix.push(prefix.at(-1)! + (calendar.isWorkday(date) ? 1 : 0));
    for (let i = 0; i < range.length; i += 7) {
      for (let j = i; j < range.length; j += 97) {
        assert.equal(
          calendar.workdaysBetween(range[i]!, range[j]!),
          prefix[j + 1]! - prefix[i + 1]!,
        );
      }
    }
  });

  test("addWorkdays is fast enough for thousands of cases", () => {
    const started = performance.now();
    for (let i = 0; i < 5000; i += 1) calendar.addWorkdays(days2019to2026[i % 2922]!, 20);
    assert.ok(performance.now() - started < 1000);
  });
});
