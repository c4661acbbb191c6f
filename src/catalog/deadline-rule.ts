// 公开时限 (deadlineRule) of a catalog item: the machine rule, its Chinese text, a best-effort
// parser for imported spreadsheets, and the due date on the working-day calendar.
import { z } from "zod";
import type { IsoDate, WorkCalendar } from "../calendar/rules";

/**
 * The machine-readable 公开时限 of a catalog item. The first two kinds are the ones the reference
 * catalog's `machine` field uses; `realtime` (实时) and `ongoing` (常态) occur in local catalogs.
 */
export type DeadlineRule =
  /** N working days from the day the information is formed or changed. 条例第二十六条 */
  | { kind: "working_days_from_formation_or_change"; days: number }
  /** N working days from the day an administrative decision (e.g. a penalty) is made. */
  | { kind: "working_days_from_decision"; days: number }
  /** 实时: disclose as soon as the information exists (see `dueDateFor` for the day granularity). */
  | { kind: "realtime" }
  /** 常态: kept public continuously (guides, rules); no single due date. */
  | { kind: "ongoing" };

export type DeadlineRuleKind = DeadlineRule["kind"];

export const DEADLINE_RULE_KINDS = [
  "working_days_from_formation_or_change",
  "working_days_from_decision",
  "realtime",
  "ongoing",
] as const satisfies readonly DeadlineRuleKind[];

const days = z.number().int().min(1).max(365);

export const deadlineRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("working_days_from_formation_or_change"), days }).strict(),
  z.object({ kind: z.literal("working_days_from_decision"), days }).strict(),
  z.object({ kind: z.literal("realtime") }).strict(),
  z.object({ kind: z.literal("ongoing") }).strict(),
]) satisfies z.ZodType<DeadlineRule>;

/** The Chinese text of a rule, in the wording the standard catalogs use (round-trips through `parseDeadlineText`). */
export function describeDeadlineRule(rule: DeadlineRule): string {
  switch (rule.kind) {
    case "working_days_from_formation_or_change":
      return `信息形成或变更之日起${rule.days}个工作日内`;
    case "working_days_from_decision":
      return `行政决定作出之日起${rule.days}个工作日内`;
    case "realtime":
      return "实时";
    case "ongoing":
      return "常态";
    default: {
      const unreachable: never = rule;
      throw new Error(`未知的公开时限类型:${JSON.stringify(unreachable)}`);
    }
  }
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 1–99 written in Chinese numerals (七, 十, 十五, 二十, 二十五) or Arabic digits. */
function parseSmallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === "") return null;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? (DIGITS[tens] ?? null) : null;
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (units ? (DIGITS[units] ?? 0) : 0);
}

const WORKING_DAYS = /([0-9]+|[一二两三四五六七八九十]+)个?工作日/;
const DECISION = /决定|处罚|作出/;
const FORMATION = /形成|变更|生成|产生/;
const REALTIME = /^(实时|即时)(公开|更新|发布)?$/;
const ONGOING = /^(常态|常态化|长期|持续)(公开|更新)?$/;

/**
 * Best-effort reading of a 公开时限 cell from an imported catalog ("信息形成或变更之日起20个工作日内",
 * "信息形成(变更)20个工作日内", "行政处罚决定形成之日起七个工作日内", "实时", "常态"); a bare
 * "20个工作日内" counts from formation, the general rule of 条例第二十六条. Returns null when the
 * text is not one of these shapes (calendar days, vague "及时", another starting event such as
 * 受理), so the caller can keep the text and ask a person.
 */
export function parseDeadlineText(text: string): DeadlineRule | null {
  const t = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[。.;;]$/, "");
  if (t === "") return null;
  if (REALTIME.test(t)) return { kind: "realtime" };
  if (ONGOING.test(t)) return { kind: "ongoing" };
  const match = WORKING_DAYS.exec(t);
  if (!match?.[1]) return null;
  const n = parseSmallNumber(match[1]);
  if (n === null || n < 1 || n > 365) return null;
  const anchor = t.slice(0, match.index);
  if (DECISION.test(anchor)) return { kind: "working_days_from_decision", days: n };
  if (anchor === "" || anchor === "自" || FORMATION.test(anchor)) {
    return { kind: "working_days_from_formation_or_change", days: n };
  }
  return null;
}

/**
 * The last day on which an item formed (or decided) on `formedOn` may be disclosed, or null for
 * `ongoing`. Working days are counted from the day after `formedOn` (the start day is not
 * counted: 民法典第二百零一条), so 20 working days from a Friday ends on the 20th working day
 * after it, with 调休 workdays counted and holidays skipped. 条例第二十六条
 *
 * `realtime` is due on the first working day after `formedOn`: the law gives no meaning to
 * 实时, and with day-granular dates and the start day not counted, one working day is the
 * shortest period that can be checked. Information formed late in the day or on a holiday is
 * therefore not overdue before the office has worked a day.
 */
export function dueDateFor(
  rule: DeadlineRule,
  formedOn: IsoDate,
  calendar: WorkCalendar,
): IsoDate | null {
  switch (rule.kind) {
    case "working_days_from_formation_or_change":
    case "working_days_from_decision":
      return calendar.addWorkdays(formedOn, rule.days);
    case "realtime":
      return calendar.addWorkdays(formedOn, 1);
    case "ongoing":
      return null;
    default: {
      const unreachable: never = rule;
      throw new Error(`未知的公开时限类型:${JSON.stringify(unreachable)}`);
    }
  }
}
