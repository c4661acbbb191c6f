import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultTextLimits, extractText } from "./extract-text";
import { buildZip, makeDocx, makeJpeg, makeOfd, makePdf, makePng, makeXlsx } from "./test-files";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const utf16Hex = (s: string) =>
  `<FEFF${Buffer.from(s, "utf16le").swap16().toString("hex").toUpperCase()}>`;

describe("extractText from Office and OFD files", () => {
  it("reads a DOCX's paragraphs, one per line", async () => {
    const docx = await makeDocx([
      "关于开展政务公开工作的通知",
      "各乡镇人民政府:",
      "现将有关事项通知如下。",
    ]);
    assert.equal(
      extractText("docx", docx),
      "关于开展政务公开工作的通知\n各乡镇人民政府:\n现将有关事项通知如下。",
    );
  });

  it("decodes XML entities, tabs and breaks in DOCX runs and skips tab-stop definitions", () => {
    const document = `<w:document><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">A &amp; B </w:t></w:r><w:r><w:tab/><w:t>&lt;C&gt;</w:t><w:br/><w:t>D</w:t></w:r></w:p><w:p><w:r><w:delText>deleted</w:delText><w:t>E</w:t></w:r></w:p></w:body></w:document>`;
    const docx = buildZip([
      { name: "[Content_Types].xml", data: utf8("<Types/>") },
      { name: "word/document.xml", data: utf8(document) },
    ]);
    assert.equal(extractText("docx", docx), "A & B \t<C>\nD\nE");
  });

  it("reads an XLSX's shared strings", async () => {
    const xlsx = await makeXlsx([
      ["姓名", "单位", "金额"],
      ["张三", "县政务服务中心", 12.5],
    ]);
    const text = extractText("xlsx", xlsx) ?? "";
    for (const s of ["姓名", "单位", "张三", "县政务服务中心"])
      assert.ok(text.split("\n").includes(s), s);
  });

  it("reads XLSX inline strings and rich text, without phonetic guides", () => {
    const sst = `<sst><si><r><t>政务</t></r><r><t>公开</t></r><rPh sb="0" eb="1"><t>zhengwu</t></rPh></si></sst>`;
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>年度报告</t></is></c></row></sheetData></worksheet>`;
    const xlsx = buildZip([
      { name: "xl/workbook.xml", data: utf8("<workbook/>") },
      { name: "xl/sharedStrings.xml", data: utf8(sst) },
      { name: "xl/worksheets/sheet1.xml", data: utf8(sheet) },
    ]);
    assert.equal(extractText("xlsx", xlsx), "政务公开\n年度报告");
  });

  it("reads an OFD's TextCode elements in the page order of Document.xml", () => {
    const ofd = makeOfd([
      { loc: "Pages/Page_1/Content.xml", lines: ["第一页标题", "第一页正文"] },
      { loc: "Pages/Page_0/Content.xml", lines: ["第二页内容"] },
    ]);
    assert.equal(extractText("ofd", ofd), "第一页标题\n第一页正文\n第二页内容");
  });
});

describe("extractText from text and images", () => {
  it("returns CSV text without its byte-order mark", () => {
    assert.equal(
      extractText("csv", utf8("\ufeff姓名,单位\n张三,办公室\n")),
      "姓名,单位\n张三,办公室",
    );
  });

  it("returns null for images", () => {
    assert.equal(extractText("png", makePng()), null);
    assert.equal(extractText("jpeg", makeJpeg()), null);
  });

  it("returns null for a damaged package instead of throwing", () => {
    const docx = buildZip([{ name: "word/document.xml", data: utf8("<w:p/>") }]);
    const broken = new Uint8Array(docx);
    broken[40] = broken[40]! ^ 0xff; // corrupt the compressed data: CRC no longer matches
    assert.equal(extractText("docx", broken), null);
  });
});

describe("extractText from PDF (best effort)", () => {
  it("reads ASCII strings of uncompressed and Flate-compressed content streams", () => {
    const pdf = makePdf([
      {
        content:
          "BT /F1 12 Tf 72 700 Td (Annual Report 2025) Tj 0 -14 Td (on Open Government) Tj ET",
      },
      { content: "BT /F1 12 Tf [(Infor) 20 (mation) -300 (Disclosure)] TJ ET", flate: true },
    ]);
    assert.equal(
      extractText("pdf", pdf),
      "Annual Report 2025\non Open Government\nInformation Disclosure",
    );
  });

  it("reads UTF-16BE hex strings with a byte-order mark, e.g. Chinese", () => {
    const pdf = makePdf([
      {
        content: `BT /F1 12 Tf ${utf16Hex("政府信息公开")} Tj T* ${utf16Hex("年度报告")} Tj ET`,
        flate: true,
      },
    ]);
    assert.equal(extractText("pdf", pdf), "政府信息公开\n年度报告");
  });

  it("decodes escapes in literal strings", () => {
    const pdf = makePdf([{ content: "BT (A \\(B\\) \\101) Tj ET" }]);
    assert.equal(extractText("pdf", pdf), "A (B) A");
  });

  it("returns null when the text is drawn with unmapped glyph codes", () => {
    const pdf = makePdf([
      { content: "BT /F1 12 Tf <00230024002500260027> Tj (\\001\\002\\003) Tj ET", flate: true },
    ]);
    assert.equal(extractText("pdf", pdf), null);
  });

  it("ignores image and font streams", () => {
    const pdf = makePdf([
      { content: "BT (Hidden Text) Tj ET", dict: "/Subtype /Image /Width 1 /Height 1" },
      { content: "BT (Font Text) Tj ET", dict: "/Length1 20" },
      { content: "BT (Visible Text) Tj ET" },
    ]);
    assert.equal(extractText("pdf", pdf), "Visible Text");
  });

  it("returns null for a PDF with no content streams", () => {
    assert.equal(extractText("pdf", makePdf([])), null);
  });
});

describe("extractText stays within its limits", () => {
  it("keeps at most 2 Mi characters", () => {
    const big = utf8("政".repeat(3 * 1024 * 1024));
    assert.equal(extractText("text", big)?.length, 2 * 1024 * 1024);
  });

  it("honours a smaller character limit", () => {
    assert.equal(
      extractText("text", utf8("abcdef"), { ...defaultTextLimits, maxChars: 4 }),
      "abcd",
    );
  });

  it("stops reading when the time budget runs out and keeps what it found", async () => {
    const docx = await makeDocx(["第一段", "第二段", "第三段"]);
    let now = 0;
    const clock = () => {
      now += 6000; // every look at the clock is 6 s later than the last
      return now;
    };
    const text = extractText("docx", docx, { ...defaultTextLimits, maxMillis: 5000, clock });
    assert.equal(text, "第一段");
  });
});
