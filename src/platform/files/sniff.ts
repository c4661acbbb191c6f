// Recognises an upload's real format from its bytes and decides whether to accept it. Pure: no
// I/O, no clock. The extension a person gave must agree with the content, and content that is
// two formats at once, or an archive unsafe to unpack, is refused.

import { jpegStructure, pngStructure, type Structure, webpStructure } from "./image-structure";
import { type FileKind, kindInfo, kindOfExtension, textKinds, zipKinds } from "./kinds";
import type { UploadPolicy } from "./policies";
import { containsZipStructure, hasMarkupAtEdges } from "./polyglot";
import { describeRefusal, type Problem, type Refusal } from "./refusals";
import { cleanFileName, extensionOf, withLowerExtension } from "./safe-name";
import { findEntry, looksLikeZip, readZipDirectory, type ZipDirectory } from "./zip";
import { findZipProblem } from "./zip-safety";

export type { Refusal, RefusalCode } from "./refusals";

/** What the bytes are: a known kind, or a description of what they look like instead. */
export type Sniffed =
  | { kind: FileKind; zip: ZipDirectory | null }
  | { kind: null; label: string; isDamagedZip: boolean };

export type UploadCheck =
  | { ok: true; kind: FileKind; mediaType: string; extension: string; safeName: string }
  | ({ ok: false } & Refusal);

const startsWith = (bytes: Uint8Array, text: string, at = 0) =>
  Buffer.from(bytes.subarray(at, at + text.length)).toString("latin1") === text;

/**
 * Detects the format from the content alone. Valid UTF-8 without NUL bytes sniffs as "text"
 * only when `allowText` is set; otherwise it is described but not accepted.
 */
export function sniffKind(bytes: Uint8Array, allowText: boolean): Sniffed {
  if (startsWith(bytes, "%PDF-")) return { kind: "pdf", zip: null };
  if (startsWith(bytes, "\x89PNG\r\n\x1a\n")) return { kind: "png", zip: null };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { kind: "jpeg", zip: null };
  if (startsWith(bytes, "GIF87a") || startsWith(bytes, "GIF89a")) return { kind: "gif", zip: null };
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) return { kind: "webp", zip: null };
  if (looksLikeZip(bytes)) return sniffZip(bytes);
  if (isUtf8Text(bytes)) {
    if (allowText) return { kind: "text", zip: null };
    return {
      kind: null,
      label: looksLikeHtml(bytes) ? "HTML 网页" : "文本文件",
      isDamagedZip: false,
    };
  }
  return { kind: null, label: describeUnknown(bytes), isDamagedZip: false };
}

function sniffZip(bytes: Uint8Array): Sniffed {
  const read = readZipDirectory(bytes);
  if (!read.ok) return { kind: null, label: "损坏的 ZIP 压缩包", isDamagedZip: true };
  const has = (name: string) => findEntry(read.zip, name) !== undefined;
  const matches: FileKind[] = [];
  if (has("[Content_Types].xml") && has("word/document.xml")) matches.push("docx");
  if (has("xl/workbook.xml")) matches.push("xlsx");
  if (has("OFD.xml")) matches.push("ofd");
  const [only] = matches;
  if (only && matches.length === 1) return { kind: only, zip: read.zip };
  const label = matches.length > 1 ? "无法确定类型的压缩包" : "ZIP 压缩包";
  return { kind: null, label, isDamagedZip: false };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1").toLowerCase();
  return /<(!doctype html|html|script|body|svg)\b/.test(head);
}

function describeUnknown(bytes: Uint8Array): string {
  if (startsWith(bytes, "MZ") || startsWith(bytes, "\x7fELF")) return "可执行程序";
  if (startsWith(bytes, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) return "旧版 Office 文档(DOC/XLS)";
  if (startsWith(bytes, "Rar!") || startsWith(bytes, "7z\xbc\xaf\x27\x1c")) return "压缩包";
  return "无法识别的格式";
}

/**
 * Decides whether an upload may be stored under `policy`: cleans the name, checks size, that the
 * extension is allowed and agrees with the content, that ZIP packages are safe to unpack, and
 * that the file is not a polyglot. Refusals carry a Chinese message naming the file.
 */
export function checkUpload(name: string, bytes: Uint8Array, policy: UploadPolicy): UploadCheck {
  const cleaned = cleanFileName(name);
  if (!cleaned) return refuse({ code: "bad_name" }, "");
  const safeName = withLowerExtension(cleaned);
  if (bytes.length === 0) return refuse({ code: "empty" }, safeName);
  if (bytes.length > policy.maxBytes) {
    return refuse({ code: "too_large", size: bytes.length, limit: policy.maxBytes }, safeName);
  }
  const extension = extensionOf(safeName);
  const expected = kindOfExtension(extension, policy.kinds);
  if (!expected) return refuse({ code: "type_not_allowed", extension, policy }, safeName);
  const sniffed = sniffKind(bytes, textKinds.includes(expected));
  const actual = sniffed.kind === "text" && textKinds.includes(expected) ? expected : sniffed.kind;
  if (actual !== expected) {
    const label = sniffed.kind ? kindInfo[sniffed.kind].label : sniffed.label;
    const isDamaged = sniffed.kind === null && sniffed.isDamagedZip && zipKinds.includes(expected);
    return refuse({ code: "type_mismatch", expected, actual: label, isDamaged }, safeName);
  }
  const problem = findContentProblem(expected, bytes, sniffed.kind ? sniffed.zip : null);
  if (problem) return refuse(problem, safeName);
  return { ok: true, kind: expected, mediaType: kindInfo[expected].mediaType, extension, safeName };
}

function findContentProblem(
  kind: FileKind,
  bytes: Uint8Array,
  zip: ZipDirectory | null,
): Problem | null {
  if (zip) {
    const z = findZipProblem(zip);
    if (!z) return null;
    if (z.kind === "hidden_data") return { code: "polyglot" };
    if (z.kind === "unsupported")
      return { code: "type_mismatch", expected: kind, actual: "", isDamaged: true };
    return { code: "zip_bomb", zip: z };
  }
  if (textKinds.includes(kind)) return null;
  const structure = structureOf(kind, bytes);
  if (structure === null)
    return { code: "type_mismatch", expected: kind, actual: "", isDamaged: true };
  const hasTrailer = structure !== undefined && hasTrailingData(bytes, structure);
  if (hasTrailer || containsZipStructure(bytes) || hasMarkupAtEdges(bytes)) {
    return { code: "polyglot" };
  }
  return null;
}

// undefined: the format is not walked (PDF, GIF); null: the structure is broken.
function structureOf(kind: FileKind, bytes: Uint8Array): Structure | null | undefined {
  if (kind === "png") return pngStructure(bytes);
  if (kind === "jpeg") return jpegStructure(bytes);
  if (kind === "webp") return webpStructure(bytes);
  return undefined;
}

// Zero padding after the end marker is harmless (some scanners add it); anything else is not.
function hasTrailingData(bytes: Uint8Array, structure: Structure): boolean {
  for (let i = structure.end; i < bytes.length; i++) if (bytes[i] !== 0) return true;
  return false;
}

function refuse(problem: Problem, safeName: string): UploadCheck {
  return { ok: false, ...describeRefusal(problem, safeName) };
}
