// Tiny real files built in memory for the tests of this folder (not used by the product).
import { constants, deflateRawSync, deflateSync, crc32 as zlibCrc32 } from "node:zlib";
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import { crc32 } from "./zip";

const latin1 = (s: string) => Buffer.from(s, "latin1");
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

// ---------- ZIP ----------

export interface RawZipEntry {
  name: string;
  /** Uncompressed content; deflated unless `method` is 0. */
  data?: Uint8Array;
  method?: 0 | 8;
  /** Pre-compressed content (raw deflate) with its real size and CRC, for big entries. */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
}

export interface ZipOptions {
  /** Bytes slipped in after the entry with this index (to test hidden data). */
  hideAfter?: { index: number; bytes: Uint8Array };
  /** Extra central-directory records that point at an existing entry's local header. */
  aliases?: { name: string; of: number }[];
}

/** A ZIP written field by field, so tests can make names and layouts JSZip would not. */
export function buildZip(entries: RawZipEntry[], options: ZipOptions = {}): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const records: { header: Buffer; offset: number }[] = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, "utf8");
    const method = entry.deflated ? 8 : (entry.method ?? 8);
    const data = entry.data ?? new Uint8Array();
    const compressed = entry.deflated?.bytes ?? (method === 8 ? deflateRaw(data) : data);
    const size = entry.deflated?.size ?? data.length;
    const crc = entry.deflated?.crc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    records.push({ header, offset });
    central.push(header, name);
    locals.push(local, name, Buffer.from(compressed));
    offset += 30 + name.length + compressed.length;
    if (options.hideAfter?.index === index) {
      locals.push(Buffer.from(options.hideAfter.bytes));
      offset += options.hideAfter.bytes.length;
    }
  });
  for (const alias of options.aliases ?? []) {
    const header = Buffer.from(records[alias.of]!.header);
    const name = Buffer.from(alias.name, "utf8");
    header.writeUInt16LE(name.length, 28);
    central.push(header, name);
  }
  const count = entries.length + (options.aliases?.length ?? 0);
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return cat(...locals, directory, end);
}

function deflateRaw(data: Uint8Array): Uint8Array {
  // deflateSync writes a zlib wrapper: 2-byte header, 4-byte Adler-32 trailer.
  const z = deflateSync(data);
  return z.subarray(2, z.length - 4);
}

/**
 * `megabytes` MB of zeros as one valid raw-deflate stream, built without ever holding them
 * uncompressed: 1 MB compressed once with a full flush (a self-contained, non-final block),
 * repeated, then closed with an empty final block.
 */
export function deflatedZeros(megabytes: number): NonNullable<RawZipEntry["deflated"]> {
  const chunk = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const bytes = cat(...Array.from({ length: megabytes }, () => block), Uint8Array.of(0x03, 0x00));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32Fast(chunk, crc);
  return { bytes, size: megabytes * chunk.length, crc };
}

// node:zlib's crc32 (Node 20.15+) is native; fall back to ours on older Node 20.
const crc32Fast = (data: Uint8Array, seed: number) =>
  typeof zlibCrc32 === "function" ? zlibCrc32(data, seed) : crc32(data, seed);

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;

/** The two parts that make a ZIP "DOCX-shaped", plus whatever else the test adds. */
export function docxShapedZip(extra: RawZipEntry[], options?: ZipOptions): Uint8Array {
  return buildZip(
    [
      { name: "[Content_Types].xml", data: latin1(CONTENT_TYPES) },
      { name: "word/document.xml", data: Buffer.from("<w:document/>") },
      ...extra,
    ],
    options,
  );
}

// ---------- Office and OFD ----------

