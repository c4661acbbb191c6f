// The standard table's columns (《食品药品监管领域基层政务公开标准目录》 and the other 基层政务公开
// 标准目录 use the same layout) and the pure mapping between a sheet row and a catalog item.
// Reading and writing .xlsx files is done elsewhere; this module only sees cell text.
import { type CatalogItem, catalogItemSchema, type Flag } from "./catalog-item";
import { cellText, flagCell, parseFlagCell, splitListCell } from "./cell-text";
import { describeDeadlineRule, parseDeadlineText } from "./deadline-rule";

export interface CatalogColumn {
  key: CatalogColumnKey;
  /** The merged group header above the column (公开事项, 公开对象, …), or null for a single header. */
  group: string | null;
  header: string;
}

/** The 14 leaf columns of the standard table in standard order (two header rows). */
export const CATALOG_COLUMNS = [
  { key: "seq", group: null, header: "序号" },
  { key: "category", group: "公开事项", header: "一级事项" },
  { key: "item", group: "公开事项", header: "二级事项" },
  { key: "elements", group: null, header: "公开内容(要素)" },
  { key: "legalBasis", group: null, header: "公开依据" },
  { key: "deadline", group: null, header: "公开时限" },
  { key: "responsibleUnit", group: null, header: "公开主体" },
  { key: "channels", group: null, header: "公开渠道和载体" },
  { key: "audienceWholeSociety", group: "公开对象", header: "全社会" },
  { key: "audienceSpecificGroup", group: "公开对象", header: "特定群体" },
  { key: "modeProactive", group: "公开方式", header: "主动" },
  { key: "modeOnApplication", group: "公开方式", header: "依申请" },
  { key: "levelCounty", group: "公开层级", header: "县级" },
  { key: "levelTownship", group: "公开层级", header: "乡级" },
] as const satisfies readonly { key: string; group: string | null; header: string }[];

export type CatalogColumnKey = (typeof CATALOG_COLUMNS)[number]["key"];

/** One sheet row as cell text, keyed by column. */
export type CatalogSheetRow = Record<CatalogColumnKey, string>;

/** The two header rows: groups (single headers repeated) on top, leaf headers below. */
export function catalogHeaderRows(): [string[], string[]] {
  return [
    CATALOG_COLUMNS.map((c) => c.group ?? c.header),
    CATALOG_COLUMNS.map((c) => (c.group ? c.header : "")),
  ];
}

/** A merged header range, 1-based like spreadsheet rows and columns. */
export interface HeaderMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merges of the two header rows: single headers span both rows, groups span their leaf columns. */
export function catalogHeaderMerges(): HeaderMerge[] {
  const merges: HeaderMerge[] = [];
  CATALOG_COLUMNS.forEach((column, index) => {
    const col = index + 1;
    if (!column.group) merges.push({ top: 1, left: col, bottom: 2, right: col });
    else if (CATALOG_COLUMNS[index - 1]?.group !== column.group) {
      const width = CATALOG_COLUMNS.filter((c) => c.group === column.group).length;
      merges.push({ top: 1, left: col, bottom: 1, right: col + width - 1 });
    }
  });
  return merges;
}

const ALIASES: Partial<Record<CatalogColumnKey, string[]>> = {
  seq: ["编号"],
  elements: ["公开内容", "公开要素", "公开内容要素"],
  channels: ["公开渠道", "公开渠道及载体", "公开渠道与载体"],
  deadline: ["公开时间"],
};

function normaliseHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").replace(/[()]/g, "");
}

const HEADER_INDEX = new Map<string, CatalogColumnKey>();
for (const column of CATALOG_COLUMNS) {
  for (const name of [column.header, ...(ALIASES[column.key] ?? [])]) {
    HEADER_INDEX.set(normaliseHeader(name), column.key);
  }
}

export type ColumnLocation =
  | { ok: true; columns: Record<CatalogColumnKey, number> }
  | { ok: false; errors: string[] };

/**
 * Finds each standard column (0-based index) in the header rows of an imported sheet: one or two
 * rows, merged group cells either repeated or blank, leaf names such as 全社会 in the lower row.
 */
