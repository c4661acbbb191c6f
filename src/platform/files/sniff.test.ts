import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { FileKind } from "./kinds";
import {
  idScanPolicy,
  imagePolicy,
  recordAttachmentPolicy,
  spreadsheetImportPolicy,
  type UploadPolicy,
} from "./policies";
import { cleanFileName } from "./safe-name";
import { checkUpload, type UploadCheck } from "./sniff";
import {
  buildZip,
  deflatedZeros,
  docxShapedZip,
  makeDocx,
  makeGif,
  makeJpeg,
  makeOfd,
  makePdf,
  makePng,
  makeWebp,
  makeXlsx,
} from "./test-files";

const everything: UploadPolicy = {
  kinds: ["pdf", "ofd", "docx", "xlsx", "png", "jpeg", "gif", "webp", "csv", "text"],
  maxBytes: 20 * 1024 * 1024,
};
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

function refused(result: UploadCheck): { code: string; message: string } {
  assert.equal(result.ok, false, "expected a refusal");
  if (result.ok) throw new Error("unreachable");
  return result;
}

function accepted(result: UploadCheck) {
  if (!result.ok) assert.fail(`expected acceptance, got ${result.code}: ${result.message}`);
  return result;
}

let docx: Uint8Array;
let xlsx: Uint8Array;
const zip = () => buildZip([{ name: "a.txt", data: utf8("hello") }]);

before(async () => {
  docx = await makeDocx(["关于开展政务公开工作的通知"], { creator: "张三" });
  xlsx = await makeXlsx([["姓名", "单位"]]);
});

