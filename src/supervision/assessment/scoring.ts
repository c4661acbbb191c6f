// The year-end assessment (年底考核) score sheet of a unit: each indicator is a rate (items that
// met the requirement / items counted) times its weight; the weights sum to 100. Pure.
//
// Chosen rule for a zero denominator: the indicator is "not applicable" (nothing was due, so
// nothing was missed) and scores its full weight, so a unit is never marked down for work it
// did not have; the sheet shows it as 不适用(按满分计) so the reader knows why.

export const INDICATORS = [
  "disclosureOnTime",
  "catalogCoverage",
  "applicationsOnTime",
  "appealsNotCorrected",
  "feedbackPublished",
  "messagesOnTime",
  "tasksCompleted",
  "trainingAttended",
] as const;
export type IndicatorKey = (typeof INDICATORS)[number];

export const indicatorLabels: Record<IndicatorKey, string> = {
  disclosureOnTime: "主动公开按时率",
  catalogCoverage: "目录事项更新覆盖率",
  applicationsOnTime: "依申请公开按时答复率",
  appealsNotCorrected: "复议诉讼未被纠错率",
  feedbackPublished: "意见征集采纳情况反馈率",
  messagesOnTime: "留言按时答复率",
  tasksCompleted: "督办任务按期完成率",
  trainingAttended: "业务培训参训率",
};

/** What each rate counts: met / counted. */
export const indicatorRules: Record<IndicatorKey, string> = {
  disclosureOnTime: "按时公开的信息 ÷ 应公开日期已到的信息(按时、逾期公开、逾期未公开)",
  catalogCoverage: "期间内有发布的目录事项 ÷ 本单位负责的主动公开目录事项",
  applicationsOnTime: "按时答复的申请 ÷ 按时答复与超期的申请",
  appealsNotCorrected: "未被纠正的复议诉讼 ÷ 期间内审结的复议诉讼",
  feedbackPublished: "已公开采纳情况反馈的意见征集 ÷ 期间内截止的意见征集",
  messagesOnTime: "按时答复的留言 ÷ 期间内答复的留言与超期未答复的留言",
  tasksCompleted: "按期完成的任务 ÷ 期限在期间内的任务",
  trainingAttended: "本单位有人参加的培训 ÷ 期间内举办的培训",
};

export const DEFAULT_WEIGHTS: Record<IndicatorKey, number> = {
  disclosureOnTime: 20,
  catalogCoverage: 15,
  applicationsOnTime: 15,
  appealsNotCorrected: 10,
  feedbackPublished: 10,
  messagesOnTime: 10,
  tasksCompleted: 10,
  trainingAttended: 10,
};

export type Weights = Record<IndicatorKey, number>;

/** Checks weights typed into the table: whole numbers 0–100 that sum to exactly 100. */
export function checkWeights(
  input: Record<string, string | undefined>,
): { ok: true; weights: Weights } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const weights = { ...DEFAULT_WEIGHTS };
  for (const key of INDICATORS) {
    const text = (input[key] ?? "").trim();
    if (!/^\d{1,3}$/.test(text) || Number(text) > 100) {
      errors[key] = `${indicatorLabels[key]}的权重应为 0 到 100 的整数`;
      continue;
    }
    weights[key] = Number(text);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const sum = INDICATORS.reduce((s, k) => s + weights[k], 0);
  if (sum !== 100) return { ok: false, errors: { _: `各项权重合计应为 100,现为 ${sum}` } };
  return { ok: true, weights };
}

export interface IndicatorFacts {
  /** Items that met the requirement. */
  met: number;
  /** Items counted (the denominator). */
  counted: number;
}

export interface IndicatorScore {
  key: IndicatorKey;
  weight: number;
  met: number;
  counted: number;
  /** met / counted, or null when nothing was counted (not applicable). */
  rate: number | null;
  score: number;
}

export interface ScoreSheet {
  indicators: IndicatorScore[];
  total: number;
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

export function scoreIndicator(
  key: IndicatorKey,
  weight: number,
  facts: IndicatorFacts,
): IndicatorScore {
  const { met, counted } = facts;
  if (!Number.isInteger(met) || !Number.isInteger(counted) || met < 0 || met > counted) {
    throw new RangeError(`${indicatorLabels[key]}:达标数 ${met} 与计数 ${counted} 不一致`);
  }
  if (counted === 0) return { key, weight, met, counted, rate: null, score: weight };
  const rate = met / counted;
  return { key, weight, met, counted, rate, score: round2(weight * rate) };
}

/** The unit's score sheet; the total is the sum of the rounded indicator scores. */
export function scoreUnit(
  weights: Weights,
  facts: Record<IndicatorKey, IndicatorFacts>,
): ScoreSheet {
  const indicators = INDICATORS.map((key) => scoreIndicator(key, weights[key], facts[key]));
  return { indicators, total: round2(indicators.reduce((s, i) => s + i.score, 0)) };
}

/** A rate as shown on the sheet: 87.5%, or 不适用 when nothing was counted. */
export function rateText(rate: number | null): string {
  return rate === null ? "不适用(按满分计)" : `${round2(rate * 100)}%`;
}
