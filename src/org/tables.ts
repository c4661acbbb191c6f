import type { Generated } from "kysely";

/** 单位: 局机关 (bureau), 股室 (department) or 乡镇监管所 (township office). */
export type UnitKind = "bureau" | "department" | "township_office";

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
  sort_order: Generated<number>;
  created_at: string;
}

export interface OrgTables {
  units: UnitsTable;
}
