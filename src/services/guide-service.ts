// Use cases of service guides (办事指南). A guide is a record of genre serviceGuide: drafting,
// editing and publishing go through the records service and its workflow (送审 → 审核 → 签发),
// and this module keeps the structured data beside it, one version per save.
import type { Transaction } from "kysely";
import { todayInShanghai } from "../calendar/rules";
import type { DB } from "../db/schema";
import { conflict, notFound, validationError } from "../http/errors";
import { recordAudit } from "../platform/audit";
import { createRecord, type RecordActor, updateRecord } from "../records/service";
import type { RecordState } from "../records/tables";
import { parseOrThrow } from "../records/validation";
import { guideBodyHtml, guideSummary, guideTitle } from "./guide-rules";
import { guideDataSchema, type ServiceGuideData, type ServiceGuideInput } from "./guide-schema";
import { type Db, findGuideByCode, findGuideRow, guideDataOf } from "./guide-store";

export interface GuideMeta {
  catalogItemId?: number | null;
  unitId?: number;
  /** 成文日期; today in Shanghai when absent. */
  formedOn?: string;
}

export interface GuideDetail {
  id: number;
  state: RecordState;
  title: string;
  version: number;
  catalogItemId: number | null;
  updatedAt: string;
  data: ServiceGuideData;
}

function recordFieldsOf(data: ServiceGuideData) {
  return {
    title: guideTitle(data),
    topic: "办事服务",
    genre: "serviceGuide" as const,
    // 五公开: a service guide is 服务公开 (中办发〔2016〕8号).
    openness: "service" as const,
    keywords: `${data.itemName},办事指南,${data.itemCode}`,
    summary: guideSummary(data),
    bodyHtml: guideBodyHtml(data),
  };
}

async function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}

async function requireUniqueCode(trx: Db, itemCode: string, recordId: number | null) {
  const other = await findGuideByCode(trx, itemCode);
  if (other && other.record_id !== recordId) {
    throw validationError({ itemCode: "该事项编码已有办事指南" }, "该事项编码已有办事指南");
  }
}

async function insertVersion(
  trx: Transaction<DB>,
  recordId: number,
  version: number,
  data: ServiceGuideData,
  actor: RecordActor,
  at: string,
) {
  await trx
    .insertInto("service_guide_versions")
    .values({
      record_id: recordId,
      version,
      data: JSON.stringify(data),
      created_at: at,
      created_by: actor.id,
    })
    .execute();
}

/** Drafts a guide: the record (草稿) through createRecord, then the structured data as version 1. */
export async function createGuide(
  db: Db,
  input: ServiceGuideInput,
  meta: GuideMeta,
  actor: RecordActor,
  now: Date,
): Promise<GuideDetail> {
  const data = parseOrThrow(guideDataSchema, input);
  return inTransaction(db, async (trx) => {
    await requireUniqueCode(trx, data.itemCode, null);
    const record = await createRecord(
      trx,
      {
        ...recordFieldsOf(data),
        formedOn: meta.formedOn ?? todayInShanghai(now),
        unitId: meta.unitId,
        catalogItemId: meta.catalogItemId ?? null,
      },
      actor,
      now,
    );
    const at = now.toISOString();
    await trx
      .insertInto("service_guides")
      .values({
        record_id: record.id,
        item_code: data.itemCode,
        item_name: data.itemName,
        item_type: data.itemType,
        promised_days: data.promisedDays,
        data: JSON.stringify(data),
        version: 1,
        updated_at: at,
      })
      .execute();
    await insertVersion(trx, record.id, 1, data, actor, at);
    await recordAudit(
      trx,
      actor,
      {
        action: "service_guide.create",
        objectType: "record",
        objectId: record.id,
        detail: `起草办事指南“${data.itemName}”(${data.itemCode})`,
      },
      now,
    );
    return getGuide(trx, record.id);
  });
}

/**
 * Saves a new version of a draft guide: the record's fields regenerated through updateRecord
 * (which refuses anything but a draft, and a stale `expectedVersion` with 409), then the data.
 */
export async function updateGuide(
  db: Db,
  recordId: number,
  input: ServiceGuideInput,
  meta: Pick<GuideMeta, "catalogItemId">,
  actor: RecordActor,
  now: Date,
  expectedVersion?: number,
): Promise<GuideDetail> {
  const data = parseOrThrow(guideDataSchema, input);
  return inTransaction(db, async (trx) => {
    const row = await findGuideRow(trx, recordId);
    if (!row) throw notFound("办事指南");
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw conflict("该办事指南已被他人修改,请刷新后重试。");
    }
    await requireUniqueCode(trx, data.itemCode, recordId);
    await updateRecord(
      trx,
      recordId,
      { ...recordFieldsOf(data), catalogItemId: meta.catalogItemId ?? null },
      actor,
      now,
    );
    const at = now.toISOString();
    const version = row.version + 1;
    await trx
      .updateTable("service_guides")
      .set({
        item_code: data.itemCode,
        item_name: data.itemName,
        item_type: data.itemType,
        promised_days: data.promisedDays,
        data: JSON.stringify(data),
        version,
        updated_at: at,
      })
      .where("record_id", "=", recordId)
      .where("version", "=", row.version)
      .execute();
    await insertVersion(trx, recordId, version, data, actor, at);
    await recordAudit(
      trx,
      actor,
      {
        action: "service_guide.update",
        objectType: "record",
        objectId: recordId,
        detail: `修改办事指南“${data.itemName}”,第${version}版`,
      },
      now,
    );
    return getGuide(trx, recordId);
  });
}

/** A guide in any state (back office). */
export async function getGuide(db: Db, recordId: number): Promise<GuideDetail> {
  const row = await findGuideRow(db, recordId);
  if (!row) throw notFound("办事指南");
  return {
    id: row.record_id,
    state: row.state,
    title: row.title,
    version: row.version,
    catalogItemId: row.catalog_item_id,
    updatedAt: row.updated_at,
    data: guideDataOf(row.data),
  };
}

export interface GuideListItem {
  id: number;
  itemName: string;
  itemCode: string;
  state: RecordState;
  version: number;
  updatedAt: string;
}

/** Every guide for the back office, most recently changed first. */
export async function listGuides(db: Db): Promise<GuideListItem[]> {
  const rows = await db
    .selectFrom("service_guides")
    .innerJoin("records", "records.id", "service_guides.record_id")
    .select([
      "service_guides.record_id",
      "service_guides.item_name",
      "service_guides.item_code",
      "service_guides.version",
      "service_guides.updated_at",
      "records.state",
    ])
    .orderBy("service_guides.updated_at", "desc")
    .orderBy("service_guides.record_id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.record_id,
    itemName: r.item_name,
    itemCode: r.item_code,
    state: r.state,
    version: r.version,
    updatedAt: r.updated_at,
  }));
}

export interface GuideVersion {
  version: number;
  createdAt: string;
  createdBy: number | null;
  data: ServiceGuideData;
}

/** The saved versions of a guide, newest first. */
export async function listGuideVersions(db: Db, recordId: number): Promise<GuideVersion[]> {
  const rows = await db
    .selectFrom("service_guide_versions")
    .selectAll()
    .where("record_id", "=", recordId)
    .orderBy("version", "desc")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    data: guideDataOf(r.data),
  }));
}
