// Pure rules of service cases (办件): the closed list of steps, how an applicant's name and credit
// code are normalised before hashing, the promised date and the canonical form of a report.
import type { IsoDate, WorkCalendar } from "../calendar/rules";

/** The steps a 办件 goes through, in order (行政许可法第三十二条至第四十四条). */
export const CASE_STEPS = [
  "accept",
  "review",
  "inspection",
  "decision",
  "certificate",
  "delivery",
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

export const caseStepLabels: Record<CaseStep, string> = {
  accept: "受理",
  review: "审查",
  inspection: "现场核查",
  decision: "决定",
  certificate: "制证",
  delivery: "送达",
};

/** The step key of a label or key as a spreadsheet or API client writes it; null when unknown. */
export function caseStepOf(value: string): CaseStep | null {
  const v = value.trim();
  if ((CASE_STEPS as readonly string[]).includes(v)) return v as CaseStep;
  const found = CASE_STEPS.find((s) => caseStepLabels[s] === v);
  return found ?? null;
}

export interface CaseStepEntry {
  step: CaseStep;
  on: IsoDate;
  note: string;
}

/**
 * Problems of a list of dated steps: each step at most once, in the order of CASE_STEPS, dates
 * not going backwards, 受理 first when present. Empty when fine.
 */
export function stepProblems(steps: readonly CaseStepEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<CaseStep>();
  let lastIndex = -1;
  let lastOn = "";
  for (const s of steps) {
    const label = caseStepLabels[s.step];
    if (seen.has(s.step)) problems.push(`环节“${label}”重复`);
    seen.add(s.step);
    const index = CASE_STEPS.indexOf(s.step);
    if (index < lastIndex) problems.push(`环节“${label}”的顺序有误`);
    if (s.on < lastOn) problems.push(`环节“${label}”的日期早于上一环节`);
    lastIndex = Math.max(lastIndex, index);
    lastOn = s.on > lastOn ? s.on : lastOn;
  }
  if (steps.length > 0 && steps[0]!.step !== "accept") problems.push("第一个环节应为“受理”");
  return problems;
}

/**
 * A name as people type it: full-width forms folded (NFKC), spaces and the middle dot of
 * minority names dropped, Latin letters lower-cased. “张 三” and “张三” match; “张三” and
 * “张山” do not.
 */
export function normaliseApplicantName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s·・•.]/g, "")
    .toLowerCase();
}

/** The last 4 characters of a 统一社会信用代码 (GB 32100-2015: 18 characters), upper-cased. */
export function creditCodeTail(code: string): string {
  return code.normalize("NFKC").replace(/\s/g, "").toUpperCase().slice(-4);
}

/** 受理号 as typed: full-width folded, spaces dropped, upper-cased. */
export function normaliseCaseNo(caseNo: string): string {
  return caseNo.normalize("NFKC").replace(/\s/g, "").toUpperCase();
}

export const CASE_NO_PATTERN = /^[0-9A-Z][0-9A-Z\-_]{3,39}$/;

/**
 * 承诺办结日期: as reported, or the guide's 承诺时限 in working days counted from 受理 (the day
 * of 受理 itself not counted, 民法典第二百零一条). Null when neither is known.
 */
export function promisedDateOf(
  reported: IsoDate | null,
  acceptedOn: IsoDate | null,
  promisedDays: number | null,
  calendar: Pick<WorkCalendar, "addWorkdays">,
): IsoDate | null {
  if (reported) return reported;
  if (!acceptedOn || promisedDays === null) return null;
  return calendar.addWorkdays(acceptedOn, promisedDays);
}

/** A stable text of a value (object keys sorted), hashed to tell a repeated report from a change. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