describe("checkUpload recognises every supported format", () => {
  const cases: [string, () => Uint8Array, FileKind, string][] = [
    ["通知.pdf", () => makePdf([{ content: "BT (Hi) Tj ET" }]), "pdf", "application/pdf"],
    [
      "公文.ofd",
      () => makeOfd([{ loc: "Pages/Page_0/Content.xml", lines: ["正文"] }]),
      "ofd",
      "application/ofd",
    ],
    [
      "通知.docx",
      () => docx,
      "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    [
      "名单.xlsx",
      () => xlsx,
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    ["图.png", () => makePng(), "png", "image/png"],
    ["照片.jpg", () => makeJpeg(), "jpeg", "image/jpeg"],
    ["照片.jpeg", () => makeJpeg(), "jpeg", "image/jpeg"],
    ["动图.gif", () => makeGif(), "gif", "image/gif"],
    ["图.webp", () => makeWebp(), "webp", "image/webp"],
    ["名单.csv", () => utf8("\ufeff姓名,单位\n张三,办公室\n"), "csv", "text/csv; charset=utf-8"],
    ["说明.txt", () => utf8("政务公开\n"), "text", "text/plain; charset=utf-8"],
  ];
  for (const [name, bytes, kind, mediaType] of cases) {
    it(`accepts a real ${name}`, () => {
      const ok = accepted(checkUpload(name, bytes(), everything));
      assert.equal(ok.kind, kind);
      assert.equal(ok.mediaType, mediaType);
      assert.equal(ok.safeName, name);
      assert.equal(ok.extension, name.split(".").pop());
    });
  }

  it("writes the extension in lower case and keeps the rest of the name", () => {
    const ok = accepted(checkUpload("现场照片.JPG", makeJpeg(), imagePolicy));
    assert.equal(ok.safeName, "现场照片.jpg");
    assert.equal(ok.extension, "jpg");
  });

  it("accepts the formats of each product policy", () => {
    accepted(checkUpload("a.pdf", makePdf([]), recordAttachmentPolicy));
    accepted(checkUpload("a.gif", makeGif(), imagePolicy));
    accepted(checkUpload("身份证.pdf", makePdf([]), idScanPolicy));
    accepted(checkUpload("导入.xlsx", xlsx, spreadsheetImportPolicy));
    accepted(checkUpload("导入.csv", utf8("a,b\n"), spreadsheetImportPolicy));
  });
});

describe("checkUpload refuses content that disagrees with its extension", () => {
  it("a .pdf that is really a PNG is refused, naming both formats", () => {
    const r = refused(checkUpload("x.pdf", makePng(), recordAttachmentPolicy));
    assert.equal(r.code, "type_mismatch");
    assert.equal(r.message, "文件“x.pdf”的内容不是 PDF(实际为 PNG 图片),已拒绝上传。");
  });

  it("a Word document named .xlsx is refused", () => {
    const r = refused(checkUpload("名单.xlsx", docx, recordAttachmentPolicy));
    assert.equal(r.code, "type_mismatch");
    assert.match(r.message, /实际为 Word 文档/);
  });

  it("an HTML page named .pdf is refused as HTML", () => {
    const r = refused(
      checkUpload(
        "a.pdf",
        utf8("<!DOCTYPE html><script>alert(1)</script>"),
        recordAttachmentPolicy,
      ),
    );
    assert.equal(r.code, "type_mismatch");
    assert.match(r.message, /实际为 HTML 网页/);
  });

  it("a plain ZIP named .docx is refused", () => {
    const r = refused(checkUpload("a.docx", zip(), recordAttachmentPolicy));
    assert.equal(r.code, "type_mismatch");
    assert.match(r.message, /实际为 ZIP 压缩包/);
  });

  it("a Windows program named .jpg is refused", () => {
    const r = refused(checkUpload("a.jpg", cat(utf8("MZ"), new Uint8Array(100)), imagePolicy));
    assert.equal(r.code, "type_mismatch");
    assert.match(r.message, /可执行程序/);
  });

  it("a CSV saved in GBK is refused with advice to save it as CSV UTF-8", () => {
    const gbk = Uint8Array.of(0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xa5, 0xce, 0xbb, 0x0a); // 姓名,单位
    const r = refused(checkUpload("名单.csv", gbk, spreadsheetImportPolicy));
    assert.equal(r.code, "type_mismatch");
    assert.match(r.message, /CSV UTF-8/);
  });

  it("a CSV containing NUL bytes is refused", () => {
    const r = refused(checkUpload("a.csv", utf8("a,b\u0000\n"), spreadsheetImportPolicy));
    assert.equal(r.code, "type_mismatch");
  });

  it("a damaged PNG is refused", () => {
    const png = makePng();
    const r = refused(checkUpload("a.png", png.subarray(0, png.length - 20), imagePolicy));
    assert.equal(r.code, "type_mismatch");
    assert.match(r.message, /已损坏/);
  });

  it("a DOCX with bytes appended after the archive is refused as damaged", () => {
    const r = refused(checkUpload("a.docx", cat(docx, utf8("trailing")), recordAttachmentPolicy));
    assert.equal(r.code, "type_mismatch");
  });

  it("a ZIP that is both a Word and an Excel package is refused", () => {
    const both = docxShapedZip([{ name: "xl/workbook.xml", data: utf8("<workbook/>") }]);
    assert.equal(
      refused(checkUpload("a.docx", both, recordAttachmentPolicy)).code,
      "type_mismatch",
    );
  });

  it("a DOCX with an encrypted entry is refused", () => {
    const z = docxShapedZip([{ name: "word/x.xml", data: utf8("<x/>") }]);
    Buffer.from(z.buffer, z.byteOffset).writeUInt16LE(0x801, z.length - 22 - (46 + 10) + 8);
    assert.equal(refused(checkUpload("a.docx", z, recordAttachmentPolicy)).code, "type_mismatch");
  });
});

describe("checkUpload refuses formats the policy does not allow", () => {
  it("an .exe is refused and the allowed formats are listed", () => {
    const r = refused(checkUpload("setup.exe", utf8("MZ"), recordAttachmentPolicy));
    assert.equal(r.code, "type_not_allowed");
    assert.match(r.message, /不支持上传“\.exe”格式/);
    assert.match(r.message, /PDF、OFD、Word 文档\(DOCX\)/);
  });

  it("a PDF is refused where only images are allowed", () => {
    assert.equal(refused(checkUpload("a.pdf", makePdf([]), imagePolicy)).code, "type_not_allowed");
  });

  it("a name without an extension is refused", () => {
    const r = refused(checkUpload("通知", makePdf([]), recordAttachmentPolicy));
    assert.equal(r.code, "type_not_allowed");
    assert.match(r.message, /没有扩展名/);
  });

  it("an old .doc file gets advice to save it as DOCX", () => {
    const r = refused(checkUpload("通知.doc", utf8("x"), recordAttachmentPolicy));
    assert.match(r.message, /另存为 DOCX/);
  });

  it("a text file is not accepted as text where the policy does not allow text", () => {
    const r = refused(checkUpload("a.txt", utf8("hello"), recordAttachmentPolicy));
    assert.equal(r.code, "type_not_allowed");
  });
});

describe("checkUpload checks size", () => {
  it("an empty file is refused", () => {
    const r = refused(checkUpload("a.pdf", new Uint8Array(), recordAttachmentPolicy));
    assert.equal(r.code, "empty");
    assert.equal(r.message, "文件“a.pdf”是空文件,已拒绝上传。");
  });

  it("a file over the policy's limit is refused with both sizes", () => {
    const png = makePng();
    const big = cat(png, new Uint8Array(imagePolicy.maxBytes + 1 - png.length));
    const r = refused(checkUpload("大图.png", big, imagePolicy));
    assert.equal(r.code, "too_large");
    assert.equal(r.message, "文件“大图.png”大小为 5 MB,超过了 5 MB 的上限,已拒绝上传。");
  });

  it("a file exactly at the limit is accepted", () => {
    const png = makePng();
    const exact = cat(png, new Uint8Array(imagePolicy.maxBytes - png.length));
    accepted(checkUpload("a.png", exact, imagePolicy));
  });
});

describe("file names are cleaned", () => {
  const cases: [string, string][] = [
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["..\\..\\x.docx", "x.docx"],
    ["C:\\Users\\张三\\Desktop\\通知.pdf", "通知.pdf"],
    ["%2e%2e%2fetc%2fpasswd.pdf", "passwd.pdf"],
    ["..%252f..%252fsecret.pdf", "secret.pdf"],
    [".htaccess.pdf", "htaccess.pdf"],
    ['a<b>:"c|?*.pdf', "abc.pdf"],
    ["报告\u0000\u0007.pdf", "报告.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["CON.pdf", "_CON.pdf"],
    ["增长50%以上.pdf", "增长50%以上.pdf"],
    ["  两个   空格 .pdf  ", "两个 空格 .pdf"],
    ["关于开展2025年度政务公开工作的通知.pdf", "关于开展2025年度政务公开工作的通知.pdf"],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} becomes ${JSON.stringify(expected)}`, () => {
      assert.equal(cleanFileName(input), expected);
    });
  }

  it("a path-traversal name is stored under its last component only", () => {
    const ok = accepted(checkUpload("../../etc/passwd.pdf", makePdf([]), recordAttachmentPolicy));
    assert.equal(ok.safeName, "passwd.pdf");
  });

  it("a long Chinese name is cut to 120 characters, keeping the extension", () => {
    const name = `${"政".repeat(200)}.pdf`;
    const cleaned = cleanFileName(name);
    assert.equal(Array.from(cleaned).length, 120);
    assert.ok(cleaned.endsWith("政.pdf"));
  });

  it("names that are empty after cleaning are refused", () => {
    for (const name of ["", "...", "/", "../..", "\u0000\u0001", " . "]) {
      const r = refused(checkUpload(name, makePdf([]), recordAttachmentPolicy));
      assert.equal(r.code, "bad_name", name);
    }
  });
});

describe("checkUpload refuses polyglots", () => {
  it("a PDF with a ZIP appended is refused", () => {
    const r = refused(checkUpload("a.pdf", cat(makePdf([]), zip()), recordAttachmentPolicy));
    assert.equal(r.code, "polyglot");
    assert.match(r.message, /夹带了其他格式的内容/);
  });

  it("a PNG with a ZIP appended after IEND is refused", () => {
    assert.equal(
      refused(checkUpload("a.png", cat(makePng(), zip()), imagePolicy)).code,
      "polyglot",
    );
  });

  it("a PNG carrying a ZIP inside a private chunk is refused", () => {
    const png = makePng([{ type: "zipP", data: zip() }]);
    assert.equal(refused(checkUpload("a.png", png, imagePolicy)).code, "polyglot");
  });

  it("a GIF with a ZIP appended is refused", () => {
    assert.equal(
      refused(checkUpload("a.gif", cat(makeGif(), zip()), imagePolicy)).code,
      "polyglot",
    );
  });

  it("a JPEG with a ZIP appended is refused", () => {
    assert.equal(
      refused(checkUpload("a.jpg", makeJpeg({ tail: zip() }), imagePolicy)).code,
      "polyglot",
    );
  });

  it("a PNG with a <script> tag in its first KB is refused", () => {
    const png = makePng([{ type: "tEXt", data: utf8("Comment\u0000<SCRIPT>alert(1)</SCRIPT>") }]);
    assert.equal(refused(checkUpload("a.png", png, imagePolicy)).code, "polyglot");
  });

  it("a JPEG ending in HTML is refused", () => {
    const jpeg = makeJpeg({ tail: utf8("<html><body>hi</body></html>") });
    assert.equal(refused(checkUpload("a.jpg", jpeg, imagePolicy)).code, "polyglot");
  });

  it("a PDF whose first KB holds HTML is refused", () => {
    const pdf = cat(utf8("%PDF-1.4\n<html><script>x</script></html>\n"), makePdf([]).subarray(9));
    assert.equal(refused(checkUpload("a.pdf", pdf, recordAttachmentPolicy)).code, "polyglot");
  });

  it("a DOCX with data hidden between its entries is refused", () => {
    const z = docxShapedZip([{ name: "word/x.xml", data: utf8("<x/>") }], {
      hideAfter: { index: 1, bytes: makePdf([]) },
    });
    assert.equal(refused(checkUpload("a.docx", z, recordAttachmentPolicy)).code, "polyglot");
  });

  it("a stray 'PK' inside image data is not taken for a ZIP", () => {
    const png = makePng([
      { type: "teSt", data: cat(utf8("PK\u0003\u0004"), new Uint8Array(40).fill(0xff)) },
    ]);
    accepted(checkUpload("a.png", png, imagePolicy));
  });

  it("zero padding after a PNG's end is tolerated", () => {
    accepted(checkUpload("a.png", cat(makePng(), new Uint8Array(16)), imagePolicy));
  });
});

describe("checkUpload refuses ZIP packages that are unsafe to unpack", () => {
  it("a DOCX-shaped zip with a 200 MB entry of zeros (a real zip bomb) is refused", async () => {
    const zeros = deflatedZeros(200);
    const bomb = docxShapedZip([{ name: "word/media/image1.png", deflated: zeros }]);
    assert.ok(bomb.length < 1024 * 1024, "the bomb itself is small");
    const r = refused(checkUpload("炸弹.docx", bomb, recordAttachmentPolicy));
    assert.equal(r.code, "zip_bomb");
    assert.match(r.message, /压缩炸弹/);
  });

  it("a package that unpacks to more than 100 MB in total is refused", async () => {
    const oneMb = deflatedZeros(1);
    const parts = Array.from({ length: 101 }, (_, i) => ({
      name: `word/media/p${i}.bin`,
      deflated: oneMb,
    }));
    const r = refused(checkUpload("a.docx", docxShapedZip(parts), recordAttachmentPolicy));
    assert.equal(r.code, "zip_bomb");
    assert.match(r.message, /解压后共 101 MB,超过 100 MB/);
  });

  it("a package with more than 2000 entries is refused", () => {
    const parts = Array.from({ length: 1999 }, (_, i) => ({
      name: `word/p${i}.xml`,
      data: utf8("<p/>"),
    }));
    const r = refused(checkUpload("a.docx", docxShapedZip(parts), recordAttachmentPolicy));
    assert.equal(r.code, "zip_bomb");
    assert.match(r.message, /2001 个部件/);
  });

  it("2000 entries are still accepted", () => {
    const parts = Array.from({ length: 1998 }, (_, i) => ({
      name: `word/p${i}.xml`,
      data: utf8("<p/>"),
    }));
    accepted(checkUpload("a.docx", docxShapedZip(parts), recordAttachmentPolicy));
  });

  for (const name of [
    "../../evil.sh",
    "word/../../evil.xml",
    "/etc/cron.d/x",
    "C:/x.xml",
    "word\\..\\..\\x.xml",
  ]) {
    it(`an entry named ${JSON.stringify(name)} (zip-slip) is refused`, () => {
      const z = docxShapedZip([{ name, data: utf8("x") }]);
      const r = refused(checkUpload("a.docx", z, recordAttachmentPolicy));
      assert.equal(r.code, "zip_bomb");
      assert.match(r.message, /不安全的路径/);
    });
  }

  it("two entries with the same name are refused", () => {
    const z = docxShapedZip([{ name: "word/document.xml", data: utf8("<other/>") }]);
    assert.match(refused(checkUpload("a.docx", z, recordAttachmentPolicy)).message, /重名/);
  });

  it("entries that overlap (one compressed kernel reused) are refused", () => {
    const z = docxShapedZip([{ name: "word/a.xml", data: utf8("<a/>") }], {
      aliases: [{ name: "word/b.xml", of: 2 }],
    });
    const r = refused(checkUpload("a.docx", z, recordAttachmentPolicy));
    assert.equal(r.code, "zip_bomb");
    assert.match(r.message, /重叠/);
  });

  it("a well-compressed entry under 1 MB is not counted as a bomb", async () => {
    const half = { ...deflatedZeros(1) };
    accepted(
      checkUpload(
        "a.docx",
        docxShapedZip([{ name: "word/zeros.bin", deflated: half }]),
        recordAttachmentPolicy,
      ),
    );
  });
});
