// What the back office shows of 留言: the list with overdue highlighting and filters, and one
// message with its masked contact, reply draft and the full 分办/转办/督办 history.
import type { IsoDate } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { notFound } from "../http/errors";
import { type Contact, maskedContactOf } from "./contact";
import { isOverdue, workdaysLeft } from "./rules";
import { type Db, findMessage, listEvents, type MessageRow, unitNames } from "./store";
import {
  MESSAGE_STATES,
  type MessageActionType,
  type MessageState,
  OPEN_MESSAGE_STATES,
} from "./workflow";

/**
 * Which messages the list shows: the ones still to answer (the default), one state, or all.
 * Years of messages pile up, so "all" and "replied" read newest first, page by page.
 */
export type StaffView = "open" | MessageState | "all";

export interface StaffFilter {
  view: StaffView;
  /** Only messages past their due day and not replied. */
  overdue?: boolean;
  unitId?: number;
  page: number;
}

export const STAFF_PAGE_SIZE = 50;

/** The list's filter from its query string; anything unrecognised falls back to the default. */
export function staffFilterOf(query: (name: string) => string | undefined): StaffFilter {
  const view = query("state") ?? "";
  const unitId = Number(query("unitId") ?? "");
  const page = Number(query("page") ?? "1");
  return {
    view:
      view === "all" || (MESSAGE_STATES as readonly string[]).includes(view)
        ? (view as StaffView)
        : "open",
    overdue: query("overdue") === "1",
    unitId: Number.isInteger(unitId) && unitId > 0 ? unitId : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The address of a page of the list with the same filter. */
export function staffListHref(filter: StaffFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.view !== "open") params.set("state", filter.view);
  if (filter.unitId) params.set("unitId", String(filter.unitId));
  if (filter.overdue) params.set("overdue", "1");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/messages?${query}` : "/admin/messages";
}

export interface StaffMessageSummary {
  id: number;
  messageNo: string;
  category: string;
  subject: string;
  state: MessageState;
  unitId: number | null;
  unitName: string | null;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  repliedOn: IsoDate | null;
  isOverdue: boolean;
  lastSupervisedOn: IsoDate | null;
  contact: Contact;
}

function summaryOf(
  row: MessageRow,
  units: Map<number, string>,
  today: IsoDate,
): StaffMessageSummary {
  return {
    id: row.id,
    messageNo: row.message_no,
    category: row.category,
    subject: row.subject,
    state: row.state as MessageState,
    unitId: row.unit_id,
    unitName: row.unit_id === null ? null : (units.get(row.unit_id) ?? null),
    receivedOn: row.received_on,
    dueOn: row.due_on,
    repliedOn: row.replied_on,
    isOverdue: isOverdue({ dueOn: row.due_on, repliedOn: row.replied_on }, today),
    lastSupervisedOn: row.last_supervised_on,
    contact: maskedContactOf(row),
  };
}

/** Messages still to answer come most urgent first; replied ones and "all" newest first. */
export function isUrgentFirst(filter: StaffFilter): boolean {
  return filter.overdue === true || (filter.view !== "all" && filter.view !== "replied");
}

/** The states the list shows (null: every state); 只看已超期 keeps only those still to answer. */
function statesOf(filter: StaffFilter): readonly MessageState[] | null {
  const chosen =
    filter.view === "open" ? OPEN_MESSAGE_STATES : filter.view === "all" ? null : [filter.view];
  if (!filter.overdue) return chosen;
  return (chosen ?? OPEN_MESSAGE_STATES).filter((s) =>
    (OPEN_MESSAGE_STATES as readonly string[]).includes(s),
  );
}

/** The rows the list shows, before ordering; null when none can match (已答复 + 只看已超期). */
function filteredMessages(db: Db, filter: StaffFilter, today: IsoDate) {
  const states = statesOf(filter);
  if (states?.length === 0) return null;
  let q = db.selectFrom("messages");
  if (states) q = q.where("state", "in", states);
  if (filter.unitId) q = q.where("unit_id", "=", filter.unitId);
  if (filter.overdue) q = q.where("due_on", "<", today);
  return q;
}

/**
 * One page of the list, ordered as isUrgentFirst says, so the work of the day is on page 1
 * whatever the years of messages behind it.
 */
function pageOf(q: NonNullable<ReturnType<typeof filteredMessages>>, filter: StaffFilter) {
  const ordered = isUrgentFirst(filter)
    ? q.orderBy("due_on").orderBy("id")
    : q.orderBy("received_on", "desc").orderBy("id", "desc");
  return ordered
    .selectAll()
    .limit(STAFF_PAGE_SIZE)
    .offset((filter.page - 1) * STAFF_PAGE_SIZE);
}

/** The page query as listStaffMessages runs it, for the query-plan test. */
export function staffPageQuery(db: Db, filter: StaffFilter, today: IsoDate) {
  const q = filteredMessages(db, filter, today);
  return q && pageOf(q, filter);
}

export async function listStaffMessages(
  db: Db,
  filter: StaffFilter,
  today: IsoDate,
): Promise<{ total: number; items: StaffMessageSummary[] }> {
  const q = filteredMessages(db, filter, today);
  if (!q) return { total: 0, items: [] };
  const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await pageOf(q, filter).execute();
  const units = await unitNames(db);
  return { total: Number(count.n), items: rows.map((r) => summaryOf(r, units, today)) };
}

export interface StaffEvent {
  type: MessageActionType;
  on: IsoDate;
  fromUnit: string | null;
  toUnit: string | null;
  note: string;
  actorName: string;
}

export interface StaffMessage extends StaffMessageSummary {
  body: string;
  consentPublic: boolean;
  replyText: string;
  replyDraftedBy: number | null;
  returnReason: string | null;
  workdaysLeft: number;
  deadlineWorkdays: number;
  rating: string | null;
  ratingComment: string | null;
  events: StaffEvent[];
}

export async function getStaffMessage(db: Db, id: number, today: IsoDate): Promise<StaffMessage> {
  const row = await findMessage(db, id);
  if (!row) throw notFound("留言");
  const units = await unitNames(db);
  const calendar = await loadWorkCalendar(db);
  const name = (unitId: number | null) => (unitId === null ? null : (units.get(unitId) ?? null));
  return {
    ...summaryOf(row, units, today),
    body: row.body,
    consentPublic: row.consent_public === 1,
    replyText: row.reply_text,
    replyDraftedBy: row.reply_drafted_by,
    returnReason: row.return_reason,
    workdaysLeft: workdaysLeft(calendar, row.due_on, today),
    deadlineWorkdays: row.deadline_workdays,
    rating: row.rating,
    ratingComment: row.rating_comment,
    events: (await listEvents(db, id)).map((e) => ({
      type: e.type as MessageActionType,
      on: e.on_date,
      fromUnit: name(e.from_unit_id),
      toUnit: name(e.to_unit_id),
      note: e.note,
      actorName: e.actor_name,
    })),
  };
}
