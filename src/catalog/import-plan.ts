// What importing a catalog workbook would do, decided before anything is written: each row is
// matched to an existing item (by 编码, else by 序号 + 二级事项) and is unchanged, an update (a
// new version of that item) or a new item. Pure: no I/O.
import { isDeepStrictEqual } from "node:util";
import { CATALOG_FIELDS, type CatalogField, type CatalogItem } from "./catalog-item";
import type { ImportRow } from "./xlsx";

/** What the plan needs of an item already in the catalog. */
export interface ExistingCatalogItem extends CatalogItem {
  id: number;
  code: string;
  version: number;
  isActive: boolean;
}

export type PlannedRow =
  | { action: "add"; rowNumber: number; code: string; item: CatalogItem }
  | {
      action: "update" | "unchanged";
      rowNumber: number;
      item: CatalogItem;
      target: { id: number; code: string; version: number; isActive: boolean };
      changed: CatalogField[];
    };

export interface ImportPlan {
  rows: PlannedRow[];
  errors: string[];
  counts: { unchanged: number; updated: number; added: number };
}

/** The standard columns in which two items differ. */
export function changedColumns(a: CatalogItem, b: CatalogItem): CatalogField[] {
  return CATALOG_FIELDS.filter((f) => !isDeepStrictEqual(a[f], b[f]));
}

function sameSeqAndItem(a: CatalogItem, b: CatalogItem): boolean {
  return a.seq === b.seq && a.item === b.item;
}

/**
 * Plans an import. A 编码 unknown here (another bureau's export) falls back to 序号 + 二级事项
 * and, for a new item, is kept as its code. Two rows claiming one item, or one 编码, are errors.
 */
export function planCatalogImport(
  rows: readonly ImportRow[],
  existing: readonly ExistingCatalogItem[],
): ImportPlan {
  const errors: string[] = [];
  const planned: PlannedRow[] = [];
  const claimedBy = new Map<number, number>();
  const codeRow = new Map<string, number>();
  for (const row of rows) {
    if (row.code !== "") {
      const first = codeRow.get(row.code);
      if (first !== undefined) {
        errors.push(`第${row.rowNumber}行:编码“${row.code}”与第${first}行重复`);
        continue;
      }
      codeRow.set(row.code, row.rowNumber);
    }
    const target =
      (row.code !== "" ? existing.find((e) => e.code === row.code) : undefined) ??
      existing.find((e) => sameSeqAndItem(e, row.item));
    if (!target) {
      planned.push({ action: "add", rowNumber: row.rowNumber, code: row.code, item: row.item });
      continue;
    }
    const other = claimedBy.get(target.id);
    if (other !== undefined) {
      errors.push(
        `第${row.rowNumber}行与第${other}行对应同一个事项“${target.item}”(${target.code})`,
      );
      continue;
    }
    claimedBy.set(target.id, row.rowNumber);
    const changed = changedColumns(target, row.item);
    planned.push({
      action: changed.length === 0 ? "unchanged" : "update",
      rowNumber: row.rowNumber,
      item: row.item,
      target: {
        id: target.id,
        code: target.code,
        version: target.version,
        isActive: target.isActive,
      },
      changed,
    });
  }
  const count = (action: PlannedRow["action"]) => planned.filter((p) => p.action === action).length;
  return {
    rows: planned,
    errors,
    counts: { unchanged: count("unchanged"), updated: count("update"), added: count("add") },
  };
}
