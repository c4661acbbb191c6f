import { z } from "zod";
import { fromDayNumber, type IsoDate, parseIsoDate, toDayNumber, weekdayOf, yearOf } from "./dates";

// The per-year shape shared by the project data file and `gongkai calendar import`:
// { "years": { "2027": { "holidays": [...], "adjusted_workdays": [...], "festivals": [...] } } }

/** Years an imported schedule may belong to; anything else is almost certainly a typo. */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;
/** Longer than any block a notice has granted (the longest so far: 2020 春节, 10 days). */
const MAX_FESTIVAL_DAYS = 31;

const isoDateSchema = z
  .string()
  .refine((text) => parseIsoDate(text) !== null, "不是有效日期(应为 YYYY-MM-DD 格式的真实日期)");

const festivalSchema = z.object({
  name: z.string().trim().min(1, "节日名称不能为空").max(50, "节日名称不能超过50个字"),
  start: isoDateSchema,
  end: isoDateSchema,
  days: z.number().int().positive().optional(),
  adjusted_workdays: z.array(isoDateSchema).default([]),
  note: z.string().optional(),
});

const calendarYearSchema = z.object({
  notice_title: z.string().optional(),
  notice_number: z.string().optional(),
  holidays: z.array(isoDateSchema),
  adjusted_workdays: z.array(isoDateSchema),
  festivals: z.array(festivalSchema).default([]),
});

export type CalendarYearEntry = z.output<typeof calendarYearSchema>;

export const calendarFileSchema = z
  .object({
    years: z.record(z.string().regex(/^\d{4}$/, "年份应为四位数字"), calendarYearSchema),
  })
  .superRefine((file, ctx) => {
    for (const issue of findInconsistencies(file.years)) {
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    }
  });

export type CalendarFile = z.output<typeof calendarFileSchema>;

interface Inconsistency {
  path: (string | number)[];
  message: string;
}

/** Checks that go beyond shape: dates belong to the notice's year, 调休 days are weekends, no date is both. */
function findInconsistencies(years: Record<string, CalendarYearEntry>): Inconsistency[] {
  const found: Inconsistency[] = [];
  const kindOfDate = new Map<IsoDate, { kind: "holiday" | "adjusted"; year: string }>();
  for (const [yearKey, entry] of Object.entries(years)) {
    const year = Number(yearKey);
    const at = (...rest: (string | number)[]) => ["years", yearKey, ...rest];
    if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
      found.push({ path: at(), message: `年份应在${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}之间` });
      continue;
    }
    const lists = [
      ["holidays", entry.holidays, "holiday"],
      ["adjusted_workdays", entry.adjusted_workdays, "adjusted"],
    ] as const;
    for (const [field, dates, kind] of lists) {
      const seen = new Set<IsoDate>();
      dates.forEach((date, index) => {
        if (parseIsoDate(date) === null) return; // already reported by the date schema
        const problem = dateProblem(date, year, kind, seen, kindOfDate, yearKey);
        if (problem) found.push({ path: at(field, index), message: problem });
        seen.add(date);
        if (!problem) kindOfDate.set(date, { kind, year: yearKey });
      });
    }
    found.push(...festivalInconsistencies(entry, at));
  }
  return found;
}

function dateProblem(
  date: IsoDate,
  year: number,
  kind: "holiday" | "adjusted",
  seenInList: ReadonlySet<IsoDate>,
  kindOfDate: ReadonlyMap<IsoDate, { kind: "holiday" | "adjusted"; year: string }>,
  yearKey: string,
): string | null {
  if (seenInList.has(date)) return `${date} 重复列出`;
  // A notice may open with the previous December (元旦 2019 began 2018-12-30).
  const inRange = yearOf(date) === year || (yearOf(date) === year - 1 && date.slice(5, 7) === "12");
  if (!inRange) return `${date} 不属于${year}年的安排(只能是本年日期或上年12月的跨年假期)`;
  const weekday = weekdayOf(date);
  if (kind === "adjusted" && weekday !== 0 && weekday !== 6) {
    return `${date} 是周一至周五,不能作为调休上班日(调休上班日原为周六或周日)`;
  }
  const other = kindOfDate.get(date);
  if (other && other.kind !== kind) {
    const otherYear = other.year === yearKey ? "" : `${other.year}年`;
    return `${date} 同时被列为${otherYear}放假日和调休上班日`;
  }
  return null;
}

function festivalInconsistencies(
  entry: CalendarYearEntry,
  at: (...rest: (string | number)[]) => (string | number)[],
): Inconsistency[] {
  const found: Inconsistency[] = [];
  const holidays = new Set(entry.holidays);
  const adjusted = new Set(entry.adjusted_workdays);
  const covered = new Set<IsoDate>();
  entry.festivals.forEach((festival, index) => {
    if (parseIsoDate(festival.start) === null || parseIsoDate(festival.end) === null) return;
    const first = toDayNumber(festival.start);
    const last = toDayNumber(festival.end);
    if (last < first) {
      found.push({ path: at("festivals", index, "end"), message: "结束日期早于开始日期" });
      return;
    }
    if (last - first >= MAX_FESTIVAL_DAYS) {
      const message = `放假期间超过${MAX_FESTIVAL_DAYS}天,请检查开始和结束日期`;
      found.push({ path: at("festivals", index, "end"), message });
      return;
    }
    if (festival.days !== undefined && festival.days !== last - first + 1) {
      const message = `天数 ${festival.days} 与 ${festival.start} 至 ${festival.end} 的 ${last - first + 1} 天不符`;
      found.push({ path: at("festivals", index, "days"), message });
    }
    for (const date of datesBetween(festival.start, last - first + 1)) {
      if (!holidays.has(date)) {
        found.push({
          path: at("festivals", index),
          message: `${date} 在放假期间内,但未列入 holidays`,
        });
      }
      if (covered.has(date)) {
        found.push({ path: at("festivals", index), message: `${date} 同时属于两个节日` });
      }
      covered.add(date);
    }
    for (const date of festival.adjusted_workdays) {
      if (parseIsoDate(date) !== null && !adjusted.has(date)) {
        const message = `${date} 是该节日的调休上班日,但未列入 adjusted_workdays`;
        found.push({ path: at("festivals", index, "adjusted_workdays"), message });
      }
    }
  });
  return found;
}

function datesBetween(start: IsoDate, count: number): IsoDate[] {
  const first = toDayNumber(start);
  return Array.from({ length: count }, (_, i) => fromDayNumber(first + i));
}

const TYPE_NAMES: Record<string, string> = {
  array: "数组",
  object: "对象",
  string: "字符串",
  number: "数字",
};

/** Chinese messages for zod's own issues (ours already carry Chinese text). */
export const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "缺少此项"
        : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return "内容过短";
    case "too_big":
      return "内容过长";
    default:
      return undefined;
  }
};

/** Renders an issue path for people: ["years","2027","holidays",3] → "2027年 holidays 第4项". */
export function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  path.forEach((key, index) => {
    if (index === 0 && key === "years") return;
    if (index === 1 && path[0] === "years") parts.push(`${String(key)}年`);
    else if (typeof key === "number") parts.push(`第${key + 1}项`);
    else parts.push(String(key));
  });
  return parts.join(" ");
}
