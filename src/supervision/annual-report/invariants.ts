// The 勾稽关系 of the annual-report format (国办公开办函〔2021〕30号; annual-report-format.json
// applications_table.invariants and the “computed” notes of each table). Pure: returns every
// violation, each naming the cell in Chinese, e.g. “表三 第三项(七)总计 自然人列:应为 12,实为 11”.
import { cellCaption } from "./cells";
import {
  APPLICANT_COLUMNS,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  allCellKeys,
  childrenOf,
  FEE_CELL,
  RESULT_PARTS,
  REVIEW_GROUPS,
  REVIEW_ROW_KEY,
  type ReportTables,
  type TableKey,
} from "./format";

export interface Violation {
  table: TableKey;
  row: string;
  column: string;
  expected: number | null;
  actual: number | null;
  message: string;
}

function violation(
  table: TableKey,
  row: string,
  column: string,
  expected: number,
  actual: number,
  how = "",
): Violation {
  return {
    table,
    row,
    column,
    expected,
    actual,
    message: `${cellCaption(table, row, column)}:应为 ${expected}${how},实为 ${actual}`,
  };
}

/** Every cell present and a non-negative number; counts whole numbers (the fee may have decimals). */
function checkValues(tables: ReportTables): Violation[] {
  const out: Violation[] = [];
  for (const { table, row, column } of allCellKeys()) {
    const value = tables[table][row]?.[column];
    const isFee = table === FEE_CELL.table && row === FEE_CELL.row && column === FEE_CELL.column;
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      value >= 0 &&
      (isFee || Number.isInteger(value));
    if (!ok) {
      out.push({
        table,
        row,
        column,
        expected: null,
        actual: typeof value === "number" ? value : null,
        message: `${cellCaption(table, row, column)}:应为${isFee ? "不小于0的金额" : "不小于0的整数"},实为 ${value ?? "空"}`,
      });
    }
  }
  return out;
}

function checkApplications(tables: ReportTables): Violation[] {
  const apps = tables.applications;
  const get = (row: string, column: string) => apps[row]?.[column] ?? 0;
  const out: Violation[] = [];
  // 对每一行:总计 = 六个申请人列之和
  for (const row of APPLICATION_ROWS) {
    const expected = APPLICANT_COLUMNS.reduce((s, c) => s + get(row.key, c.key), 0);
    if (get(row.key, "total") !== expected) {
      out.push(violation("applications", row.key, "total", expected, get(row.key, "total")));
    }
  }
  for (const column of APPLICATION_COLUMNS.map((c) => c.key)) {
    // 子项之和 = 上级项 (不予公开 8 项, 无法提供 3 项, 不予处理 5 项, 其他处理 3 项)
    for (const part of RESULT_PARTS) {
      const children = childrenOf(part.key);
      if (children.length === 0) continue;
      const expected = children.reduce((s, r) => s + get(r.key, column), 0);
      if (get(part.key, column) !== expected) {
        out.push(violation("applications", part.key, column, expected, get(part.key, column)));
      }
    }
    // (七)总计 = (一)+(二)+(三)+(四)+(五)+(六)
    const total = RESULT_PARTS.reduce((s, r) => s + get(r.key, column), 0);
    if (get("results.total", column) !== total) {
      out.push(
        violation("applications", "results.total", column, total, get("results.total", column)),
      );
    }
    // 第一项 + 第二项 = 第三项(七)总计 + 第四项
    const carried =
      get("new_received", column) +
      get("carried_over_from_last_year", column) -
      get("results.total", column);
    if (get("carried_to_next_year", column) !== carried) {
      out.push(
        violation(
          "applications",
          "carried_to_next_year",
          column,
          carried,
          get("carried_to_next_year", column),
          "(第一项加第二项之和减第三项(七)总计)",
        ),
      );
    }
  }
  return out;
}

/** 表四: each group's 总计 = 维持 + 纠正 + 其他结果 + 尚未审结. */
function checkReviewLitigation(tables: ReportTables): Violation[] {
  const row = tables.review_litigation[REVIEW_ROW_KEY] ?? {};
  const out: Violation[] = [];
  for (const g of REVIEW_GROUPS) {
    const totalKey = `${g.key}.total`;
    const expected = g.columns
      .filter((c) => c.key !== totalKey)
      .reduce((s, c) => s + (row[c.key] ?? 0), 0);
    if ((row[totalKey] ?? 0) !== expected) {
      out.push(
        violation("review_litigation", REVIEW_ROW_KEY, totalKey, expected, row[totalKey] ?? 0),
      );
    }
  }
  return out;
}

/** Every broken invariant of the three tables; empty when the report may be finalised. */
export function checkInvariants(tables: ReportTables): Violation[] {
  const values = checkValues(tables);
  if (values.length > 0) return values;
  return [...checkApplications(tables), ...checkReviewLitigation(tables)];
}
