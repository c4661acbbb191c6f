// Pure rules of 公众参与: participation methods, the consultation's phase from the clock, the
// 30-day rule of 《重大行政决策程序暂行条例》第十五条, dispositions and their counts.
import { addCalendarDays, type IsoDate, toDayNumber } from "../calendar/dates";

/** The closed list of participation methods of a decision-catalog entry (第十四条 and 第三章). */
export const PARTICIPATION_METHODS = [
  "publicComment",
  "symposium",
  "hearing",
  "fieldVisit",
  "expertReview",
  "riskAssessment",
  "legalityReview",
  "collectiveDecision",
] as const;
export type ParticipationMethod = (typeof PARTICIPATION_METHODS)[number];

export const methodLabels: Record<ParticipationMethod, string> = {
  publicComment: "征求意见",
  symposium: "座谈会",
  hearing: "听证会",
  fieldVisit: "实地走访",
  expertReview: "专家论证",
  riskAssessment: "风险评估",
  legalityReview: "合法性审查",
  collectiveDecision: "集体讨论决定",
};

export const STAGE_STATUSES = ["planned", "done"] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];
export const stageStatusLabels: Record<StageStatus, string> = { planned: "计划", done: "已完成" };

/** One method of a decision-catalog entry as a stage. */
export interface DecisionStage {
  method: ParticipationMethod;
  status: StageStatus;
  /** Planned or actual date; may be unknown while planned. */
  on: IsoDate | null;
}

/** Stages in the closed list's order, one per method, whatever order they were given in. */
export function normaliseStages(stages: readonly DecisionStage[]): DecisionStage[] {
  return PARTICIPATION_METHODS.flatMap((m) => stages.filter((s) => s.method === m).slice(0, 1));
}

export const DISPOSITIONS = ["adopted", "partlyAdopted", "notAdopted"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const dispositionLabels: Record<Disposition, string> = {
  adopted: "采纳",
  partlyAdopted: "部分采纳",
  notAdopted: "未采纳",
};

export function isDisposition(value: unknown): value is Disposition {
  return (DISPOSITIONS as readonly unknown[]).includes(value);
}

/** 第十五条: “公开征求意见的期限一般不少于30日” — calendar days, not working days. */
export const MAJOR_DECISION_MIN_DAYS = 30;

/**
 * Length of a consultation in calendar days: the day it opens is not counted (民法典第二百零一条),
 * the closing day is (comments are accepted until 24:00 on it). 3 March → 2 April is 30 days.
 */
export function consultationPeriodDays(opensOn: IsoDate, closesOn: IsoDate): number {
  return toDayNumber(closesOn) - toDayNumber(opensOn);
}

/**
 * Problems with a consultation's period, keyed by form field: the close must follow the open, and
 * a 重大行政决策 consulted for fewer than 30 days needs its stated reason (第十五条).
 */
export function periodProblems(input: {
  opensOn: IsoDate;
  closesOn: IsoDate;
  isMajor: boolean;
  shortPeriodReason: string;
}): Record<string, string> {
  const days = consultationPeriodDays(input.opensOn, input.closesOn);
  if (days < 1) return { closesOn: "截止日期应晚于开始日期" };
  if (input.isMajor && days < MAJOR_DECISION_MIN_DAYS && input.shortPeriodReason.trim() === "") {
    return {
      shortPeriodReason: `重大行政决策公开征求意见的期限一般不少于30日(本次为${days}日);缩短期限的,须填写“缩短期限的理由”并向社会说明(《重大行政决策程序暂行条例》第十五条)`,
    };
  }
  return {};
}

/** 00:00 of a date in Asia/Shanghai (UTC+8 all year) as an ISO instant. */
export function startOfShanghaiDay(date: IsoDate): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** The instants a consultation opens and closes: 00:00 on opensOn, 24:00 on closesOn. */
export function consultationInstants(opensOn: IsoDate, closesOn: IsoDate) {
  return {
    opensAt: startOfShanghaiDay(opensOn),
    closesAt: startOfShanghaiDay(addCalendarDays(closesOn, 1)),
  };
}

export type ConsultationPhase =
  | "draft"
  | "upcoming"
  | "open"
  | "awaitingFeedback"
  | "feedbackPublished";

export const phaseLabels: Record<ConsultationPhase, string> = {
  draft: "草稿",
  upcoming: "未开始",
  open: "征集中",
  awaitingFeedback: "已截止(待反馈)",
  feedbackPublished: "已反馈",
};

/** The phase from the stored status and the clock: nothing flips a flag at opening or closing. */
export function consultationPhase(
  c: { status: string; opensAt: string; closesAt: string; hasFeedback: boolean },
  now: Date,
): ConsultationPhase {
  if (c.status !== "opened") return "draft";
  const t = now.toISOString();
  if (t < c.opensAt) return "upcoming";
  if (t < c.closesAt) return "open";
  return c.hasFeedback ? "feedbackPublished" : "awaitingFeedback";
}

/** Why a comment cannot be accepted now, or null while the consultation is open. */
export function commentRefusal(
  phase: ConsultationPhase,
  c: { opensOn: IsoDate; closesOn: IsoDate },
): string | null {
  switch (phase) {
    case "open":
      return null;
    case "draft":
      return "该意见征集尚未发布。";
    case "upcoming":
      return `该意见征集尚未开始,将于${c.opensOn}开始接收意见。`;
    case "awaitingFeedback":
    case "feedbackPublished":
      return `该意见征集已于${c.closesOn}截止,不再接收意见。`;
    default: {
      const never: never = phase;
      return never;
    }
  }
}

/** Default working days after closing within which the 采纳情况反馈 is due (site setting). */
export const DEFAULT_FEEDBACK_WORKDAYS = 20;

export interface DispositionCounts {
  received: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  unanswered: number;
}

/** Counts computed from the answers, never typed in. */
export function countDispositions(
  answers: readonly { disposition: Disposition | null }[],
): DispositionCounts {
  const counts: DispositionCounts = {
    received: answers.length,
    adopted: 0,
    partlyAdopted: 0,
    notAdopted: 0,
    unanswered: 0,
  };
  for (const a of answers) {
    if (a.disposition === null) counts.unanswered++;
    else counts[a.disposition]++;
  }
  return counts;
}

/** A comment's effective answer: its group's when grouped, else its own. */
export function effectiveAnswer(
  comment: { disposition: string | null; reason: string; groupId: number | null },
  groups: ReadonlyMap<number, { disposition: string; reason: string }>,
): { disposition: Disposition | null; reason: string } {
  const source = comment.groupId !== null ? groups.get(comment.groupId) : undefined;
  const disposition = source ? source.disposition : comment.disposition;
  return {
    disposition: isDisposition(disposition) ? disposition : null,
    reason: source ? source.reason : comment.reason,
  };
}

/** The name shown publicly: the commenter's own only when given and consented to, else 网民. */
export function publicDisplayName(name: string | undefined, consent: boolean): string {
  const trimmed = name?.trim() ?? "";
  return consent && trimmed !== "" ? trimmed : "网民";
}
