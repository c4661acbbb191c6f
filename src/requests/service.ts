// Reading cases: the case view (timeline + clock + explanation), lists with masked applicants, and
// the audited full view of the applicant's personal data.
import { type IsoDate, todayInShanghai, type WorkCalendar } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { forbidden, notFound } from "../http/errors";
import { recordAudit } from "../platform/audit";
import {
  type ApplicantDetails,
  type ApplicationKeys,
  decryptApplicant,
  type MaskedApplicant,
  maskedApplicantOf,
} from "./applicant-data";
import { type CasePhase, deriveCaseState } from "./case-state";
import { type ApplicationClock, type ClockState, computeClock } from "./clock";
import { TIMELINE_EVENT_LABELS, type TimelineEventType } from "./events";
import type { ApplicationChannel, DeliveryForm, DeliveryRoute } from "./labels";
import { type CaseActor, canRevealApplicant } from "./policy";
import {
  type ApplicationEventRow,
  type ApplicationRow,
  type Db,
  findApplication,
  listEventRows,
  listEventRowsOf,
  receiptFactsOf,
  selectApplicationRows,
  timelineEventOf,
} from "./store";
import { allowedEventTypes } from "./timeline";

/** An application as lists and the case page show it: personal data masked. */
export interface ApplicationSummary {
  id: number;
  applicationNo: string;
  channel: ApplicationChannel;
  submittedOn: IsoDate | null;
  signedOn: IsoDate | null;
  receivedOn: IsoDate | null;
  applicant: MaskedApplicant;
  requestedInfo: { name: string | null; docNo: string | null; description: string };
  deliveryForm: DeliveryForm;
  deliveryRoute: DeliveryRoute;
  wantsStatusMail: boolean;
  unitId: number | null;
  handlerId: number | null;
  phase: CasePhase;
  createdAt: string;
}

export function summaryOf(row: ApplicationRow): ApplicationSummary {
  return {
    id: row.id,
    applicationNo: row.application_no,
    channel: row.channel as ApplicationChannel,
    submittedOn: row.submitted_on,
    signedOn: row.signed_on,
    receivedOn: row.received_on,
    applicant: maskedApplicantOf(row),
    requestedInfo: {
      name: row.requested_name,
      docNo: row.requested_doc_no,
      description: row.requested_description,
    },
    deliveryForm: row.delivery_form as DeliveryForm,
    deliveryRoute: row.delivery_route as DeliveryRoute,
    wantsStatusMail: row.wants_status_mail === 1,
    unitId: row.unit_id,
    handlerId: row.handler_id,
    phase: row.phase as CasePhase,
    createdAt: row.created_at,
  };
}

/** One step of the timeline as stored (payload fields as recorded, internal note included). */
export interface StoredEvent {
  id: number;
  type: TimelineEventType;
  label: string;
  on: IsoDate;
  payload: Record<string, unknown>;
  actorName: string;
  at: string;
  note: string;
}

function storedEventOf(row: ApplicationEventRow): StoredEvent {
  const type = row.type as TimelineEventType;
  return {
    id: row.id,
    type,
    label: TIMELINE_EVENT_LABELS[type] ?? row.type,
    on: row.happened_on,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    actorName: row.actor_name,
    at: row.at,
    note: row.note,
  };
}

export interface CaseView {
  application: ApplicationSummary;
  events: StoredEvent[];
  clock: ApplicationClock;
  /** The phase today (the clock may be asked about another day). */
  phase: CasePhase;
  /** Event types the case may record next, in the usual order. */
  allowedEventTypes: readonly TimelineEventType[];
}

/**
 * A case with its clock as of `asOf` (default today), computed from the timeline and the live
 * calendar, so a calendar change shows at once (条例第三十三条 counts 工作日).
 */
export async function getCaseView(
  db: Db,
  id: number,
  now: Date,
  asOf?: IsoDate,
): Promise<CaseView> {
  const row = await findApplication(db, id);
  if (!row) throw notFound("申请");
  const calendar = await loadWorkCalendar(db);
  const eventRows = await listEventRows(db, id);
  const timeline = eventRows.map(timelineEventOf);
  const receipt = receiptFactsOf(row);
  const phase = deriveCaseState(receipt, timeline, calendar).phase;
  return {
    application: summaryOf(row),
    events: eventRows.map(storedEventOf),
    clock: computeClock({ receipt, events: timeline }, calendar, asOf ?? todayInShanghai(now)),
    phase,
    allowedEventTypes: allowedEventTypes(phase),
  };
}

