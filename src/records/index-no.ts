// 索引号 (indexNo) patterns and 文号 (docNo) recognition for search.
// 条例第十二条: the 政府信息公开目录 lists each record's 索引; the usual form is the publisher's
// 统一社会信用代码, the year and a serial number, e.g. 11411221MB1234567X/2020-00053.

/** The pattern used when an administrator has not configured one. */
export const DEFAULT_INDEX_NO_PATTERN = "{creditCode}/{year}-{serial:5}";

export type IndexNoToken = "creditCode" | "year" | "serial" | "unitCode";

export type PatternSegment =
  | { type: "literal"; text: string }
  | { type: "token"; token: IndexNoToken; width?: number };

export interface IndexNoValues {
  /** 统一社会信用代码 of the publisher (18 characters). */
  creditCode: string;
  year: number;
  /** 1, 2, 3 … within the year (and unit, if the pattern has {unitCode}). */
  serial: number;
  /** A short code of the publishing unit, for patterns that contain {unitCode}. */
  unitCode?: string;
}

export type PatternResult =
  | { ok: true; segments: PatternSegment[] }
  | { ok: false; errors: string[] };

const TOKENS: readonly IndexNoToken[] = ["creditCode", "year", "serial", "unitCode"];
const MAX_SERIAL_WIDTH = 10;

/**
 * Parses an 索引号 pattern such as "{creditCode}/{year}-{serial:5}". Tokens: {creditCode},
 * {year}, {unitCode}, {serial} or {serial:N} (zero-padded to N digits, 1–10). The pattern must
 * contain {serial} exactly once, or numbers would repeat; all problems come back as Chinese errors.
 */
export function parseIndexNoPattern(pattern: string): PatternResult {
  const errors: string[] = [];
  const segments: PatternSegment[] = [];
  const re = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const match of pattern.matchAll(re)) {
    const [, inner, literal, stray] = match;
    if (literal !== undefined) segments.push({ type: "literal", text: literal });
    else if (stray !== undefined) errors.push(`第${match.index + 1}个字符处的“${stray}”没有配对`);
    else errors.push(...addToken(inner ?? "", segments));
  }
  const serials = segments.filter((s) => s.type === "token" && s.token === "serial").length;
  if (pattern.trim() === "") errors.push("索引号格式不能为空");
  else if (serials === 0) errors.push("索引号格式必须包含流水号 {serial},否则索引号会重复");
  else if (serials > 1) errors.push("索引号格式只能包含一个 {serial}");
  return errors.length > 0 ? { ok: false, errors } : { ok: true, segments };
}

function addToken(inner: string, segments: PatternSegment[]): string[] {
  const [name = "", width, ...rest] = inner.split(":");
  const token = TOKENS.find((t) => t === name);
  if (!token) return [`不认识的占位符 {${inner}},可用:{creditCode} {year} {serial:N} {unitCode}`];
  if (width === undefined) {
    segments.push({ type: "token", token });
    return [];
  }
  const n = Number(width);
  if (token !== "serial" || rest.length > 0)
    return [`占位符 {${inner}} 不能带位数,只有 {serial:N} 可以`];
  if (!/^\d+$/.test(width) || n < 1 || n > MAX_SERIAL_WIDTH) {
    return [`{serial:N} 的位数应为 1 到 ${MAX_SERIAL_WIDTH} 的整数,现为“${width}”`];
  }
  segments.push({ type: "token", token, width: n });
  return [];
}

/**
 * Formats an 索引号. A serial longer than its width is written in full (numbers stay unique);
 * throws an Error with a Chinese message for an invalid pattern or a missing value.
 */
export function formatIndexNo(pattern: string, values: IndexNoValues): string {
  const parsed = parseIndexNoPattern(pattern);
  if (!parsed.ok) throw new Error(`索引号格式无效:${parsed.errors.join(";")}`);
  if (!Number.isSafeInteger(values.serial) || values.serial < 1) {
    throw new Error(`流水号必须是正整数:${values.serial}`);
  }
  if (!Number.isInteger(values.year) || values.year < 1000 || values.year > 9999) {
    throw new Error(`年份必须是四位数:${values.year}`);
  }
  return parsed.segments
    .map((segment) => {
      if (segment.type === "literal") return segment.text;
      switch (segment.token) {
        case "creditCode":
          return required(values.creditCode, "统一社会信用代码");
        case "year":
          return String(values.year);
        case "serial":
          return String(values.serial).padStart(segment.width ?? 0, "0");
        case "unitCode":
          return required(values.unitCode, "单位代码");
        default: {
          const unreachable: never = segment.token;
          throw new Error(`未知占位符:${unreachable}`);
        }
      }
    })
    .join("");
}

