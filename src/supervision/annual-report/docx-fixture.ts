// A report to render in the DOCX tests, and every official heading the tables must carry.
import { computeReport } from "./compute";
import type { ReportDocument } from "./docx";
import {
  APPLICATION_COLUMNS,
  APPLICATION_ROWS_ALL,
  F_APPLICATIONS,
  PROACTIVE_BLOCKS,
  REVIEW_GROUPS,
  SECTIONS,
} from "./format";
import { draftNarrative, narrativeHtmlOf } from "./narrative";
import { reviewGroupHeading } from "./report-tables";

export function sampleReportDocument(): ReportDocument {
  const { tables } = computeReport({
    year: 2025,
    normativeDocuments: [{ formedOn: "2025-03-01", validity: "inForce", validityChangedOn: null }],
    cases: [
      {
        applicationNo: "A",
        applicantKind: "org_commercial",
        receivedOn: "2025-02-01",
        closedOn: "2025-02-10",
        resultKey: "results.not_disclosed.third_party_rights",
      },
    ],
    appeals: [],
    publicity: { licensing: 3, penalty: 2, coercion: 1 },
    feeAmount10kYuan: 0,
  });
  const draft = draftNarrative(2025, "县市场监督管理局", tables);
  return {
    title: "县市场监督管理局2025年政府信息公开工作年度报告",
    unitName: "县市场监督管理局",
    tables,
    narrative: {
      overview: narrativeHtmlOf(draft.overview),
      problems_improvements: narrativeHtmlOf(draft.problems_improvements),
      other_matters: narrativeHtmlOf(draft.other_matters),
    },
  };
}

/** Section titles and every row and column heading of the three tables. */
export function officialHeadings(): { table: string; headings: string[] }[] {
  return [
    { table: "sections", headings: SECTIONS.map((s) => s.title) },
    {
      table: "表二",
      headings: PROACTIVE_BLOCKS.flatMap((b) => [
        b.header,
        ...b.columns.map((c) => c.label),
        ...b.rows.map((r) => r.label),
      ]),
    },
    {
      table: "表三",
      headings: [
        F_APPLICATIONS.row_header,
        F_APPLICATIONS.column_header,
        "法人或其他组织",
        ...APPLICATION_COLUMNS.map((c) => c.label),
        ...APPLICATION_ROWS_ALL.map((r) => r.label),
      ],
    },
    {
      table: "表四",
      headings: REVIEW_GROUPS.flatMap((g) => [
        ...reviewGroupHeading(g.label).filter((x): x is string => x !== null),
        ...g.columns.map((c) => c.label),
      ]),
    },
  ];
}
