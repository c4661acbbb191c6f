// The reply clock of 依申请公开: a pure function of the receipt facts, the timeline, the working-day
// calendar and an "as of" date.
//
// Counting conventions (see also periods.ts):
// - A period of N working days ends on the N-th working day after its start date; the start date
//   itself is not counted (民法典第二百零一条).
// - The start date is 收到申请之日 (第三十一条), or after a 补正 the day the supplement arrives
//   (第三十条); the earlier days no longer count.
// - Working days after the day a consultation letter or fee notice is sent, up to and including the
//   day the answer or payment arrives (or the consultation period ends without one), are not
//   counted (第三十三条第二款; 国办函〔2020〕109号). A pause still open on the as-of date runs to it.
// - The base period is 20 working days (第三十三条第一款); an approved extension adds its days.
// - 第三十五条: once a reasonable later date has been set and notified, that date is the due date.

import type { IsoDate, WorkCalendar } from "../calendar/rules";
import {
  type CaseState,
  type ConsultationKind,
  deriveCaseState,
  effectiveReceipt,
} from "./case-state";
import type { TimelineEvent } from "./events";
import { explainClock } from "./explain";
import {
  DUE_SOON_WORKDAYS,
  earlierOf,
  laterOf,
  periodEnd,
  REPLY_WORKDAYS,
  SUPPLEMENT_NOTICE_WORKDAYS,
} from "./periods";
import type { ReceiptFacts } from "./receipt";
import type { ReplyResultKey } from "./results";

export { receiptDate } from "./receipt";

export interface ClockInput {
  receipt: ReceiptFacts;
  events: readonly TimelineEvent[];
}

/**
 * - awaiting_confirmation: 待确认, the clock has not started
 * - in_progress: 进行中
 * - due_soon: 即将到期, at most 3 counted working days left
 * - overdue: 已超期, the as-of date is after the due date
 * - closed: 已办结 (replied, abandoned or withdrawn)
 */
export type ClockState =
  | "awaiting_confirmation"
  | "in_progress"
  | "due_soon"
  | "overdue"
  | "closed";

export type PauseReason = "third_party_consultation" | "agency_consultation" | "processing_fee";

/** Working days in (from, to] are not counted. */
export interface PausedInterval {
  from: IsoDate;
  to: IsoDate;
  reason: PauseReason;
  /** Still running on the as-of date (`to` is then the as-of date). */
  open: boolean;
  /** Working days of (from, to] after the start date. */
  workdays: number;
  /** The consultation it belongs to, if any. */
  consultationId?: string;
}

export type WaitingFor = "confirmation" | "supplement" | "consultation" | "fee_payment" | null;

export type ConsultationOutcome =
  | "pending"
  | "consent"
  | "objection"
  /** 第三十四条: an agency that did not answer within 15 working days consents. */
  | "deemed_consent"
  /** 第三十二条: a third party that did not answer; the bureau decides under the 条例. */
  | "no_opinion";

export interface ConsultationStatus {
  id: string;
  kind: ConsultationKind;
  party: string;
  sentOn: IsoDate;
  periodEndsOn: IsoDate;
  answeredOn: IsoDate | null;
  outcome: ConsultationOutcome;
}

export interface ApplicationClock {
  asOf: IsoDate;
  /** 收到申请之日, null while awaiting confirmation. */
  receivedOn: IsoDate | null;
  /** The day counting starts from (receipt, or the day the supplement arrived); null if not running. */
  startOn: IsoDate | null;
  /** Last day to reply; null while awaiting confirmation or a supplement. */
  dueDate: IsoDate | null;
  /** Counted working days in (startOn, as-of date or closing date]. */
  workdaysUsed: number;
  /**
   * Counted working days left until the due date; negative: working days overdue. While the clock
   * is not running (待确认, awaiting a supplement) the whole period (20 + extension).
   */
  workdaysLeft: number;
  pausedIntervals: PausedInterval[];
  /** A pause is running on the as-of date. */
  isPaused: boolean;
  extended: boolean;
  extensionDays: number;
  /** 第三十五条 reasonable date, when one was set. */
  reasonablePeriodDueOn: IsoDate | null;
  state: ClockState;
  waitingFor: WaitingFor;
  closedOn: IsoDate | null;
  /** The table 三 row the case counts under, once closed. */
  closingResult: ReplyResultKey | null;
  /** For a case closed after receipt: whether it closed on or before the due date. */
  closedInTime: boolean | null;
  /** 第三十条: last day for the one-time 补正 notice (receipt + 7 working days). */
  supplementNoticeDueDate: IsoDate | null;
  /** The applicant's period to supplement, when one was requested. */
  supplementDueDate: IsoDate | null;
  /** The supplement period has passed without a supplement and the case is still open. */
  isSupplementOverdue: boolean;
  /** Last day to pay the processing fee, when a fee notice was sent. */
  feePayBy: IsoDate | null;
  consultations: ConsultationStatus[];
  /** The due date falls in a year whose holiday schedule is not yet published. */
  provisional: boolean;
  /** Chinese sentences explaining every number above. */
  explanation: string[];
}

