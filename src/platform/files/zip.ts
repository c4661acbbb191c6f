// A small, strict reader for the ZIP packaging of DOCX, XLSX and OFD. It reads only the central
// directory to judge a file (nothing is unpacked), and unpacks one entry at a time with a hard
// cap on the output, so a lying size field cannot make it allocate more than declared.
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's compressed bytes start (after its local header). */
  dataOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Offset of the central directory; entry data must end before it. */
  directoryOffset: number;
}

export type ZipReadResult =
  | { ok: true; zip: ZipDirectory }
  | { ok: false; problem: "malformed" | "zip64" };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

const u16 = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) + u16(b, i + 2) * 0x10000) >>> 0;

/** True when the bytes start with a ZIP local file header ("PK\3\4"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 30 && u32(bytes, 0) === LOCAL;
}

/**
 * Reads the central directory. Strict on purpose: the end record must close the file exactly
 * (nothing appended), the directory must sit right before it, and every entry's local header and
 * data must lie inside the file before the directory.
 */
export function readZipDirectory(bytes: Uint8Array): ZipReadResult {
  const end = findEndRecord(bytes);
  if (end < 0) return { ok: false, problem: "malformed" };
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0)
    return { ok: false, problem: "malformed" };
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    return { ok: false, problem: "zip64" };
  }
  if (u16(bytes, end + 8) !== count || offset + size !== end)
    return { ok: false, problem: "malformed" };
  const entries: ZipEntry[] = [];
  let p = offset;
  while (p < end) {
    const entry = readCentralEntry(bytes, p, offset);
    if (!entry) return { ok: false, problem: "malformed" };
    const { compressedSize, uncompressedSize } = entry.entry;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      return { ok: false, problem: "zip64" };
    }
    entries.push(entry.entry);
    p = entry.next;
  }
  if (p !== end || entries.length !== count) return { ok: false, problem: "malformed" };
  return { ok: true, zip: { entries, directoryOffset: offset } };
}

function findEndRecord(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (u32(bytes, i) === END && i + 22 + u16(bytes, i + 20) === bytes.length) return i;
  }
  return -1;
}

function readCentralEntry(
  bytes: Uint8Array,
  p: number,
  directoryOffset: number,
): { entry: ZipEntry; next: number } | null {
  if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) return null;
  const nameLength = u16(bytes, p + 28);
  const next = p + 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  if (next > bytes.length) return null;
  const flags = u16(bytes, p + 8);
  const localHeaderOffset = u32(bytes, p + 42);
  const compressedSize = u32(bytes, p + 20);
  const uncompressedSize = u32(bytes, p + 24);
  const lh = localHeaderOffset;
  if (lh + 30 > directoryOffset || u32(bytes, lh) !== LOCAL) return null;
  const dataOffset = lh + 30 + u16(bytes, lh + 26) + u16(bytes, lh + 28);
  if (dataOffset + compressedSize > directoryOffset) return null;
  const entry: ZipEntry = {
    name: decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0),
    flags,
    method: u16(bytes, p + 10),
    crc32: u32(bytes, p + 16),
    compressedSize,
    uncompressedSize,
    localHeaderOffset,
    dataOffset,
  };
  return { entry, next };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decodeName(raw: Uint8Array, isUtf8: boolean): string {
  try {
    return strictUtf8.decode(raw);
  } catch {
    // Flag 11 promised UTF-8 but lied, or a legacy code page: latin1 keeps every byte visible,
    // which is all the path-safety checks need.
    return isUtf8 ? new TextDecoder("utf-8").decode(raw) : Buffer.from(raw).toString("latin1");
  }
}

/** Finds an entry by its exact name. */
export function findEntry(zip: ZipDirectory, name: string): ZipEntry | undefined {
  return zip.entries.find((e) => e.name === name);
}

/**
 * Unpacks one entry (stored or deflated), refusing to produce more than the declared size or
 * `maxBytes`, and checking the CRC. Throws on any mismatch.
 */
export function readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes = 128 * 1024 * 1024,
): Uint8Array {
  if (entry.uncompressedSize > maxBytes) throw new Error(`zip entry ${entry.name} is too large`);
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) {
    out = inflateRawSync(raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  } else throw new Error(`zip entry ${entry.name} uses unsupported method ${entry.method}`);
  if (out.length !== entry.uncompressedSize || crc32(out) !== entry.crc32) {
    throw new Error(`zip entry ${entry.name} is damaged`);
  }
  return out;
}

/** Unpacks an entry as UTF-8 text; null when there is no such entry. */
export function readEntryText(bytes: Uint8Array, zip: ZipDirectory, name: string): string | null {
  const entry = findEntry(zip, name);
  return entry ? new TextDecoder("utf-8").decode(readEntry(bytes, entry)) : null;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE), as ZIP and PNG use it. */
export function crc32(data: Uint8Array, seed = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = (seed ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
