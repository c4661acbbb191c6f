// Typed view of the annual-report format (国办公开办函〔2021〕30号): the three tables' rows, columns
// and keys exactly as the shipped copy of the reference (format-data.ts) has them.
import { ANNUAL_REPORT_FORMAT as F } from "./format-data";

export const FORMAT_SOURCE = F.source;

export type TableKey = "proactive" | "applications" | "review_litigation";
export const TABLE_KEYS: readonly TableKey[] = ["proactive", "applications", "review_litigation"];

/** 表二, 表三, 表四: the tables are sections 二 to 四 of the report and are named after them. */
export const tableNames: Record<TableKey, string> = {
  proactive: "表二",
  applications: "表三",
  review_litigation: "表四",
};

export type SectionKey = (typeof F.sections)[number]["key"];
export const SECTIONS = F.sections;
export type NarrativeKey = "overview" | "problems_improvements" | "other_matters";
export const NARRATIVE_KEYS: readonly NarrativeKey[] = [
  "overview",
  "problems_improvements",
  "other_matters",
];

export function sectionTitle(key: SectionKey): string {
  return F.sections.find((s) => s.key === key)!.title;
}

// ---- 表二 主动公开 ----

export const PROACTIVE_BLOCKS = F.proactive_table.blocks;
export type ProactiveBlock = (typeof PROACTIVE_BLOCKS)[number];
export type ProactiveRowKey = ProactiveBlock["rows"][number]["key"];
/** The value columns of a block (the first column, 信息内容, holds the row label). */
export function valueColumnsOf(block: ProactiveBlock) {
  return block.columns.filter((c) => c.key !== "content");
}
export const PROACTIVE_ROWS = PROACTIVE_BLOCKS.flatMap((b) =>
  b.rows.map((r) => ({ ...r, block: b, columns: valueColumnsOf(b).map((c) => c.key) })),
);

// ---- 表三 申请 ----

export const APPLICATION_COLUMNS = F.applications_table.columns;
export type ApplicationColumnKey = (typeof APPLICATION_COLUMNS)[number]["key"];
/** The six applicant columns (total excluded). */
export const APPLICANT_COLUMNS = APPLICATION_COLUMNS.filter((c) => c.key !== "total");
export type ApplicantColumnKey = Exclude<ApplicationColumnKey, "total">;

/** Every row of table 三 as the format lists it, including the 三、本年度办理结果 heading row. */
export const APPLICATION_ROWS_ALL = F.applications_table.rows;
type AnyApplicationRow = (typeof APPLICATION_ROWS_ALL)[number];
/** The heading row "三、本年度办理结果" carries no figures. */
export type ApplicationRowKey = Exclude<AnyApplicationRow["key"], "results">;
export interface ApplicationRowDef {
  key: string;
  label: string;
  level: number;
  parent?: string;
  is_header?: boolean;
}
export const APPLICATION_ROWS = (APPLICATION_ROWS_ALL as readonly ApplicationRowDef[]).filter(
  (r) => !r.is_header,
) as readonly (ApplicationRowDef & { key: ApplicationRowKey })[];

/** Rows that are sums of their sub-rows (不予公开, 无法提供, 不予处理, 其他处理). */
export function childrenOf(key: string): (ApplicationRowDef & { key: ApplicationRowKey })[] {
  return APPLICATION_ROWS.filter((r) => r.parent === key);
}

/** The six result rows summed by (七)总计: (一) to (六). */
export const RESULT_PARTS = APPLICATION_ROWS.filter(
  (r) => r.parent === "results" && r.key !== "results.total",
);

// ---- 表四 复议诉讼 ----

export const REVIEW_GROUPS = F.review_litigation_table.column_groups;
export type ReviewColumnKey = (typeof REVIEW_GROUPS)[number]["columns"][number]["key"];
export const REVIEW_COLUMNS = REVIEW_GROUPS.flatMap((g) =>
  g.columns.map((c) => ({ ...c, group: g })),
);
export const REVIEW_ROW_KEY = "count";

// ---- the tables as data ----

/** Row key → column key → figure, for each table, keyed exactly as the format. */
export type Cells = Record<string, Record<string, number>>;

export interface ReportTables {
  proactive: Cells;
  applications: Cells;
  review_litigation: Cells;
}

/** Every cell of the three tables with its keys, in print order. */
export function allCellKeys(): { table: TableKey; row: string; column: string }[] {
  const out: { table: TableKey; row: string; column: string }[] = [];
  for (const r of PROACTIVE_ROWS)
    for (const column of r.columns) out.push({ table: "proactive", row: r.key, column });
  for (const r of APPLICATION_ROWS)
    for (const c of APPLICATION_COLUMNS)
      out.push({ table: "applications", row: r.key, column: c.key });
  for (const c of REVIEW_COLUMNS)
    out.push({ table: "review_litigation", row: REVIEW_ROW_KEY, column: c.key });
  return out;
}

/** Whether the table has that cell (for entered corrections). */
export function isCell(table: TableKey, row: string, column: string): boolean {
  return allCellKeys().some((k) => k.table === table && k.row === row && k.column === column);
}

/** The one cell that is not a count: 行政事业性收费 in 万元 (may have decimals). */
export const FEE_CELL = {
  table: "proactive" as const,
  row: "art20_8.administrative_fees",
  column: "fee_amount_10k_yuan",
};

/** The applications table as the format has it (row and column headings). */
export const F_APPLICATIONS = F.applications_table;
