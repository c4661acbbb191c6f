// The file accepted by `gongkai calendar import FILE`: either JSON in the per-year shape of the
// project data file, or CSV `date,workday,name`. A file with any bad row is rejected as a whole.
import { type IsoDate, parseIsoDate, weekdayOf, yearOf } from "./dates";
import { namedDatesOfYear } from "./rules";
import {
  describeIssues,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  validateCalendarFile,
} from "./schema";

/** One year's schedule ready for withImportedYear(data, year, holidays, adjustedWorkdays, names). */
export interface ImportedCalendarYear {
  year: number;
  holidays: IsoDate[];
  adjustedWorkdays: IsoDate[];
  names: Record<IsoDate, string>;
}

export type CalendarImportResult =
  | { ok: true; years: ImportedCalendarYear[] }
  | { ok: false; errors: string[] };

/** Parses an import file, choosing JSON when the text starts with "{" and CSV otherwise. */
export function parseCalendarImport(text: string): CalendarImportResult {
  const body = text.replace(/^\uFEFF/, "");
  return body.trimStart().startsWith("{") ? parseCalendarJson(body) : parseCalendarCsv(body);
}

/** JSON: { "years": { "2027": { "holidays": [...], "adjusted_workdays": [...], "festivals": [...] } } }. */
export function parseCalendarJson(text: string): CalendarImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`文件不是有效的 JSON${jsonErrorLocation(text, error)}`] };
  }
  const checked = validateCalendarFile(json);
  if (!checked.ok) return { ok: false, errors: describeIssues(checked.issues) };
  const years = [...checked.years].map(([year, entry]) => {
    const named = namedDatesOfYear(entry);
    return {
      year,
      holidays: [...named.holidays.keys()].sort(),
      adjustedWorkdays: [...named.adjustedWorkdays.keys()].sort(),
      names: Object.fromEntries([...named.holidays, ...named.adjustedWorkdays]),
    };
  });
  if (years.length === 0) return { ok: false, errors: ["文件中没有任何年份"] };
  return { ok: true, years: years.sort((a, b) => a.year - b.year) };
}

function jsonErrorLocation(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (!position) return "";
  const line = text.slice(0, Number(position[1])).split("\n").length;
  return `(第${line}行附近)`;
}

interface CsvRow {
  date: IsoDate;
  workday: boolean;
  name: string | null;
}

const WORKDAY_VALUES: Record<string, boolean> = { "0": false, "1": true, 休: false, 班: true };

/**
 * CSV: one row per day, `date,workday,name`; workday is 0/1 or 休/班; name may be empty.
 * An optional header row and lines starting with "#" are skipped.
 */
export function parseCalendarCsv(text: string): CalendarImportResult {
  const errors: string[] = [];
  const rows: CsvRow[] = [];
  const firstLineOf = new Map<IsoDate, number>();
  let sawContent = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === "" || content.startsWith("#")) return;
    const isHeader = !sawContent && /^(date|日期)\s*,/i.test(content);
    sawContent = true;
    if (isHeader) return;
    const row = parseCsvRow(content);
    if (typeof row === "string") {
      errors.push(`第${line}行:${row}`);
      return;
    }
    const earlier = firstLineOf.get(row.date);
    if (earlier !== undefined) {
      errors.push(`第${line}行:${row.date} 与第${earlier}行重复`);
      return;
    }
    firstLineOf.set(row.date, line);
    rows.push(row);
  });
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: ["文件中没有任何日期"] };
  return { ok: true, years: groupByNoticeYear(rows) };
}

/** Returns the row, or the reason it is rejected. */
function parseCsvRow(content: string): CsvRow | string {
  const [dateText, workdayText, ...nameCells] = content.split(",");
  const dateCell = unquote(dateText ?? "");
  const workdayCell = workdayText === undefined ? undefined : unquote(workdayText);
  if (workdayCell === undefined) return "应有“日期,是否上班,名称”至少两列";
  const date = parseIsoDate(dateCell);
  if (date === null) return `“${dateCell}”不是有效日期(应为 YYYY-MM-DD 格式的真实日期)`;
  const year = yearOf(date);
  if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    return `${date} 的年份应在${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}之间`;
  }
  const workday = WORKDAY_VALUES[workdayCell];
  if (workday === undefined) return `“${workdayCell}”无法识别,是否上班应填 0/1 或 休/班`;
  const weekday = weekdayOf(date);
  if (workday && weekday !== 0 && weekday !== 6) {
    return `${date} 是周一至周五,本来就是工作日,不能作为调休上班日`;
  }
  const name = unquote(nameCells.join(","));
  if (name.length > 50) return "名称不能超过50个字";
  return { date, workday, name: name === "" ? null : name };
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

/**
 * Rows go to the year of their date, except that a year holding only December rows joins the
 * following year when that is also present: a notice's 元旦 block may start on 12-30 or 12-31.
 */
function groupByNoticeYear(rows: readonly CsvRow[]): ImportedCalendarYear[] {
  const byYear = new Map<number, CsvRow[]>();
  for (const row of rows) {
    const year = yearOf(row.date);
    byYear.set(year, [...(byYear.get(year) ?? []), row]);
  }
  for (const [year, ownRows] of [...byYear].sort(([a], [b]) => a - b)) {
    const next = byYear.get(year + 1);
    if (next && ownRows.every((row) => row.date.slice(5, 7) === "12")) {
      byYear.set(year + 1, [...(byYear.get(year) ?? []), ...next]);
      byYear.delete(year);
    }
  }
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, yearRows]) => {
      const sorted = [...yearRows].sort((a, b) => a.date.localeCompare(b.date));
      const named = sorted.filter((row) => row.name !== null);
      return {
        year,
        holidays: sorted.filter((row) => !row.workday).map((row) => row.date),
        adjustedWorkdays: sorted.filter((row) => row.workday).map((row) => row.date),
        names: Object.fromEntries(named.map((row) => [row.date, row.name as string])),
      };
    });
}
