// Recording the dated steps of a case: validate against the stored timeline and the live
// calendar (timeline.ts), append, audit, and refresh the cached state columns.
import type { Kysely, Transaction } from "kysely";
import type { IsoDate, WorkCalendar } from "../calendar/rules";
import { todayInShanghai } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import type { DB } from "../db/schema";
import { conflict, forbidden, notFound, validationError } from "../http/errors";
import { recordAudit } from "../platform/audit";
import { queueRepliedMail } from "../subscriptions/status-mails";
import { deriveCaseState } from "./case-state";
import { computeClock } from "./clock";
import type { EventInput } from "./event-schema";
import { TIMELINE_EVENT_LABELS, type TimelineEvent } from "./events";
import { EXTENSION_APPROVER_ROLE } from "./periods";
import { type CaseActor, canApproveExtension, canSubmitEvent } from "./policy";
import { isFinalResultKey, mustStateReasons, type ResultRowKey, resultLabel } from "./results";
import {
  type ApplicationCache,
  type ApplicationRow,
  type Db,
  findApplication,
  insertEventRow,
  inTransaction,
  listEventRows,
  lockApplication,
  openApplicationIds,
  receiptFactsOf,
  timelineEventOf,
  updateApplicationCache,
} from "./store";
import { validateEvent } from "./timeline";

/** Default 补正 period when the officer gives none: 15 working days after the notice (条例第三十条 “合理的补正期限”). */
export const DEFAULT_SUPPLEMENT_WORKDAYS = 15;

export interface EventContext {
  actor: CaseActor;
  now: Date;
}

/**
 * Appends one event to a case after validateEvent accepts it (条例第三十条至第四十二条), audits
 * it and refreshes the cached columns. An extension carries the acting user's approval only if
 * they hold the 签发人 role; otherwise the rules refuse it (403). Other refusals are 409.
 */
export async function addEvent(
  db: Db,
  applicationId: number,
  input: EventInput,
  ctx: EventContext,
): Promise<{ eventId: number }> {
  if (!canSubmitEvent(ctx.actor, input.type)) {
    throw forbidden("您的角色无权记录该办理环节。");
  }
  const calendar = await loadWorkCalendar(db);
  const today = todayInShanghai(ctx.now);
  return inTransaction(db, async (trx) => {
    await lockApplication(trx, applicationId);
    const row = await findApplication(trx, applicationId);
    if (!row) throw notFound("申请");
    const timeline = (await listEventRows(trx, applicationId)).map(timelineEventOf);
    const event = await timelineEventFrom(trx, input, timeline, calendar, ctx.actor);
    const checked = validateEvent(timeline, event, {
      receipt: receiptFactsOf(row),
      calendar,
      today,
    });
    if (!checked.ok) {
      const unapproved = input.type === "extend" && !canApproveExtension(ctx.actor);
      throw unapproved ? forbidden(checked.error) : conflict(checked.error);
    }
    requireStatedReasons(input);
    return {
      eventId: await appendEvent(trx, row, [...timeline], event, input.note, ctx, calendar),
    };
  });
}

/** 确认收到 (条例第三十一条): an online, 平信 or fax application starts its clock on this day. */
export function confirmReceipt(db: Db, applicationId: number, on: IsoDate, ctx: EventContext) {
  return addEvent(db, applicationId, { type: "confirm", date: on, note: undefined }, ctx);
}

/** The reply letter must state reasons for these results (条例第三十六条, 第三十七条). */
function requireStatedReasons(input: EventInput): void {
  if (input.type !== "reply" || !isFinalResultKey(input.result) || input.reasons) return;
  if (mustStateReasons(input.result)) {
    throw validationError(
      { reasons: `答复结果为“${resultLabel(input.result)}”时须写明理由和依据(条例第三十六条)` },
      `答复结果为“${resultLabel(input.result)}”时须写明理由和依据(条例第三十六条)`,
    );
  }
}

/** The pure event plus the payload fields the service fills in (never from the payload itself). */
async function timelineEventFrom(
  trx: Transaction<DB>,
  input: EventInput,
  timeline: readonly TimelineEvent[],
  calendar: WorkCalendar,
  actor: CaseActor,
): Promise<TimelineEvent> {
  const { date, note: _note, ...fields } = input;
  switch (fields.type) {
    case "assign":
      await requireUnitAndHandler(trx, fields.unitId, fields.handlerId);
      return { ...fields, on: date };
    case "request_supplement":
      return {
        ...fields,
        on: date,
        dueOn: fields.dueOn ?? calendar.addWorkdays(date, DEFAULT_SUPPLEMENT_WORKDAYS),
      };
    case "consult_third_party":
    case "consult_agency": {
      return { ...fields, on: date, consultationId: fields.consultationId ?? nextId(timeline) };
    }
    case "extend":
      return {
        ...fields,
        on: date,
        approvedBy: actor.name,
        approverRole: canApproveExtension(actor) ? EXTENSION_APPROVER_ROLE : "",
      };
    case "reply":
      return { ...fields, on: date, result: fields.result as ResultRowKey };
    case "deliver":
      return { ...fields, on: date, method: fields.method as "mail" };
    default:
      return { ...fields, on: date } as TimelineEvent;
  }
}

