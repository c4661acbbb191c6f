import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentDisposition, fileResponse } from "./serve";

const bytes = new Uint8Array([1, 2, 3]);
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("fileResponse", () => {
  it("offers a document as an attachment with its Chinese name encoded per RFC 5987", async () => {
    const res = fileResponse({
      bytes,
      mediaType: docxType,
      fileName: "关于(2025)年度的通知.docx",
      cache: "private",
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("Content-Type"), docxType);
    assert.equal(
      res.headers.get("Content-Disposition"),
      `attachment; filename="__(2025)_____.docx"; filename*=UTF-8''${"%E5%85%B3%E4%BA%8E%282025%29%E5%B9%B4%E5%BA%A6%E7%9A%84%E9%80%9A%E7%9F%A5"}.docx`,
    );
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
  });

  it("forbids sniffing and sandboxes every file", () => {
    for (const mediaType of ["application/pdf", "image/png", "text/csv; charset=utf-8"]) {
      const res = fileResponse({ bytes, mediaType, fileName: "a", cache: "public" });
      assert.equal(res.headers.get("X-Content-Type-Options"), "nosniff");
      assert.equal(res.headers.get("Content-Security-Policy"), "sandbox");
    }
  });

  it("shows images inline and downloads everything else", () => {
    const image = fileResponse({
      bytes,
      mediaType: "image/jpeg",
      fileName: "照片.jpg",
      cache: "public",
    });
    assert.match(image.headers.get("Content-Disposition") ?? "", /^inline; /);
    const pdf = fileResponse({
      bytes,
      mediaType: "application/pdf",
      fileName: "a.pdf",
      cache: "public",
    });
    assert.match(pdf.headers.get("Content-Disposition") ?? "", /^attachment; /);
  });

  it("caches as the caller says, with the content hash as ETag", () => {
    const pub = fileResponse({
      bytes,
      mediaType: "application/pdf",
      fileName: "a.pdf",
      cache: "public",
      sha256: "ab12",
    });
    assert.equal(pub.headers.get("Cache-Control"), "public, max-age=86400");
    assert.equal(pub.headers.get("ETag"), '"ab12"');
    const priv = fileResponse({
      bytes,
      mediaType: "application/pdf",
      fileName: "a.pdf",
      cache: "private",
    });
    assert.equal(priv.headers.get("Cache-Control"), "private, max-age=0");
    const custom = fileResponse({
      bytes,
      mediaType: "application/pdf",
      fileName: "a.pdf",
      cache: "private",
      maxAgeSeconds: 60,
    });
    assert.equal(custom.headers.get("Cache-Control"), "private, max-age=60");
  });

  it("keeps quotes and backslashes out of the plain filename", () => {
    assert.equal(
      contentDisposition("attachment", 'a"b\\c.pdf'),
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});
