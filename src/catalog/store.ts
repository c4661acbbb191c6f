// Catalog items in the database: reads, and the one write path that bumps the version and keeps
// every version's snapshot, so a record filed under an item keeps the content it was filed under.
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { type AuditActor, recordAudit } from "../platform/audit";
import type { CatalogItem, Verification } from "./catalog-item";
import {
  type CatalogItemContent,
  type CatalogItemVersion,
  changedFieldNames,
  compareCatalogOrder,
  contentOf,
  isFilled,
  rowOfContent,
  type StoredCatalogItem,
  standardColumnsOf,
  storedOfRow,
  versionOfRow,
} from "./stored-item";

export { listPublishedRecordsOfItem, type PublishedRecordLink } from "./published-records";
export type {
  CatalogItemContent,
  CatalogItemMeta,
  CatalogItemVersion,
  StoredCatalogItem,
} from "./stored-item";
export { standardColumnsOf } from "./stored-item";

type Db = Kysely<DB> | Transaction<DB>;

/** Every item (or only the active ones) in table order. */
export async function listCatalogItems(
  db: Db,
  options: { activeOnly?: boolean } = {},
): Promise<StoredCatalogItem[]> {
  let query = db.selectFrom("catalog_items").selectAll();
  if (options.activeOnly) query = query.where("is_active", "=", 1);
  const rows = await query.execute();
  return rows.map(storedOfRow).sort(compareCatalogOrder);
}

/** One item as it is now, or undefined. */
export async function findCatalogItem(db: Db, id: number): Promise<StoredCatalogItem | undefined> {
  const row = await db
    .selectFrom("catalog_items")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? storedOfRow(row) : undefined;
}

/** An item as it was at `version`, or undefined: what a record filed under that version cites. */
export async function findCatalogItemVersion(
  db: Db,
  id: number,
  version: number,
): Promise<CatalogItemVersion | undefined> {
  const row = await db
    .selectFrom("catalog_item_versions")
    .selectAll()
    .where("catalog_item_id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return row ? versionOfRow(row) : undefined;
}

/** Every version of an item, newest first, with who made it. */
export async function listCatalogItemVersions(
  db: Db,
  id: number,
): Promise<(CatalogItemVersion & { changedByName: string | null })[]> {
  const rows = await db
    .selectFrom("catalog_item_versions as v")
    .leftJoin("users as u", "u.id", "v.changed_by")
    .select([
      "v.catalog_item_id",
      "v.version",
      "v.data",
      "v.changed_at",
      "v.changed_by",
      "u.display_name",
    ])
    .where("v.catalog_item_id", "=", id)
    .orderBy("v.version", "desc")
    .execute();
  return rows.map((r) => ({ ...versionOfRow(r), changedByName: r.display_name }));
}

/** What `saveCatalogItem` takes: the standard columns, plus meta left unchanged when omitted. */
export interface CatalogItemInput extends CatalogItem {
  responsibleUnitId?: number | null;
  verification?: Verification;
  notes?: string;
  /** New items: the code to use (else `BJ-<id>` is assigned). Ignored on update. */
  code?: string;
  /** New items: where the row came from. */
  source?: string[];
  /** New items: start deactivated (default active). */
  isActive?: boolean;
  /** Updates: the version the editor saw; another stored version means someone saved meanwhile. */
  expectedVersion?: number;
}

export type SaveResult =
  | { ok: true; id: number; version: number; changed: boolean }
  | { ok: false; reason: "not_found" | "stale" | "code_taken" };

function nextContent(old: CatalogItemContent, input: CatalogItemInput): CatalogItemContent {
  const verification = input.verification ?? old.verification;
  // Marking a row 已核实 means a person checked every column: the doubts recorded go with it.
  const isVerified = verification === "verified" && old.verification !== "verified";
  return {
    ...standardColumnsOf(input),
    code: old.code,
    responsibleUnitId:
      input.responsibleUnitId === undefined ? old.responsibleUnitId : input.responsibleUnitId,
    verification,
    candidate: old.candidate && !isVerified,
    missingFields: isVerified ? [] : old.missingFields.filter((f) => !isFilled(input, f)),
    unverifiedFields: isVerified ? [] : old.unverifiedFields,
    notes: input.notes ?? old.notes,
    source: old.source,
  };
}

async function writeSnapshot(
  trx: Transaction<DB>,
  id: number,
  version: number,
  content: CatalogItemContent,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await trx
    .insertInto("catalog_item_versions")
    .values({
      catalog_item_id: id,
      version,
      data: JSON.stringify(contentOf(content)),
      changed_at: now.toISOString(),
      changed_by: actor.id,
    })
    .execute();
}

/**
 * Creates (`id` null) or changes an item. A change bumps the version and keeps a snapshot of the
 * new version, so records filed under an older version keep its content; saving identical
 * content changes nothing. Audited.
 */
export async function saveCatalogItem(
  db: Db,
  id: number | null,
  input: CatalogItemInput,
  actor: AuditActor,
  now: Date,
): Promise<SaveResult> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => saveCatalogItem(trx, id, input, actor, now));
  }
  const trx = db as Transaction<DB>;
  if (id === null) return insertCatalogItem(trx, input, actor, now);
  const old = await findCatalogItem(trx, id);
  if (!old) return { ok: false, reason: "not_found" };
  if (input.expectedVersion !== undefined && input.expectedVersion !== old.version) {
    return { ok: false, reason: "stale" };
  }
  const next = nextContent(old, input);
  if (isDeepStrictEqual(contentOf(old), next)) {
    return { ok: true, id, version: old.version, changed: false };
  }
  const version = old.version + 1;
  const updated = await trx
    .updateTable("catalog_items")
    .set({ ...rowOfContent(next), version, updated_at: now.toISOString() })
    .where("id", "=", id)
    .where("version", "=", old.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: "stale" };
  await writeSnapshot(trx, id, version, next, actor, now);
  await recordAudit(
    trx,
    actor,
    {
      action: "catalog.update",
      objectType: "catalog_item",
      objectId: id,
      detail: `${next.code} ${next.item} 第${version}版;修改:${changedFieldNames(old, next).join("、")}`,
    },
    now,
  );
  return { ok: true, id, version, changed: true };
}

