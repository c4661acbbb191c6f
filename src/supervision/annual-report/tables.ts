import type { Generated } from "kysely";

/**
 * The annual report of one year (条例第四十九条、第五十条): what the office entered (收费金额,
 * corrections, edited narrative) while it is a draft, and the frozen snapshot once finalised.
 */
export interface AnnualReportsTable {
  id: Generated<number>;
  year: number;
  /** draft | finalised */
  state: string;
  /** 行政事业性收费 in 万元, as a decimal string (e.g. "1.25"). */
  fee_amount_10k_yuan: Generated<string>;
  /** JSON array of CellCorrection: values entered over computed cells, each with its reason. */
  corrections: Generated<string>;
  /** JSON {overview?, problems_improvements?, other_matters?}: sanitised HTML the office edited. */
  narrative: Generated<string>;
  /** JSON of the frozen report (tables + narrative + title), set when finalised. */
  snapshot: string | null;
  finalised_at: string | null;
  finalised_by: number | null;
  /** The 信息公开年报 record created on finalising (it goes through review and sign-off). */
  record_id: number | null;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
}

export interface AnnualReportTables {
  annual_reports: AnnualReportsTable;
}
