// Use cases of the catalog back office: saving an item from the form, exporting the catalog as
// XLSX, and importing one (check the upload, plan, then apply everything in one transaction).
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { findUnit, listUnits } from "../org/store";
import { type AuditActor, recordAudit } from "../platform/audit";
import { spreadsheetImportPolicy, type UploadPolicy } from "../platform/files/policies";
import { checkUpload } from "../platform/files/sniff";
import { type ImportPlan, planCatalogImport } from "./import-plan";
import type { CatalogFormOutput } from "./schema";
import { listCatalogItems, type SaveResult, saveCatalogItem, standardColumnsOf } from "./store";
import { type ImportRow, readCatalogWorkbook, writeCatalogWorkbook } from "./xlsx";

type Db = Kysely<DB> | Transaction<DB>;

/** A catalog import takes XLSX only (10 MB), not the CSV the shared spreadsheet policy allows. */
export const catalogImportPolicy: UploadPolicy = { ...spreadsheetImportPolicy, kinds: ["xlsx"] };

/** Saves the item form (new item when `id` is null); the chosen unit must exist. */
export async function saveItemFromForm(
  db: Kysely<DB>,
  actor: AuditActor,
  id: number | null,
  form: CatalogFormOutput,
  now: Date,
): Promise<SaveResult | { ok: false; reason: "unit_not_found" }> {
  const unit = form.responsibleUnitId === null ? null : await findUnit(db, form.responsibleUnitId);
  if (unit === undefined) return { ok: false, reason: "unit_not_found" };
  const item = { ...form.item, responsibleUnit: form.item.responsibleUnit || (unit?.name ?? "") };
  return saveCatalogItem(
    db,
    id,
    {
      ...item,
      responsibleUnitId: form.responsibleUnitId,
      verification: form.verification,
      notes: form.notes,
      expectedVersion: form.version ?? undefined,
    },
    actor,
    now,
  );
}

/** The adopted catalog (active items) as an .xlsx workbook. Audited. */
export async function exportCatalog(db: Kysely<DB>, actor: AuditActor, now: Date) {
  const items = await listCatalogItems(db, { activeOnly: true });
  const bytes = await writeCatalogWorkbook(
    items.map((i) => ({ code: i.code, item: standardColumnsOf(i) })),
  );
  await recordAudit(
    db,
    actor,
    { action: "catalog.export", objectType: "catalog", detail: `导出 ${items.length} 个事项` },
    now,
  );
  return { bytes, count: items.length };
}

export type UploadReading =
  | { ok: true; rows: ImportRow[]; warnings: string[]; plan: ImportPlan }
  | { ok: false; errors: string[]; warnings: string[] };

/** Checks an uploaded file, reads it and plans the import; nothing is written. */
export async function readCatalogUpload(
  db: Db,
  fileName: string,
  bytes: Uint8Array,
): Promise<UploadReading> {
  const checked = checkUpload(fileName, bytes, catalogImportPolicy);
  if (!checked.ok) return { ok: false, errors: [checked.message], warnings: [] };
  const read = await readCatalogWorkbook(bytes);
  if (!read.ok) return read;
  const plan = await planImport(db, read.rows);
  if (plan.errors.length > 0) return { ok: false, errors: plan.errors, warnings: read.warnings };
  return { ok: true, rows: read.rows, warnings: read.warnings, plan };
}

async function planImport(db: Db, rows: readonly ImportRow[]): Promise<ImportPlan> {
  return planCatalogImport(rows, await listCatalogItems(db));
}

export type ImportOutcome =
  | { ok: true; counts: ImportPlan["counts"] }
  | { ok: false; errors: string[] };

class ImportAborted extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(";"));
  }
}

/**
 * Applies an import in one transaction: updated rows become new versions, new rows new items.
 * Any conflict rolls the whole import back. Audited (each item, and the import as a whole).
 */
export async function applyCatalogImport(
  db: Kysely<DB>,
  actor: AuditActor,
  rows: readonly ImportRow[],
  fileName: string,
  now: Date,
): Promise<ImportOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      const plan = await planImport(trx, rows);
      if (plan.errors.length > 0) throw new ImportAborted(plan.errors);
      const units = await listUnits(trx);
      for (const row of plan.rows) {
        const result = await applyRow(trx, actor, row, units, fileName, now);
        if (!result.ok) {
          throw new ImportAborted([`第${row.rowNumber}行:${reasonText[result.reason]}`]);
        }
      }
      const { unchanged, updated, added } = plan.counts;
      await recordAudit(
        trx,
        actor,
        {
          action: "catalog.import",
          objectType: "catalog",
          detail: `导入“${fileName}”:不变 ${unchanged},更新 ${updated},新增 ${added}`,
        },
        now,
      );
      return { ok: true as const, counts: plan.counts };
    });
  } catch (error) {
    if (error instanceof ImportAborted) return { ok: false, errors: error.messages };
    throw error;
  }
}

const reasonText: Record<"not_found" | "stale" | "code_taken", string> = {
  not_found: "对应的事项已不存在,请重新上传",
  stale: "对应的事项刚被他人修改,请重新上传",
  code_taken: "编码已被其他事项使用",
};

function applyRow(
  trx: Transaction<DB>,
  actor: AuditActor,
  row: ImportPlan["rows"][number],
  units: { id: number; name: string }[],
  fileName: string,
  now: Date,
): Promise<SaveResult> {
  if (row.action !== "add") {
    if (row.action === "unchanged") {
      const { id, version } = row.target;
      return Promise.resolve({ ok: true, id, version, changed: false });
    }
    return saveCatalogItem(
      trx,
      row.target.id,
      { ...row.item, expectedVersion: row.target.version },
      actor,
      now,
    );
  }
  const unit = units.find((u) => u.name === row.item.responsibleUnit);
  return saveCatalogItem(
    trx,
    null,
    {
      ...row.item,
      code: row.code || undefined,
      responsibleUnitId: unit?.id ?? null,
      source: [`XLSX导入:${fileName}`],
    },
    actor,
    now,
  );
}