/**
 * Computes the reply clock of an application as of a date (条例第三十条至第三十五条). Events dated
 * after `asOf` are ignored, so the clock can be replayed for any past day.
 */
export function computeClock(
  input: ClockInput,
  calendar: WorkCalendar,
  asOf: IsoDate,
): ApplicationClock {
  const events = input.events.filter((e) => e.on <= asOf);
  const receipt = receiptAsOf(effectiveReceipt(input.receipt, events), asOf);
  const state = deriveCaseState(receipt, events, calendar);
  const closedOn = state.closing?.on ?? null;
  const horizon = closedOn ?? asOf;
  const startOn = startOf(state);
  const pausedIntervals = startOn ? pausesOf(state, startOn, horizon, calendar) : [];
  const isPausedOn = (day: IsoDate) => pausedIntervals.some((p) => p.from < day && day <= p.to);
  const extensionDays = state.extension?.days ?? 0;
  const dueDate = startOn
    ? (state.reasonablePeriod?.dueOn ??
      nthCountedWorkday(calendar, startOn, REPLY_WORKDAYS + extensionDays, isPausedOn))
    : null;

  const { workdaysUsed, workdaysLeft } =
    startOn && dueDate
      ? countWorkdays(calendar, startOn, dueDate, horizon, isPausedOn)
      : { workdaysUsed: 0, workdaysLeft: REPLY_WORKDAYS + extensionDays };

  const clock: ApplicationClock = {
    asOf,
    receivedOn: state.receivedOn,
    startOn,
    dueDate,
    workdaysUsed,
    workdaysLeft,
    pausedIntervals,
    isPaused: !closedOn && pausedIntervals.some((p) => p.open),
    extended: state.extension !== null,
    extensionDays,
    reasonablePeriodDueOn: state.reasonablePeriod?.dueOn ?? null,
    state: clockStateOf(state, dueDate, asOf, workdaysLeft),
    waitingFor: waitingForOf(state, pausedIntervals),
    closedOn,
    closingResult: state.closing?.result ?? null,
    closedInTime: closedOn && dueDate ? closedOn <= dueDate : null,
    supplementNoticeDueDate: state.receivedOn
      ? periodEnd(calendar, state.receivedOn, SUPPLEMENT_NOTICE_WORKDAYS)
      : null,
    supplementDueDate: state.supplement?.dueOn ?? null,
    isSupplementOverdue:
      state.phase === "awaiting_supplement" && asOf > (state.supplement?.dueOn ?? asOf),
    feePayBy: state.fee?.payBy ?? null,
    consultations: consultationStatuses(state, horizon),
    provisional: dueDate ? calendar.isProvisional(dueDate) : false,
    explanation: [],
  };
  clock.explanation = explainClock(clock, state, receipt);
  return clock;
}

/** The receipt facts as known on `asOf`: a confirmation dated later has not happened yet. */
function receiptAsOf(receipt: ReceiptFacts, asOf: IsoDate): ReceiptFacts {
  if (!receipt.confirmedOn || receipt.confirmedOn <= asOf) return receipt;
  const { confirmedOn: _later, ...rest } = receipt;
  return rest;
}

/** The day counting starts from, or null while not running (待确认 or awaiting a supplement). */
function startOf(state: CaseState): IsoDate | null {
  if (!state.receivedOn) return null;
  if (!state.supplement) return state.receivedOn;
  return state.supplement.receivedOn;
}

