// Reading a 办件 spreadsheet (XLSX, or CSV saved as UTF-8) into import rows. ExcelJS is loaded on
// first use. The header row names the columns; step columns hold the date of that step.
import type ExcelJS from "exceljs";
import { CASE_STEPS, type CaseStep, caseStepLabels } from "./case-rules";
import type { CaseImportRow } from "./case-service";

/** Most data rows one import reads. */
export const MAX_CASE_ROWS = 5000;

type Column =
  | "caseNo"
  | "itemCode"
  | "itemName"
  | "applicantName"
  | "creditCode"
  | "result"
  | "promisedOn"
  | CaseStep;

const headers: Record<string, Column> = {
  受理号: "caseNo",
  事项编码: "itemCode",
  事项名称: "itemName",
  申请人: "applicantName",
  申请人名称: "applicantName",
  统一社会信用代码: "creditCode",
  办理结果: "result",
  承诺办结日期: "promisedOn",
  ...Object.fromEntries(
    CASE_STEPS.flatMap((s) => [
      [caseStepLabels[s], s],
      [`${caseStepLabels[s]}日期`, s],
    ]),
  ),
};

/** The header line of a blank template, in this order. */
export const CASE_SHEET_HEADERS = [
  "受理号",
  "事项编码",
  "事项名称",
  "申请人",
  "统一社会信用代码",
  ...CASE_STEPS.map((s) => `${caseStepLabels[s]}日期`),
  "办理结果",
  "承诺办结日期",
];

export type CaseSheet = { ok: true; rows: CaseImportRow[] } | { ok: false; errors: string[] };

/** Rows of a sheet (first row the header) into import rows; blank lines skipped. */
export function rowsFromTable(table: readonly (readonly string[])[]): CaseSheet {
  const [head, ...body] = table;
  const columns = new Map<Column, number>();
  (head ?? []).forEach((text, index) => {
    const key = headers[text.replace(/\s/g, "")];
    if (key && !columns.has(key)) columns.set(key, index);
  });
  const missing = (["caseNo", "applicantName", "accept"] as const).filter((c) => !columns.has(c));
  if (missing.length > 0 || !(columns.has("itemCode") || columns.has("itemName"))) {
    return {
      ok: false,
      errors: ["第1行应为表头,至少包含:受理号、事项编码、申请人、受理日期。"],
    };
  }
  if (body.length > MAX_CASE_ROWS) {
    return { ok: false, errors: [`表格超过 ${MAX_CASE_ROWS} 行,请分批导入。`] };
  }
  const rows: CaseImportRow[] = [];
  body.forEach((cells, index) => {
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    if (cells.every((c) => c.trim() === "")) return;
    const steps = CASE_STEPS.flatMap((s) => (cell(s) ? [{ step: s, on: cell(s) }] : []));
    rows.push({
      rowNumber: index + 2,
      caseNo: cell("caseNo"),
      input: {
        itemCode: cell("itemCode") || null,
        itemName: cell("itemName") || null,
        applicantName: cell("applicantName"),
        creditCode: cell("creditCode") || null,
        steps,
        result: cell("result"),
        promisedOn: cell("promisedOn") || null,
      },
    });
  });
  return { ok: true, rows };
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF), UTF-8 with or without BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  }
  if (typeof value === "object") {
    const v = value as { richText?: { text?: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? "").join("");
    if ("text" in v) return cellText(v.text);
    if ("result" in v) return cellText(v.result);
    return "";
  }
  return String(value);
}

/** The first worksheet as a table of cell texts. */
async function xlsxTable(bytes: Uint8Array): Promise<string[][] | null> {
  const Excel = (await import("exceljs")).default;
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, MAX_CASE_ROWS + 2); r++) {
    const cells: string[] = [];
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    table.push(Array.from(cells, (c) => c ?? ""));
  }
  return table;
}

/** Reads an uploaded file already accepted by spreadsheetImportPolicy. */
export async function readCaseSheet(kind: "xlsx" | "csv", bytes: Uint8Array): Promise<CaseSheet> {
  if (kind === "csv") {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    return rowsFromTable(parseCsv(text));
  }
  const table = await xlsxTable(bytes);
  if (!table) {
    return { ok: false, errors: ["无法读取该文件:它不是有效的 Excel 表格(XLSX),或者已经损坏。"] };
  }
  return rowsFromTable(table);
}

/** A blank template workbook (header row only), for the back office's download link. */
export async function caseTemplateXlsx(): Promise<Uint8Array<ArrayBuffer>> {
  const Excel = (await import("exceljs")).default;
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet("办件");
  sheet.addRow(CASE_SHEET_HEADERS);
  return new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}
