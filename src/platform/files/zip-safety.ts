// Rules that make a ZIP-packaged upload (DOCX, XLSX, OFD) safe to unpack later: bounded size,
// bounded entry count, sane compression ratios, no paths escaping a folder (zip-slip), and a
// tight layout with nothing hidden between or around the entries.
import type { ZipDirectory, ZipEntry } from "./zip";

const MB = 1024 * 1024;
export const zipLimits = {
  maxTotalUncompressed: 100 * MB,
  maxEntries: 2000,
  maxRatio: 100,
  /** Entries smaller than this may compress as well as they like. */
  ratioMinSize: 1 * MB,
};

export type ZipProblem =
  | { kind: "too_many_entries"; count: number }
  | { kind: "too_big_unpacked"; total: number }
  | { kind: "ratio"; name: string }
  | { kind: "unsafe_path"; name: string }
  | { kind: "duplicate"; name: string }
  | { kind: "overlap" }
  | { kind: "unsupported" }
  | { kind: "hidden_data" };

/** The first reason the archive is unsafe, or null when it may be unpacked. */
export function findZipProblem(zip: ZipDirectory): ZipProblem | null {
  const { entries } = zip;
  if (entries.length > zipLimits.maxEntries)
    return { kind: "too_many_entries", count: entries.length };
  let total = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    total += e.uncompressedSize;
    if (isUnsafePath(e.name)) return { kind: "unsafe_path", name: e.name };
    if (seen.has(e.name)) return { kind: "duplicate", name: e.name };
    seen.add(e.name);
    if (
      e.uncompressedSize > zipLimits.ratioMinSize &&
      e.uncompressedSize > zipLimits.maxRatio * Math.max(e.compressedSize, 1)
    ) {
      return { kind: "ratio", name: e.name };
    }
    const isEncrypted = (e.flags & 0x1) !== 0;
    if (isEncrypted || (e.method !== 0 && e.method !== 8)) return { kind: "unsupported" };
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) return { kind: "unsupported" };
  }
  if (total > zipLimits.maxTotalUncompressed) return { kind: "too_big_unpacked", total };
  return checkLayout(entries, zip.directoryOffset);
}

/** Zip-slip: `..` segments, absolute or drive paths, backslashes, NUL. */
export function isUnsafePath(name: string): boolean {
  if (name.includes("\\") || name.includes("\u0000")) return true;
  if (name.startsWith("/") || /^[a-z]:/i.test(name)) return true;
  return name.split("/").some((segment) => segment === "..");
}

// Entries must follow one another from offset 0 to the central directory. The only bytes allowed
// between them are a data descriptor (flag bit 3): 12 or 16 bytes, 20 or 24 for ZIP64 sizes.
// Overlapping entries are how the densest zip bombs reuse one compressed kernel many times.
function checkLayout(entries: readonly ZipEntry[], directoryOffset: number): ZipProblem | null {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  if ((sorted[0]?.localHeaderOffset ?? 0) !== 0) return { kind: "hidden_data" };
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    const next = sorted[i + 1]?.localHeaderOffset ?? directoryOffset;
    const gap = next - (e.dataOffset + e.compressedSize);
    if (gap < 0) return { kind: "overlap" };
    const hasDescriptor = (e.flags & 0x8) !== 0;
    if (gap !== 0 && !(hasDescriptor && [12, 16, 20, 24].includes(gap))) {
      return { kind: "hidden_data" };
    }
  }
  return null;
}