/** A real DOCX made by the `docx` package. */
export async function makeDocx(
  paragraphs: string[],
  props: { creator?: string; lastModifiedBy?: string; title?: string } = {},
): Promise<Uint8Array> {
  const doc = new Document({
    ...props,
    sections: [
      {
        children: paragraphs.map(
          (text) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(text)] }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A real XLSX made by ExcelJS (strings go to sharedStrings.xml). */
export async function makeXlsx(
  rows: (string | number)[][],
  props: { creator?: string; lastModifiedBy?: string; company?: string; manager?: string } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, props);
  const sheet = workbook.addWorksheet("名单");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A minimal OFD: OFD.xml → Doc_0/Document.xml → pages, each with TextObjects of TextCodes. */
export function makeOfd(pages: { loc: string; lines: string[] }[]): Uint8Array {
  const ns = `xmlns:ofd="http://www.ofdspec.org/2016"`;
  const root = `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
  const list = pages.map((p, i) => `<ofd:Page ID="${i + 1}" BaseLoc="${p.loc}"/>`).join("");
  const document = `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID></ofd:CommonData><ofd:Pages>${list}</ofd:Pages></ofd:Document>`;
  const content = (lines: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}><ofd:Content><ofd:Layer ID="2">${lines
      .map((line, i) => {
        const half = Math.ceil(line.length / 2);
        return `<ofd:TextObject ID="${10 + i}" Boundary="0 ${i * 10} 100 10" Font="3" Size="5"><ofd:TextCode X="0" Y="5">${line.slice(0, half)}</ofd:TextCode><ofd:TextCode X="50" Y="5">${line.slice(half)}</ofd:TextCode></ofd:TextObject>`;
      })
      .join("")}</ofd:Layer></ofd:Content></ofd:Page>`;
  return buildZip([
    { name: "OFD.xml", data: Buffer.from(root) },
    { name: "Doc_0/Document.xml", data: Buffer.from(document) },
    ...pages.map((p) => ({ name: `Doc_0/${p.loc}`, data: Buffer.from(content(p.lines)) })),
  ]);
}

// ---------- PDF ----------

export interface PdfStream {
  content: string;
  flate?: boolean;
  /** Extra dictionary entries, e.g. "/Subtype /Image". */
  dict?: string;
}

/** A small PDF with the given streams as objects (enough structure for text extraction). */
export function makePdf(streams: PdfStream[]): Uint8Array {
  const parts: Buffer[] = [latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")];
  parts.push(latin1("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"));
  parts.push(latin1("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"));
  streams.forEach((s, i) => {
    const raw = latin1(s.content);
    const data = s.flate ? deflateSync(raw) : raw;
    const filter = s.flate ? " /Filter /FlateDecode" : "";
    parts.push(
      latin1(
        `${i + 3} 0 obj\n<< /Length ${data.length}${filter}${s.dict ? ` ${s.dict}` : ""} >>\nstream\n`,
      ),
      data,
      latin1("\nendstream\nendobj\n"),
    );
  });
  parts.push(latin1("trailer\n<< /Root 1 0 R >>\n%%EOF\n"));
  return cat(...parts);
}

// ---------- Images ----------

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(cat(head.subarray(4), data)), 0);
  return cat(head, data, crc);
}

/** A 1×1 PNG; `extra` chunks go between IHDR and IDAT. */
export function makePng(extra: { type: string; data: Uint8Array }[] = []): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return cat(
    latin1("\x89PNG\r\n\x1a\n"),
    pngChunk("IHDR", ihdr),
    ...extra.map((c) => pngChunk(c.type, c.data)),
    pngChunk("IDAT", deflateSync(Uint8Array.of(0, 255, 0, 0))),
    pngChunk("IEND", new Uint8Array()),
  );
}

function jpegSegment(marker: number, data: Uint8Array): Uint8Array {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return cat(head, data);
}

/** An EXIF APP1 payload with Artist and, optionally, Orientation in IFD0 (big-endian TIFF). */
export function exifPayload(artist: string, orientation?: number): Uint8Array {
  const text = Buffer.from(`${artist}\0`, "latin1");
  const entries = orientation ? 2 : 1;
  const ifdSize = 2 + entries * 12 + 4;
  const tiff = Buffer.alloc(8 + ifdSize);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(entries, 8);
  // Artist (0x013B), ASCII, value stored after the IFD.
  tiff.writeUInt16BE(0x013b, 10);
  tiff.writeUInt16BE(2, 12);
  tiff.writeUInt32BE(text.length, 14);
  tiff.writeUInt32BE(8 + ifdSize, 18);
  if (orientation) {
    tiff.writeUInt16BE(0x0112, 22);
    tiff.writeUInt16BE(3, 24);
    tiff.writeUInt32BE(1, 26);
    tiff.writeUInt16BE(orientation, 30);
  }
  return cat(latin1("Exif\0\0"), tiff, text);
}

/** A structurally complete JPEG (SOI, APP0, optional APP1/APP13, DQT, SOF0, DHT, SOS, scan, EOI). */
export function makeJpeg(
  options: { app1?: Uint8Array; app13?: Uint8Array; tail?: Uint8Array } = {},
): Uint8Array {
  const jfif = latin1("JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
  return cat(
    Uint8Array.of(0xff, 0xd8),
    jpegSegment(0xe0, jfif),
    ...(options.app1 ? [jpegSegment(0xe1, options.app1)] : []),
    ...(options.app13 ? [jpegSegment(0xed, options.app13)] : []),
    jpegSegment(0xdb, cat(Uint8Array.of(0), new Uint8Array(64).fill(1))),
    jpegSegment(0xc0, Uint8Array.of(8, 0, 1, 0, 1, 1, 1, 0x11, 0)),
    jpegSegment(0xc4, cat(Uint8Array.of(0, 0, 1), new Uint8Array(15), Uint8Array.of(0))),
    jpegSegment(0xda, Uint8Array.of(1, 1, 0, 0, 0x3f, 0)),
    Uint8Array.of(0x7f, 0xa0, 0x0f, 0xff, 0x00, 0x12),
    Uint8Array.of(0xff, 0xd9),
    options.tail ?? new Uint8Array(),
  );
}

/** The classic 1×1 transparent GIF. */
export function makeGif(): Uint8Array {
  return new Uint8Array(
    Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"),
  );
}

function riffChunk(id: string, data: Uint8Array): Uint8Array {
  const head = Buffer.alloc(8);
  head.write(id, 0, "latin1");
  head.writeUInt32LE(data.length, 4);
  return cat(head, data, data.length % 2 ? Uint8Array.of(0) : new Uint8Array());
}

/** A WebP container: VP8X (flags say EXIF when given) + a VP8L image chunk + optional EXIF. */
export function makeWebp(exif?: Uint8Array): Uint8Array {
  const vp8x = new Uint8Array(10);
  vp8x[0] = exif ? 0x08 : 0;
  const body = cat(
    riffChunk("VP8X", vp8x),
    riffChunk(
      "VP8L",
      Uint8Array.of(0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07),
    ),
    ...(exif ? [riffChunk("EXIF", exif)] : []),
  );
  const head = Buffer.alloc(12);
  head.write("RIFF", 0, "latin1");
  head.writeUInt32LE(body.length + 4, 4);
  head.write("WEBP", 8, "latin1");
  return cat(head, body);
}
