// JSON shapes of the applications API. Personal data is always the masked copy: the API never
// returns an ID number, phone number, address or e-mail address in full.
import type { ApplicationClock } from "./clock";
import { resultLabel } from "./results";
import type { ApplicationListItem, ApplicationSummary, CaseView } from "./service";

export function summaryJson(s: ApplicationSummary) {
  return {
    id: s.id,
    number: s.applicationNo,
    channel: s.channel,
    submittedOn: s.submittedOn,
    signedOn: s.signedOn,
    receivedOn: s.receivedOn,
    applicant: {
      kind: s.applicant.kind,
      name: s.applicant.displayName,
      idNumber: s.applicant.idNumber,
      phone: s.applicant.phone,
      email: s.applicant.email,
      creditCode: s.applicant.creditCode,
      hasAddress: s.applicant.hasAddress,
      hasIdScan: s.applicant.hasIdScan,
    },
    requestedInfo: s.requestedInfo,
    deliveryForm: s.deliveryForm,
    deliveryRoute: s.deliveryRoute,
    unitId: s.unitId,
    handlerId: s.handlerId,
    phase: s.phase,
    createdAt: s.createdAt,
  };
}

export function listItemJson(item: ApplicationListItem) {
  return {
    ...summaryJson(item),
    state: item.clockState,
    dueDate: item.dueDate,
    workdaysLeft: item.workdaysLeft,
    isPaused: item.isPaused,
  };
}

export function clockJson(clock: ApplicationClock) {
  return {
    asOf: clock.asOf,
    state: clock.state,
    receivedOn: clock.receivedOn,
    startOn: clock.startOn,
    dueDate: clock.dueDate,
    workdaysUsed: clock.workdaysUsed,
    workdaysLeft: clock.workdaysLeft,
    pausedIntervals: clock.pausedIntervals,
    isPaused: clock.isPaused,
    extended: clock.extended,
    extensionDays: clock.extensionDays,
    reasonablePeriodDueOn: clock.reasonablePeriodDueOn,
    waitingFor: clock.waitingFor,
    closedOn: clock.closedOn,
    result: clock.closingResult,
    resultLabel: clock.closingResult ? resultLabel(clock.closingResult) : null,
    closedInTime: clock.closedInTime,
    supplementNoticeDueDate: clock.supplementNoticeDueDate,
    supplementDueDate: clock.supplementDueDate,
    feePayBy: clock.feePayBy,
    consultations: clock.consultations,
    provisional: clock.provisional,
    explanation: clock.explanation,
  };
}

export function caseJson(view: CaseView) {
  return {
    ...summaryJson(view.application),
    phase: view.phase,
    clock: clockJson(view.clock),
    allowedEventTypes: view.allowedEventTypes,
    events: view.events.map((e) => ({
      id: e.id,
      type: e.type,
      label: e.label,
      date: e.on,
      ...e.payload,
      actor: e.actorName,
      at: e.at,
      note: e.note,
    })),
  };
}