function required(value: string | undefined, label: string): string {
  const v = value?.trim() ?? "";
  if (v === "") throw new Error(`索引号格式需要${label},但没有提供`);
  return v;
}

const TOKEN_REGEX: Record<IndexNoToken, string> = {
  creditCode: "([0-9A-HJ-NP-RTUW-Y]{18})",
  year: "(\\d{4})",
  serial: "(\\d+)",
  unitCode: "([^/\\s]+?)",
};

/** A regular expression matching whole 索引号 of a valid pattern (tokens captured in order). */
export function indexNoRegExp(segments: readonly PatternSegment[]): RegExp {
  const body = segments
    .map((s) => {
      if (s.type === "literal") return s.text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
      if (s.token === "serial" && s.width) return `(\\d{${s.width},})`;
      return TOKEN_REGEX[s.token];
    })
    .join("");
  return new RegExp(`^${body}$`, "i");
}

/** Reads the values back out of an 索引号 made with `pattern` (e.g. to find the highest serial), or null. */
export function parseIndexNo(pattern: string, indexNo: string): Partial<IndexNoValues> | null {
  const parsed = parseIndexNoPattern(pattern);
  if (!parsed.ok) return null;
  const match = indexNoRegExp(parsed.segments).exec(normalizeIndexNo(indexNo));
  if (!match) return null;
  const values: Partial<IndexNoValues> = {};
  const tokens = parsed.segments.flatMap((s) => (s.type === "token" ? [s.token] : []));
  tokens.forEach((token, i) => {
    const text = match[i + 1] ?? "";
    if (token === "year" || token === "serial") values[token] = Number(text);
    else if (token === "creditCode") values.creditCode = text.toUpperCase();
    else values.unitCode = text;
  });
  return values;
}

/** Full-width characters to half-width and spaces removed ("１１４…／２０２０－00053" → "114…/2020-00053"). */
export function normalizeIndexNo(query: string): string {
  return query.normalize("NFKC").replace(/\s+/g, "").replace(/[—–‐]/g, "-");
}

/**
 * Whether a search query is an 索引号: the default shape (18-character credit code, "/", year,
 * "-", serial) or a whole match of one of the configured `patterns`.
 */
export function looksLikeIndexNo(query: string, patterns: readonly string[] = []): boolean {
  const q = normalizeIndexNo(query);
  if (q === "") return false;
  for (const pattern of [DEFAULT_INDEX_NO_PATTERN, ...patterns]) {
    const parsed = parseIndexNoPattern(pattern);
    if (parsed.ok && indexNoRegExp(parsed.segments.map(unpadded)).test(q)) return true;
  }
  return false;
}

function unpadded(segment: PatternSegment): PatternSegment {
  return segment.type === "token" && segment.token === "serial"
    ? { type: "token", token: "serial" }
    : segment;
}

// 文号 (docNo): GB/T 9704-2012《党政机关公文格式》7.2.4 — the year in full inside 六角括号 〔〕,
// the serial without 第 and without leading zeros, followed by 号: 渑市监文〔2020〕53号.
const DOC_NO =
  /^([\p{Script=Han}A-Za-z]*?)[〔[(【〖]((?:19|20)\d{2})[〕\])】〗]第?0*([1-9]\d{0,5})号?$/u;
const ORDER_NO = /^(\p{Script=Han}+令)第?0*([1-9]\d{0,5})号$/u;

/**
 * The canonical form of a 文号 typed into search: brackets [] () () 【】 〖〗 ［］ become 〔〕,
 * full-width digits and spaces are normalised, a missing 号 is added and leading zeros dropped
 * ("渑市监文[2020]053" → "渑市监文〔2020〕53号"). A bare "〔2020〕53号" is kept for suffix search;
 * 令 numbers ("市场监管总局令第49号") are recognised too. Null when the query is not a 文号.
 */
export function normalizeDocNo(query: string): string | null {
  const q = query.normalize("NFKC").replace(/\s+/g, "");
  const doc = DOC_NO.exec(q);
  if (doc) return `${doc[1]}〔${doc[2]}〕${doc[3]}号`;
  const order = ORDER_NO.exec(q);
  if (order) return `${order[1]}第${order[2]}号`;
  return null;
}

/** Whether a search query is a 文号 (see `normalizeDocNo`). */
export function looksLikeDocNo(query: string): boolean {
  return normalizeDocNo(query) !== null;
}