/** List filters: 待确认, 办理中, 即将到期, 已超期, 已办结. */
export const LIST_STATES = [
  "awaiting_confirmation",
  "in_progress",
  "due_soon",
  "overdue",
  "closed",
] as const;
export type ListState = (typeof LIST_STATES)[number];

export interface ListFilters {
  state?: ListState;
  year?: number;
  unitId?: number;
}

export interface ApplicationListItem extends ApplicationSummary {
  clockState: ClockState;
  dueDate: IsoDate | null;
  workdaysLeft: number;
  isPaused: boolean;
}

const OPEN_PHASES = ["open", "awaiting_supplement", "awaiting_fee"];
const phasesOf: Record<ListState, readonly string[]> = {
  awaiting_confirmation: ["awaiting_confirmation"],
  in_progress: OPEN_PHASES,
  due_soon: OPEN_PHASES,
  overdue: OPEN_PHASES,
  closed: ["closed", "delivered", "archived"],
};

/** Most rows a list computes clocks for; a county bureau files far fewer in a year. */
export const LIST_LIMIT = 1000;

/**
 * Applications matching the filters, newest first, each with its live clock as of today (the
 * cached due date would lag behind a running consultation pause).
 */
export async function listApplications(
  db: Db,
  filters: ListFilters,
  now: Date,
): Promise<ApplicationListItem[]> {
  const rows = await selectApplicationRows(db, {
    phases: filters.state ? phasesOf[filters.state] : undefined,
    year: filters.year,
    unitId: filters.unitId,
    limit: LIST_LIMIT,
  });
  const calendar = await loadWorkCalendar(db);
  const events = await listEventRowsOf(
    db,
    rows.map((r) => r.id),
  );
  const today = todayInShanghai(now);
  const items = rows.map((row) => listItemOf(row, events.get(row.id) ?? [], calendar, today));
  const state = filters.state;
  if (state === "due_soon" || state === "overdue") {
    return items.filter((i) => i.clockState === state);
  }
  return items;
}

function listItemOf(
  row: ApplicationRow,
  eventRows: readonly ApplicationEventRow[],
  calendar: WorkCalendar,
  today: IsoDate,
): ApplicationListItem {
  const events = eventRows.map(timelineEventOf);
  const clock = computeClock({ receipt: receiptFactsOf(row), events }, calendar, today);
  return {
    ...summaryOf(row),
    clockState: clock.state,
    dueDate: clock.dueDate,
    workdaysLeft: clock.workdaysLeft,
    isPaused: clock.isPaused,
  };
}

/**
 * The applicant's personal data in full, for the 依申请公开经办人 only; every call writes an audit
 * entry “查看申请人个人信息”, whether for the case page, a letter or an export.
 */
export async function revealApplicant(
  db: Db,
  id: number,
  actor: CaseActor,
  keys: ApplicationKeys,
  now: Date,
): Promise<ApplicantDetails & { idScanFileId: number | null }> {
  if (!canRevealApplicant(actor))
    throw forbidden("只有依申请公开经办人可以查看申请人的完整个人信息。");
  const row = await findApplication(db, id);
  if (!row) throw notFound("申请");
  await recordAudit(
    db,
    actor,
    {
      action: "application.reveal_applicant",
      objectType: "application",
      objectId: id,
      detail: `查看申请人个人信息(${row.application_no})`,
    },
    now,
  );
  return { ...decryptApplicant(keys, row), idScanFileId: row.id_scan_file_id };
}

/** The stored ID scan of an application, for the 经办人 only; every view is audited. */
export async function openIdScan(
  db: Db,
  id: number,
  actor: CaseActor,
  now: Date,
): Promise<{
  mediaType: string;
  storagePath: string;
  sha256: string;
  applicationNo: string;
  encrypted: boolean;
}> {
  if (!canRevealApplicant(actor)) throw forbidden("只有依申请公开经办人可以查看身份证明扫描件。");
  const row = await findApplication(db, id);
  const file = row?.id_scan_file_id
    ? await db
        .selectFrom("files")
        .select(["media_type", "storage_path", "sha256", "encrypted"])
        .where("id", "=", row.id_scan_file_id)
        .executeTakeFirst()
    : undefined;
  if (!row || !file) throw notFound("身份证明扫描件");
  await recordAudit(
    db,
    actor,
    {
      action: "application.view_id_scan",
      objectType: "application",
      objectId: id,
      detail: `查看申请人身份证明扫描件(${row.application_no})`,
    },
    now,
  );
  return {
    mediaType: file.media_type,
    storagePath: file.storage_path,
    sha256: file.sha256,
    applicationNo: row.application_no,
    encrypted: file.encrypted === 1,
  };
}
