// The body of the 信息公开年报 record: the six sections with the three tables as HTML tables with
// the official headings, sanitised like any record body (src/records/sanitize.ts).
import { sanitizeBody } from "../../records/sanitize";
import type { NarrativeKey, ReportTables } from "./format";
import { ReportSections } from "./report-tables";

export async function renderReportBodyHtml(report: {
  tables: ReportTables;
  narrative: Record<NarrativeKey, string>;
}): Promise<string> {
  const html = await (
    <ReportSections tables={report.tables} narrative={report.narrative} captions={false} />
  ).toString();
  return sanitizeBody(html);
}
