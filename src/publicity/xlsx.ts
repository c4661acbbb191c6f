// 双公示 spreadsheets: the template to fill in (exact column headers) and reading an upload into
// import items with their row numbers. ExcelJS is loaded on first use (it is slow to load).
import type ExcelJS from "exceljs";
import { cellText } from "../catalog/cell-text";
import { spreadsheetImportPolicy, type UploadPolicy } from "../platform/files/policies";
import { checkUpload } from "../platform/files/sniff";
import {
  type EntryType,
  LICENCE_FIELDS,
  type LicenceRaw,
  PENALTY_FIELDS,
  type PenaltyRaw,
} from "./rules";
import type { ImportItem } from "./service";

async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

export const publicityImportPolicy: UploadPolicy = {
  kinds: ["xlsx"],
  maxBytes: spreadsheetImportPolicy.maxBytes,
};

/** Data rows a file may hold; a county bureau decides far fewer in a year. */
export const MAX_ROWS = 5000;

const SHEET_NAMES: Record<EntryType, string> = { licence: "行政许可", penalty: "行政处罚" };

type AnyField = { key: string; header: string; required: boolean; type: string };

export function fieldsOf(type: EntryType): readonly AnyField[] {
  return type === "licence" ? LICENCE_FIELDS : PENALTY_FIELDS;
}

const NOTES: Record<string, string> = {
  date: "日期,如 2025-03-05",
  creditCode: "18位,法人及其他组织必填;自然人不填",
  subjectType: "法人及其他组织 / 个体工商户 / 自然人;不填时:有信用代码按法人,没有按自然人",
  penaltyKind: "行政处罚(默认)或 行政强制",
  yesNo: "是 / 否(默认否),决定公示期",
  text: "",
};

/** The template: one sheet with the exact headers, one with how to fill each column. */
export async function writeTemplate(type: EntryType): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = "Gongkai";
  const fields = fieldsOf(type);
  const sheet = workbook.addWorksheet(SHEET_NAMES[type], {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = fields.map((f) => ({
    width: Math.max(14, f.header.length * 2 + 4),
    // Text format so numbers such as 许可证编号 keep their leading zeros and dates stay as typed.
    style: { numFmt: "@" },
  }));
  const head = sheet.addRow(fields.map((f) => f.header));
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  });
  const notes = workbook.addWorksheet("填写说明");
  notes.columns = [{ width: 26 }, { width: 8 }, { width: 70 }];
  notes.addRow(["列名", "必填", "说明"]).font = { bold: true };
  for (const f of fields) {
    const extra =
      f.key === "catalogItem"
        ? "标准目录中的事项编码(如 FD-02),不填时归入本类第一个事项"
        : (NOTES[f.type] ?? "");
    notes.addRow([f.header, f.required ? "是" : "否", extra]);
  }
  notes.addRow([]);
  notes.addRow([
    "注意",
    "",
    "任何公示字段中不得出现居民身份证号码;自然人姓名由系统自动隐去部分字符后公示。同一文件可重复导入,相同编号的条目只保留一条。",
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function normaliseHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").replace(/[*＊]/g, "");
}

export type SheetReading<R> =
  | { ok: true; items: ImportItem<R>[] }
  | { ok: false; errors: string[] };

/** Reads an upload: the first sheet with the template's headers (within its first five rows). */
export async function readPublicityWorkbook(
  type: "licence",
  fileName: string,
  bytes: Uint8Array,
): Promise<SheetReading<LicenceRaw>>;
export async function readPublicityWorkbook(
  type: "penalty",
  fileName: string,
  bytes: Uint8Array,
): Promise<SheetReading<PenaltyRaw>>;
export async function readPublicityWorkbook(
  type: EntryType,
  fileName: string,
  bytes: Uint8Array,
): Promise<SheetReading<Record<string, string>>> {
  const checked = checkUpload(fileName, bytes, publicityImportPolicy);
  if (!checked.ok) return { ok: false, errors: [checked.message] };
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, errors: ["无法读取该文件:它不是有效的 Excel 表格(XLSX),或者已经损坏。"] };
  }
  const fields = fieldsOf(type);
  const byHeader = new Map(fields.map((f) => [normaliseHeader(f.header), f.key]));
  let firstProblem: string | null = null;
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 5); r++) {
      const columns = new Map<string, number>();
      sheet.getRow(r).eachCell((cell, col) => {
        const key = byHeader.get(normaliseHeader(cellText(cell.value)));
        if (key && !columns.has(key)) columns.set(key, col);
      });
      if (columns.size === 0) continue;
      const missing = fields.filter((f) => f.required && !columns.has(f.key)).map((f) => f.header);
      if (missing.length > 0) {
        firstProblem ??= `工作表“${sheet.name}”第${r}行的表头缺少以下列:${missing.join("、")}。请使用下载的模板。`;
        continue;
      }
      return readRows(sheet, columns, r);
    }
  }
  return {
    ok: false,
    errors: [
      firstProblem ??
        `没有找到${SHEET_NAMES[type]}公示的表头(${fields
          .filter((f) => f.required)
          .map((f) => f.header)
          .join("、")})。请使用下载的模板。`,
    ],
  };
}

function readRows(
  sheet: ExcelJS.Worksheet,
  columns: Map<string, number>,
  headerRow: number,
): SheetReading<Record<string, string>> {
  if (sheet.rowCount - headerRow > MAX_ROWS) {
    return { ok: false, errors: [`表格超过 ${MAX_ROWS} 行,请分批导入。`] };
  }
  const items: ImportItem<Record<string, string>>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const raw: Record<string, string> = {};
    let blank = true;
    for (const [key, col] of columns) {
      const text = cellText(row.getCell(col).value);
      raw[key] = text;
      if (text !== "") blank = false;
    }
    if (!blank) items.push({ where: `第${r}行`, raw });
  }
  if (items.length === 0) return { ok: false, errors: ["表头下面没有任何数据行。"] };
  return { ok: true, items };
}
