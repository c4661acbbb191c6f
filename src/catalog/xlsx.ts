// The catalog as an .xlsx workbook (how bureaus hold their 本级目录): the standard two header rows
// with merges, then one row per item. Two columns after the standard ones make round trips
// exact: 编码 (which item a row is) and 公开时限规则 (the machine rule, when the 公开时限 text
// alone cannot be read).
import type ExcelJS from "exceljs";

/** exceljs takes about two seconds to load, so it is loaded on first use, not at server start. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

import type { CatalogItem } from "./catalog-item";
import { cellText } from "./cell-text";
import { describeDeadlineRule, parseDeadlineText } from "./deadline-rule";
import {
  CATALOG_COLUMNS,
  type CatalogColumnKey,
  catalogHeaderMerges,
  catalogHeaderRows,
  catalogItemToRow,
  isBlankSheetRow,
  locateCatalogColumns,
  rowToCatalogItem,
  sheetRowFromCells,
  sheetRowToCells,
} from "./xlsx-columns";

/** The columns after the standard ones. */
export const EXTRA_HEADERS = { code: "编码", deadlineRule: "公开时限规则" } as const;

/** Rows a workbook may hold; a 本级目录 has tens of items, never thousands. */
export const MAX_IMPORT_ROWS = 2000;

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** One item to export: its code and its standard columns. */
export interface ExportItem {
  code: string;
  item: CatalogItem;
}

const WIDTHS: Record<CatalogColumnKey, number> = {
  seq: 6,
  category: 12,
  item: 22,
  elements: 34,
  legalBasis: 36,
  deadline: 20,
  responsibleUnit: 18,
  channels: 24,
  audienceWholeSociety: 8,
  audienceSpecificGroup: 10,
  modeProactive: 7,
  modeOnApplication: 8,
  levelCounty: 7,
  levelTownship: 7,
};

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** The workbook of a catalog, as .xlsx bytes. */
export async function writeCatalogWorkbook(
  items: readonly ExportItem[],
  sheetName = "标准目录",
): Promise<Uint8Array> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Gongkai";
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: "frozen", ySplit: 2, xSplit: 0 }],
  });
  const extra = [EXTRA_HEADERS.code, EXTRA_HEADERS.deadlineRule];
  sheet.columns = [
    ...CATALOG_COLUMNS.map((c) => ({ width: WIDTHS[c.key] })),
    { width: 10 },
    { width: 30 },
  ];
  const [top, bottom] = catalogHeaderRows();
  sheet.addRow([...top, ...extra]);
  sheet.addRow([...bottom, ...extra]);
  for (const m of catalogHeaderMerges()) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
  const width = CATALOG_COLUMNS.length + extra.length;
  for (let i = 0; i < extra.length; i += 1) {
    sheet.mergeCells(1, CATALOG_COLUMNS.length + i + 1, 2, CATALOG_COLUMNS.length + i + 1);
  }
  for (const r of [1, 2]) styleHeaderRow(sheet.getRow(r), width);

  for (const { code, item } of items) {
    const cells: (string | number)[] = sheetRowToCells(catalogItemToRow(item));
    if (item.seq !== null) cells[0] = item.seq;
    const rule = item.deadline.rule ? describeDeadlineRule(item.deadline.rule) : "";
    const row = sheet.addRow([...cells, code, rule]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = border;
      const isTick = col > 8 && col <= CATALOG_COLUMNS.length;
      cell.alignment = {
        wrapText: true,
        vertical: "top",
        horizontal: isTick || col === 1 ? "center" : "left",
      };
    });
  }
  mergeCategoryRuns(sheet, items);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function styleHeaderRow(row: ExcelJS.Row, width: number): void {
  for (let col = 1; col <= width; col += 1) {
    const cell = row.getCell(col);
    cell.font = { bold: true };
    cell.border = border;
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  }
}

/** Merges the 一级事项 cells of consecutive rows with the same category, as the standard does. */
function mergeCategoryRuns(sheet: ExcelJS.Worksheet, items: readonly ExportItem[]): void {
  let start = 0;
  for (let i = 1; i <= items.length; i += 1) {
    if (i < items.length && items[i]?.item.category === items[start]?.item.category) continue;
    if (i - start > 1) sheet.mergeCells(start + 3, 2, i + 2, 2);
    start = i;
  }
}

/** One data row of an imported workbook. */
export interface ImportRow {
  /** The spreadsheet row number, for messages. */
  rowNumber: number;
  /** The 编码 cell; empty when the file has no such column or the cell is blank. */
  code: string;
  item: CatalogItem;
}

export type WorkbookReadResult =
  | { ok: true; rows: ImportRow[]; warnings: string[] }
  | { ok: false; errors: string[]; warnings: string[] };

type Cells = unknown[];

/** Reads a catalog workbook; any bad row makes the whole result an error (nothing is half-read). */
export async function readCatalogWorkbook(bytes: Uint8Array): Promise<WorkbookReadResult> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return fail(["无法读取该文件:它不是有效的 Excel 表格(XLSX),或者已经损坏。"]);
  }
  let firstErrors: string[] | null = null;
  for (const sheet of workbook.worksheets) {
    const rows = sheetCells(sheet);
    const header = findHeader(rows);
    if (header.ok) return readDataRows(rows, header);
    firstErrors ??= header.errors.map((e) => `工作表“${sheet.name}”未找到标准目录表头:${e}`);
  }
  return fail(firstErrors ?? ["该文件中没有工作表。"]);
}

