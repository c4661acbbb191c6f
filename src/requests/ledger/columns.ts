// The 台账 (ledger) of 依申请公开 as bureaus keep it in a spreadsheet: one row per application with
// 申请编号, 申请人类型, 收到日期, 内容, 答复日期, 答复结果 and 复议诉讼. Reading and checking one row,
// and writing the cells back. Pure.
import type { IsoDate } from "../../calendar/rules";
import { type AppealFacts, appealLedgerText, parseAppealCell } from "../appeals/rules";
import { APPLICANT_KINDS, type ApplicantKind, applicantKindLabels } from "../labels";
import { isIsoDate } from "../periods";
import {
  isFinalResultKey,
  isResultGroupKey,
  missingReasonMessage,
  REPLY_RESULTS,
  RESULT_GROUPS,
  type ReplyResultKey,
  replyResult,
} from "../results";

/** The columns an import reads, with the header names accepted for each. */
export const LEDGER_COLUMNS = [
  { key: "applicationNo", header: "申请编号", aliases: ["编号", "申请号"], required: true },
  { key: "applicantKind", header: "申请人类型", aliases: ["申请人类别"], required: true },
  {
    key: "receivedOn",
    header: "收到日期",
    aliases: ["收到申请日期", "收到申请之日", "受理日期"],
    required: true,
  },
  {
    key: "content",
    header: "内容",
    aliases: ["申请内容", "申请公开内容", "所需信息"],
    required: true,
  },
  { key: "repliedOn", header: "答复日期", aliases: ["办结日期"], required: true },
  { key: "result", header: "答复结果", aliases: ["办理结果", "答复类型"], required: true },
  {
    key: "appeals",
    header: "复议诉讼",
    aliases: ["复议诉讼情况", "行政复议诉讼", "复议/诉讼"],
    required: false,
  },
] as const;
export type LedgerColumnKey = (typeof LEDGER_COLUMNS)[number]["key"];

/** Columns only an export writes (an import ignores them). */
export const LEDGER_EXPORT_EXTRA_HEADERS = ["状态", "答复期限", "是否超期"] as const;

/** Header text compared loosely: spaces, “*” marks and a trailing hint in brackets are ignored. */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\*/g, "")
    .replace(/\([^)]*\)$/, "");
}

const HEADER_INDEX: ReadonlyMap<string, LedgerColumnKey> = new Map(
  LEDGER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normaliseHeader(h), c.key])),
);

/** Which ledger column a header cell names, or null. */
export function ledgerColumnOf(header: string): LedgerColumnKey | null {
  return HEADER_INDEX.get(normaliseHeader(header)) ?? null;
}

/** One imported case, checked. */
export interface LedgerEntry {
  rowNumber: number;
  applicationNo: string;
  applicantKind: ApplicantKind;
  receivedOn: IsoDate;
  content: string;
  repliedOn: IsoDate;
  result: ReplyResultKey;
  appeals: AppealFacts[];
}

export type LedgerCells = Partial<Record<LedgerColumnKey, unknown>>;

const KIND_BY_LABEL: ReadonlyMap<string, ApplicantKind> = new Map([
  ...APPLICANT_KINDS.map((k) => [applicantKindLabels[k], k] as const),
  ...APPLICANT_KINDS.map((k) => [k, k] as const),
  ["公民", "natural_person"],
  ["个人", "natural_person"],
  ["企业", "org_commercial"],
  ["其他组织", "org_other"],
]);

/** 申请人类型 as the columns of table 三 name it (自然人, 商业企业 …), or its key. */
export function parseApplicantKind(text: string): ApplicantKind | null {
  return KIND_BY_LABEL.get(text.normalize("NFKC").replace(/\s+/g, "")) ?? null;
}

/**
 * A date cell: a spreadsheet date, an Excel serial number, or text such as 2024-03-05,
 * 2024/3/5, 2024.3.5, 2024年3月5日 or 20240305.
 */
export function parseLedgerDate(value: unknown): IsoDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 20000 || value > 80000) return null;
    // Excel's day 25569 is 1970-01-01 (the 1900 leap-year bug lies before any date here).
    return new Date((value - 25569) * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value !== "string") return null;
  const text = value.normalize("NFKC").trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

