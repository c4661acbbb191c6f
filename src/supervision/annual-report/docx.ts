// The annual report as a Word document in the official layout (国办公开办函〔2021〕30号): title,
// the six section headings in 黑体, narrative in 仿宋, and the three tables with their merged
// header cells as the format has them. `docx` is loaded on first use (slow to load).
import { bodyTextOf } from "../../records/sanitize";
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  F_APPLICATIONS,
  type NarrativeKey,
  PROACTIVE_BLOCKS,
  REVIEW_GROUPS,
  REVIEW_ROW_KEY,
  type ReportTables,
  SECTIONS,
  valueColumnsOf,
} from "./format";
import { figure, reviewGroupHeading } from "./report-tables";

export interface ReportDocument {
  title: string;
  unitName: string;
  tables: ReportTables;
  /** Sanitised HTML of sections 一、五、六. */
  narrative: Record<NarrativeKey, string>;
}

const FONTS = { title: "方正小标宋简体", heading: "黑体", body: "仿宋" } as const;
/** Half-points: 二号 22pt, 三号 16pt, 五号 10.5pt. */
const SIZE = { erhao: 44, sanhao: 32, wuhao: 21 } as const;
const INDENT_TWO_CHARS = 640;
const mm = (value: number) => Math.round(value * 56.7);

/** One cell of a table layout: text, spans, and whether it is a heading. */
interface CellSpec {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  header?: boolean;
}

/** 表二 as rows of cells: per block a heading row, the column headings, then the rows. */
export function proactiveLayout(tables: ReportTables): CellSpec[][] {
  const rows: CellSpec[][] = [];
  for (const block of PROACTIVE_BLOCKS) {
    const values = valueColumnsOf(block);
    const span = values.length === 1 ? 3 : 1;
    rows.push([{ text: block.header, colSpan: 4, header: true }]);
    rows.push(
      block.columns.map((c) => ({
        text: c.label,
        colSpan: c.key === "content" ? 1 : span,
        header: true,
      })),
    );
    for (const row of block.rows) {
      rows.push([
        { text: row.label, header: true },
        ...values.map((c) => ({ text: figure(tables.proactive[row.key]?.[c.key]), colSpan: span })),
      ]);
    }
  }
  return rows;
}

/** 表三: three heading rows (申请人情况 / 法人或其他组织), then one row per format row. */
export function applicationsLayout(tables: ReportTables): CellSpec[][] {
  const orgColumns = APPLICANT_COLUMNS.filter((c) => c.group !== null);
  const resultRows = APPLICATION_ROWS.filter((r) => r.key.startsWith("results."));
  const rows: CellSpec[][] = [
    [
      { text: F_APPLICATIONS.row_header, colSpan: 2, rowSpan: 3, header: true },
      { text: F_APPLICATIONS.column_header, colSpan: 7, header: true },
    ],
    [
      { text: APPLICANT_COLUMNS[0]!.label, rowSpan: 2, header: true },
      { text: orgColumns[0]!.group!, colSpan: orgColumns.length, header: true },
      { text: F_APPLICATIONS.columns.at(-1)!.label, rowSpan: 2, header: true },
    ],
    orgColumns.map((c) => ({ text: c.label, header: true })),
  ];
  const values = (key: string) =>
    F_APPLICATIONS.columns.map((c) => ({ text: figure(tables.applications[key]?.[c.key]) }));
  for (const row of APPLICATION_ROWS) {
    if (row.level === 0) {
      rows.push([{ text: row.label, colSpan: 2, header: true }, ...values(row.key)]);
      continue;
    }
    const first = resultRows[0]?.key === row.key;
    const heading = F_APPLICATIONS.rows.find((r) => r.key === "results")!.label;
    rows.push([
      ...(first ? [{ text: heading, rowSpan: resultRows.length, header: true }] : []),
      { text: row.label, header: true },
      ...values(row.key),
    ]);
  }
  return rows;
}

/** 表四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), then the 15 figures. */
export function reviewLitigationLayout(tables: ReportTables): CellSpec[][] {
  const [review, ...litigation] = REVIEW_GROUPS;
  const row = tables.review_litigation[REVIEW_ROW_KEY] ?? {};
  return [
    [
      { text: review!.label, colSpan: review!.columns.length, header: true },
      {
        text: reviewGroupHeading(litigation[0]!.label)[0],
        colSpan: litigation.reduce((s, g) => s + g.columns.length, 0),
        header: true,
      },
    ],
    [
      ...review!.columns.map((c) => ({ text: c.label, rowSpan: 2, header: true })),
      ...litigation.map((g) => ({
        text: reviewGroupHeading(g.label)[1] ?? g.label,
        colSpan: g.columns.length,
        header: true,
      })),
    ],
    litigation.flatMap((g) => g.columns.map((c) => ({ text: c.label, header: true }))),
    REVIEW_GROUPS.flatMap((g) => g.columns.map((c) => ({ text: figure(row[c.key]) }))),
  ];
}

/** The report as .docx bytes. */
export async function writeAnnualReportDocx(report: ReportDocument): Promise<Uint8Array> {
  const d = await import("docx");
  const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
  const text = (value: string, fontName: string, size: number, bold = false) =>
    new d.TextRun({ text: value, font: font(fontName), size, bold });
  const paragraph = (value: string) =>
    new d.Paragraph({
      alignment: d.AlignmentType.JUSTIFIED,
      indent: { firstLine: INDENT_TWO_CHARS },
      spacing: { line: 560, lineRule: d.LineRuleType.EXACT },
      children: [text(value, FONTS.body, SIZE.sanhao)],
    });
  const heading = (value: string) =>
    new d.Paragraph({
      indent: { firstLine: INDENT_TWO_CHARS },
      spacing: { before: 240, after: 120 },
      children: [text(value, FONTS.heading, SIZE.sanhao)],
    });
  const table = (rows: CellSpec[][]) =>
    new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      rows: rows.map(
        (cells, i) =>
          new d.TableRow({
            tableHeader: i === 0,
            children: cells.map(
              (cell) =>
                new d.TableCell({
                  columnSpan: cell.colSpan,
                  rowSpan: cell.rowSpan,
                  verticalAlign: d.VerticalAlign.CENTER,
                  children: [
                    new d.Paragraph({
                      alignment: d.AlignmentType.CENTER,
                      children: [
                        text(cell.text, cell.header ? FONTS.heading : FONTS.body, SIZE.wuhao),
                      ],
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [text(report.title, FONTS.title, SIZE.erhao)],
    }),
  ];
  for (const section of SECTIONS) {
    children.push(heading(section.title));
    if (section.key === "proactive") children.push(table(proactiveLayout(report.tables)));
    else if (section.key === "applications")
      children.push(table(applicationsLayout(report.tables)));
    else if (section.key === "review_litigation")
      children.push(table(reviewLitigationLayout(report.tables)));
    else {
      const body = bodyTextOf(report.narrative[section.key as NarrativeKey] ?? "");
      for (const line of body.split("\n").filter((l) => l.trim() !== "")) {
        children.push(paragraph(line.trim()));
      }
    }
  }
  const document = new d.Document({
    creator: report.unitName,
    title: report.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.sanhao } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toBuffer(document));
}
