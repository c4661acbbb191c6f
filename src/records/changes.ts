// The one way a record changes: a guarded update, a version snapshot, a workflow event and the
// audit entry, all in the caller's transaction, so none exists without the others.
import type { Kysely, Transaction, Updateable } from "kysely";
import type { Role } from "../accounts/roles";
import { lockSequence } from "../db/dialect";
import type { DB } from "../db/schema";
import { type AppError, conflict, forbidden, validationError } from "../http/errors";
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

/**
 * Runs a change of records in the caller's transaction, or in a new one when given the plain
 * database. Record changes take the "records" lock first: a change may touch several records (a
 * policy and its interpretations), and one lock taken before any row, then 索引号, then the
 * audit chain, keeps concurrent changes from waiting on each other in a cycle on PostgreSQL.
 */
export async function inRecordTransaction<T>(
  db: Db,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const run = async (trx: Transaction<DB>) => {
    await lockSequence(trx, "records");
    return fn(trx);
  };
  if (db.isTransaction) return run(db as Transaction<DB>);
  return (db as Kysely<DB>).transaction().execute(run);
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
  await writeEventAndAudit(trx, fromState, row, change);
}

/** The event and audit entry of an action that does not change the record's fields. */
export function logRecordEventOnly(
  trx: Transaction<DB>,
  row: RecordRow,
  change: Omit<RecordChange, "values">,
): Promise<void> {
  return writeEventAndAudit(trx, row.state, row, change);
}

async function writeEventAndAudit(
  trx: Transaction<DB>,
  fromState: RecordState,
  row: RecordRow,
  change: Omit<RecordChange, "values">,
): Promise<void> {
  await insertRecordEvent(trx, {
    recordId: row.id,
    action: change.action,
    fromState,
    toState: row.state,
    actorId: change.actor.id,
    at: change.now.toISOString(),
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
