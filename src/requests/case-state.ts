// Folds a timeline into the facts both the state machine and the clock need. Pure: the
// calendar is passed in and only used to place the end of statutory periods.

import type { IsoDate, WorkCalendar } from "../calendar/rules";
import type { TimelineEvent } from "./events";
import {
  AGENCY_CONSULTATION_WORKDAYS,
  FEE_PAYMENT_WORKDAYS,
  periodEnd,
  THIRD_PARTY_CONSULTATION_WORKDAYS,
} from "./periods";
import { channelNeedsConfirmation, type ReceiptFacts, receiptDate } from "./receipt";
import { isFinalResultKey, type ReplyResultKey } from "./results";

/**
 * Where a case stands.
 * - awaiting_confirmation: 待确认 (第三十一条), nothing counts yet
 * - open: being handled (consultations may be running)
 * - awaiting_supplement: 补正 requested, not yet received (第三十条)
 * - awaiting_fee: fee notice sent, not yet paid (第四十二条)
 * - closed: replied, abandoned or withdrawn; not yet delivered
 * - delivered: the reply or closing notice has been served
 * - archived: 归档; nothing more may happen
 */
export type CasePhase =
  | "awaiting_confirmation"
  | "open"
  | "awaiting_supplement"
  | "awaiting_fee"
  | "closed"
  | "delivered"
  | "archived";

export type ConsultationKind = "third_party" | "agency";

export interface Consultation {
  id: string;
  kind: ConsultationKind;
  party: string;
  sentOn: IsoDate;
  /** Last day the party may answer: 15 working days after it received the letter (第三十二条, 第三十四条). */
  periodEndsOn: IsoDate;
  answeredOn: IsoDate | null;
  answer: "consent" | "objection" | null;
}

export interface SupplementRequest {
  requestedOn: IsoDate;
  items: readonly string[];
  dueOn: IsoDate;
  receivedOn: IsoDate | null;
  expiredOn: IsoDate | null;
}

export interface FeeNotice {
  noticeOn: IsoDate;
  amountYuan: number;
  /** Last day to pay: 20 working days after the applicant received the notice (109号文). */
  payBy: IsoDate;
  paidOn: IsoDate | null;
  expiredOn: IsoDate | null;
}

export type ClosingKind = "reply" | "supplement_expired" | "fee_expired" | "withdraw";

export interface Closing {
  kind: ClosingKind;
  on: IsoDate;
  /**
   * The table 三 row the case counts under: the reply's result; 逾期不补正 and 逾期未缴费 their
   * 其他处理 rows; a withdrawal after receipt 其他处理/其他; a withdrawal before receipt was
   * confirmed is never counted (null).
   */
  result: ReplyResultKey | null;
}

export interface CaseState {
  phase: CasePhase;
  receivedOn: IsoDate | null;
  /** Date of the latest event (or of receipt); a new event may not be earlier. */
  lastOn: IsoDate | null;
  assignedUnitId: number | null;
  supplement: SupplementRequest | null;
  consultations: Consultation[];
  fee: FeeNotice | null;
  extension: { on: IsoDate; days: number; approvedBy: string } | null;
  reasonsAskedOn: IsoDate | null;
  reasonablePeriod: { on: IsoDate; dueOn: IsoDate } | null;
  closing: Closing | null;
  deliveredOn: IsoDate | null;
  archivedOn: IsoDate | null;
}

/** The receipt facts with a `confirm` event folded in (the explicit `confirmedOn` wins). */
export function effectiveReceipt(
  receipt: ReceiptFacts,
  events: readonly TimelineEvent[],
): ReceiptFacts {
  if (!channelNeedsConfirmation(receipt.channel) || receipt.confirmedOn) return receipt;
  const confirm = events.find((e) => e.type === "confirm");
  return confirm ? { ...receipt, confirmedOn: confirm.on } : receipt;
}

