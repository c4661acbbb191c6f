// Use cases of records (公开信息) for the back office and the API: drafting, editing, reading.
// This module is the records domain's entry point: it also re-exports the workflow, history,
// proofreading and supervision functions, so pages and other domains import from here.
import { matchText } from "../db/dialect";
import { conflict, forbidden, notFound } from "../http/errors";
import { loadSiteSettings } from "../platform/settings";
import {
  inRecordTransaction,
  logRecordChange,
  type RecordActor,
  refusalError,
  writeRecordChange,
} from "./changes";
import { columnsOf, fieldsOf } from "./fields";
import { loadWorkflowFacts, workflowInputOf } from "./interpretation";
import { publishDueScheduledRecords } from "./publish";
import { resolveReferences } from "./references";
import {
  type RecordInput,
  type RecordPatch,
  recordFieldsSchema,
  recordPatchSchema,
} from "./schema";
import { type Db, findRecordRow, type RecordDetail, toRecordDetail } from "./store";
import type { RecordState } from "./tables";
import { parseOrThrow } from "./validation";
import { decide } from "./workflow";

export type { RecordActor } from "./changes";
export {
  type CatalogGap,
  calendarFor,
  type DueRecord,
  type DueRecords,
  listCatalogGaps,
  listDueRecords,
} from "./deadlines";
export { getRecordVersion, listRecordEvents, listRecordVersions } from "./history";
export {
  type Dismissal,
  dismissProofreadHit,
  proofreadRecord,
  type RecordProofreadHit,
} from "./proofreading";
export { publishDueScheduledRecords, type ScheduledPublication } from "./publish";
export type { RecordDetail, RecordEvent, StoredReview } from "./store";
export { transitionRecord } from "./transitions";
export { changeValidity } from "./validity";
export { diffVersions, type FieldChange, type RecordVersion } from "./versions";

/**
 * Drafts a new record (草稿) by an editor: fields checked, body sanitised, 应公开日期 computed
 * from the catalog item's 公开时限 (条例第二十六条), version 1 kept, event and audit written.
 */
export async function createRecord(
  db: Db,
  input: RecordInput,
  actor: RecordActor,
  now: Date,
): Promise<RecordDetail> {
  if (actor.id === null || !actor.roles.includes("editor")) {
    throw forbidden("只有信息员可以起草信息。");
  }
  const fields = parseOrThrow(recordFieldsSchema, input);
  return inRecordTransaction(db, async (trx) => {
    const refs = await resolveReferences(trx, fields, null, actor.unitId);
    const settings = await loadSiteSettings(trx);
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("records")
      .values({
        ...columnsOf(fields, settings.hostOrganisation),
        ...refs,
        state: "draft",
        created_by: actor.id!,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = (await findRecordRow(trx, id))!;
    await logRecordChange(trx, "draft", row, { action: "create", actor, now });
    return toRecordDetail(row);
  });
}

/**
 * Edits a draft (any subset of fields; the result is checked as a whole). With `expectedVersion`
 * an edit based on an outdated copy is refused (409) instead of overwriting someone else's.
 */
export async function updateRecord(
  db: Db,
  id: number,
  patch: RecordPatch,
  actor: RecordActor,
  now: Date,
  expectedVersion?: number,
): Promise<RecordDetail> {
  const changes = parseOrThrow(recordPatchSchema, patch);
  return inRecordTransaction(db, async (trx) => {
    const row = await findRecordRow(trx, id);
    if (!row) throw notFound("信息");
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw conflict("该信息已被他人修改,请刷新后重试。");
    }
    const decision = decide(
      workflowInputOf(row, await loadWorkflowFacts(trx, row), "save", actor, now),
    );
    if (!decision.ok) throw refusalError(decision);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const fields = parseOrThrow(recordFieldsSchema, { ...fieldsOf(row), ...defined });
    const refs = await resolveReferences(trx, fields, row, actor.unitId);
    const updated = await writeRecordChange(trx, row, {
      action: "save",
      values: { ...columnsOf(fields, row.publisher), ...refs },
      actor,
      now,
    });
    return toRecordDetail(updated);
  });
}

/** One record in any state (back office), after publishing whatever scheduled record is due. */
export async function getRecord(db: Db, id: number, now?: Date): Promise<RecordDetail> {
  if (now) await publishDueScheduledRecords(db, now);
  const row = await findRecordRow(db, id);
  if (!row) throw notFound("信息");
  return toRecordDetail(row);
}

export interface RecordFilter {
  state?: RecordState | readonly RecordState[];
  unitId?: number;
  genre?: string;
  catalogItemId?: number;
  createdBy?: number;
  /** Part of the title or 文号. */
  q?: string;
  limit?: number;
  offset?: number;
}

export type RecordSummary = Pick<
  RecordDetail,
  | "id"
  | "indexNo"
  | "title"
  | "docNo"
  | "genre"
  | "state"
  | "unitId"
  | "formedOn"
  | "publishedOn"
  | "dueOn"
  | "createdBy"
  | "updatedAt"
  | "interpretsRecordId"
  | "needsInterpretation"
>;

/** Records for the back-office lists, most recently changed first, with the total count. */
export async function listRecords(
  db: Db,
  filter: RecordFilter = {},
  now?: Date,
): Promise<{ items: RecordSummary[]; total: number }> {
  if (now) await publishDueScheduledRecords(db, now);
  let query = db.selectFrom("records");
  if (filter.state !== undefined) {
    const states = typeof filter.state === "string" ? [filter.state] : [...filter.state];
    query = query.where("state", "in", states);
  }
  if (filter.unitId !== undefined) query = query.where("unit_id", "=", filter.unitId);
  if (filter.genre !== undefined) query = query.where("genre", "=", filter.genre);
  if (filter.catalogItemId !== undefined)
    query = query.where("catalog_item_id", "=", filter.catalogItemId);
  if (filter.createdBy !== undefined) query = query.where("created_by", "=", filter.createdBy);
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    query = query.where((eb) => eb.or([matchText(db, "title", q), matchText(db, "doc_no", q)]));
  }
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .limit(Math.min(filter.limit ?? 50, 500))
    .offset(filter.offset ?? 0)
    .execute();
  const items = rows.map((row) => {
    const r = toRecordDetail(row);
    return {
      id: r.id,
      indexNo: r.indexNo,
      title: r.title,
      docNo: r.docNo,
      genre: r.genre,
      state: r.state,
      unitId: r.unitId,
      formedOn: r.formedOn,
      publishedOn: r.publishedOn,
      dueOn: r.dueOn,
      createdBy: r.createdBy,
      updatedAt: r.updatedAt,
      interpretsRecordId: r.interpretsRecordId,
      needsInterpretation: r.needsInterpretation,
    };
  });
  return { items, total: Number(total) };
}
