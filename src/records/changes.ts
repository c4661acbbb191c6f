// The one way a record changes: a guarded update, a version snapshot, a workflow event and the
// audit entry, all in the caller's transaction, so none exists without the others.
import type { Kysely, Transaction, Updateable } from "kysely";
import type { Role } from "../accounts/roles";
import type { DB } from "../db/schema";
import { AppError, conflict, forbidden, validationError } from "../http/errors";
import { type AuditActor, recordAudit, systemActor } from "../platform/audit";
import {
  type Db,
  insertRecordEvent,
  insertRecordVersion,
  type RecordRow,
  toRecordDetail,
  updateRecordIfUnchanged,
} from "./store";
import type { RecordState, RecordsTable } from "./tables";
import { snapshotOf } from "./versions";
import type { Refusal } from "./workflow";

/** Who acts on a record: the audit identity plus the roles and unit the rules look at. */
export interface RecordActor extends AuditActor {
  roles: readonly Role[];
  unitId: number | null;
}

/** The scheduler publishing what is due. */
export const schedulerActor: RecordActor = { ...systemActor, roles: [], unitId: null };

/** Runs `fn` in the caller's transaction, or in a new one when given the plain database. */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return (db as Kysely<DB>).transaction().execute(fn);
}

/** The AppError for a workflow refusal: conflict 409, forbidden 403 or validation 400. */
export function refusalError(refusal: Refusal): AppError {
  switch (refusal.code) {
    case "conflict":
      return conflict(refusal.message);
    case "forbidden":
      return forbidden(refusal.message);
    case "validation":
      return validationError({ [refusal.field ?? "_"]: refusal.message }, refusal.message);
    default: {
      const unreachable: never = refusal.code;
      throw new Error(`未知的拒绝类型:${unreachable}`);
    }
  }
}

export interface RecordChange {
  /** The workflow action (or save, change_validity, …) named in the event and audit log. */
  action: string;
  values: Updateable<RecordsTable>;
  comment?: string;
  actor: RecordActor;
  now: Date;
}

/** Applies one change to a record read in this transaction; 409 if someone changed it meanwhile. */
export async function writeRecordChange(
  trx: Transaction<DB>,
  row: RecordRow,
  change: RecordChange,
): Promise<RecordRow> {
  const at = change.now.toISOString();
  const updated = await updateRecordIfUnchanged(trx, row, change.values, at);
  if (!updated) throw conflict("该信息刚被他人修改,请刷新后重试。");
  await logRecordChange(trx, row.state, updated, change);
  return updated;
}

/** The version, event and audit entry of a change already written (or of a new record). */
export async function logRecordChange(
  trx: Transaction<DB>,
  fromState: RecordState,
  row: RecordRow,
  change: Omit<RecordChange, "values">,
): Promise<void> {
  const at = change.now.toISOString();
  await insertRecordVersion(trx, row, snapshotOf(toRecordDetail(row)), change.actor.id, at);
  await insertRecordEvent(trx, {
    recordId: row.id,
    action: change.action,
    fromState,
    toState: row.state,
    actorId: change.actor.id,
    at,
    comment: change.comment,
  });
  const comment = change.comment ? `:${change.comment}` : "";
  await recordAudit(
    trx,
    change.actor,
    {
      action: `record.${change.action}`,
      objectType: "record",
      objectId: row.id,
      detail: `《${row.title.slice(0, 60)}》${fromState}→${row.state}${comment.slice(0, 200)}`,
    },
    change.now,
  );
}
