import assert from "node:assert/strict";
import { describe, it } from "node:test";
import JSZip from "jszip";
import { writeAnnualReportDocx } from "./docx";
import { officialHeadings, sampleReportDocument } from "./docx-fixture";

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("the annual report as DOCX", () => {
  it("has exactly three tables carrying every official row and column heading", async () => {
    const bytes = await writeAnnualReportDocx(sampleReportDocument());
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    assert.equal(tables.length, 3);
    const texts = tables.map((tbl) =>
      unescapeXml([...tbl.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n")),
    );
    const [proactive, applications, review] = officialHeadings().slice(1);
    for (const [i, group] of [proactive!, applications!, review!].entries()) {
      for (const heading of group.headings) {
        assert.ok(texts[i]!.split("\n").includes(heading), `${group.table}: ${heading}`);
      }
    }
    const body = unescapeXml(xml);
    for (const title of officialHeadings()[0]!.headings) assert.ok(body.includes(title), title);
    assert.ok(body.includes("县市场监督管理局2025年政府信息公开工作年度报告"));
  });

  it("merges header cells as the format does and uses 黑体 and 仿宋", async () => {
    const xml = await (await JSZip.loadAsync(await writeAnnualReportDocx(sampleReportDocument())))
      .file("word/document.xml")!
      .async("string");
    assert.ok(xml.includes('<w:gridSpan w:val="7"/>'), "申请人情况 spans seven columns");
    assert.ok(xml.includes('<w:gridSpan w:val="5"/>'), "法人或其他组织 / 行政复议 span five");
    assert.ok(xml.includes('<w:gridSpan w:val="10"/>'), "行政诉讼 spans ten");
    assert.ok(/<w:vMerge w:val="restart"\/>/.test(xml), "rows merged vertically");
    assert.ok(xml.includes('w:eastAsia="黑体"'));
    assert.ok(xml.includes('w:eastAsia="仿宋"'));
  });
});