export function locateCatalogColumns(headerRows: readonly (readonly unknown[])[]): ColumnLocation {
  const found = new Map<CatalogColumnKey, number>();
  const errors: string[] = [];
  const width = Math.max(0, ...headerRows.map((r) => r.length));
  for (let col = 0; col < width; col += 1) {
    const labels = headerRows.map((r) => normaliseHeader(cellText(r[col]))).reverse();
    const key = labels.map((l) => HEADER_INDEX.get(l)).find((k) => k !== undefined);
    if (!key) continue;
    if (found.has(key)) errors.push(`表头“${headerOf(key)}”出现了两次(第${col + 1}列)`);
    else found.set(key, col);
  }
  for (const column of CATALOG_COLUMNS) {
    if (!found.has(column.key)) errors.push(`缺少表头“${column.header}”`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, columns: Object.fromEntries(found) as Record<CatalogColumnKey, number> };
}

function headerOf(key: CatalogColumnKey): string {
  return CATALOG_COLUMNS.find((c) => c.key === key)?.header ?? key;
}

/** A sheet row from raw cells, by the standard positions or by a located column map. */
export function sheetRowFromCells(
  cells: readonly unknown[],
  columns?: Record<CatalogColumnKey, number>,
): CatalogSheetRow {
  const row = {} as CatalogSheetRow;
  CATALOG_COLUMNS.forEach((column, index) => {
    row[column.key] = cellText(cells[columns ? columns[column.key] : index]);
  });
  return row;
}

/** The cells of a sheet row in standard column order. */
export function sheetRowToCells(row: CatalogSheetRow): string[] {
  return CATALOG_COLUMNS.map((c) => row[c.key]);
}

/** True when every cell of the row is blank (such rows are skipped on import). */
export function isBlankSheetRow(row: CatalogSheetRow): boolean {
  return CATALOG_COLUMNS.every((c) => row[c.key].trim() === "");
}

/** The sheet row of a catalog item (lists joined with 、, legal bases one per line, ticks as √). */
export function catalogItemToRow(item: CatalogItem): CatalogSheetRow {
  return {
    seq: item.seq === null ? "" : String(item.seq),
    category: item.category,
    item: item.item,
    elements: item.elements.join("、"),
    legalBasis: item.legalBasis.join("\n"),
    deadline:
      item.deadline.text || (item.deadline.rule ? describeDeadlineRule(item.deadline.rule) : ""),
    responsibleUnit: item.responsibleUnit,
    channels: item.channels.join("、"),
    audienceWholeSociety: flagCell(item.audience.wholeSociety),
    audienceSpecificGroup: item.audience.specificGroupName || flagCell(item.audience.specificGroup),
    modeProactive: flagCell(item.mode.proactive),
    modeOnApplication: flagCell(item.mode.onApplication),
    levelCounty: flagCell(item.level.county),
    levelTownship: flagCell(item.level.township),
  };
}

export type RowResult =
  | { ok: true; item: CatalogItem; warnings: string[] }
  | { ok: false; errors: string[]; warnings: string[] };

/**
 * The catalog item of one sheet row, with every problem of the row as a Chinese message
 * prefixed "第N行:" (`rowNumber` is the spreadsheet row number). Errors make the row unusable;
 * warnings (an empty 公开依据, a 公开时限 the parser cannot read) keep it but need a person.
 */
export function rowToCatalogItem(row: CatalogSheetRow, rowNumber: number): RowResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const seq = parseSeq(row.seq, errors);
  if (row.category.trim() === "") errors.push("一级事项不能为空");
  if (row.item.trim() === "") errors.push("二级事项不能为空");
  const item: CatalogItem = {
    seq,
    category: row.category.trim(),
    item: row.item.trim(),
    elements: splitListCell(row.elements),
    legalBasis: splitListCell(row.legalBasis),
    deadline: readDeadline(row.deadline, warnings),
    responsibleUnit: row.responsibleUnit.trim(),
    channels: splitListCell(row.channels),
    ...readTicks(row, errors),
  };
  if (item.elements.length === 0) warnings.push("公开内容(要素)为空");
  if (item.legalBasis.length === 0) warnings.push("公开依据为空");
  if (item.responsibleUnit === "") warnings.push("公开主体为空");
  if (item.channels.length === 0) warnings.push("公开渠道和载体为空");
  if (errors.length === 0) {
    const checked = catalogItemSchema.safeParse(item);
    if (!checked.success) errors.push(...checked.error.issues.map((i) => i.message));
  }

  const prefix = (m: string) => `第${rowNumber}行:${m}`;
  if (errors.length > 0) {
    return { ok: false, errors: errors.map(prefix), warnings: warnings.map(prefix) };
  }
  return { ok: true, item, warnings: warnings.map(prefix) };
}

