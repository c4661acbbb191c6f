// Working days under the State Council holiday schedules (国务院办公厅部分节假日安排的通知).
// 条例 deadlines are counted in 工作日 (e.g. 条例第三十三条: 20 working days to reply).

import {
  countMondayToFriday,
  fromDayNumber,
  type IsoDate,
  isMondayToFriday,
  toDayNumber,
  yearOf,
} from "./dates";
import { type CalendarYearEntry, describeIssues, validateCalendarFile } from "./schema";

export type { IsoDate } from "./dates";
export { addCalendarDays, parseIsoDate, todayInShanghai, weekdayOf } from "./dates";

export interface CalendarDay {
  date: IsoDate;
  workday: boolean;
  name: string | null;
  provisional: boolean;
}

/** An administrator's correction of one day; it wins over every other rule. */
export interface CalendarOverride {
  date: IsoDate;
  workday: boolean;
  name: string | null;
}

export interface CalendarData {
  /** Calendar years whose schedule is known (2019..2026 + years added by admins). */
  officialYears: ReadonlySet<number>;
  /** Non-working day → festival name (e.g. "春节"), weekend days inside a holiday block included. */
  holidays: ReadonlyMap<IsoDate, string>;
  /** 调休 working weekend → name such as "春节调休上班". */
  adjustedWorkdays: ReadonlyMap<IsoDate, string>;
}

export interface WorkCalendar {
  day(date: IsoDate): CalendarDay;
  isWorkday(date: IsoDate): boolean;
  /** the n-th working day after `date`; the start day is not counted (民法典第二百零一条). n>=0; n=0 returns date itself */
  addWorkdays(date: IsoDate, n: number): IsoDate;
  /** number of working days d with a < d <= b (0 if b <= a) */
  workdaysBetween(a: IsoDate, b: IsoDate): number;
  /** year of date not in officialYears */
  isProvisional(date: IsoDate): boolean;
}

/** Largest n accepted by addWorkdays (about 40 years); larger values are certainly a bug. */
export const MAX_WORKDAYS = 10_000;
export const DEFAULT_HOLIDAY_NAME = "节假日";
export const DEFAULT_ADJUSTED_WORKDAY_NAME = "调休上班";

/** The name of a 调休 working weekend belonging to a festival: "春节" → "春节调休上班". */
export function adjustedWorkdayName(festivalName: string): string {
  return `${festivalName}${DEFAULT_ADJUSTED_WORKDAY_NAME}`;
}

/**
 * Builds the working-day calendar: a day is a workday ⇔ (Monday–Friday and not a holiday) or an
 * adjusted workday; an override for the date wins over both. Years outside officialYears fall back
 * to weekends only and are reported as provisional.
 */
export function createWorkCalendar(
  data: CalendarData,
  overrides: readonly CalendarOverride[] = [],
): WorkCalendar {
  const exceptions = collectExceptions(data, overrides);
  const overrideByDate = new Map(overrides.map((o) => [o.date, o]));
  const shifts = buildShiftIndex(exceptions);

  const isWorkdayNumber = (dayNumber: number): boolean =>
    exceptions.get(dayNumber) ?? isMondayToFriday(dayNumber);

  const nameOf = (date: IsoDate): string | null => {
    const override = overrideByDate.get(date);
    if (override) return override.name;
    return data.adjustedWorkdays.get(date) ?? data.holidays.get(date) ?? null;
  };

  return {
    day(date) {
      return {
        date,
        workday: isWorkdayNumber(toDayNumber(date)),
        name: nameOf(date),
        provisional: !data.officialYears.has(yearOf(date)),
      };
    },
    isWorkday: (date) => isWorkdayNumber(toDayNumber(date)),
    addWorkdays(date, n) {
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAYS) {
        throw new RangeError(`工作日数必须是 0 到 ${MAX_WORKDAYS} 之间的整数:${n}`);
      }
      let dayNumber = toDayNumber(date);
      for (let remaining = n; remaining > 0; ) {
        dayNumber += 1;
        if (isWorkdayNumber(dayNumber)) remaining -= 1;
      }
      return fromDayNumber(dayNumber);
    },
    workdaysBetween(a, b) {
      const from = toDayNumber(a);
      const to = toDayNumber(b);
      if (to <= from) return 0;
      return countMondayToFriday(from, to) + shifts.sumBetween(from, to);
    },
    isProvisional: (date) => !data.officialYears.has(yearOf(date)),
  };
}

/** Day number → workday, for every day where the schedule or an override says something. */
function collectExceptions(
  data: CalendarData,
  overrides: readonly CalendarOverride[],
): Map<number, boolean> {
  const exceptions = new Map<number, boolean>();
  for (const date of data.holidays.keys()) exceptions.set(toDayNumber(date), false);
  for (const date of data.adjustedWorkdays.keys()) exceptions.set(toDayNumber(date), true);
  for (const override of overrides) exceptions.set(toDayNumber(override.date), override.workday);
  return exceptions;
}

