// Calendar arithmetic on 'YYYY-MM-DD' strings through integer day numbers (days since
// 1970-01-01). No Date is ever built from a calendar date, so local time cannot leak in.

/** 'YYYY-MM-DD', a calendar date in Asia/Shanghai. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** China Standard Time is UTC+8 all year; there has been no daylight saving time since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** 1970-01-05, a Monday: the anchor for counting weekdays. */
const MONDAY_ANCHOR = 4;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Returns the text if it is a real date written exactly as YYYY-MM-DD (so 2025-02-30 is null). */
export function parseIsoDate(text: string): IsoDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return text;
}

/** Days since 1970-01-01 of a date; throws RangeError when the text is not a valid date. */
export function toDayNumber(date: IsoDate): number {
  if (parseIsoDate(date) === null) throw new RangeError(`不是有效日期(应为 YYYY-MM-DD):${date}`);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // Howard Hinnant's days_from_civil: the year is counted from March so leap days come last.
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number; throws RangeError outside years 0001–9999. */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`不是整数天数:${dayNumber}`);
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999)
    throw new RangeError(`日期超出 0001–9999 年的范围:第 ${dayNumber} 天`);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** Plain calendar arithmetic: the date n days after (n < 0: before) `date`. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`天数必须是整数:${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Whether a day number falls on Monday–Friday. */
export function isMondayToFriday(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/** Number of Monday–Friday days in the day-number range (a, b], for any a <= b, in O(1). */
export function countMondayToFriday(a: number, b: number): number {
  return weekdaysThrough(b) - weekdaysThrough(a);
}

// Weekdays from MONDAY_ANCHOR through `dayNumber` (negative before the anchor); only differences matter.
function weekdaysThrough(dayNumber: number): number {
  const offset = dayNumber - MONDAY_ANCHOR + 1;
  const weeks = Math.floor(offset / 7);
  return weeks * 5 + Math.min(offset - weeks * 7, 5);
}

/** The calendar year of a valid date. */
export function yearOf(date: IsoDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

/** The Asia/Shanghai calendar date of an instant (fixed UTC+8, so no time-zone database is needed). */
export function todayInShanghai(now: Date): IsoDate {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError("无效的时间");
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}