/** Folds the (already valid) timeline into a CaseState. */
export function deriveCaseState(
  receipt: ReceiptFacts,
  events: readonly TimelineEvent[],
  calendar: WorkCalendar,
): CaseState {
  const receivedOn = receiptDate(effectiveReceipt(receipt, events));
  const state: CaseState = {
    phase: "open",
    receivedOn,
    lastOn: receivedOn,
    assignedUnitId: null,
    supplement: null,
    consultations: [],
    fee: null,
    extension: null,
    reasonsAskedOn: null,
    reasonablePeriod: null,
    closing: null,
    deliveredOn: null,
    archivedOn: null,
  };
  for (const event of events) {
    applyEvent(state, event, calendar);
    if (state.lastOn === null || event.on > state.lastOn) state.lastOn = event.on;
  }
  state.phase = phaseOf(state);
  return state;
}

function applyEvent(state: CaseState, event: TimelineEvent, calendar: WorkCalendar): void {
  switch (event.type) {
    case "confirm":
      return;
    case "assign":
      state.assignedUnitId = event.unitId;
      return;
    case "request_supplement":
      state.supplement = {
        requestedOn: event.on,
        items: event.items,
        dueOn: event.dueOn,
        receivedOn: null,
        expiredOn: null,
      };
      return;
    case "supplement_received":
      if (state.supplement) state.supplement.receivedOn = event.on;
      return;
    case "supplement_expired":
      if (state.supplement) state.supplement.expiredOn = event.on;
      close(state, "supplement_expired", event.on, "results.other.no_correction_abandoned");
      return;
    case "consult_third_party":
    case "consult_agency": {
      const kind = event.type === "consult_agency" ? "agency" : "third_party";
      const days =
        kind === "agency" ? AGENCY_CONSULTATION_WORKDAYS : THIRD_PARTY_CONSULTATION_WORKDAYS;
      state.consultations.push({
        id: event.consultationId,
        kind,
        party: event.party,
        sentOn: event.on,
        periodEndsOn: periodEnd(calendar, event.deliveredOn ?? event.on, days),
        answeredOn: null,
        answer: null,
      });
      return;
    }
    case "consultation_answered": {
      const consultation = state.consultations.find((c) => c.id === event.consultationId);
      if (consultation) {
        consultation.answeredOn = event.on;
        consultation.answer = event.answer;
      }
      return;
    }
    case "fee_notice":
      state.fee = {
        noticeOn: event.on,
        amountYuan: event.amountYuan,
        payBy: periodEnd(calendar, event.deliveredOn ?? event.on, FEE_PAYMENT_WORKDAYS),
        paidOn: null,
        expiredOn: null,
      };
      return;
    case "fee_paid":
      if (state.fee) state.fee.paidOn = event.on;
      return;
    case "fee_expired":
      if (state.fee) state.fee.expiredOn = event.on;
      close(state, "fee_expired", event.on, "results.other.fee_unpaid");
      return;
    case "extend":
      state.extension = { on: event.on, days: event.days, approvedBy: event.approvedBy };
      return;
    case "ask_reasons":
      state.reasonsAskedOn = event.on;
      return;
    case "set_reasonable_period":
      state.reasonablePeriod = { on: event.on, dueOn: event.dueOn };
      return;
    case "reply":
      close(state, "reply", event.on, isFinalResultKey(event.result) ? event.result : null);
      return;
    case "deliver":
      state.deliveredOn = event.on;
      return;
    case "archive":
      state.archivedOn = event.on;
      return;
    case "withdraw":
      close(state, "withdraw", event.on, state.receivedOn ? "results.other.other" : null);
      return;
    default: {
      const unknown: never = event;
      throw new RangeError(`未知的办理事件:${JSON.stringify(unknown)}`);
    }
  }
}

function close(state: CaseState, kind: ClosingKind, on: IsoDate, result: ReplyResultKey | null) {
  state.closing = { kind, on, result };
}

function phaseOf(state: CaseState): CasePhase {
  if (state.archivedOn) return "archived";
  if (state.deliveredOn) return "delivered";
  if (state.closing) return "closed";
  if (state.receivedOn === null) return "awaiting_confirmation";
  if (state.supplement && !state.supplement.receivedOn) return "awaiting_supplement";
  if (state.fee && !state.fee.paidOn) return "awaiting_fee";
  return "open";
}

/** Whether a consultation still holds the case on `on`: no answer yet and its period not over. */
export function isConsultationPending(consultation: Consultation, on: IsoDate): boolean {
  return consultation.answeredOn === null && on <= consultation.periodEndsOn;
}