/**
 * How each exception shifts the Monday–Friday count (+1 for a worked weekend, −1 for a weekday
 * off), sorted with prefix sums so workdaysBetween is O(log n) over any range.
 */
function buildShiftIndex(exceptions: ReadonlyMap<number, boolean>) {
  const days: number[] = [];
  for (const [dayNumber, workday] of exceptions) {
    if (workday !== isMondayToFriday(dayNumber)) days.push(dayNumber);
  }
  days.sort((x, y) => x - y);
  const prefix = [0];
  for (const dayNumber of days) {
    prefix.push(prefix.at(-1)! + (exceptions.get(dayNumber) ? 1 : -1));
  }
  /** Count of shifts on days <= dayNumber. */
  const through = (dayNumber: number): number => prefix[upperBound(days, dayNumber)]!;
  return { sumBetween: (from: number, to: number) => through(to) - through(from) };
}

/** Index of the first element greater than `value` in an ascending array. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Parses the project data file (src/calendar/data/cn-work-calendar.json) or any file of the same
 * per-year shape; throws an Error listing every problem.
 */
export function calendarDataFromJson(json: unknown): CalendarData {
  const checked = validateCalendarFile(json);
  if (!checked.ok) {
    throw new Error(`节假日数据无效:\n${describeIssues(checked.issues).join("\n")}`);
  }
  const holidays = new Map<IsoDate, string>();
  const adjustedWorkdays = new Map<IsoDate, string>();
  for (const entry of checked.years.values()) {
    const named = namedDatesOfYear(entry);
    for (const [date, name] of named.holidays) holidays.set(date, name);
    for (const [date, name] of named.adjustedWorkdays) adjustedWorkdays.set(date, name);
  }
  return { officialYears: new Set(checked.years.keys()), holidays, adjustedWorkdays };
}

/** Names each date of one notice after its festival; dates outside any festival get a generic name. */
export function namedDatesOfYear(entry: CalendarYearEntry): {
  holidays: Map<IsoDate, string>;
  adjustedWorkdays: Map<IsoDate, string>;
} {
  const holidays = new Map(entry.holidays.map((d) => [d, DEFAULT_HOLIDAY_NAME]));
  const adjustedWorkdays = new Map(
    entry.adjusted_workdays.map((d) => [d, DEFAULT_ADJUSTED_WORKDAY_NAME]),
  );
  for (const festival of entry.festivals) {
    const first = toDayNumber(festival.start);
    for (let dayNumber = first; dayNumber <= toDayNumber(festival.end); dayNumber += 1) {
      const date = fromDayNumber(dayNumber);
      if (holidays.has(date)) holidays.set(date, festival.name);
    }
    for (const date of festival.adjusted_workdays) {
      if (adjustedWorkdays.has(date))
        adjustedWorkdays.set(date, adjustedWorkdayName(festival.name));
    }
  }
  return { holidays, adjustedWorkdays };
}

/**
 * Adds an administrator-imported schedule (e.g. the 2027 notice) and makes its year official.
 * It replaces whatever was known for dates in calendar year `year`; dates of the notice in the
 * neighbouring year (a 元旦 block starting on 12-31) are added. Throws RangeError on invalid input.
 */
export function withImportedYear(
  data: CalendarData,
  year: number,
  holidays: readonly IsoDate[],
  adjustedWorkdays: readonly IsoDate[],
  names: Readonly<Record<IsoDate, string>> = {},
): CalendarData {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`年份无效:${year}`);
  }
  for (const date of [...holidays, ...adjustedWorkdays]) toDayNumber(date);
  const both = holidays.filter((date) => adjustedWorkdays.includes(date));
  if (both.length > 0) {
    throw new RangeError(`同时被列为放假日和调休上班日:${both.join("、")}`);
  }
  const keep = (date: IsoDate) => yearOf(date) !== year;
  const nextHolidays = new Map([...data.holidays].filter(([date]) => keep(date)));
  const nextAdjusted = new Map([...data.adjustedWorkdays].filter(([date]) => keep(date)));
  for (const date of holidays) {
    nextAdjusted.delete(date);
    nextHolidays.set(date, names[date] ?? DEFAULT_HOLIDAY_NAME);
  }
  for (const date of adjustedWorkdays) {
    nextHolidays.delete(date);
    nextAdjusted.set(date, names[date] ?? DEFAULT_ADJUSTED_WORKDAY_NAME);
  }
  return {
    officialYears: new Set([...data.officialYears, year]),
    holidays: nextHolidays,
    adjustedWorkdays: nextAdjusted,
  };
}
