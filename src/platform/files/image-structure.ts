// Walks the block structure of PNG, JPEG and WebP files: used to check that an image is whole
// (and has nothing hidden after its end) and to drop metadata blocks.

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface Block {
  /** PNG chunk type, RIFF chunk id, or "FFxx" for a JPEG marker. */
  type: string;
  /** Start and end of the whole block (header, data and checksum) in the file. */
  start: number;
  end: number;
}

/** A file's blocks and where its content ends; null when the structure is broken. */
export interface Structure {
  blocks: Block[];
  /** Offset just after the format's end marker; anything after it is not part of the image. */
  end: number;
}

const be32 = (b: Uint8Array, i: number) =>
  (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
const le32 = (b: Uint8Array, i: number) =>
  ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
const ascii = (b: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...b.subarray(start, end));

/** PNG chunks from the signature to IEND (length, type, data, CRC each). */
export function pngStructure(bytes: Uint8Array): Structure | null {
  if (!PNG_SIGNATURE.every((v, i) => bytes[i] === v)) return null;
  const blocks: Block[] = [];
  let p = 8;
  while (p + 12 <= bytes.length) {
    const length = be32(bytes, p);
    const end = p + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return null;
    const type = ascii(bytes, p + 4, p + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return null;
    blocks.push({ type, start: p, end });
    p = end;
    if (type === "IEND") return blocks[0]?.type === "IHDR" ? { blocks, end } : null;
  }
  return null;
}

// Markers without a length field: SOI, EOI, RST0-7, TEM.
const standalone = (m: number) =>
  m === 0xd8 || m === 0xd9 || (m >= 0xd0 && m <= 0xd7) || m === 0x01;

/**
 * JPEG segments from SOI up to and including SOS; the entropy-coded data that follows is one
 * block of type "scan" running to the end of the file (a JPEG may legally carry more after EOI,
 * such as the extra pictures of the Multi-Picture Format).
 */
export function jpegStructure(bytes: Uint8Array): Structure | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const blocks: Block[] = [{ type: "FFD8", start: 0, end: 2 }];
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) return null;
    let q = p + 1;
    while (bytes[q] === 0xff) q++; // fill bytes
    const marker = bytes[q] ?? 0;
    if (marker === 0 || standalone(marker)) return null;
    const length = ((bytes[q + 1] ?? 0) << 8) | (bytes[q + 2] ?? 0);
    const end = q + 1 + length;
    if (length < 2 || end > bytes.length) return null;
    blocks.push({ type: `FF${marker.toString(16).toUpperCase()}`, start: p, end });
    p = end;
    if (marker === 0xda) {
      blocks.push({ type: "scan", start: p, end: bytes.length });
      return { blocks, end: bytes.length };
    }
  }
  return null;
}

/** RIFF chunks of a WebP file (id, little-endian size, data padded to even length). */
export function webpStructure(bytes: Uint8Array): Structure | null {
  if (ascii(bytes, 0, 4) !== "RIFF" || ascii(bytes, 8, 12) !== "WEBP") return null;
  const end = 8 + le32(bytes, 4);
  if (end > bytes.length || end < 12) return null;
  const blocks: Block[] = [];
  let p = 12;
  while (p + 8 <= end) {
    const size = le32(bytes, p + 4);
    let next = p + 8 + size + (size % 2);
    // Some writers leave out the pad byte after an odd-sized last chunk.
    if (next === end + 1 && p + 8 + size === end) next = end;
    if (next > end) return null;
    blocks.push({ type: ascii(bytes, p, p + 4), start: p, end: next });
    p = next;
  }
  return p === end && blocks.length > 0 ? { blocks, end } : null;
}
