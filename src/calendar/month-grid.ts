// View models for the back-office year view: one grid per month, weeks starting on Monday.
import { addCalendarDays, type IsoDate, type WorkCalendar, weekdayOf } from "./rules";

/** 休 = any day off (weekends included); 班 = a weekend worked (调休); null = an ordinary Mon–Fri workday. */
export type DayMark = "休" | "班" | null;

export interface DayCell {
  date: IsoDate;
  dayOfMonth: number;
  workday: boolean;
  mark: DayMark;
  name: string | null;
  corrected: boolean;
  isToday: boolean;
}

export interface MonthGrid {
  year: number;
  month: number;
  /** Rows of seven cells, Monday first; null pads the days outside the month. */
  weeks: (DayCell | null)[][];
}

export const WEEKDAY_HEADERS = [
  { short: "一", long: "星期一" },
  { short: "二", long: "星期二" },
  { short: "三", long: "星期三" },
  { short: "四", long: "星期四" },
  { short: "五", long: "星期五" },
  { short: "六", long: "星期六" },
  { short: "日", long: "星期日" },
] as const;

function markOf(workday: boolean, weekday: number): DayMark {
  if (!workday) return "休";
  return weekday === 0 || weekday === 6 ? "班" : null;
}

/** The twelve month grids of `year` as the calendar says, corrected days flagged. */
export function yearGrids(
  calendar: WorkCalendar,
  year: number,
  corrected: ReadonlySet<IsoDate>,
  today: IsoDate,
): MonthGrid[] {
  return Array.from({ length: 12 }, (_, i) => monthGrid(calendar, year, i + 1, corrected, today));
}

export function monthGrid(
  calendar: WorkCalendar,
  year: number,
  month: number,
  corrected: ReadonlySet<IsoDate>,
  today: IsoDate,
): MonthGrid {
  const prefix = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
  const first = `${prefix}-01`;
  const cells: (DayCell | null)[] = Array((weekdayOf(first) + 6) % 7).fill(null);
  for (let date = first; date.startsWith(prefix); date = addCalendarDays(date, 1)) {
    const day = calendar.day(date);
    cells.push({
      date,
      dayOfMonth: Number(date.slice(8)),
      workday: day.workday,
      mark: markOf(day.workday, weekdayOf(date)),
      name: day.name,
      corrected: corrected.has(date),
      isToday: date === today,
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return { year, month, weeks };
}
