import { z } from "zod";
import { fromDayNumber, type IsoDate, parseIsoDate, toDayNumber, weekdayOf, yearOf } from "./dates";

// The per-year shape shared by the project data file and `gongkai calendar import`:
// { "years": { "2027": { "holidays": [...], "adjusted_workdays": [...], "festivals": [...] } } }
// zod checks the shape of each year; checkYear then checks what the dates mean, so that one
// pass reports every problem of a file.

/** Years a schedule may belong to; anything else is almost certainly a typo. */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;
/** Longer than any block a notice has granted (the longest so far: 2020 春节, 10 days). */
const MAX_FESTIVAL_DAYS = 31;
const INVALID_DATE = "不是有效日期(应为 YYYY-MM-DD 格式的真实日期)";

const festivalSchema = z.object({
  name: z.string().trim().min(1, "节日名称不能为空").max(50, "节日名称不能超过50个字"),
  start: z.string(),
  end: z.string(),
  days: z.number().int().positive().optional(),
  adjusted_workdays: z.array(z.string()).default([]),
  note: z.string().optional(),
});

const calendarYearSchema = z.object({
  notice_title: z.string().optional(),
  notice_number: z.string().optional(),
  holidays: z.array(z.string()),
  adjusted_workdays: z.array(z.string()),
  festivals: z.array(festivalSchema).default([]),
});

const calendarFileSchema = z.object({ years: z.record(z.string(), z.unknown()) });

export type CalendarYearEntry = z.output<typeof calendarYearSchema>;

export interface CalendarFileIssue {
  path: PropertyKey[];
  message: string;
}

export type CalendarFileValidation =
  | { ok: true; years: Map<number, CalendarYearEntry> }
  | { ok: false; issues: CalendarFileIssue[] };

type DateKind = "holiday" | "adjusted";

/** Validates a calendar file in the per-year shape and lists every problem found. */
export function validateCalendarFile(json: unknown): CalendarFileValidation {
  const file = calendarFileSchema.safeParse(json, { error: chineseErrorMap });
  if (!file.success) return { ok: false, issues: file.error.issues };
  const issues: CalendarFileIssue[] = [];
  const years = new Map<number, CalendarYearEntry>();
  const kindOfDate = new Map<IsoDate, { kind: DateKind; year: string }>();
  for (const [yearKey, raw] of Object.entries(file.data.years)) {
    const year = Number(yearKey);
    if (!/^\d{4}$/.test(yearKey) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
      const message = `年份应为${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}之间的四位数字`;
      issues.push({ path: ["years", yearKey], message });
      continue;
    }
    const entry = calendarYearSchema.safeParse(raw, { error: chineseErrorMap });
    if (!entry.success) {
      issues.push(
        ...entry.error.issues.map((i) => ({ ...i, path: ["years", yearKey, ...i.path] })),
      );
      continue;
    }
    const found = checkYear(year, entry.data, kindOfDate);
    issues.push(...found.map((i) => ({ ...i, path: ["years", yearKey, ...i.path] })));
    years.set(year, entry.data);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, years };
}

/** Dates are real, belong to the notice's year, 调休 days are weekends, no date is both. */
function checkYear(
  year: number,
  entry: CalendarYearEntry,
  kindOfDate: Map<IsoDate, { kind: DateKind; year: string }>,
): CalendarFileIssue[] {
  const found: CalendarFileIssue[] = [];
  const lists = [
    ["holidays", entry.holidays, "holiday"],
    ["adjusted_workdays", entry.adjusted_workdays, "adjusted"],
  ] as const;
  for (const [field, dates, kind] of lists) {
    const seen = new Set<IsoDate>();
    dates.forEach((date, index) => {
      const problem = dateProblem(date, year, kind, seen, kindOfDate);
      if (problem) found.push({ path: [field, index], message: problem });
      else kindOfDate.set(date, { kind, year: String(year) });
      seen.add(date);
    });
  }
  entry.festivals.forEach((festival, index) => {
    const problems = festivalProblems(festival, entry);
    found.push(...problems.map((p) => ({ ...p, path: ["festivals", index, ...p.path] })));
  });
  found.push(...overlappingFestivals(entry));
  return found;
}