function pausesOf(
  state: CaseState,
  startOn: IsoDate,
  horizon: IsoDate,
  calendar: WorkCalendar,
): PausedInterval[] {
  const pauses: PausedInterval[] = [];
  // `settled`: the answer or payment arrived; an unsettled pause runs to its natural end (the
  // period's last day) or, when that is later, to the horizon (as-of date or closing date).
  const push = (
    from: IsoDate,
    naturalEnd: IsoDate,
    settled: boolean,
    reason: PauseReason,
    consultationId?: string,
  ) => {
    const to = earlierOf(naturalEnd, horizon);
    const open = !settled && !state.closing && naturalEnd >= horizon;
    const counted = laterOf(from, startOn);
    const workdays = counted < to ? calendar.workdaysBetween(counted, to) : 0;
    pauses.push({
      from,
      to,
      reason,
      open,
      workdays,
      ...(consultationId ? { consultationId } : {}),
    });
  };
  for (const c of state.consultations) {
    const answered = c.answeredOn !== null;
    const end = c.answeredOn ? earlierOf(c.answeredOn, c.periodEndsOn) : c.periodEndsOn;
    const reason = c.kind === "agency" ? "agency_consultation" : "third_party_consultation";
    push(c.sentOn, end, answered, reason, c.id);
  }
  if (state.fee) {
    const { noticeOn, paidOn, payBy } = state.fee;
    push(noticeOn, paidOn ?? payBy, paidOn !== null, "processing_fee");
  }
  return pauses.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Counted working days used up to the horizon and left until the due date (negative: overdue). */
function countWorkdays(
  calendar: WorkCalendar,
  startOn: IsoDate,
  dueDate: IsoDate,
  horizon: IsoDate,
  isPausedOn: (day: IsoDate) => boolean,
): { workdaysUsed: number; workdaysLeft: number } {
  const limit = laterOf(horizon, startOn);
  return {
    workdaysUsed: countCounted(calendar, startOn, limit, isPausedOn),
    workdaysLeft:
      limit <= dueDate
        ? countCounted(calendar, limit, dueDate, isPausedOn)
        : -countCounted(calendar, dueDate, limit, isPausedOn),
  };
}

/** The n-th working day after `start` that is not paused. */
function nthCountedWorkday(
  calendar: WorkCalendar,
  start: IsoDate,
  n: number,
  isPausedOn: (day: IsoDate) => boolean,
): IsoDate {
  let day = start;
  let counted = 0;
  while (counted < n) {
    day = calendar.addWorkdays(day, 1);
    if (!isPausedOn(day)) counted++;
  }
  return day;
}

/** Counted (working, not paused) days in (a, b]. */
function countCounted(
  calendar: WorkCalendar,
  a: IsoDate,
  b: IsoDate,
  isPausedOn: (day: IsoDate) => boolean,
): number {
  let counted = 0;
  for (let day = calendar.addWorkdays(a, 1); day <= b; day = calendar.addWorkdays(day, 1)) {
    if (!isPausedOn(day)) counted++;
  }
  return counted;
}

function clockStateOf(
  state: CaseState,
  dueDate: IsoDate | null,
  asOf: IsoDate,
  workdaysLeft: number,
): ClockState {
  if (state.closing) return "closed";
  if (!state.receivedOn) return "awaiting_confirmation";
  if (!dueDate) return "in_progress";
  if (asOf > dueDate) return "overdue";
  if (workdaysLeft <= DUE_SOON_WORKDAYS) return "due_soon";
  return "in_progress";
}

function waitingForOf(state: CaseState, pauses: readonly PausedInterval[]): WaitingFor {
  switch (state.phase) {
    case "awaiting_confirmation":
      return "confirmation";
    case "awaiting_supplement":
      return "supplement";
    case "awaiting_fee":
      return "fee_payment";
    case "open":
      return pauses.some((p) => p.open && p.reason !== "processing_fee") ? "consultation" : null;
    case "closed":
    case "delivered":
    case "archived":
      return null;
    default: {
      const unknown: never = state.phase;
      throw new RangeError(`未知的办理阶段:${String(unknown)}`);
    }
  }
}

function consultationStatuses(state: CaseState, horizon: IsoDate): ConsultationStatus[] {
  return state.consultations.map((c) => {
    let outcome: ConsultationOutcome;
    if (c.answer && c.answeredOn) outcome = c.answer;
    else if (horizon > c.periodEndsOn)
      outcome = c.kind === "agency" ? "deemed_consent" : "no_opinion";
    else outcome = "pending";
    return {
      id: c.id,
      kind: c.kind,
      party: c.party,
      sentOn: c.sentOn,
      periodEndsOn: c.periodEndsOn,
      answeredOn: c.answeredOn,
      outcome,
    };
  });
}
