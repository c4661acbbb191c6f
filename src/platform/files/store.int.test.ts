import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database";
import { AppError } from "../../http/errors";
import { imagePolicy, recordAttachmentPolicy, spreadsheetImportPolicy } from "./policies";
import { readStoredFile, storeUpload } from "./store";
import { makeDocx, makePng } from "./test-files";
import { readZipDirectory } from "./zip";

const now = new Date("2026-03-01T02:00:00.000Z");
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Every file under dir, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(dir.length + 1))
    .sort();
}

describe("storeUpload", () => {
  let t: TestDatabase;
  let uploads: string;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.destroy());
  beforeEach(async () => {
    uploads = mkdtempSync(join(tmpdir(), "gongkai-uploads-"));
    await t.db.deleteFrom("files").execute();
  });
  afterEach(() => rmSync(uploads, { recursive: true, force: true }));

  const rowCount = async () =>
    (
      await t.db
        .selectFrom("files")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;

  it("a refused upload leaves no file on disk and no row", async () => {
    await assert.rejects(
      storeUpload(t.db, uploads, { name: "x.pdf", bytes: makePng() }, recordAttachmentPolicy, now),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, "unsupported_media");
        assert.equal(error.status, 415);
        assert.equal(error.message, "文件“x.pdf”的内容不是 PDF(实际为 PNG 图片),已拒绝上传。");
        return true;
      },
    );
    assert.deepEqual(filesUnder(uploads), []);
    assert.equal(Number(await rowCount()), 0);
  });

  it("refusals map to 413 for size and 400 with a field message for names", async () => {
    const big = new Uint8Array(imagePolicy.maxBytes + 1);
    await assert.rejects(
      storeUpload(t.db, uploads, { name: "a.png", bytes: big }, imagePolicy, now),
      {
        code: "payload_too_large",
        status: 413,
      },
    );
    await assert.rejects(
      storeUpload(t.db, uploads, { name: "../..", bytes: makePng() }, imagePolicy, now),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.status, 400);
        assert.equal(error.code, "validation");
        assert.match(error.fields?.file ?? "", /文件名无效/);
        return true;
      },
    );
    assert.deepEqual(filesUnder(uploads), []);
    assert.equal(Number(await rowCount()), 0);
  });

  it("an accepted upload is stored once even when uploaded twice", async () => {
    const bytes = makePng();
    const first = await storeUpload(t.db, uploads, { name: "图.png", bytes }, imagePolicy, now);
    const second = await storeUpload(
      t.db,
      uploads,
      { name: "另一个名字.png", bytes },
      imagePolicy,
      now,
    );
    assert.equal(second.id, first.id);
    assert.equal(first.safeName, "图.png");
    assert.equal(second.safeName, "另一个名字.png");
    assert.equal(Number(await rowCount()), 1);
    assert.deepEqual(filesUnder(uploads), [first.storagePath]);
  });

  it("the stored bytes hash to the row's sha256, under ab/cd/<sha256>", async () => {
    const stored = await storeUpload(
      t.db,
      uploads,
      { name: "图.png", bytes: makePng() },
      imagePolicy,
      now,
    );
    const row = await t.db
      .selectFrom("files")
      .selectAll()
      .where("id", "=", stored.id)
      .executeTakeFirstOrThrow();
    const onDisk = readFileSync(join(uploads, row.storage_path));
    assert.equal(sha256(onDisk), row.sha256);
    assert.equal(
      row.storage_path,
      `${row.sha256.slice(0, 2)}/${row.sha256.slice(2, 4)}/${row.sha256}`,
    );
    assert.equal(row.size, onDisk.length);
    assert.equal(row.media_type, "image/png");
    assert.equal(row.created_at, "2026-03-01T02:00:00.000Z");
    assert.deepEqual(await readStoredFile(uploads, row.storage_path), new Uint8Array(onDisk));
  });

  it("metadata is stripped before hashing, so the stored file has no author", async () => {
    const bytes = makePng([{ type: "tEXt", data: utf8("Author\u0000张三") }]);
    const stored = await storeUpload(t.db, uploads, { name: "a.png", bytes }, imagePolicy, now);
    const onDisk = readFileSync(join(uploads, stored.storagePath));
    assert.ok(!onDisk.includes(Buffer.from("张三")));
    assert.equal(stored.sha256, sha256(onDisk));
    assert.notEqual(stored.sha256, sha256(bytes));
    const clean = await storeUpload(
      t.db,
      uploads,
      { name: "b.png", bytes: makePng() },
      imagePolicy,
      now,
    );
    assert.equal(clean.id, stored.id, "the same picture without metadata is the same file");
  });

  it("stores the searchable text of a document", async () => {
    const docx = await makeDocx(["关于开展政务公开工作的通知"], { creator: "张三" });
    const stored = await storeUpload(
      t.db,
      uploads,
      { name: "通知.docx", bytes: docx },
      recordAttachmentPolicy,
      now,
    );
    assert.equal(stored.textContent, "关于开展政务公开工作的通知");
    const row = await t.db
      .selectFrom("files")
      .select("text_content")
      .where("id", "=", stored.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.text_content, "关于开展政务公开工作的通知");
    const csv = await storeUpload(
      t.db,
      uploads,
      { name: "名单.csv", bytes: utf8("姓名\n张三\n") },
      spreadsheetImportPolicy,
      now,
    );
    assert.equal(csv.mediaType, "text/csv; charset=utf-8");
    assert.equal(csv.textContent, "姓名\n张三");
  });

  it("rewrites a stored file that went missing from disk when it is uploaded again", async () => {
    const stored = await storeUpload(
      t.db,
      uploads,
      { name: "a.png", bytes: makePng() },
      imagePolicy,
      now,
    );
    rmSync(join(uploads, stored.storagePath));
    const again = await storeUpload(
      t.db,
      uploads,
      { name: "a.png", bytes: makePng() },
      imagePolicy,
      now,
    );
    assert.equal(again.id, stored.id);
    assert.deepEqual(filesUnder(uploads), [stored.storagePath]);
  });

  it("a package whose author part is corrupt is refused as damaged, leaving nothing behind", async () => {
    const docx = await makeDocx(["正文"], { creator: "张三" });
    const read = readZipDirectory(docx);
    assert.ok(read.ok);
    const core = read.zip.entries.find((e) => e.name === "docProps/core.xml")!;
    const broken = new Uint8Array(docx);
    broken[core.dataOffset + 5] = broken[core.dataOffset + 5]! ^ 0xff;
    await assert.rejects(
      storeUpload(t.db, uploads, { name: "a.docx", bytes: broken }, recordAttachmentPolicy, now),
      { code: "unsupported_media", message: /已损坏/ },
    );
    assert.deepEqual(filesUnder(uploads), []);
    assert.equal(Number(await rowCount()), 0);
  });

  it("leaves no temporary files behind", async () => {
    await storeUpload(t.db, uploads, { name: "a.png", bytes: makePng() }, imagePolicy, now);
    assert.ok(filesUnder(uploads).every((f) => !f.includes(".tmp-")));
  });
});

describe("readStoredFile", () => {
  const uploads = join(tmpdir(), "gongkai-uploads-unused");
  it("refuses paths that are not a content address inside the uploads folder", async () => {
    const sha = "a".repeat(64);
    for (const path of [
      "../../etc/passwd",
      `/etc/${sha}`,
      `aa/aa/../../../${sha}`,
      `ab/cd/${sha}`,
      `aa\\aa\\${sha}`,
      "",
    ]) {
      await assert.rejects(
        readStoredFile(uploads, path),
        /not a path inside the uploads folder/,
        path,
      );
    }
  });

  it("answers not found for a missing file", async () => {
    const sha = "b".repeat(64);
    await assert.rejects(readStoredFile(uploads, `bb/bb/${sha}`), {
      code: "not_found",
      status: 404,
    });
  });
});
