// Hostile uploads end to end (issue 9 item 2b): through real upload routes of the app, not the
// pure checks (those are src/platform/files/sniff.test.ts and store.int.test.ts). Each refused
// file must leave the files table, the uploads folder and the domain tables as they were.
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  buildZip,
  deflatedZeros,
  docxShapedZip,
  makePdf,
  makePng,
  makeXlsx,
} from "../../src/platform/files/test-files";
import type { Browser } from "../support/app";
import { type SecurityApp, setUpSecurityApp } from "./support";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name))
    .sort();
}

const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const pdf = () => makePdf([{ content: "BT /F1 12 Tf (hello) Tj ET" }]);

describe("hostile uploads through the app are refused and leave nothing stored", () => {
  let s: SecurityApp;
  let officer: Browser;
  let caseId: string;
  const state = async () => ({
    files: Number(
      (
        await s.t.t.db
          .selectFrom("files")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    attachments: Number(
      (
        await s.t.t.db
          .selectFrom("application_attachments")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    onDisk: filesUnder(s.t.config.uploadsDir),
  });

  before(async () => {
    s = await setUpSecurityApp();
    officer = s.browsers.applicationOfficer;
    caseId = s.fixtures.application!;
  });
  after(() => s.t.close());

  async function upload(name: string, bytes: Uint8Array): Promise<Response> {
    await officer.get(`/admin/applications/${caseId}/letters`);
    const form = new FormData();
    form.append("files", new File([bytes], name));
    return officer.post(`/admin/applications/${caseId}/reply-attachments`, form);
  }

  const hostile: [string, string, () => Uint8Array | Promise<Uint8Array>, number[]][] = [
    [
      "a PDF with a ZIP appended (polyglot)",
      "答复.pdf",
      () => cat(pdf(), buildZip([{ name: "a.txt", data: Buffer.from("x") }])),
      [400, 415],
    ],
    [
      "a PNG with <script> in its first KB (polyglot)",
      "图.png",
      () => makePng([{ type: "tEXt", data: Buffer.from("c\0<script>alert(1)</script>") }]),
      [400, 415],
    ],
    [
      "an HTML page named .pdf (mismatched extension)",
      "答复.pdf",
      () => new Uint8Array(Buffer.from("<!doctype html><script>alert(1)</script>")),
      [400, 415],
    ],
    ["a PNG named .pdf (mismatched extension)", "scan.pdf", () => makePng(), [400, 415]],
    [
      "a Windows program named .docx",
      "setup.docx",
      () => cat(Buffer.from("MZ\x90\0"), new Uint8Array(4096)),
      [400, 415],
    ],
    [
      "a path-traversal name with a bad extension",
      "../../../../etc/cron.d/evil.sh",
      () => new Uint8Array(Buffer.from("#!/bin/sh\n")),
      [400, 415],
    ],
    ["a name that is only dots and slashes", "../..", () => pdf(), [400, 415]],
    [
      "a file over the 20 MB attachment limit",
      "大文件.pdf",
      () => cat(pdf(), new Uint8Array(21 * 1024 * 1024)),
      [400, 413],
    ],
    [
      "a DOCX decompression bomb (200 MB of zeros)",
      "炸弹.docx",
      () => docxShapedZip([{ name: "word/media/image1.png", deflated: deflatedZeros(200) }]),
      [400, 413, 415, 422],
    ],
  ];

  for (const [what, name, make, statuses] of hostile) {
    it(`${what} is refused with a Chinese message`, async () => {
      const before = await state();
      const res = await upload(name, await make());
      const text = await res.text();
      assert.ok(statuses.includes(res.status), `status ${res.status}`);
      assert.match(text, /拒绝|不能|超过|不是|不支持|文件/);
      assert.deepEqual(await state(), before, "nothing stored");
    });
  }

  it("a path-traversal name on an acceptable PDF is stored under its last component only", async () => {
    const before = await state();
    const res = await upload("../../../../tmp/答复依据.pdf", pdf());
    assert.equal(res.status, 303);
    const after = await state();
    assert.equal(after.files, before.files + 1);
    for (const f of after.onDisk) assert.ok(f.startsWith(s.t.config.uploadsDir), f);
    const row = await s.t.t.db
      .selectFrom("application_attachments")
      .select("file_name")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    assert.equal(row.file_name, "答复依据.pdf");
  });

  it("an upload over the 25 MB request limit is refused before anything reads it", async () => {
    const before = await state();
    const res = await upload("巨大.pdf", cat(pdf(), new Uint8Array(26 * 1024 * 1024)));
    assert.equal(res.status, 413);
    assert.match(await res.text(), /25 MB/);
    assert.deepEqual(await state(), before);
  });

  it("an XLSX decompression bomb sent to the publicity import is refused and imports nothing", async () => {
    const editor = s.browsers.editor;
    const count = async () =>
      Number(
        (
          await s.t.t.db
            .selectFrom("publicity_licences")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const real = await makeXlsx([["x"]]);
    assert.ok(real.length > 0);
    const bomb = buildZip([
      {
        name: "[Content_Types].xml",
        data: Buffer.from(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        ),
      },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", deflated: deflatedZeros(200) },
    ]);
    const before = { rows: await count(), ...(await state()) };
    await editor.get("/admin/publicity");
    const form = new FormData();
    form.append("type", "licence");
    form.append("file", new File([bomb], "炸弹.xlsx"));
    const res = await editor.post("/admin/publicity/import", form);
    assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
    assert.match(await res.text(), /[\u4e00-\u9fff]/);
    assert.deepEqual({ rows: await count(), ...(await state()) }, before);
  });
});
