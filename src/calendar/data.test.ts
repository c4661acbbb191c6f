// Checks the shipped schedule against the reference data, day by day. Only tests read ../shared.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { officialCalendarData } from "./official-data";
import { addCalendarDays, createWorkCalendar, type IsoDate, weekdayOf } from "./rules";

interface ReferenceFestival {
  name: string;
  start: IsoDate;
  end: IsoDate;
  adjusted_workdays: IsoDate[];
}
interface ReferenceYear {
  notice_number: string;
  holidays: IsoDate[];
  adjusted_workdays: IsoDate[];
  festivals: ReferenceFestival[];
}
interface CalendarFileJson {
  source: string[];
  years: Record<string, ReferenceYear>;
}

const reference = JSON.parse(
  readFileSync(new URL("../../../shared/reference/cn-work-calendar.json", import.meta.url), "utf8"),
) as CalendarFileJson;
const project = JSON.parse(
  readFileSync(new URL("./data/cn-work-calendar.json", import.meta.url), "utf8"),
) as CalendarFileJson;

const referenceYears = Object.values(reference.years);
const referenceHolidays = new Set(referenceYears.flatMap((y) => y.holidays));
const referenceAdjusted = new Set(referenceYears.flatMap((y) => y.adjusted_workdays));
const calendar = createWorkCalendar(officialCalendarData);

/** The reference's working_day_rule, applied literally. */
function referenceIsWorkday(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return (
    (weekday >= 1 && weekday <= 5 && !referenceHolidays.has(date)) || referenceAdjusted.has(date)
  );
}

function referenceName(date: IsoDate): string | null {
  for (const year of referenceYears) {
    for (const festival of year.festivals) {
      if (festival.start <= date && date <= festival.end) return festival.name;
      if (festival.adjusted_workdays.includes(date)) return `${festival.name}调休上班`;
    }
  }
  return null;
}

test("every day 2019-01-01..2026-12-31 is a workday exactly when the reference rule says so", () => {
  let checked = 0;
  for (let date = "2019-01-01"; date <= "2026-12-31"; date = addCalendarDays(date, 1)) {
    assert.equal(calendar.isWorkday(date), referenceIsWorkday(date), date);
    assert.equal(calendar.isProvisional(date), false, date);
    checked += 1;
  }
  assert.equal(checked, 2922);
});

test("every holiday and 调休 day carries its festival's name, other days none", () => {
  for (let date = "2018-12-01"; date <= "2026-12-31"; date = addCalendarDays(date, 1)) {
    assert.equal(calendar.day(date).name, referenceName(date), date);
  }
});

test("the cross-year days of a notice are kept (2018-12-29..31 from the 2019 notice)", () => {
  assert.equal(calendar.isWorkday("2018-12-29"), true);
  assert.equal(calendar.isWorkday("2018-12-30"), false);
  assert.equal(calendar.isWorkday("2018-12-31"), false);
  assert.equal(officialCalendarData.holidays.get("2022-12-31"), "元旦");
  assert.equal(officialCalendarData.holidays.get("2023-12-30"), "元旦");
});

test("the project data file copies the reference schedules unchanged", () => {
  assert.deepEqual(project.years, reference.years);
  assert.deepEqual(
    [...officialCalendarData.officialYears].sort(),
    [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
  );
});

test("the data file names its sources and the chinese-days cross-check", () => {
  const source = project.source.join("\n");
  for (const year of referenceYears) {
    if (year.notice_number.startsWith("国办发明电")) assert.ok(source.includes(year.notice_number));
  }
  assert.ok(source.includes("国办发明电〔2020〕1号"), "2020 extension");
  assert.ok(source.includes("国办发明电〔2019〕2号"), "2019 劳动节 adjustment");
  assert.ok(source.includes("chinese-days"));
});

test("each year has the number of working days the notices imply (e.g. 248 in 2025)", () => {
  const expected: Record<number, number> = {
    2019: 250,
    2020: 249,
    2021: 250,
    2022: 249,
    2023: 249,
    2024: 251,
    2025: 248,
    2026: 248,
  };
  for (const [year, count] of Object.entries(expected)) {
    const between = calendar.workdaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`);
    assert.equal(between, count, year);
  }
});