/** Result text compared loosely: width, spaces, quotes, the “1.” / “(三)” numbering. */
function normaliseResult(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s“”"'‘’]/g, "")
    .replace(/^\([一二三四五六七]\)/, "")
    .replace(/[—–－]/g, "-")
    .replace(/(^|[-、:/(])\d+\./g, "$1");
}

const stripNumbering = (label: string) => label.replace(/^(\([一二三四五六七]\)|\d+\.)/, "");

const GROUP_LABELS: Record<string, string> = Object.fromEntries(
  RESULT_GROUPS.map((g) => [g.key, g.label]),
);

/** Every accepted way of writing each result; forms shared by two results are dropped. */
const RESULT_FORMS: ReadonlyMap<string, ReplyResultKey> = (() => {
  const forms = new Map<string, ReplyResultKey | null>();
  const add = (form: string, key: ReplyResultKey) => {
    const n = normaliseResult(form);
    forms.set(n, forms.has(n) && forms.get(n) !== key ? null : key);
  };
  for (const r of REPLY_RESULTS) {
    add(r.key, r.key);
    const names = [r.label, stripNumbering(r.reportLabel)];
    if (r.group === null) {
      for (const name of names) add(name, r.key);
      add(r.label.replace(/\(.*$/, ""), r.key);
      if (r.key === "results.partially_disclosed") add("部分公开(区分处理)", r.key);
      continue;
    }
    const group = GROUP_LABELS[r.group]!;
    for (const name of names) {
      for (const sep of ["-", "、", ":", "/", "—", ""]) add(`${group}${sep}${name}`, r.key);
      add(`${group}(${name})`, r.key);
      if (name !== "其他") add(name, r.key);
    }
  }
  return new Map([...forms].filter((e): e is [string, ReplyResultKey] => e[1] !== null));
})();

export type ResultCellResult = { ok: true; result: ReplyResultKey } | { ok: false; error: string };

/**
 * 答复结果 as the annual report writes it: “予以公开”, “部分公开”, “不予公开 - 保护第三方合法权益”,
 * “不予公开、保护第三方合法权益”, “不予公开(保护第三方合法权益)”, or the key
 * (results.not_disclosed.third_party_rights). A group without its reason is refused.
 */
export function parseResultCell(text: string): ResultCellResult {
  const trimmed = text.trim();
  if (isFinalResultKey(trimmed)) return { ok: true, result: trimmed };
  const key = RESULT_FORMS.get(normaliseResult(trimmed));
  if (key) return { ok: true, result: key };
  const group = RESULT_GROUPS.find(
    (g) => g.key === trimmed || normaliseResult(g.label) === normaliseResult(trimmed),
  );
  if (group && isResultGroupKey(group.key))
    return { ok: false, error: missingReasonMessage(group.key) };
  return {
    ok: false,
    error: `答复结果“${trimmed}”无法识别,应按年度报告表三填写,例如“予以公开”“部分公开”“不予公开 - 保护第三方合法权益”“无法提供 - 本机关不掌握相关政府信息”`,
  };
}

/** 答复结果 as an export writes it: “予以公开”, “不予公开 - 保护第三方合法权益”. */
export function ledgerResultText(key: ReplyResultKey): string {
  const r = replyResult(key);
  return r.group ? `${GROUP_LABELS[r.group]} - ${r.label}` : r.label;
}

/** 复议诉讼 as an export writes it: “复议-维持;诉讼-纠正”. */
export function ledgerAppealsText(appeals: readonly AppealFacts[]): string {
  return appeals.map(appealLedgerText).join(";");
}

/** Text of a cell (string, number, rich text, formula result). */
export function ledgerCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => ledgerCellText(r?.text))
        .join("")
        .trim();
    if ("text" in v) return ledgerCellText(v.text);
    if ("result" in v) return ledgerCellText(v.result);
  }
  return "";
}

/** A date cell's value, unwrapping a formula result. */
function dateValue(value: unknown): unknown {
  if (value && typeof value === "object" && !(value instanceof Date) && "result" in value) {
    return (value as { result: unknown }).result;
  }
  return typeof value === "string" ? value.trim() : value;
}

const APPLICATION_NO = /^[^\s]{1,40}$/;
export const CONTENT_MAX = 2000;

export type LedgerRowResult = { ok: true; entry: LedgerEntry } | { ok: false; errors: string[] };

/** Checks one data row; every problem is reported with its row number, in Chinese. */
export function readLedgerRow(
  cells: LedgerCells,
  rowNumber: number,
  today: IsoDate,
): LedgerRowResult {
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`第${rowNumber}行:${message}`);
  const applicationNo = ledgerCellText(cells.applicationNo);
  if (!applicationNo) fail("请填写申请编号");
  else if (!APPLICATION_NO.test(applicationNo))
    fail(`申请编号“${applicationNo}”不能含空格,且不超过40个字符`);

  const kindText = ledgerCellText(cells.applicantKind);
  const applicantKind = parseApplicantKind(kindText);
  if (!applicantKind) {
    fail(
      kindText
        ? `申请人类型“${kindText}”无法识别,应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他`
        : "请填写申请人类型",
    );
  }
  const receivedOn = dateCell(cells.receivedOn, "收到日期", fail);
  const repliedOn = dateCell(cells.repliedOn, "答复日期", fail, "(只能导入已办结的申请)");
  if (receivedOn && receivedOn > today) fail(`收到日期不能晚于今天(${today})`);
  if (repliedOn && repliedOn > today) fail(`答复日期不能晚于今天(${today})`);
  if (receivedOn && repliedOn && repliedOn < receivedOn) fail("答复日期不能早于收到日期");

  const content = ledgerCellText(cells.content);
  if (!content) fail("请填写内容(所需政府信息)");
  else if (content.length > CONTENT_MAX) fail(`内容不能超过${CONTENT_MAX}字`);

  const resultText = ledgerCellText(cells.result);
  const result = resultText ? parseResultCell(resultText) : null;
  if (!result) fail("请填写答复结果");
  else if (!result.ok) fail(result.error);

  const appeals = parseAppealCell(ledgerCellText(cells.appeals));
  if (!appeals.ok) fail(appeals.error);

  if (
    errors.length > 0 ||
    !applicantKind ||
    !receivedOn ||
    !repliedOn ||
    !result?.ok ||
    !appeals.ok
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    entry: {
      rowNumber,
      applicationNo,
      applicantKind,
      receivedOn,
      content,
      repliedOn,
      result: result.result,
      appeals: appeals.appeals,
    },
  };
}

function dateCell(
  value: unknown,
  label: string,
  fail: (message: string) => void,
  hintWhenEmpty = "",
): IsoDate | null {
  const raw = dateValue(value);
  if (raw === null || raw === undefined || raw === "") {
    fail(`请填写${label}${hintWhenEmpty}`);
    return null;
  }
  const date = parseLedgerDate(raw);
  if (!date) {
    fail(`${label}“${ledgerCellText(raw)}”不是有效日期,应写作 2024-03-05 或 2024年3月5日`);
  }
  return date;
}
