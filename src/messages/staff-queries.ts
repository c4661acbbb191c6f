// What the back office shows of 留言: the list with overdue highlighting and filters, and one
// message with its masked contact, reply draft and the full 分办/转办/督办 history.
import type { IsoDate } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { notFound } from "../http/errors";
import { type Contact, maskedContactOf } from "./contact";
import { isOverdue, workdaysLeft } from "./rules";
import { type Db, findMessage, listEvents, type MessageRow, unitNames } from "./store";
import type { MessageActionType, MessageState } from "./workflow";

export interface StaffFilter {
  state?: MessageState;
  /** Only messages past their due day and not replied. */
  overdue?: boolean;
  unitId?: number;
  category?: string;
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

/** The back-office list, oldest due first among open messages; at most 500 rows. */
export async function listStaffMessages(
  db: Db,
  filter: StaffFilter,
  today: IsoDate,
): Promise<StaffMessageSummary[]> {
  let q = db.selectFrom("messages").selectAll();
  if (filter.state) q = q.where("state", "=", filter.state);
  if (filter.unitId) q = q.where("unit_id", "=", filter.unitId);
  if (filter.category) q = q.where("category", "=", filter.category);
  if (filter.overdue) q = q.where("state", "!=", "replied").where("due_on", "<", today);
  const rows = await q.orderBy("due_on").orderBy("id").limit(500).execute();
  const units = await unitNames(db);
  return rows.map((r) => summaryOf(r, units, today));
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
