import assert from "node:assert/strict";
import { describe, it } from "node:test";
import JSZip from "jszip";
import { jpegStructure, pngStructure, webpStructure } from "./image-structure";
import { recordAttachmentPolicy } from "./policies";
import { checkUpload } from "./sniff";
import {
  cleanAppProperties,
  cleanCoreProperties,
  cleanWorkbook,
  stripJpegMetadata,
  stripMetadata,
  stripPngMetadata,
  stripWebpMetadata,
} from "./strip-metadata";
import {
  exifPayload,
  makeDocx,
  makeGif,
  makeJpeg,
  makeOfd,
  makePdf,
  makePng,
  makeWebp,
  makeXlsx,
} from "./test-files";
import { crc32, readEntryText, readZipDirectory } from "./zip";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const contains = (bytes: Uint8Array, text: string, encoding: BufferEncoding = "utf8") =>
  Buffer.from(bytes).includes(Buffer.from(text, encoding));

function part(bytes: Uint8Array, name: string): string {
  const read = readZipDirectory(bytes);
  if (!read.ok) assert.fail("not a readable zip");
  return readEntryText(bytes, read.zip, name) ?? "";
}

describe("stripMetadata on Office files", () => {
  it("removes the author and last editor of a DOCX and keeps its title and text", async () => {
    const docx = await makeDocx(["关于开展政务公开工作的通知"], {
      creator: "张三",
      lastModifiedBy: "李四",
      title: "政务公开通知",
    });
    assert.match(part(docx, "docProps/core.xml"), /张三/);
    const stripped = await stripMetadata("docx", docx);
    const core = part(stripped, "docProps/core.xml");
    assert.doesNotMatch(core, /张三|李四|dc:creator|lastModifiedBy/);
    assert.match(core, /<dc:title>政务公开通知<\/dc:title>/);
    assert.equal(part(stripped, "word/document.xml"), part(docx, "word/document.xml"));
    const zip = await JSZip.loadAsync(stripped, { checkCRC32: true });
    assert.ok(zip.file("word/styles.xml"));
    const check = checkUpload("通知.docx", stripped, recordAttachmentPolicy);
    assert.ok(check.ok, "the stripped file is still an acceptable DOCX");
  });

  it("removes the author, editor, company and manager of an XLSX", async () => {
    const xlsx = await makeXlsx([["姓名"], ["王二"]], {
      creator: "张三",
      lastModifiedBy: "李四",
      company: "某某县政府办",
      manager: "王五",
    });
    const stripped = await stripMetadata("xlsx", xlsx);
    assert.doesNotMatch(part(stripped, "docProps/core.xml"), /张三|李四/);
    const app = part(stripped, "docProps/app.xml");
    assert.doesNotMatch(app, /某某县政府办|王五|<Company|<Manager/);
    assert.match(app, /<Application>Microsoft Excel<\/Application>/);
    assert.match(part(stripped, "xl/sharedStrings.xml"), /王二/);
  });

  it("returns the same bytes when an Office file has no author fields", async () => {
    const docx = await makeDocx(["正文"]);
    const once = await stripMetadata("docx", docx);
    assert.equal(await stripMetadata("docx", once), once);
  });

  it("clears self-closing and prefixed author elements alike", () => {
    const core = `<cp:coreProperties><dc:creator/><dc:title>T</dc:title><cp:lastModifiedBy >x</cp:lastModifiedBy ></cp:coreProperties>`;
    assert.equal(
      cleanCoreProperties(core),
      "<cp:coreProperties><dc:title>T</dc:title></cp:coreProperties>",
    );
    assert.equal(
      cleanAppProperties("<Properties><Company>局</Company><Manager/></Properties>"),
      "<Properties></Properties>",
    );
  });

  it("removes the folder an XLSX was saved in (x15ac:absPath)", () => {
    const workbook = `<workbook><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="x15ac"><x15ac:absPath url="C:\\Users\\张三\\Desktop\\" xmlns:x15ac="x"/></mc:Choice></mc:AlternateContent><sheets/></workbook>`;
    assert.equal(cleanWorkbook(workbook), "<workbook><sheets/></workbook>");
  });
});