/** The 公开时限 text and its machine rule; an unreadable text is kept with a warning. */
function readDeadline(cell: string, warnings: string[]): CatalogItem["deadline"] {
  const text = cell.trim();
  if (text === "") {
    warnings.push("公开时限为空");
    return { text, rule: null };
  }
  const rule = parseDeadlineText(text);
  if (rule === null) {
    warnings.push(`无法识别公开时限“${text}”,将按原文保存,请人工指定期限规则`);
  }
  return { text, rule };
}

/** The six tick-box columns; each pair (对象, 方式, 层级) needs at least one tick. */
function readTicks(
  row: CatalogSheetRow,
  errors: string[],
): Pick<CatalogItem, "audience" | "mode" | "level"> {
  const flag = (key: CatalogColumnKey): Flag => {
    const value = parseFlagCell(row[key]);
    if (value !== null) return value;
    errors.push(`“${headerOf(key)}”一栏的“${row[key]}”无法识别,应填“√”、留空或“待核实”`);
    return false;
  };
  // 特定群体 may hold the group's name instead of a tick (the template asks for it).
  const groupText = row.audienceSpecificGroup.trim();
  const groupFlag = parseFlagCell(groupText);
  const audience = {
    wholeSociety: flag("audienceWholeSociety"),
    specificGroup: groupFlag ?? true,
    specificGroupName: groupFlag === null ? groupText : "",
  };
  const mode = { proactive: flag("modeProactive"), onApplication: flag("modeOnApplication") };
  const level = { county: flag("levelCounty"), township: flag("levelTownship") };
  if (noneTicked(audience.wholeSociety, audience.specificGroup)) {
    errors.push("公开对象至少勾选一项(全社会或特定群体)");
  }
  if (noneTicked(mode.proactive, mode.onApplication)) {
    errors.push("公开方式至少勾选一项(主动或依申请)");
  }
  if (noneTicked(level.county, level.township)) {
    errors.push("公开层级至少勾选一项(县级或乡级)");
  }
  return { audience, mode, level };
}

function parseSeq(text: string, errors: string[]): number | null {
  const t = text.normalize("NFKC").trim();
  if (t === "") return null;
  if (/^[1-9]\d{0,5}$/.test(t)) return Number(t);
  errors.push(`序号“${text}”应为正整数`);
  return null;
}

function noneTicked(a: Flag, b: Flag): boolean {
  return a === false && b === false;
}

/** Result of mapping a whole sheet: the good items, and every row's errors and warnings. */
export interface SheetResult {
  items: CatalogItem[];
  errors: string[];
  warnings: string[];
}

/**
 * Maps the data rows of a sheet (first data row is spreadsheet row `firstRowNumber`): blank rows
 * are skipped and a blank 一级事项 is taken from the row above, as vertically merged cells are.
 */
export function sheetRowsToCatalogItems(
  rows: readonly CatalogSheetRow[],
  firstRowNumber: number,
): SheetResult {
  const result: SheetResult = { items: [], errors: [], warnings: [] };
  let category = "";
  rows.forEach((row, index) => {
    if (isBlankSheetRow(row)) return;
    const filled = row.category.trim() === "" ? { ...row, category } : row;
    category = filled.category;
    const mapped = rowToCatalogItem(filled, firstRowNumber + index);
    result.warnings.push(...mapped.warnings);
    if (mapped.ok) result.items.push(mapped.item);
    else result.errors.push(...mapped.errors);
  });
  return result;
}
