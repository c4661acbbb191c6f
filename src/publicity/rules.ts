// Pure rules of 双公示 (行政许可 and 行政处罚 decisions made public): the fields each entry must
// have, how one entry is checked, and the 公示期 (publicityPeriod) after which an entry leaves
// the public list by itself. No I/O; "today" is passed in.
import { createHash } from "node:crypto";
import { type IsoDate, parseIsoDate } from "../calendar/rules";
import {
  creditCodeProblem,
  findIdNumber,
  isCreditCode,
  normaliseCreditCode,
  parseSubjectType,
  type SubjectType,
  subjectTypeOf,
} from "./identity-checks";

export type EntryType = "licence" | "penalty";
/** penalty = 行政处罚, coercion = 行政强制 (counted apart in the annual report). */
export type PenaltyKind = "penalty" | "coercion";

export const PENALTY_KIND_LABELS: Record<PenaltyKind, string> = {
  penalty: "行政处罚",
  coercion: "行政强制",
};

export const ENTRY_TYPE_LABELS: Record<EntryType, string> = {
  licence: "行政许可",
  penalty: "行政处罚",
};

interface FieldDef<K extends string> {
  key: K;
  /** The XLSX column header and the label in messages. */
  header: string;
  required: boolean;
  max: number;
  type: "text" | "date" | "creditCode" | "subjectType" | "penaltyKind" | "yesNo";
  /** Shown on public pages (or masked there): checked for ID numbers. */
  public: boolean;
}

/** Columns of a 行政许可 import, in template order (the key fields of 双公示 行政许可信息). */
export const LICENCE_FIELDS = [
  { key: "licenceNo", header: "许可证编号", required: true, max: 64, type: "text", public: true },
  {
    key: "subjectName",
    header: "行政相对人名称",
    required: true,
    max: 200,
    type: "text",
    public: true,
  },
  {
    key: "subjectType",
    header: "当事人类型",
    required: false,
    max: 20,
    type: "subjectType",
    public: false,
  },
  {
    key: "creditCode",
    header: "统一社会信用代码",
    required: false,
    max: 40,
    type: "creditCode",
    public: true,
  },
  {
    key: "legalRep",
    header: "法定代表人(负责人)",
    required: false,
    max: 100,
    type: "text",
    public: true,
  },
  { key: "content", header: "许可内容", required: true, max: 2000, type: "text", public: true },
  { key: "decidedOn", header: "许可决定日期", required: true, max: 20, type: "date", public: true },
  { key: "validFrom", header: "有效期自", required: false, max: 20, type: "date", public: true },
  { key: "validTo", header: "有效期至", required: false, max: 20, type: "date", public: true },
  { key: "authority", header: "许可机关", required: true, max: 200, type: "text", public: true },
  {
    key: "catalogItem",
    header: "目录事项编码",
    required: false,
    max: 40,
    type: "text",
    public: false,
  },
] as const satisfies readonly FieldDef<string>[];

/** Columns of a 行政处罚 / 行政强制 import, in template order. */
export const PENALTY_FIELDS = [
  {
    key: "decisionNo",
    header: "行政处罚决定书文号",
    required: true,
    max: 100,
    type: "text",
    public: true,
  },
  { key: "kind", header: "决定类别", required: false, max: 20, type: "penaltyKind", public: false },
  {
    key: "minor",
    header: "仅通报批评或较低数额罚款",
    required: false,
    max: 10,
    type: "yesNo",
    public: false,
  },
  {
    key: "subjectName",
    header: "当事人名称",
    required: true,
    max: 200,
    type: "text",
    public: true,
  },
  {
    key: "subjectType",
    header: "当事人类型",
    required: false,
    max: 20,
    type: "subjectType",
    public: false,
  },
  {
    key: "creditCode",
    header: "统一社会信用代码",
    required: false,
    max: 40,
    type: "creditCode",
    public: true,
  },
  {
    key: "legalRep",
    header: "法定代表人(负责人)",
    required: false,
    max: 100,
    type: "text",
    public: true,
  },
  { key: "facts", header: "违法事实摘要", required: true, max: 4000, type: "text", public: true },
  { key: "basis", header: "处罚依据", required: true, max: 2000, type: "text", public: true },
  { key: "content", header: "处罚内容", required: true, max: 2000, type: "text", public: true },
  { key: "decidedOn", header: "处罚决定日期", required: true, max: 20, type: "date", public: true },
  { key: "authority", header: "处罚机关", required: true, max: 200, type: "text", public: true },
  {
    key: "catalogItem",
    header: "目录事项编码",
    required: false,
    max: 40,
    type: "text",
    public: false,
  },
] as const satisfies readonly FieldDef<string>[];

