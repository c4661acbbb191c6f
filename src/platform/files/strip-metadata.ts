// Removes who-made-this metadata from uploads before they are stored and published: the author
// of a Word or Excel file, the camera, GPS position and editing software of a photo.
import { jpegStructure, PNG_SIGNATURE, pngStructure, webpStructure } from "./image-structure";
import type { FileKind } from "./kinds";
import { readEntryText, readZipDirectory } from "./zip";

/**
 * The bytes with author metadata removed where the format allows; the same bytes when there is
 * nothing to remove. PDF and OFD are returned unchanged: rewriting them safely needs a PDF/OFD
 * library we do not ship. GIF, CSV and text carry no author fields worth a rewrite.
 * Expects bytes already accepted by checkUpload; throws on a broken structure.
 */
export async function stripMetadata(kind: FileKind, bytes: Uint8Array): Promise<Uint8Array> {
  switch (kind) {
    case "docx":
    case "xlsx":
      return stripOfficeMetadata(bytes);
    case "jpeg":
      return stripJpegMetadata(bytes);
    case "png":
      return stripPngMetadata(bytes);
    case "webp":
      return stripWebpMetadata(bytes);
    case "pdf":
    case "ofd":
    case "gif":
    case "csv":
    case "text":
      return bytes;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

const CORE = "docProps/core.xml";
const APP = "docProps/app.xml";
const WORKBOOK = "xl/workbook.xml";

/** DOCX/XLSX: drops the author, last editor, company and manager (the title stays). */
export async function stripOfficeMetadata(bytes: Uint8Array): Promise<Uint8Array> {
  const read = readZipDirectory(bytes);
  if (!read.ok) throw new Error("not a readable ZIP package");
  const changed = new Map<string, string>();
  const clean = (name: string, fn: (xml: string) => string) => {
    const xml = readEntryText(bytes, read.zip, name);
    if (xml === null) return;
    const cleaned = fn(xml);
    if (cleaned !== xml) changed.set(name, cleaned);
  };
  clean(CORE, cleanCoreProperties);
  clean(APP, cleanAppProperties);
  clean(WORKBOOK, cleanWorkbook);
  if (changed.size === 0) return bytes;
  // Entries not touched keep their compressed bytes: JSZip copies them without inflating.
  // Loaded on first use: only office uploads need it, and it slows server start.
  const zip = await (await import("jszip")).default.loadAsync(bytes);
  for (const [name, xml] of changed) zip.file(name, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function removeElements(xml: string, localNames: readonly string[]): string {
  let out = xml;
  for (const local of localNames) {
    const element = new RegExp(
      `<((?:[\\w.-]+:)?${local})\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1\\s*>)`,
      "g",
    );
    out = out.replace(element, "");
  }
  return out;
}

/** docProps/core.xml without dc:creator and cp:lastModifiedBy. */
export function cleanCoreProperties(xml: string): string {
  return removeElements(xml, ["creator", "lastModifiedBy"]);
}

/** docProps/app.xml without Company and Manager. */
export function cleanAppProperties(xml: string): string {
  return removeElements(xml, ["Company", "Manager"]);
}

/** xl/workbook.xml without Excel's x15ac:absPath, the folder (often C:\Users\<name>\…) it was saved in. */
export function cleanWorkbook(xml: string): string {
  const withoutBlock = xml.replace(
    /<mc:AlternateContent\b[^>]*>(?:(?!<\/mc:AlternateContent>)[\s\S])*<\/mc:AlternateContent>/g,
    (block) => (block.includes("absPath") ? "" : block),
  );
  return removeElements(withoutBlock, ["absPath"]);
}

const concat = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/**
 * JPEG: drops APP1 (EXIF, XMP) and APP13 (Photoshop/IPTC) segments. When the photo's EXIF said
 * it must be rotated, a minimal EXIF carrying only that orientation takes its place, so phone
 * photos do not turn sideways.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  const structure = jpegStructure(bytes);
  if (!structure) throw new Error("not a readable JPEG");
  const parts: Uint8Array[] = [];
  let orientationWritten = false;
  let changed = false;
  for (const block of structure.blocks) {
    const segment = bytes.subarray(block.start, block.end);
    if (block.type !== "FFE1" && block.type !== "FFED") {
      parts.push(segment);
      continue;
    }
    changed = true;
    const orientation = block.type === "FFE1" ? exifOrientation(segment) : null;
    if (orientation && orientation !== 1 && !orientationWritten) {
      parts.push(orientationOnlyExif(orientation));
      orientationWritten = true;
    }
  }
  return changed ? concat(parts) : bytes;
}

// The Orientation tag (0x0112) of IFD0, read from an APP1 segment; null when absent.
function exifOrientation(segment: Uint8Array): number | null {
  const header = Buffer.from(segment.subarray(4, 10)).toString("latin1");
  if (header !== "Exif\0\0") return null;
  const tiff = Buffer.from(segment.subarray(10));
  if (tiff.length < 8) return null;
  const little = tiff.toString("latin1", 0, 2) === "II";
  const r16 = (i: number) => (little ? tiff.readUInt16LE(i) : tiff.readUInt16BE(i));
  const r32 = (i: number) => (little ? tiff.readUInt32LE(i) : tiff.readUInt32BE(i));
  const ifd = r32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = r16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (r16(entry) === 0x0112) {
      const value = r16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

function orientationOnlyExif(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1];
  const entry = [0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0];
  const body = [...Buffer.from("Exif\0\0", "latin1"), ...tiff, ...entry, 0, 0, 0, 0];
  const length = body.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

const PNG_DROPPED = new Set(["tEXt", "iTXt", "zTXt", "eXIf", "tIME"]);

/** PNG: drops text, EXIF and timestamp chunks; kept chunks are copied with their CRCs. */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
  const structure = pngStructure(bytes);
  if (!structure) throw new Error("not a readable PNG");
  const kept = structure.blocks.filter((b) => !PNG_DROPPED.has(b.type));
  if (kept.length === structure.blocks.length && structure.end === bytes.length) return bytes;
  return concat([PNG_SIGNATURE, ...kept.map((b) => bytes.subarray(b.start, b.end))]);
}

/** WebP: drops the EXIF and XMP chunks and clears their flags in the VP8X header. */
export function stripWebpMetadata(bytes: Uint8Array): Uint8Array {
  const structure = webpStructure(bytes);
  if (!structure) throw new Error("not a readable WebP");
  const kept = structure.blocks.filter((b) => b.type !== "EXIF" && b.type !== "XMP ");
  if (kept.length === structure.blocks.length) return bytes;
  const chunks = kept.map((b) => {
    const chunk = Uint8Array.from(bytes.subarray(b.start, b.end));
    if (b.type === "VP8X" && chunk.length > 8) chunk[8] = chunk[8]! & ~0x0c;
    return chunk;
  });
  const body = concat(chunks);
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(body.length + 4, 4);
  header.write("WEBP", 8, "latin1");
  return concat([header, body]);
}
