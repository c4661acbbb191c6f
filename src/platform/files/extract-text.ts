// Text for search, taken from an upload where the format allows. Best effort and bounded: at most
// 2 Mi characters and 5 seconds (see TextLimits); null when there is no usable text.
import type { FileKind } from "./kinds";
import { extractPdfText } from "./pdf-text";
import { decodeXml, defaultTextLimits, TextBudget, type TextLimits } from "./text-budget";
import { readEntryText, readZipDirectory, type ZipDirectory } from "./zip";

export { defaultTextLimits, type TextLimits } from "./text-budget";

/** The searchable text of a file already accepted by checkUpload; null when none was found. */
export function extractText(
  kind: FileKind,
  bytes: Uint8Array,
  limits: TextLimits = defaultTextLimits,
): string | null {
  const budget = new TextBudget(limits);
  try {
    switch (kind) {
      case "docx":
        return withZip(bytes, (zip) => docxText(bytes, zip, budget));
      case "xlsx":
        return withZip(bytes, (zip) => xlsxText(bytes, zip, budget));
      case "ofd":
        return withZip(bytes, (zip) => ofdText(bytes, zip, budget));
      case "csv":
      case "text":
        budget.add(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""));
        return budget.result("");
      case "pdf":
        return extractPdfText(bytes, budget);
      case "png":
      case "jpeg":
      case "gif":
      case "webp":
        return null;
      default: {
        const never: never = kind;
        return never;
      }
    }
  } catch {
    // A part that cannot be unpacked or decoded leaves the file without search text.
    return null;
  }
}

function withZip(bytes: Uint8Array, fn: (zip: ZipDirectory) => string | null): string | null {
  const read = readZipDirectory(bytes);
  return read.ok ? fn(read.zip) : null;
}

const WORD_TOKEN = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>|<\/w:p>/g;

/** DOCX: the w:t runs of word/document.xml, one line per paragraph (deleted text left out). */
function docxText(bytes: Uint8Array, zip: ZipDirectory, budget: TextBudget): string | null {
  const xml = readEntryText(bytes, zip, "word/document.xml");
  if (xml === null) return null;
  // Tab stops in paragraph properties are layout, not tab characters.
  const body = xml.replace(/<w:tabs>[\s\S]*?<\/w:tabs>/g, "");
  let paragraph = "";
  for (const m of body.matchAll(WORD_TOKEN)) {
    if (m[1] !== undefined) paragraph += decodeXml(m[1]);
    else if (m[2] === "tab") paragraph += "\t";
    else if (m[2]) paragraph += "\n";
    else {
      budget.add(paragraph.trimEnd());
      paragraph = "";
      if (!budget.hasRoom) break;
    }
  }
  budget.add(paragraph.trimEnd());
  return budget.result("\n");
}

const T = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;
const textOf = (xml: string) =>
  Array.from(xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "").matchAll(T), (m) =>
    decodeXml(m[1] ?? ""),
  ).join("");

const naturalOrder = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

/** XLSX: the shared strings, then inline strings of each sheet; one line per string. */
function xlsxText(bytes: Uint8Array, zip: ZipDirectory, budget: TextBudget): string | null {
  const shared = readEntryText(bytes, zip, "xl/sharedStrings.xml");
  for (const m of shared?.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g) ?? []) {
    budget.add(textOf(m[1] ?? ""));
    if (!budget.hasRoom) return budget.result("\n");
  }
  const sheets = zip.entries
    .map((e) => e.name)
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
    .sort(naturalOrder);
  for (const name of sheets) {
    const xml = readEntryText(bytes, zip, name) ?? "";
    for (const m of xml.matchAll(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/g)) {
      budget.add(textOf(m[1] ?? ""));
    }
    if (!budget.hasRoom) break;
  }
  return budget.result("\n");
}

/** OFD (GB/T 33190): TextCode elements page by page, one line per text object. */
function ofdText(bytes: Uint8Array, zip: ZipDirectory, budget: TextBudget): string | null {
  for (const page of ofdPages(bytes, zip)) {
    const xml = readEntryText(bytes, zip, page);
    if (xml === null) continue;
    const objects = xml.match(/<(?:\w+:)?TextObject\b[\s\S]*?<\/(?:\w+:)?TextObject>/g) ?? [];
    for (const object of objects) {
      const codes = object.matchAll(/<(?:\w+:)?TextCode\b[^>]*>([^<]*)<\/(?:\w+:)?TextCode>/g);
      budget.add(Array.from(codes, (m) => decodeXml(m[1] ?? "")).join(""));
    }
    if (!budget.hasRoom) break;
  }
  return budget.result("\n");
}

// Page content files in reading order: OFD.xml → DocRoot → Document.xml's Page BaseLoc list.
// Falls back to every Content.xml in name order when the chain cannot be followed.
function ofdPages(bytes: Uint8Array, zip: ZipDirectory): string[] {
  const names = new Set(zip.entries.map((e) => e.name));
  const pages: string[] = [];
  const root = readEntryText(bytes, zip, "OFD.xml") ?? "";
  for (const m of root.matchAll(/<(?:\w+:)?DocRoot>([^<]+)<\/(?:\w+:)?DocRoot>/g)) {
    const docPath = resolvePart("", decodeXml(m[1] ?? "").trim());
    const doc = readEntryText(bytes, zip, docPath) ?? "";
    const dir = docPath.includes("/") ? docPath.slice(0, docPath.lastIndexOf("/") + 1) : "";
    for (const p of doc.matchAll(/<(?:\w+:)?Page\b[^>]*\bBaseLoc="([^"]+)"/g)) {
      const page = resolvePart(dir, decodeXml(p[1] ?? ""));
      if (names.has(page)) pages.push(page);
    }
  }
  if (pages.length > 0) return pages;
  return [...names].filter((n) => /(^|\/)Content\.xml$/.test(n)).sort(naturalOrder);
}

function resolvePart(dir: string, location: string): string {
  const path = location.startsWith("/") ? location.slice(1) : dir + location;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment && segment !== ".") out.push(segment);
  }
  return out.join("/");
}
