// Best-effort text from a PDF without a PDF library: finds content streams (uncompressed or
// FlateDecode), and reads the strings shown by Tj, TJ, ' and ". Only strings that are plain ASCII
// or UTF-16BE with a byte-order mark are understood; text drawn with embedded CID fonts (most
// Chinese PDFs) needs the fonts' ToUnicode maps, which this does not follow, and yields nothing.
import { constants, inflateSync } from "node:zlib";
import type { TextBudget } from "./text-budget";

const MAX_STREAM_OUTPUT = 8 * 1024 * 1024;
const MAX_TOTAL_INFLATED = 64 * 1024 * 1024;
// Streams that are never page content: images, fonts, cross-reference and object streams, XMP.
const NOT_CONTENT =
  /\/Subtype\s*\/(Image|Type1C|CIDFontType0C|OpenType)|\/Length[123]\b|\/Type\s*\/(XRef|ObjStm|Metadata|EmbeddedFile)|\/DecodeParms/;

/** The text shown by the PDF's content streams; null when nothing readable was found. */
export function extractPdfText(bytes: Uint8Array, budget: TextBudget): string | null {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let inflated = 0;
  for (let i = s.indexOf("stream"); i >= 0 && budget.hasRoom; i = s.indexOf("stream", i + 6)) {
    if (s.slice(i - 3, i) === "end") continue;
    const start = dataStart(s, i + 6);
    if (start < 0) continue;
    const end = s.indexOf("endstream", start);
    if (end < 0) break;
    const dict = s.slice(Math.max(s.lastIndexOf("obj", i), i - 4096, 0), i);
    const content = decodeStream(bytes, dict, start, end, MAX_TOTAL_INFLATED - inflated);
    i = end;
    if (content === null) continue;
    inflated += content.length;
    if (content.includes("BT")) showText(content, budget);
  }
  const text = budget.result("\n");
  return text && isSensible(text) ? text : null;
}

function dataStart(s: string, after: number): number {
  if (s.startsWith("\r\n", after)) return after + 2;
  if (s[after] === "\n" || s[after] === "\r") return after + 1;
  return -1;
}

