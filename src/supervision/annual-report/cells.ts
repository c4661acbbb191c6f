// Chinese names of the cells of the three tables, as the office reads them on the printed form
// ("表三 第三项(七)总计 自然人列"), used in invariant violations, differences and corrections.
import {
  APPLICATION_COLUMNS,
  APPLICATION_ROWS_ALL,
  type ApplicationRowDef,
  PROACTIVE_ROWS,
  REVIEW_COLUMNS,
  type TableKey,
  tableNames,
} from "./format";

const ROWS = APPLICATION_ROWS_ALL as readonly ApplicationRowDef[];

/** "(二)部分公开(区分处理的,…)" → "(二)部分公开": the row's number and name without the note. */
function shortLabel(label: string): string {
  return label.replace(/^((.)[^(]+)(.*)$/, "$1");
}

/** "第一项本年新收政府信息公开申请数量", "第三项(七)总计", "第三项(三)不予公开 4.保护第三方合法权益". */
export function applicationRowCaption(key: string): string {
  const row = ROWS.find((r) => r.key === key);
  if (!row) return key;
  if (row.level === 0) {
    const m = /^([一二三四五六七八九十]+)、(.*)$/.exec(row.label);
    // The heading row (三、本年度办理结果) is named by its number alone before its sub-rows.
    if (m && row.is_header) return `第${m[1]}项`;
    return m ? `第${m[1]}项${m[2]}` : row.label;
  }
  const parent = applicationRowCaption(row.parent!);
  if (row.level === 1) return `${parent}${shortLabel(row.label)}`;
  return `${parent} ${row.label}`;
}

/** "自然人列", "商业企业列", "法人或其他组织·其他列", "总计列". */
export function applicationColumnCaption(key: string): string {
  const column = APPLICATION_COLUMNS.find((c) => c.key === key);
  if (!column) return key;
  const name = column.key === "org_other" ? `${column.group}·${column.label}` : column.label;
  return `${name}列`;
}

/** The Chinese name of one cell, prefixed with its table. */
export function cellCaption(table: TableKey, row: string, column: string): string {
  const prefix = tableNames[table];
  if (table === "applications") {
    return `${prefix} ${applicationRowCaption(row)} ${applicationColumnCaption(column)}`;
  }
  if (table === "proactive") {
    const r = PROACTIVE_ROWS.find((p) => p.key === row);
    const c = r?.block.columns.find((col) => col.key === column);
    return `${prefix} ${r?.block.header ?? ""} ${r?.label ?? row} ${c?.label ?? column}`;
  }
  const c = REVIEW_COLUMNS.find((col) => col.key === column);
  return `${prefix} ${c?.group.label ?? ""} ${c?.label ?? column}`;
}
