// The row ↔ item mapping of catalog_items (JSON columns) and the shapes the store hands out:
// an item as stored now, and an item as it was at one version.
import { isDeepStrictEqual } from "node:util";
import type { Selectable } from "kysely";
import type { CatalogField, CatalogItem, Verification } from "./catalog-item";
import { CATALOG_FIELDS } from "./catalog-item";
import type { DeadlineRule } from "./deadline-rule";
import { catalogFieldLabels } from "./labels";
import type { CatalogItemsTable } from "./tables";

/** What an item carries besides the standard columns: its key, its unit and its provenance. */
export interface CatalogItemMeta {
  code: string;
  /** The unit (单位) answering for the item's disclosures; null when none is chosen. */
  responsibleUnitId: number | null;
  verification: Verification;
  /** A candidate row the shipped data only guessed at (候选事项). */
  candidate: boolean;
  missingFields: CatalogField[];
  unverifiedFields: CatalogField[];
  notes: string;
  source: string[];
}

/** One version of an item's content: what catalog_item_versions keeps. */
export type CatalogItemContent = CatalogItem & CatalogItemMeta;

/** An item as stored now. `deadlineRule` repeats `deadline.rule` for callers computing due dates. */
export interface StoredCatalogItem extends CatalogItemContent {
  id: number;
  version: number;
  deadlineRule: DeadlineRule | null;
  isActive: boolean;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

/** An item as it was at one version (the snapshot a record was filed under). */
export interface CatalogItemVersion extends CatalogItemContent {
  id: number;
  version: number;
  deadlineRule: DeadlineRule | null;
  changedAt: string;
  changedBy: number | null;
}

export type ItemRow = Selectable<CatalogItemsTable>;

function json<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** The standard columns of a row. */
export function catalogItemOfRow(row: ItemRow): CatalogItem {
  return {
    seq: row.seq,
    category: row.category,
    item: row.item,
    elements: json(row.elements),
    legalBasis: json(row.legal_basis),
    deadline: {
      text: row.deadline_text,
      rule: row.deadline_rule === null ? null : json(row.deadline_rule),
    },
    responsibleUnit: row.responsible_unit,
    channels: json(row.channels),
    audience: json(row.audience),
    mode: json(row.mode),
    level: json(row.level),
  };
}

/** An item as stored now, from its row. */
export function storedOfRow(row: ItemRow): StoredCatalogItem {
  const item = catalogItemOfRow(row);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    ...item,
    deadlineRule: item.deadline.rule,
    responsibleUnitId: row.responsible_unit_id,
    verification: row.verification,
    candidate: row.candidate === 1,
    missingFields: json(row.missing_fields),
    unverifiedFields: json(row.unverified_fields),
    notes: row.notes,
    source: json(row.source),
    isActive: row.is_active === 1,
    sortOrder: row.sort_order,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns of catalog_items that hold an item's content. */
export function rowOfContent(c: CatalogItemContent) {
  return {
    code: c.code,
    seq: c.seq,
    category: c.category,
    item: c.item,
    elements: JSON.stringify(c.elements),
    legal_basis: JSON.stringify(c.legalBasis),
    deadline_text: c.deadline.text,
    deadline_rule: c.deadline.rule === null ? null : JSON.stringify(c.deadline.rule),
    responsible_unit: c.responsibleUnit,
    responsible_unit_id: c.responsibleUnitId,
    channels: JSON.stringify(c.channels),
    audience: JSON.stringify(c.audience),
    mode: JSON.stringify(c.mode),
    level: JSON.stringify(c.level),
    verification: c.verification,
    candidate: c.candidate ? 1 : 0,
    missing_fields: JSON.stringify(c.missingFields),
    unverified_fields: JSON.stringify(c.unverifiedFields),
    notes: c.notes,
    source: JSON.stringify(c.source),
  };
}

/** Only the standard columns of an item (drops id, version, provenance…). */
export function standardColumnsOf(item: CatalogItem): CatalogItem {
  return {
    seq: item.seq,
    category: item.category,
    item: item.item,
    elements: item.elements,
    legalBasis: item.legalBasis,
    deadline: { text: item.deadline.text, rule: item.deadline.rule },
    responsibleUnit: item.responsibleUnit,
    channels: item.channels,
    audience: { ...item.audience },
    mode: { ...item.mode },
    level: { ...item.level },
  };
}

/** Just the versioned content of an item (what a snapshot holds). */
export function contentOf(item: CatalogItemContent): CatalogItemContent {
  return {
    ...standardColumnsOf(item),
    code: item.code,
    responsibleUnitId: item.responsibleUnitId,
    verification: item.verification,
    candidate: item.candidate,
    missingFields: item.missingFields,
    unverifiedFields: item.unverifiedFields,
    notes: item.notes,
    source: item.source,
  };
}

/** Table order: by 序号 (rows without one last), then the stored order. */
export function compareCatalogOrder(
  a: { seq: number | null; sortOrder: number; id: number },
  b: { seq: number | null; sortOrder: number; id: number },
): number {
  const seq = (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER);
  return seq || a.sortOrder - b.sortOrder || a.id - b.id;
}

/** An item as it was, from a catalog_item_versions row. */
export function versionOfRow(row: {
  catalog_item_id: number;
  version: number;
  data: string;
  changed_at: string;
  changed_by: number | null;
}): CatalogItemVersion {
  const content = json<CatalogItemContent>(row.data);
  return {
    ...content,
    id: row.catalog_item_id,
    version: row.version,
    deadlineRule: content.deadline.rule,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
  };
}

/** True when a field holds a value (a "missing" field stops being missing once filled). */
export function isFilled(item: CatalogItem, field: CatalogField): boolean {
  const anyKnown = (o: object) => Object.values(o).some((v) => v === true || v === false);
  switch (field) {
    case "seq":
      return item.seq !== null;
    case "category":
    case "item":
    case "responsibleUnit":
      return item[field].trim() !== "";
    case "elements":
    case "legalBasis":
    case "channels":
      return item[field].length > 0;
    case "deadline":
      return item.deadline.text !== "" || item.deadline.rule !== null;
    case "audience":
    case "mode":
    case "level":
      return anyKnown(item[field]);
    default: {
      const never: never = field;
      return never;
    }
  }
}

/** Names of the fields that differ between two versions, for the audit detail. */
export function changedFieldNames(a: CatalogItemContent, b: CatalogItemContent): string[] {
  const names: string[] = CATALOG_FIELDS.filter((f) => !isDeepStrictEqual(a[f], b[f])).map(
    (f) => catalogFieldLabels[f],
  );
  if (a.responsibleUnitId !== b.responsibleUnitId) names.push("公开主体单位");
  if (a.verification !== b.verification) names.push("核实情况");
  if (a.notes !== b.notes) names.push("备注");
  return names;
}
