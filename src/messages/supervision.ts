// Queries for the supervision dashboard (监督考核): messages answered after their due day, and
// messages overdue now. Rows carry ids and dates only, never the asker's data.
import type { IsoDate } from "../calendar/rules";
import { canSeeMessages, isOffice, type MessageUser } from "./policy";
import { type Db, rootUnitId } from "./store";
import { OPEN_MESSAGE_STATES } from "./workflow";

export interface SupervisedMessageRow {
  id: number;
  messageNo: string;
  unitId: number | null;
  unitName: string | null;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  repliedOn: IsoDate | null;
}

function base(db: Db, unitId?: number) {
  let q = db
    .selectFrom("messages")
    .leftJoin("units", "units.id", "messages.unit_id")
    .select([
      "messages.id",
      "messages.message_no",
      "messages.unit_id",
      "units.name as unit_name",
      "messages.received_on",
      "messages.due_on",
      "messages.replied_on",
    ]);
  if (unitId !== undefined) q = q.where("messages.unit_id", "=", unitId);
  return q;
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>["execute"]>>[number];

const rowOf = (r: BaseRow): SupervisedMessageRow => ({
  id: r.id,
  messageNo: r.message_no,
  unitId: r.unit_id,
  unitName: r.unit_name,
  receivedOn: r.received_on,
  dueOn: r.due_on,
  repliedOn: r.replied_on,
});

/** Messages replied between `from` and `to` (inclusive) after their due day. */
export async function messagesAnsweredLate(
  db: Db,
  options: { from: IsoDate; to: IsoDate; unitId?: number },
): Promise<SupervisedMessageRow[]> {
  const rows = await base(db, options.unitId)
    .where("messages.state", "=", "replied")
    .where("messages.replied_on", ">=", options.from)
    .where("messages.replied_on", "<=", options.to)
    .whereRef("messages.replied_on", ">", "messages.due_on")
    .orderBy("messages.replied_on")
    .orderBy("messages.id")
    .execute();
  return rows.map(rowOf);
}

/** Messages not replied whose due day is before `today` (the due day itself is in time). */
export async function overdueMessages(
  db: Db,
  options: { today: IsoDate; unitId?: number },
): Promise<SupervisedMessageRow[]> {
  const rows = await base(db, options.unitId)
    .where("messages.state", "in", OPEN_MESSAGE_STATES)
    .where("messages.due_on", "<", options.today)
    .orderBy("messages.due_on")
    .orderBy("messages.id")
    .execute();
  return rows.map(rowOf);
}

/**
 * Overdue messages for the back-office workbench: the office sees all, a unit's staff their own
 * unit's, anyone else none. At most 20, oldest due first.
 */
export async function overdueMessagesForWorkbench(
  db: Db,
  user: MessageUser,
  today: IsoDate,
): Promise<SupervisedMessageRow[]> {
  if (!canSeeMessages(user)) return [];
  const office = isOffice(user, await rootUnitId(db));
  const rows = await overdueMessages(db, office ? { today } : { today, unitId: user.unitId });
  return rows.slice(0, 20);
}