function decodeStream(
  bytes: Uint8Array,
  dict: string,
  start: number,
  end: number,
  room: number,
): string | null {
  if (NOT_CONTENT.test(dict) || room <= 0) return null;
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
  const filter = /\/Filter\s*(\[\s*)?\/(\w+)\s*(\])?/.exec(dict);
  try {
    if (!filter) return data.toString("latin1");
    if (filter[2] !== "FlateDecode" || (filter[1] && !filter[3])) return null;
    const out = inflateSync(data, {
      maxOutputLength: Math.min(MAX_STREAM_OUTPUT, room),
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    return out.toString("latin1");
  } catch {
    return null;
  }
}

type Str = { str: string };
type Operand = Str | number | null | Operand[];

/** Runs through a content stream's operators and adds each text line to the budget. */
function showText(content: string, budget: TextBudget): void {
  const lexer = new Lexer(content);
  const stack: Operand[] = [];
  let line = "";
  let lastY: number | null = null;
  const newline = () => {
    if (line.trim()) budget.add(line.trim());
    line = "";
  };
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (isClose(token)) continue;
    if (!isOp(token)) {
      stack.push(token);
      continue;
    }
    const { op } = token;
    const top = stack[stack.length - 1];
    if (op === "Tj" || op === "'" || op === '"') {
      if (op !== "Tj") newline();
      line += isStr(top) ? decodeString(top.str) : "";
    } else if (op === "TJ" && Array.isArray(top)) {
      for (const item of top) {
        if (isStr(item)) line += decodeString(item.str);
        else if (typeof item === "number" && item < -250 && /[\x21-\x7e]$/.test(line)) line += " ";
      }
    } else if (op === "T*" || op === "ET") newline();
    else if ((op === "Td" || op === "TD") && stack[stack.length - 1] !== 0) newline();
    else if (op === "Tm") {
      const y = stack[stack.length - 1];
      if (typeof y === "number" && y !== lastY) newline();
      lastY = typeof y === "number" ? y : lastY;
    } else if (op === "ID") lexer.skipInlineImage();
    stack.length = 0;
    if (!budget.hasRoom) return;
  }
  newline();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters
const CONTROL = /[\u0000-\u001f]/g;
const isStr = (v: unknown): v is Str => typeof v === "object" && v !== null && "str" in v;
const isOp = (v: Token): v is { op: string } => typeof v === "object" && v !== null && "op" in v;
const isClose = (v: Token): v is { close: true } =>
  typeof v === "object" && v !== null && "close" in v;

/** A PDF string's bytes as text: UTF-16BE with a byte-order mark, or printable ASCII; else "". */
function decodeString(raw: string): string {
  if (raw.startsWith("\xfe\xff")) {
    const b = Buffer.from(raw.slice(2), "latin1");
    if (b.length % 2 === 1) return "";
    return b.swap16().toString("utf16le").replace(CONTROL, "");
  }
  return /^[\x20-\x7e\t\r\n]*$/.test(raw) ? raw.replace(/[\t\r\n]/g, " ") : "";
}

// Mostly letters and digits (any script): garbage from unmapped glyph codes is not.
function isSensible(text: string): boolean {
  const visible = text.replace(/\s/g, "");
  const wordy = visible.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return wordy >= 2 && wordy / Array.from(visible).length >= 0.5;
}

type Token = Operand | { op: string } | { close: true };

const DELIMITERS = new Set([..."()<>[]{}/%"]);
const isSpace = (c: string | undefined) =>
  c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\f" || c === "\0";

/** A content-stream tokenizer: strings, numbers, names, arrays and operators. */
class Lexer {
  private i = 0;
  constructor(private readonly s: string) {}

  next(): Token | undefined {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (isSpace(c)) this.i++;
      else if (c === "%") this.i = this.lineEnd();
      else break;
    }
    if (this.i >= s.length) return undefined;
    const c = s[this.i]!;
    if (c === "(") return { str: this.literal() };
    if (c === "<" && s[this.i + 1] === "<") return this.skip(2);
    if (c === ">" && s[this.i + 1] === ">") return this.skip(2);
    if (c === "<") return { str: this.hex() };
    if (c === "[") return this.array();
    if (c === "]") {
      this.i++;
      return { close: true };
    }
    if (c === "{" || c === "}" || c === ">" || c === ")") return this.skip(1);
    const word = this.word(c === "/" ? 1 : 0);
    if (c === "/") return null;
    const n = Number(word);
    return word !== "" && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) ? n : { op: word };
  }

  /** After an inline image's ID operator: skips the image bytes up to "EI". */
  skipInlineImage(): void {
    const m = /\sEI(?=[\s]|$)/g;
    m.lastIndex = this.i;
    const found = m.exec(this.s);
    this.i = found ? found.index + found[0].length : this.s.length;
  }

  private skip(n: number): null {
    this.i += n;
    return null;
  }

  private lineEnd(): number {
    const n = this.s.indexOf("\n", this.i);
    const r = this.s.indexOf("\r", this.i);
    const ends = [n, r].filter((x) => x >= 0);
    return ends.length ? Math.min(...ends) : this.s.length;
  }

  private word(from: number): string {
    const start = this.i + from;
    let j = start;
    while (j < this.s.length && !isSpace(this.s[j]) && !DELIMITERS.has(this.s[j]!)) j++;
    this.i = j === this.i ? j + 1 : j;
    return this.s.slice(start, j);
  }

  private array(): Operand[] {
    this.i++;
    const items: Operand[] = [];
    for (let t = this.next(); t !== undefined; t = this.next()) {
      if (isClose(t)) break;
      if (!isOp(t)) items.push(t);
    }
    return items;
  }

  private literal(): string {
    const s = this.s;
    let depth = 1;
    let out = "";
    let i = this.i + 1;
    while (i < s.length) {
      const c = s[i]!;
      if (c === "\\") {
        const [text, next] = readEscape(s, i + 1);
        out += text;
        i = next;
        continue;
      }
      if (c === "(") depth++;
      if (c === ")" && --depth === 0) break;
      out += c;
      i++;
    }
    this.i = i + 1;
    return out;
  }

  private hex(): string {
    const close = this.s.indexOf(">", this.i);
    const end = close < 0 ? this.s.length : close;
    let digits = this.s.slice(this.i + 1, end).replace(/[^0-9a-fA-F]/g, "");
    if (digits.length % 2) digits += "0";
    this.i = end + 1;
    return Buffer.from(digits, "hex").toString("latin1");
  }
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };

function readEscape(s: string, i: number): [string, number] {
  const c = s[i] ?? "";
  if (c in ESCAPES) return [ESCAPES[c]!, i + 1];
  const octal = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
  if (octal) return [String.fromCharCode(Number.parseInt(octal[0], 8) & 0xff), i + octal[0].length];
  if (c === "\r") return ["", s[i + 1] === "\n" ? i + 2 : i + 1];
  if (c === "\n") return ["", i + 1];
  return [c, i + 1];
}
