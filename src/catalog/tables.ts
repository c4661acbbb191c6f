import type { Generated } from "kysely";

/** One 标准目录 item. JSON columns hold the structured cells (see CatalogItem in catalog-item.ts). */
export interface CatalogItemsTable {
  id: Generated<number>;
  /** Stable key: FD-01… for shipped rows, assigned for rows added by an administrator. */
  code: string;
  seq: number | null;
  category: string;
  item: string;
  /** JSON string[] */
  elements: string;
  /** JSON string[] */
  legal_basis: string;
  deadline_text: string;
  /** JSON DeadlineRule or null */
  deadline_rule: string | null;
  responsible_unit: string;
  responsible_unit_id: number | null;
  /** JSON string[] */
  channels: string;
  /** JSON {wholeSociety, specificGroup, specificGroupName} */
  audience: string;
  /** JSON {proactive, onApplication} */
  mode: string;
  /** JSON {county, township} */
  level: string;
  verification: "verified" | "partial" | "unverified";
  candidate: Generated<number>;
  /** JSON CatalogField[] */
  missing_fields: string;
  /** JSON CatalogField[] */
  unverified_fields: string;
  notes: string;
  /** JSON string[] */
  source: string;
  is_active: Generated<number>;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CatalogItemVersionsTable {
  id: Generated<number>;
  catalog_item_id: number;
  version: number;
  /** JSON snapshot of the whole item at this version. */
  data: string;
  changed_at: string;
  changed_by: number | null;
}

export interface CatalogTables {
  catalog_items: CatalogItemsTable;
  catalog_item_versions: CatalogItemVersionsTable;
}
