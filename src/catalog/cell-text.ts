// Reading and writing the text of one spreadsheet cell of the standard catalog: lists, tick
// boxes and the loose values spreadsheet libraries hand back.
import type { Flag } from "./catalog-item";

/** Text of a cell value as spreadsheet libraries return it (string, number, rich text, formula result). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: unknown; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText)) {
      return v.richText
        .map((run: { text?: unknown }) => cellText(run?.text))
        .join("")
        .trim();
    }
    if ("text" in v) return cellText(v.text);
    if ("result" in v) return cellText(v.result);
  }
  return "";
}

// Written as escapes so half-width and full-width forms both stay visible in the source.
const OPENERS: Record<string, string> = {
  "《": "》",
  "(": ")",
  "\uff08": "\uff09",
  "〔": "〕",
  "【": "】",
};

/**
 * Splits a list cell at 、,,;; and line breaks, but never inside 《》 or brackets, so a
 * title such as 《关于加强食品、药品监管的意见》 or an element such as 投诉举报(渠道、受理) stays whole.
 * Adjacent book titles written without a separator (《A》《B》) are split too.
 */
export function splitListCell(text: string): string[] {
  const parts: string[] = [];
  const closers: string[] = [];
  let current = "";
  const push = () => {
    if (current.trim() !== "") parts.push(current.trim());
    current = "";
  };
  for (const ch of text) {
    if (closers.length === 0 && ch === "《" && current.trim().endsWith("》")) push();
    if (OPENERS[ch]) closers.push(OPENERS[ch]);
    else if (ch === closers.at(-1)) closers.pop();
    if (closers.length === 0 && /[、,\uff0c;\uff1b\n\r]/.test(ch)) push();
    else current += ch;
  }
  push();
  return parts;
}

export const TICK = "√";
export const UNVERIFIED_MARK = "待核实";

const TICKED = new Set(["√", "✓", "✔", "☑", "●", "是", "有", "Y", "YES", "TRUE", "1"]);
const UNTICKED = new Set([
  "",
  "×",
  "✗",
  "✘",
  "☐",
  "否",
  "无",
  "N",
  "NO",
  "FALSE",
  "0",
  "/",
  "-",
  "—",
]);
const UNKNOWN = new Set(["待核实", "未核实", "UNVERIFIED", "?"]);

/** The tick-box value of a cell, or null when the text is not a recognisable tick or blank. */
export function parseFlagCell(text: string): Flag | null {
  const t = text.normalize("NFKC").trim().toUpperCase();
  if (TICKED.has(t)) return true;
  if (UNTICKED.has(t)) return false;
  if (UNKNOWN.has(t)) return "unverified";
  return null;
}

/** "√", "" or "待核实". */
export function flagCell(flag: Flag): string {
  if (flag === "unverified") return UNVERIFIED_MARK;
  return flag ? TICK : "";
}