/** c1, c2, …: the first consultation id not yet used in the case. */
function nextId(timeline: readonly TimelineEvent[]): string {
  const taken = new Set(
    timeline.flatMap((e) =>
      e.type === "consult_third_party" || e.type === "consult_agency" ? [e.consultationId] : [],
    ),
  );
  let n = taken.size + 1;
  while (taken.has(`c${n}`)) n++;
  return `c${n}`;
}

async function requireUnitAndHandler(trx: Transaction<DB>, unitId: number, handlerId?: number) {
  const unit = await trx
    .selectFrom("units")
    .select("id")
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!unit) throw validationError({ unitId: "承办单位不存在" });
  if (handlerId === undefined) return;
  const user = await trx
    .selectFrom("users")
    .select("id")
    .where("id", "=", handlerId)
    .where("is_active", "=", 1)
    .executeTakeFirst();
  if (!user) throw validationError({ handlerId: "承办人不存在或已停用" });
}

/** Inserts an already validated event, audits it and refreshes the cache. */
export async function appendEvent(
  trx: Transaction<DB>,
  row: ApplicationRow,
  timeline: TimelineEvent[],
  event: TimelineEvent,
  note: string | undefined,
  ctx: EventContext,
  calendar: WorkCalendar,
): Promise<number> {
  const { type, on, ...payload } = event;
  if (type === "extend") Object.assign(payload, { approvedById: ctx.actor.id });
  const eventId = await insertEventRow(trx, {
    application_id: row.id,
    type,
    happened_on: on,
    payload: JSON.stringify(payload),
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.name,
    at: ctx.now.toISOString(),
    note: note ?? "",
  });
  const detail =
    type === "reply" && isFinalResultKey(event.result)
      ? `${row.application_no} ${on} 答复:${resultLabel(event.result)}`
      : `${row.application_no} ${on} ${TIMELINE_EVENT_LABELS[type]}`;
  await recordAudit(
    trx,
    ctx.actor,
    { action: `application.${type}`, objectType: "application", objectId: row.id, detail },
    ctx.now,
  );
  if (type === "reply" && isFinalResultKey(event.result)) {
    // Status mail to an applicant who asked for it (src/subscriptions/status-mails.ts).
    const result = resultLabel(event.result);
    await queueRepliedMail(trx, row, { eventId, on, resultLabel: result }, ctx.now);
  }
  timeline.push(event);
  const cache = cacheOf(row, timeline, calendar, todayInShanghai(ctx.now));
  await updateApplicationCache(trx, row.id, cache, ctx.now);
  return eventId;
}

/** The cached state columns of a case as of `today`. */
export function cacheOf(
  row: ApplicationRow,
  timeline: readonly TimelineEvent[],
  calendar: WorkCalendar,
  today: IsoDate,
): ApplicationCache {
  const receipt = receiptFactsOf(row);
  const clock = computeClock({ receipt, events: timeline }, calendar, today);
  const state = deriveCaseState(receipt, timeline, calendar);
  const lastAssign = timeline.filter((e) => e.type === "assign").at(-1) as
    | { unitId: number; handlerId?: number }
    | undefined;
  return {
    phase: state.phase,
    received_on: state.receivedOn,
    confirmed_on: timeline.find((e) => e.type === "confirm")?.on ?? null,
    due_date: clock.dueDate,
    closed_on: clock.closedOn,
    result_key: clock.closingResult,
    year_received: state.receivedOn ? Number(state.receivedOn.slice(0, 4)) : null,
    unit_id: lastAssign?.unitId ?? null,
    handler_id: lastAssign?.handlerId ?? null,
  };
}

/**
 * Recomputes the cached columns of every case not yet archived, e.g. after the calendar changed
 * (a holiday moved shifts every open due date) or once a day for running pauses.
 */
export async function refreshOpenApplications(db: Kysely<DB>, now: Date): Promise<number> {
  const calendar = await loadWorkCalendar(db);
  const today = todayInShanghai(now);
  const ids = await openApplicationIds(db);
  for (const id of ids) {
    await db.transaction().execute(async (trx) => {
      await lockApplication(trx, id);
      const row = await findApplication(trx, id);
      if (!row) return;
      const timeline = (await listEventRows(trx, id)).map(timelineEventOf);
      await updateApplicationCache(trx, id, cacheOf(row, timeline, calendar, today), now);
    });
  }
  return ids.length;
}