function dateProblem(
  date: string,
  year: number,
  kind: DateKind,
  seenInList: ReadonlySet<IsoDate>,
  kindOfDate: ReadonlyMap<IsoDate, { kind: DateKind; year: string }>,
): string | null {
  if (parseIsoDate(date) === null) return `“${date}”${INVALID_DATE}`;
  if (seenInList.has(date)) return `${date} 重复列出`;
  // A notice may open with the previous December (元旦 2019 began on 2018-12-30).
  const inRange = yearOf(date) === year || (yearOf(date) === year - 1 && date.slice(5, 7) === "12");
  if (!inRange) return `${date} 不属于${year}年的安排(只能是本年日期或上年12月的跨年假期)`;
  const weekday = weekdayOf(date);
  if (kind === "adjusted" && weekday !== 0 && weekday !== 6) {
    return `${date} 是周一至周五,不能作为调休上班日(调休上班日原为周六或周日)`;
  }
  const other = kindOfDate.get(date);
  if (other && other.kind !== kind) {
    const where = other.year === String(year) ? "" : `${other.year}年`;
    return `${date} 同时被列为${where}放假日和调休上班日`;
  }
  return null;
}

function festivalProblems(
  festival: CalendarYearEntry["festivals"][number],
  entry: CalendarYearEntry,
): CalendarFileIssue[] {
  const found: CalendarFileIssue[] = [];
  festival.adjusted_workdays.forEach((date, index) => {
    if (parseIsoDate(date) === null) {
      found.push({ path: ["adjusted_workdays", index], message: `“${date}”${INVALID_DATE}` });
    } else if (!entry.adjusted_workdays.includes(date)) {
      const message = `${date} 是该节日的调休上班日,但未列入 adjusted_workdays`;
      found.push({ path: ["adjusted_workdays", index], message });
    }
  });
  const range = festivalDates(festival);
  if (typeof range === "string") return [...found, { path: ["end"], message: range }];
  const count = range.length;
  if (festival.days !== undefined && festival.days !== count) {
    const message = `天数 ${festival.days} 与 ${festival.start} 至 ${festival.end} 的 ${count} 天不符`;
    found.push({ path: ["days"], message });
  }
  for (const date of range) {
    if (!entry.holidays.includes(date)) {
      found.push({ path: [], message: `${date} 在放假期间内,但未列入 holidays` });
    }
  }
  return found;
}

/** Every date from start to end, or the reason there is no such range. */
function festivalDates(festival: { start: string; end: string }): IsoDate[] | string {
  for (const date of [festival.start, festival.end]) {
    if (parseIsoDate(date) === null) return `“${date}”${INVALID_DATE}`;
  }
  const first = toDayNumber(festival.start);
  const last = toDayNumber(festival.end);
  if (last < first) return "结束日期早于开始日期";
  if (last - first >= MAX_FESTIVAL_DAYS) {
    return `放假期间超过${MAX_FESTIVAL_DAYS}天,请检查开始和结束日期`;
  }
  return Array.from({ length: last - first + 1 }, (_, i) => fromDayNumber(first + i));
}

function overlappingFestivals(entry: CalendarYearEntry): CalendarFileIssue[] {
  const found: CalendarFileIssue[] = [];
  const owner = new Map<IsoDate, string>();
  entry.festivals.forEach((festival, index) => {
    const range = festivalDates(festival);
    if (typeof range === "string") return;
    for (const date of range) {
      const other = owner.get(date);
      if (other !== undefined) {
        const message = `${date} 同时属于“${other}”和“${festival.name}”`;
        found.push({ path: ["festivals", index], message });
      }
      owner.set(date, festival.name);
    }
  });
  return found;
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
  const parts = path.map((key, index) => {
    if (index === 1 && path[0] === "years") return `${String(key)}年`;
    if (typeof key === "number") return `第${key + 1}项`;
    return String(key);
  });
  return (path[0] === "years" && path.length > 1 ? parts.slice(1) : parts).join(" ");
}

/** One line per issue: "2027年 holidays 第4项:…". */
export function describeIssues(issues: readonly CalendarFileIssue[]): string[] {
  return issues.map((i) => `${describePath(i.path) || "文件"}:${i.message}`);
}
