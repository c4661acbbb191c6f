// The ledger as an .xlsx workbook. ExcelJS is loaded on first use so starting the server stays
// fast.
import type ExcelJS from "exceljs";
import {
  LEDGER_COLUMNS,
  LEDGER_EXPORT_EXTRA_HEADERS,
  type LedgerCells,
  type LedgerColumnKey,
  ledgerCellText,
  ledgerColumnOf,
} from "./columns";

/** Most data rows an import reads; a county bureau receives far fewer in years. */
export const MAX_LEDGER_ROWS = 5000;

export interface SheetRow {
  rowNumber: number;
  cells: LedgerCells;
}

export type LedgerSheet = { ok: true; rows: SheetRow[] } | { ok: false; errors: string[] };

async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

/** Reads the first sheet with a ledger header (within its first ten rows) into raw cells. */
export async function readLedgerSheet(bytes: Uint8Array): Promise<LedgerSheet> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, errors: ["无法读取该文件:它不是有效的 Excel 表格(XLSX),或者已经损坏。"] };
  }
  let firstProblem: string | null = null;
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet);
    if (header.ok) return readRows(sheet, header.columns, header.rowNumber);
    firstProblem ??= `工作表“${sheet.name}”${header.error}`;
  }
  return { ok: false, errors: [firstProblem ?? "该文件中没有工作表。"] };
}

type Header =
  | { ok: true; rowNumber: number; columns: Map<LedgerColumnKey, number> }
  | { ok: false; error: string };

function findHeader(sheet: ExcelJS.Worksheet): Header {
  let best: Map<LedgerColumnKey, number> | null = null;
  for (let r = 1; r <= Math.min(sheet.rowCount, 10); r++) {
    const columns = new Map<LedgerColumnKey, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const key = ledgerColumnOf(ledgerCellText(cell.value));
      if (key && !columns.has(key)) columns.set(key, col);
    });
    const missing = LEDGER_COLUMNS.filter((c) => c.required && !columns.has(c.key));
    if (missing.length === 0) return { ok: true, rowNumber: r, columns };
    if (columns.size > (best?.size ?? 0)) best = columns;
  }
  if (!best)
    return {
      ok: false,
      error: "前10行中没有找到台账表头(申请编号、申请人类型、收到日期、内容、答复日期、答复结果)。",
    };
  const missing = LEDGER_COLUMNS.filter((c) => c.required && !best.has(c.key)).map((c) => c.header);
  return { ok: false, error: `的表头缺少以下列:${missing.join("、")}。` };
}

function readRows(
  sheet: ExcelJS.Worksheet,
  columns: Map<LedgerColumnKey, number>,
  headerRow: number,
): LedgerSheet {
  if (sheet.rowCount - headerRow > MAX_LEDGER_ROWS) {
    return { ok: false, errors: [`表格超过 ${MAX_LEDGER_ROWS} 行,请分批导入。`] };
  }
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: LedgerCells = {};
    let isBlank = true;
    for (const [key, col] of columns) {
      const value = row.getCell(col).value;
      cells[key] = value;
      if (ledgerCellText(value) !== "") isBlank = false;
    }
    if (!isBlank) rows.push({ rowNumber: r, cells });
  }
  if (rows.length === 0) return { ok: false, errors: ["表头下面没有任何数据行。"] };
  return { ok: true, rows };
}

/** One row of an export: the import columns, then 状态, 答复期限 and 是否超期. */
export interface LedgerExportRow {
  applicationNo: string;
  applicantKind: string;
  receivedOn: string;
  content: string;
  repliedOn: string;
  result: string;
  appeals: string;
  state: string;
  dueDate: string;
  overdue: string;
}

const WIDTHS = [18, 12, 12, 40, 12, 34, 20, 10, 12, 10];
const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** The ledger of a period as .xlsx bytes; dates are written as text (YYYY-MM-DD). */
export async function writeLedgerWorkbook(
  rows: readonly LedgerExportRow[],
  title: string,
): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = "Gongkai";
  const sheet = workbook.addWorksheet("依申请公开台账", {
    views: [{ state: "frozen", ySplit: 2 }],
  });
  const headers = [...LEDGER_COLUMNS.map((c) => c.header), ...LEDGER_EXPORT_EXTRA_HEADERS];
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: "center" };
  const head = sheet.addRow(headers);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.border = border;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  });
  for (const r of rows) {
    const row = sheet.addRow([
      r.applicationNo,
      r.applicantKind,
      r.receivedOn,
      r.content,
      r.repliedOn,
      r.result,
      r.appeals,
      r.state,
      r.dueDate,
      r.overdue,
    ]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      cell.alignment = { vertical: "top", wrapText: true };
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
