// Signs that a file is two formats at once (a "polyglot"): a ZIP archive riding inside a PDF or
// an image, or HTML/script a browser or server could be tricked into running.

const MARKERS = ["<script", "<html", "<!doctype html", "<body", "<iframe", "<svg", "<?php"];
const EDGE = 1024;

/** True when the first or last KB holds an HTML, SVG, script or PHP opening tag. */
export function hasMarkupAtEdges(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, EDGE)).toString("latin1").toLowerCase();
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - EDGE)))
    .toString("latin1")
    .toLowerCase();
  return MARKERS.some((m) => head.includes(m) || tail.includes(m));
}

const u16 = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) + u16(b, i + 2) * 0x10000) >>> 0;
const METHODS = new Set([0, 8, 9, 12, 14, 93, 95, 98, 99]);

/**
 * True when a ZIP local header, central directory header or end record appears anywhere in the
 * bytes. Each hit is checked for plausible fields (version, method, a printable name), so the
 * odd "PK" inside compressed image data does not count.
 */
export function containsZipStructure(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = buf.indexOf("PK"); i >= 0; i = buf.indexOf("PK", i + 1)) {
    const kind = u16(buf, i + 2);
    if (kind === 0x0403 && isPlausibleHeader(buf, i, 4, 8, 26, 30)) return true;
    if (kind === 0x0201 && isPlausibleHeader(buf, i, 6, 10, 28, 46)) return true;
    if (kind === 0x0605 && isPlausibleEnd(buf, i)) return true;
  }
  return false;
}

function isPlausibleHeader(
  b: Uint8Array,
  i: number,
  versionAt: number,
  methodAt: number,
  nameLengthAt: number,
  nameAt: number,
): boolean {
  if (i + nameAt > b.length) return false;
  const nameLength = u16(b, i + nameLengthAt);
  if (u16(b, i + versionAt) > 63 || !METHODS.has(u16(b, i + methodAt))) return false;
  if (nameLength < 1 || nameLength > 1024 || i + nameAt + nameLength > b.length) return false;
  for (let k = i + nameAt; k < i + nameAt + nameLength; k++) {
    const c = b[k]!;
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

function isPlausibleEnd(b: Uint8Array, i: number): boolean {
  if (i + 22 > b.length) return false;
  const entries = u16(b, i + 10);
  const size = u32(b, i + 12);
  return (
    u16(b, i + 4) === 0 &&
    u16(b, i + 6) === 0 &&
    u16(b, i + 8) === entries &&
    entries > 0 &&
    size >= 46 * entries &&
    size <= i &&
    i + 22 + u16(b, i + 20) <= b.length
  );
}
