// Cell-by-cell comparison of a finalised report with a fresh computation: after finalising, later
// edits to cases change the live figures but never the published report, and the office sees
// which cells would now differ. Pure.
import { cellCaption } from "./cells";
import { allCellKeys, type ReportTables, type TableKey } from "./format";

export interface CellDifference {
  table: TableKey;
  row: string;
  column: string;
  caption: string;
  frozen: number | null;
  fresh: number | null;
}

export function diffTables(frozen: ReportTables, fresh: ReportTables): CellDifference[] {
  const out: CellDifference[] = [];
  for (const { table, row, column } of allCellKeys()) {
    const a = frozen[table][row]?.[column] ?? null;
    const b = fresh[table][row]?.[column] ?? null;
    if (a !== b)
      out.push({
        table,
        row,
        column,
        caption: cellCaption(table, row, column),
        frozen: a,
        fresh: b,
      });
  }
  return out;
}