export type LicenceFieldKey = (typeof LICENCE_FIELDS)[number]["key"];
export type PenaltyFieldKey = (typeof PENALTY_FIELDS)[number]["key"];

/** One entry as text, the way both the API and a spreadsheet row deliver it. */
export type LicenceRaw = Partial<Record<LicenceFieldKey, string>>;
export type PenaltyRaw = Partial<Record<PenaltyFieldKey, string>>;

interface SubjectValues {
  subjectName: string;
  subjectType: SubjectType;
  creditCode: string | null;
  legalRep: string | null;
  decidedOn: IsoDate;
  authority: string;
  /** Catalog item code (FD-02); null = the default item of the kind. */
  catalogItem: string | null;
}

export interface LicenceValues extends SubjectValues {
  licenceNo: string;
  content: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface PenaltyValues extends SubjectValues {
  decisionNo: string;
  kind: PenaltyKind;
  minor: boolean;
  facts: string;
  basis: string;
  content: string;
}

export interface FieldProblem {
  field: string;
  /** The column header / field label. */
  label: string;
  message: string;
}

export type CheckResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

const YES = new Set(["是", "Y", "YES", "TRUE", "1", "√"]);
const NO = new Set(["", "否", "N", "NO", "FALSE", "0"]);

function cleanText(text: string | undefined): string {
  return (text ?? "").normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/** Checks every field of one entry; every problem is reported, not only the first. */
function checkFields<K extends string>(
  defs: readonly FieldDef<K>[],
  raw: Partial<Record<K, string>>,
  today: IsoDate,
): { values: Record<K, string | null>; problems: FieldProblem[]; stated?: SubjectType } {
  const problems: FieldProblem[] = [];
  const values = {} as Record<K, string | null>;
  let stated: SubjectType | undefined;
  for (const def of defs) {
    const problem = (message: string) =>
      problems.push({ field: def.key, label: def.header, message });
    let text = cleanText(raw[def.key]);
    values[def.key] = null;
    if (text === "") {
      if (def.required) problem("不能为空");
      continue;
    }
    if ([...text].length > def.max) {
      problem(`不能超过${def.max}个字`);
      continue;
    }
    // 身份证号 in anything published is refused outright, even where it would be masked.
    if (def.public && def.type !== "creditCode" && findIdNumber(text)) {
      problem("含有居民身份证号码,不得公示,请删除后重新提交");
      continue;
    }
    switch (def.type) {
      case "date": {
        const date = parseDateText(text);
        if (!date) {
          problem(`“${text}”不是有效日期,请写成 YYYY-MM-DD`);
          continue;
        }
        if (def.key === "decidedOn" && date > today) {
          problem("决定日期不能晚于今天");
          continue;
        }
        text = date;
        break;
      }
      case "creditCode": {
        text = normaliseCreditCode(text);
        const why = creditCodeProblem(text);
        if (why) {
          problem(
            findIdNumber(text) ? "含有居民身份证号码,不得公示,请删除后重新提交" : `不正确:${why}`,
          );
          continue;
        }
        break;
      }
      case "subjectType": {
        const type = parseSubjectType(text);
        if (!type) {
          problem(`“${text}”无法识别,请填写“法人及其他组织”“个体工商户”或“自然人”`);
          continue;
        }
        stated = type;
        text = type;
        break;
      }
      case "penaltyKind": {
        const kind = parsePenaltyKind(text);
        if (!kind) {
          problem(`“${text}”无法识别,请填写“行政处罚”或“行政强制”`);
          continue;
        }
        text = kind;
        break;
      }
      case "yesNo": {
        const t = text.normalize("NFKC").toUpperCase();
        if (!YES.has(t) && !NO.has(t)) {
          problem(`“${text}”无法识别,请填写“是”或“否”`);
          continue;
        }
        text = YES.has(t) ? "1" : "0";
        break;
      }
      case "text":
        break;
    }
    values[def.key] = text;
  }
  return { values, problems, stated };
}

function parsePenaltyKind(text: string): PenaltyKind | null {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (t === "行政处罚" || t === "处罚" || t === "penalty") return "penalty";
  if (t === "行政强制" || t === "强制" || t === "行政强制措施" || t === "coercion")
    return "coercion";
  return null;
}

/** A date as people write it: 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日 or 20250305. */
export function parseDateText(text: string): IsoDate | null {
  const t = text.normalize("NFKC").trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!match) return null;
  return parseIsoDate(`${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`);
}

function subjectOf(
  values: Record<string, string | null>,
  stated: SubjectType | undefined,
  problems: FieldProblem[],
): SubjectValues {
  const creditCode = values.creditCode ?? null;
  const subjectType = subjectTypeOf(stated, creditCode);
  if (stated === "organisation" && !creditCode && !problems.some((p) => p.field === "creditCode")) {
    problems.push({
      field: "creditCode",
      label: "统一社会信用代码",
      message: "法人及其他组织应填写统一社会信用代码",
    });
  }
  return {
    subjectName: values.subjectName ?? "",
    subjectType,
    creditCode,
    legalRep: values.legalRep ?? null,
    decidedOn: values.decidedOn ?? "",
    authority: values.authority ?? "",
    catalogItem: values.catalogItem ?? null,
  };
}

/** Checks a 行政许可 entry. */
export function checkLicence(raw: LicenceRaw, today: IsoDate): CheckResult<LicenceValues> {
  const { values, problems, stated } = checkFields(LICENCE_FIELDS, raw, today);
  const subject = subjectOf(values, stated, problems);
  const value: LicenceValues = {
    ...subject,
    licenceNo: values.licenceNo ?? "",
    content: values.content ?? "",
    validFrom: values.validFrom,
    validTo: values.validTo,
  };
  if (value.validFrom && value.validTo && value.validTo < value.validFrom) {
    problems.push({ field: "validTo", label: "有效期至", message: "不能早于有效期自" });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** Checks a 行政处罚 / 行政强制 entry. */
export function checkPenalty(raw: PenaltyRaw, today: IsoDate): CheckResult<PenaltyValues> {
  const { values, problems, stated } = checkFields(PENALTY_FIELDS, raw, today);
  const subject = subjectOf(values, stated, problems);
  const value: PenaltyValues = {
    ...subject,
    decisionNo: values.decisionNo ?? "",
    kind: (values.kind as PenaltyKind | null) ?? "penalty",
    minor: values.minor === "1",
    facts: values.facts ?? "",
    basis: values.basis ?? "",
    content: values.content ?? "",
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** "第3行“许可内容”含有居民身份证号码……" — how a spreadsheet row's problem is reported. */
export function rowProblemText(rowNumber: number, p: FieldProblem): string {
  return `第${rowNumber}行“${p.label}”${p.message}`;
}

/**
 * Fingerprint of an entry's imported content: a re-import with the same fingerprint changes
 * nothing (not even updated_at), so sending the same file twice is harmless.
 */
export function contentHashOf(values: LicenceValues | PenaltyValues): string {
  const sorted = Object.fromEntries(
    Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}

export function isValidCreditCode(code: string): boolean {
  return isCreditCode(code);
}

// ---- 公示期 (publicityPeriod) ----

/** licence; penalty = ordinary 行政处罚; penalty_minor = only 通报批评 or a lower fine; coercion. */
export type PeriodKind = "licence" | "penalty" | "penalty_minor" | "coercion";
export const PERIOD_KINDS: readonly PeriodKind[] = [
  "licence",
  "penalty",
  "penalty_minor",
  "coercion",
];

/** validity = while the licence is valid (until 有效期至); fixed = `months` from publication. */
export type PeriodMode = "validity" | "fixed";

export interface PeriodSetting {
  kind: PeriodKind;
  mode: PeriodMode;
  months: number;
}

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  licence: "行政许可",
  penalty: "行政处罚(一般)",
  penalty_minor: "行政处罚(仅通报批评或较低数额罚款)",
  coercion: "行政强制",
};

/**
 * Defaults. ../shared/reference holds no data on 公示期, so every default is marked unverified and
 * stays editable by the administrator. Penalties: 《市场监督管理行政处罚信息公示规定》
 * (市场监管总局令第45号) sets 3 years from publication, 3 months for decisions of only 通报批评 or
 * a lower fine (条号 unverified). Licences: while the licence is valid. Coercion: no period found;
 * 3 years like penalties until the bureau decides.
 */
export const DEFAULT_PERIODS: Record<
  PeriodKind,
  PeriodSetting & { basis: string; verified: false }
> = {
  licence: {
    kind: "licence",
    mode: "validity",
    months: 36,
    basis: "许可有效期内公示(未核实)",
    verified: false,
  },
  penalty: {
    kind: "penalty",
    mode: "fixed",
    months: 36,
    basis: "《市场监督管理行政处罚信息公示规定》:自公示之日起3年(条号未核实)",
    verified: false,
  },
  penalty_minor: {
    kind: "penalty_minor",
    mode: "fixed",
    months: 3,
    basis:
      "《市场监督管理行政处罚信息公示规定》:仅受到通报批评或者较低数额罚款的,3个月(条号未核实)",
    verified: false,
  },
  coercion: {
    kind: "coercion",
    mode: "fixed",
    months: 36,
    basis: "参考数据中未找到规定,暂按3年(未核实)",
    verified: false,
  },
};

export const MAX_PERIOD_MONTHS = 120;

/** The setting of a kind: the administrator's row if any, else the default. */
export function periodSettingOf(kind: PeriodKind, saved: readonly PeriodSetting[]): PeriodSetting {
  const row = saved.find((s) => s.kind === kind);
  const d = DEFAULT_PERIODS[kind];
  return row ?? { kind, mode: d.mode, months: d.months };
}

export function periodKindOfPenalty(kind: PenaltyKind, minor: boolean): PeriodKind {
  if (kind === "coercion") return "coercion";
  return minor ? "penalty_minor" : "penalty";
}

/** `date` plus n calendar months, the day kept or clamped to the month's last day (1-31 + 1 month = 2-28/29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : last;
  const day = Math.min(Number(date.slice(8, 10)), max);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The last day of an entry's 公示期, or null when it has no end (a licence without 有效期至 under
 * the validity mode). A fixed period counts from the day of publication ("自公示之日起"); the
 * start day is not counted (民法典第二百零一条), so N months end on the same date N months
 * later. Unpublished entries have no end yet.
 */
export function publicityEndsOn(
  setting: PeriodSetting,
  entry: { publishedOn: IsoDate | null; validTo: IsoDate | null },
): IsoDate | null {
  if (!entry.publishedOn) return null;
  if (setting.mode === "validity") return entry.validTo;
  return addMonths(entry.publishedOn, setting.months);
}

/** Listed publicly on `today`: published, not taken down, and within its 公示期. */
export function isPublicOn(
  entry: {
    publishedOn: IsoDate | null;
    takenDownAt: string | null;
    publicityEndsOn: IsoDate | null;
  },
  today: IsoDate,
): boolean {
  if (!entry.publishedOn || entry.takenDownAt) return false;
  return entry.publicityEndsOn === null || today <= entry.publicityEndsOn;
}

export type PublicityStatus = "unpublished" | "public" | "expired" | "takenDown";

export const STATUS_LABELS: Record<PublicityStatus, string> = {
  unpublished: "未公示",
  public: "公示中",
  expired: "公示期满",
  takenDown: "已撤下(信用修复)",
};

export function statusOf(
  entry: {
    publishedOn: IsoDate | null;
    takenDownAt: string | null;
    publicityEndsOn: IsoDate | null;
  },
  today: IsoDate,
): PublicityStatus {
  if (entry.takenDownAt) return "takenDown";
  if (!entry.publishedOn) return "unpublished";
  return isPublicOn(entry, today) ? "public" : "expired";
}