describe("stripMetadata on images", () => {
  it("drops a JPEG's APP1 (EXIF) and APP13 segments and keeps every other byte", () => {
    const exif = exifPayload("Zhang San");
    const jpeg = makeJpeg({ app1: exif, app13: utf8("Photoshop 3.0\u00008BIM by Zhang San") });
    const stripped = stripJpegMetadata(jpeg);
    assert.ok(!contains(stripped, "Zhang San"));
    const types = jpegStructure(stripped)?.blocks.map((b) => b.type);
    assert.deepEqual(types, ["FFD8", "FFE0", "FFDB", "FFC0", "FFC4", "FFDA", "scan"]);
    assert.deepEqual(stripped, makeJpeg());
  });

  it("keeps a phone photo's rotation as a minimal EXIF with only the orientation", () => {
    const stripped = stripJpegMetadata(makeJpeg({ app1: exifPayload("Zhang San", 6) }));
    assert.ok(!contains(stripped, "Zhang San"));
    const app1 = jpegStructure(stripped)?.blocks.find((b) => b.type === "FFE1");
    assert.ok(app1, "an APP1 remains");
    const segment = Buffer.from(stripped.subarray(app1.start, app1.end));
    assert.equal(segment.toString("latin1", 4, 10), "Exif\0\0");
    assert.equal(segment.readUInt16BE(10 + 8 + 2), 0x0112);
    assert.equal(segment.readUInt16BE(10 + 8 + 2 + 8), 6);
  });

  it("drops a PNG's tEXt, iTXt, zTXt, eXIf and tIME chunks, leaving valid CRCs", () => {
    const png = makePng([
      { type: "tEXt", data: utf8("Author\u0000张三") },
      { type: "iTXt", data: utf8("Description\u0000\u0000\u0000\u0000\u0000李四拍摄") },
      { type: "zTXt", data: utf8("Comment\u0000\u0000x") },
      { type: "eXIf", data: exifPayload("Zhang San").subarray(6) },
      { type: "tIME", data: Uint8Array.of(7, 0xe9, 1, 2, 3, 4, 5) },
      { type: "pHYs", data: new Uint8Array(9) },
    ]);
    const stripped = stripPngMetadata(png);
    assert.ok(
      !contains(stripped, "张三") &&
        !contains(stripped, "李四") &&
        !contains(stripped, "Zhang San"),
    );
    const structure = pngStructure(stripped);
    assert.deepEqual(
      structure?.blocks.map((b) => b.type),
      ["IHDR", "pHYs", "IDAT", "IEND"],
    );
    for (const b of structure?.blocks ?? []) {
      const chunk = Buffer.from(stripped.subarray(b.start, b.end));
      assert.equal(
        crc32(chunk.subarray(4, chunk.length - 4)),
        chunk.readUInt32BE(chunk.length - 4),
      );
    }
  });

  it("drops a WebP's EXIF chunk and clears its flag", () => {
    const webp = makeWebp(exifPayload("Zhang San"));
    const stripped = stripWebpMetadata(webp);
    assert.ok(!contains(stripped, "Zhang San"));
    assert.deepEqual(
      webpStructure(stripped)?.blocks.map((b) => b.type),
      ["VP8X", "VP8L"],
    );
    assert.equal(stripped[20]! & 0x08, 0);
    assert.equal(Buffer.from(stripped).readUInt32LE(4), stripped.length - 8);
  });

  it("returns an image without metadata unchanged", async () => {
    const png = makePng();
    assert.equal(await stripMetadata("png", png), png);
    const jpeg = makeJpeg();
    assert.equal(await stripMetadata("jpeg", jpeg), jpeg);
  });
});

describe("stripMetadata leaves formats it cannot rewrite", () => {
  it("returns PDF, OFD, GIF and CSV bytes as they are", async () => {
    for (const [kind, bytes] of [
      ["pdf", makePdf([{ content: "BT (x) Tj ET" }])],
      ["ofd", makeOfd([{ loc: "Pages/Page_0/Content.xml", lines: ["正文"] }])],
      ["gif", makeGif()],
      ["csv", utf8("a,b\n")],
    ] as const) {
      assert.equal(await stripMetadata(kind, bytes), bytes, kind);
    }
  });
});
