// The DOCX opened by a real word processor: LibreOffice converts it to text and every official
// heading of the three tables must be there. Needs `soffice` (Debian: libreoffice-writer-nogui).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { writeAnnualReportDocx } from "./docx";
import { officialHeadings, sampleReportDocument } from "./docx-fixture";

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

describe("the annual report DOCX in LibreOffice", () => {
  it("converts to text with every section title and table heading", {
    skip: hasSoffice
      ? false
      : "soffice 未安装:跳过 LibreOffice 检查(Debian 请安装 libreoffice-writer-nogui)",
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-annual-docx-"));
    try {
      writeFileSync(join(dir, "report.docx"), await writeAnnualReportDocx(sampleReportDocument()));
      const run = spawnSync(
        "soffice",
        [
          `-env:UserInstallation=file://${join(dir, "profile")}`,
          "--headless",
          "--convert-to",
          "txt:Text (encoded):UTF8",
          "--outdir",
          dir,
          join(dir, "report.docx"),
        ],
        { encoding: "utf8", timeout: 110_000 },
      );
      assert.equal(run.status, 0, run.stderr);
      const text = readFileSync(join(dir, "report.txt"), "utf8");
      assert.ok(text.includes("县市场监督管理局2025年政府信息公开工作年度报告"));
      for (const group of officialHeadings()) {
        for (const heading of group.headings) {
          assert.ok(text.includes(heading), `${group.table}: ${heading}`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
