// Use cases of records (公开信息) for the back office and the API: drafting, editing, reading,
// history. Workflow transitions are in transitions.ts, publication in publish.ts.
import type { Insertable } from "kysely";
import { matchText } from "../db/dialect";
import { conflict, forbidden, notFound } from "../http/errors";
import { loadSiteSettings } from "../platform/settings";
import { syncSearchIndex } from "../search/indexer";
import {
  inRecordTransaction,
  logRecordChange,
  type RecordActor,
  refusalError,
  writeRecordChange,
} from "./changes";
import { loadWorkflowFacts, workflowInputOf } from "./interpretation";
import { publishDueScheduledRecords } from "./publish";
import { resolveReferences } from "./references";
import { bodyTextOf, sanitizeBody } from "./sanitize";
import {
  type RecordFields,
  type RecordInput,
  type RecordPatch,
  recordFieldsSchema,
  recordPatchSchema,
  type ValidityChangeInput,
  validityChangeSchema,
} from "./schema";
import {
  type Db,
  findRecordRow,
  listRecordEventRows,
  type RecordDetail,
  type RecordEvent,
  type RecordRow,
  toRecordDetail,
} from "./store";
import type { RecordState, RecordsTable } from "./tables";
import { parseOrThrow } from "./validation";
import type { RecordSnapshot, RecordVersion } from "./versions";
import { decide } from "./workflow";

export type { RecordActor } from "./changes";
export { diffVersions, type FieldChange } from "./versions";

/** The stored columns of the editable fields (body sanitised on the way in). */
function columnsOf(fields: RecordFields, publisher: string) {
  const bodyHtml = sanitizeBody(fields.bodyHtml);
  const inForce = fields.validity === "inForce";
  return {
    title: fields.title,
    doc_no: fields.docNo,
    publisher: fields.publisher || publisher,
    formed_on: fields.formedOn,
    topic: fields.topic,
    genre: fields.genre,
    openness: fields.openness,
    validity: fields.validity,
    validity_changed_on: inForce ? null : (fields.validityChangedOn ?? null),
    repealed_by_record_id: fields.repealedByRecordId ?? null,
    keywords: fields.keywords,
    summary: fields.summary,
    body_html: bodyHtml,
    body_text: bodyTextOf(bodyHtml),
    needs_interpretation: fields.needsInterpretation ? 1 : 0,
    interprets_record_id: fields.interpretsRecordId ?? null,
    interpretation_kind: fields.interpretationKind ?? null,
    video_url: fields.interpretationKind === "video" ? (fields.videoUrl ?? null) : null,
  } satisfies Partial<Insertable<RecordsTable>>;
}

/** The editable fields of a stored record, as an editor would send them. */
function fieldsOf(row: RecordRow): RecordInput {
  return {
    title: row.title,
    docNo: row.doc_no,
    publisher: row.publisher,
    unitId: row.unit_id,
    formedOn: row.formed_on,
    topic: row.topic,
    genre: row.genre as RecordInput["genre"],
    openness: row.openness as RecordInput["openness"],
    validity: row.validity as RecordInput["validity"],
    validityChangedOn: row.validity_changed_on,
    repealedByRecordId: row.repealed_by_record_id,
    keywords: row.keywords,
    catalogItemId: row.catalog_item_id,
    summary: row.summary,
    bodyHtml: row.body_html,
    needsInterpretation: row.needs_interpretation === 1,
    interpretsRecordId: row.interprets_record_id,
    interpretationKind: row.interpretation_kind as RecordInput["interpretationKind"],
    videoUrl: row.video_url,
  };
}

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

/** The workflow history of a record (who did what, when and why), oldest first. */
export function listRecordEvents(db: Db, recordId: number): Promise<RecordEvent[]> {
  return listRecordEventRows(db, recordId);
}

/** Every kept version of a record, oldest first. */
export async function listRecordVersions(db: Db, recordId: number): Promise<RecordVersion[]> {
  const rows = await db
    .selectFrom("record_versions")
    .selectAll()
    .where("record_id", "=", recordId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    recordId: r.record_id,
    version: r.version,
    snapshot: JSON.parse(r.snapshot) as RecordSnapshot,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

/** One kept version of a record (404 if there is none). */
export async function getRecordVersion(
  db: Db,
  recordId: number,
  version: number,
): Promise<RecordVersion> {
  const r = await db
    .selectFrom("record_versions")
    .selectAll()
    .where("record_id", "=", recordId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!r) throw notFound("该版本");
  return {
    recordId: r.record_id,
    version: r.version,
    snapshot: JSON.parse(r.snapshot) as RecordSnapshot,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/**
 * Changes the 有效性 of a published record (失效, or 废止 by a later record) by an approver or
 * administrator; the public pages and search show the new state at once.
 */
export async function changeValidity(
  db: Db,
  id: number,
  input: ValidityChangeInput,
  actor: RecordActor,
  now: Date,
): Promise<RecordDetail> {
  const change = parseOrThrow(validityChangeSchema, input);
  if (!actor.roles.includes("approver") && !actor.roles.includes("admin")) {
    throw forbidden("只有签发人或系统管理员可以变更已发布信息的有效性。");
  }
  return inRecordTransaction(db, async (trx) => {
    const row = await findRecordRow(trx, id);
    if (!row) throw notFound("信息");
    if (row.state !== "published")
      throw conflict("只有已发布的信息可以变更有效性,草稿请直接编辑。");
    const fields = parseOrThrow(recordFieldsSchema, { ...fieldsOf(row), ...change });
    await resolveReferences(trx, fields, row, null);
    const updated = await writeRecordChange(trx, row, {
      action: "change_validity",
      values: {
        validity: fields.validity,
        validity_changed_on:
          fields.validity === "inForce" ? null : (fields.validityChangedOn ?? null),
        repealed_by_record_id: fields.repealedByRecordId ?? null,
      },
      actor,
      now,
    });
    await syncSearchIndex(trx, updated.id);
    return toRecordDetail(updated);
  });
}
