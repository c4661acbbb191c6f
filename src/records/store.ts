// Kysely queries and the row ↔ view mapping of records. No rules here: see workflow.ts.
import type { Kysely, Selectable, Transaction, Updateable } from "kysely";
import type { DB } from "../db/schema";
import type { RecordState, RecordsTable } from "./tables";
import type { ReviewForm } from "./workflow";

export type Db = Kysely<DB> | Transaction<DB>;
export type RecordRow = Selectable<RecordsTable>;

/** The review as stored: the form plus who filled it in and when. */
export interface StoredReview extends ReviewForm {
  reviewedBy: number | null;
  reviewedAt: string;
}

/** A record as services return it (camelCase, parsed JSON, booleans). */
export interface RecordDetail {
  id: number;
  /** 索引号, from the first publication on. */
  indexNo: string | null;
  title: string;
  docNo: string | null;
  publisher: string;
  unitId: number;
  formedOn: string;
  publishedOn: string | null;
  publishedAt: string | null;
  scheduledAt: string | null;
  topic: string;
  genre: string;
  openness: string;
  validity: string;
  validityChangedOn: string | null;
  repealedByRecordId: number | null;
  keywords: string[];
  catalogItemId: number | null;
  catalogItemVersion: number | null;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  state: RecordState;
  needsInterpretation: boolean;
  interpretsRecordId: number | null;
  interpretationKind: string | null;
  videoUrl: string | null;
  /** 应公开日期 */
  dueOn: string | null;
  publishedLate: boolean;
  review: StoredReview | null;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  withdrawnAt: string | null;
  withdrawReason: string | null;
}

export function toRecordDetail(row: RecordRow): RecordDetail {
  return {
    id: row.id,
    indexNo: row.index_no,
    title: row.title,
    docNo: row.doc_no,
    publisher: row.publisher,
    unitId: row.unit_id,
    formedOn: row.formed_on,
    publishedOn: row.published_on,
    publishedAt: row.published_at,
    scheduledAt: row.scheduled_at,
    topic: row.topic,
    genre: row.genre,
    openness: row.openness,
    validity: row.validity,
    validityChangedOn: row.validity_changed_on,
    repealedByRecordId: row.repealed_by_record_id,
    keywords: row.keywords === "" ? [] : row.keywords.split(","),
    catalogItemId: row.catalog_item_id,
    catalogItemVersion: row.catalog_item_version,
    summary: row.summary,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    state: row.state,
    needsInterpretation: row.needs_interpretation === 1,
    interpretsRecordId: row.interprets_record_id,
    interpretationKind: row.interpretation_kind,
    videoUrl: row.video_url,
    dueOn: row.due_on,
    publishedLate: row.published_late === 1,
    review: row.review ? (JSON.parse(row.review) as StoredReview) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    withdrawnAt: row.withdrawn_at,
    withdrawReason: row.withdraw_reason,
  };
}

export async function findRecordRow(db: Db, id: number): Promise<RecordRow | undefined> {
  return db.selectFrom("records").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The interpretations of a policy that are not withdrawn, oldest first. */
export async function interpretationRowsOf(db: Db, policyId: number): Promise<RecordRow[]> {
  return db
    .selectFrom("records")
    .selectAll()
    .where("interprets_record_id", "=", policyId)
    .where("state", "!=", "withdrawn")
    .orderBy("id")
    .execute();
}

/**
 * Updates a record only if nobody changed it since it was read (optimistic lock on `version`),
 * bumping the version; returns the new row, or null when the record had moved on.
 */
export async function updateRecordIfUnchanged(
  db: Db,
  row: RecordRow,
  values: Updateable<RecordsTable>,
  at: string,
): Promise<RecordRow | null> {
  const result = await db
    .updateTable("records")
    .set({ ...values, version: row.version + 1, updated_at: at })
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return (await findRecordRow(db, row.id)) ?? null;
}

export async function insertRecordVersion(
  db: Db,
  row: RecordRow,
  snapshot: unknown,
  actorId: number | null,
  at: string,
): Promise<void> {
  await db
    .insertInto("record_versions")
    .values({
      record_id: row.id,
      version: row.version,
      snapshot: JSON.stringify(snapshot),
      created_at: at,
      created_by: actorId,
    })
    .execute();
}

export interface RecordEventInput {
  recordId: number;
  action: string;
  fromState: RecordState;
  toState: RecordState;
  actorId: number | null;
  at: string;
  comment?: string;
}

export async function insertRecordEvent(db: Db, event: RecordEventInput): Promise<void> {
  await db
    .insertInto("record_events")
    .values({
      record_id: event.recordId,
      action: event.action,
      from_state: event.fromState,
      to_state: event.toState,
      actor_id: event.actorId,
      at: event.at,
      comment: event.comment ?? "",
    })
    .execute();
}

/** One entry of a record's workflow history. */
export interface RecordEvent {
  id: number;
  action: string;
  fromState: string;
  toState: string;
  actorId: number | null;
  actorName: string | null;
  at: string;
  comment: string;
}

export async function listRecordEventRows(db: Db, recordId: number): Promise<RecordEvent[]> {
  const rows = await db
    .selectFrom("record_events")
    .leftJoin("users", "users.id", "record_events.actor_id")
    .select([
      "record_events.id",
      "record_events.action",
      "record_events.from_state",
      "record_events.to_state",
      "record_events.actor_id",
      "users.display_name",
      "record_events.at",
      "record_events.comment",
    ])
    .where("record_events.record_id", "=", recordId)
    .orderBy("record_events.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    actorId: r.actor_id,
    actorName: r.display_name,
    at: r.at,
    comment: r.comment,
  }));
}