async function insertCatalogItem(
  trx: Transaction<DB>,
  input: CatalogItemInput,
  actor: AuditActor,
  now: Date,
): Promise<SaveResult> {
  if (input.code && (await codeExists(trx, input.code))) return { ok: false, reason: "code_taken" };
  const last = await trx
    .selectFrom("catalog_items")
    .select((eb) => eb.fn.max("sort_order").as("max"))
    .executeTakeFirst();
  const content: CatalogItemContent = {
    ...standardColumnsOf(input),
    code: input.code ?? `new-${randomUUID()}`,
    responsibleUnitId: input.responsibleUnitId ?? null,
    verification: input.verification ?? "verified",
    candidate: false,
    missingFields: [],
    unverifiedFields: [],
    notes: input.notes ?? "",
    source: input.source ?? ["系统管理员录入"],
  };
  const id = await insertCatalogContent(
    trx,
    content,
    {
      isActive: input.isActive !== false,
      sortOrder: Number(last?.max ?? 0) + 1,
      deferSnapshot: !input.code,
    },
    actor,
    now,
  );
  if (!input.code) {
    content.code = await freeCode(trx, `BJ-${String(id).padStart(3, "0")}`);
    await trx
      .updateTable("catalog_items")
      .set({ code: content.code })
      .where("id", "=", id)
      .execute();
    await writeSnapshot(trx, id, 1, content, actor, now);
  }
  await recordAudit(
    trx,
    actor,
    {
      action: "catalog.create",
      objectType: "catalog_item",
      objectId: id,
      detail: `${content.code} ${content.item}`,
    },
    now,
  );
  return { ok: true, id, version: 1, changed: true };
}

/**
 * Inserts an item at version 1 with its snapshot, without an audit entry (callers audit: one
 * entry per item created, or one for a whole shipped catalog). Returns the new id.
 */
export async function insertCatalogContent(
  trx: Transaction<DB>,
  content: CatalogItemContent,
  options: { isActive: boolean; sortOrder: number; deferSnapshot?: boolean },
  actor: AuditActor,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const { id } = await trx
    .insertInto("catalog_items")
    .values({
      ...rowOfContent(content),
      is_active: options.isActive ? 1 : 0,
      sort_order: options.sortOrder,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (!options.deferSnapshot) await writeSnapshot(trx, id, 1, content, actor, now);
  return id;
}

async function codeExists(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom("catalog_items")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

/** `wanted`, or `wanted-2`, `wanted-3`… when an imported row already took it. */
async function freeCode(db: Db, wanted: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const code = n === 1 ? wanted : `${wanted}-${n}`;
    if (!(await codeExists(db, code))) return code;
  }
}

/** Puts an item in or takes it out of the adopted catalog (public page, export). Audited. */
export async function setCatalogItemActive(
  db: Db,
  id: number,
  isActive: boolean,
  actor: AuditActor,
  now: Date,
): Promise<boolean> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => setCatalogItemActive(trx, id, isActive, actor, now));
  }
  const item = await findCatalogItem(db, id);
  if (!item) return false;
  if (item.isActive === isActive) return true;
  await db
    .updateTable("catalog_items")
    .set({ is_active: isActive ? 1 : 0, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
  await recordAudit(
    db,
    actor,
    {
      action: isActive ? "catalog.activate" : "catalog.deactivate",
      objectType: "catalog_item",
      objectId: id,
      detail: `${item.code} ${item.item}`,
    },
    now,
  );
  return true;
}

/** Takes an item out of the adopted catalog; records filed under it keep their link. */
export function deactivateCatalogItem(db: Db, id: number, actor: AuditActor, now: Date) {
  return setCatalogItemActive(db, id, false, actor, now);
}

/** Puts an item (e.g. a verified candidate) into the adopted catalog. */
export function activateCatalogItem(db: Db, id: number, actor: AuditActor, now: Date) {
  return setCatalogItemActive(db, id, true, actor, now);
}