function fail(errors: string[]): WorkbookReadResult {
  return { ok: false, errors, warnings: [] };
}

/** Every row of a sheet as cell values (merged cells read as their master's value). */
function sheetCells(sheet: ExcelJS.Worksheet): Cells[] {
  const rows: Cells[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= Math.min(sheet.rowCount, MAX_IMPORT_ROWS + 20); r += 1) {
    const row = sheet.getRow(r);
    const cells: Cells = [];
    for (let col = 1; col <= width; col += 1) cells.push(row.getCell(col).value);
    rows.push(cells);
  }
  if (sheet.rowCount > MAX_IMPORT_ROWS + 20) rows.push(["…"]);
  return rows;
}

interface Header {
  ok: true;
  columns: Record<CatalogColumnKey, number>;
  extra: { code: number | null; deadlineRule: number | null };
  /** 0-based index of the first data row. */
  dataStart: number;
}

/** The header: one row of leaf names, or the standard two rows, within the first ten rows. */
function findHeader(rows: Cells[]): Header | { ok: false; errors: string[] } {
  let errors: string[] = ["表格是空的。"];
  for (let start = 0; start < Math.min(rows.length, 10); start += 1) {
    for (const height of [1, 2]) {
      const headerRows = rows.slice(start, start + height);
      if (headerRows.length < height) continue;
      const located = locateCatalogColumns(headerRows);
      if (located.ok) {
        return {
          ok: true,
          columns: located.columns,
          extra: {
            code: extraColumn(headerRows, EXTRA_HEADERS.code),
            deadlineRule: extraColumn(headerRows, EXTRA_HEADERS.deadlineRule),
          },
          dataStart: start + height,
        };
      }
      if (start === 0) errors = [located.errors.join(";")];
    }
  }
  return { ok: false, errors };
}

function extraColumn(headerRows: Cells[], name: string): number | null {
  const width = Math.max(...headerRows.map((r) => r.length));
  for (let col = 0; col < width; col += 1) {
    if (headerRows.some((r) => cellText(r[col]).replace(/\s+/g, "") === name)) return col;
  }
  return null;
}

function readDataRows(rows: Cells[], header: Header): WorkbookReadResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const out: ImportRow[] = [];
  const data = rows.slice(header.dataStart);
  if (data.length > MAX_IMPORT_ROWS) {
    return fail([`表格超过 ${MAX_IMPORT_ROWS} 行,请确认上传的是标准目录。`]);
  }
  let category = "";
  data.forEach((cells, index) => {
    const rowNumber = header.dataStart + index + 1;
    const sheetRow = sheetRowFromCells(cells, header.columns);
    const code = at(cells, header.extra.code);
    const ruleText = at(cells, header.extra.deadlineRule);
    if (isBlankSheetRow(sheetRow) && code === "" && ruleText === "") return;
    const filled = sheetRow.category.trim() === "" ? { ...sheetRow, category } : sheetRow;
    category = filled.category;
    const mapped = rowToCatalogItem(filled, rowNumber);
    const rowErrors = mapped.ok ? [] : [...mapped.errors];
    let rowWarnings = mapped.warnings;
    const prefix = `第${rowNumber}行:`;
    if (code !== "" && !CODE.test(code)) {
      rowErrors.push(`${prefix}编码“${code}”格式不正确,只能由字母、数字、“-”和“_”组成`);
    }
    if (mapped.ok && ruleText !== "") {
      const rule = ruleOf(mapped.item, ruleText, prefix, rowErrors);
      if (rule) {
        mapped.item.deadline.rule = rule;
        rowWarnings = rowWarnings.filter((w) => !w.includes("无法识别公开时限"));
      }
    }
    warnings.push(...rowWarnings);
    errors.push(...rowErrors);
    if (mapped.ok && rowErrors.length === 0) out.push({ rowNumber, code, item: mapped.item });
  });
  if (errors.length > 0) return { ok: false, errors, warnings };
  if (out.length === 0) return fail(["表头下面没有任何事项。"]);
  return { ok: true, rows: out, warnings };
}

function at(cells: Cells, col: number | null): string {
  return col === null ? "" : cellText(cells[col]);
}

/** The machine rule of the 公开时限规则 cell; it must agree with a 公开时限 text that can be read. */
function ruleOf(item: CatalogItem, ruleText: string, prefix: string, errors: string[]) {
  const rule = parseDeadlineText(ruleText);
  if (rule === null) {
    errors.push(
      `${prefix}公开时限规则“${ruleText}”无法识别,应写作“信息形成或变更之日起20个工作日内”“行政决定作出之日起20个工作日内”“实时”或“常态”`,
    );
    return null;
  }
  const fromText = item.deadline.rule;
  if (fromText && describeDeadlineRule(fromText) !== describeDeadlineRule(rule)) {
    errors.push(`${prefix}公开时限“${item.deadline.text}”与公开时限规则“${ruleText}”不一致`);
    return null;
  }
  return rule;
}
