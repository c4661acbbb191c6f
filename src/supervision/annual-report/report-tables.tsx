// The three tables and six sections of the annual report with the official row and column
// headings (国办公开办函〔2021〕30号), as HTML. Used by the portal page, the back office and the
// body of the 信息公开年报 record (where the sanitiser keeps th scope/colspan/rowspan).
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  type Cells,
  F_APPLICATIONS,
  type NarrativeKey,
  PROACTIVE_BLOCKS,
  REVIEW_GROUPS,
  REVIEW_ROW_KEY,
  type ReportTables,
  SECTIONS,
  valueColumnsOf,
} from "./format";

/** A figure as printed: counts as integers, the fee (万元) with its decimals. */
export function figure(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/** Marks a cell the office corrected (back office only). */
export type CellMark = (table: keyof ReportTables, row: string, column: string) => boolean;

const noMark: CellMark = () => false;

interface TableProps {
  cells: Cells;
  mark?: CellMark;
  /** Off in a record body, whose sanitiser does not keep <caption>. */
  captions?: boolean;
}

function Caption(props: { show?: boolean; children: Child }) {
  return props.show === false ? null : <caption>{props.children}</caption>;
}

export function ProactiveTable(props: TableProps) {
  const mark = props.mark ?? noMark;
  return (
    <table class="report-table">
      <Caption show={props.captions}>{SECTIONS[1].title}</Caption>
      {PROACTIVE_BLOCKS.map((block) => {
        const values = valueColumnsOf(block);
        const span = values.length === 1 ? 3 : 1;
        return (
          <tbody>
            <tr>
              <th scope="colgroup" colspan={4}>
                {block.header}
              </th>
            </tr>
            <tr>
              {block.columns.map((c) => (
                <th scope="col" colspan={c.key === "content" ? 1 : span}>
                  {c.label}
                </th>
              ))}
            </tr>
            {block.rows.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                {values.map((c) => (
                  <td
                    colspan={span}
                    class={mark("proactive", row.key, c.key) ? "corrected" : undefined}
                  >
                    {figure(props.cells[row.key]?.[c.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

export function ApplicationsTable(props: TableProps) {
  const mark = props.mark ?? noMark;
  const resultRows = APPLICATION_ROWS.filter((r) => r.key.startsWith("results."));
  const orgColumns = APPLICANT_COLUMNS.filter((c) => c.group !== null);
  const values = (key: string) =>
    F_APPLICATIONS.columns.map((c) => (
      <td class={mark("applications", key, c.key) ? "corrected" : undefined}>
        {figure(props.cells[key]?.[c.key])}
      </td>
    ));
  const rows: Child[] = [];
  for (const row of APPLICATION_ROWS) {
    if (row.level === 0) {
      rows.push(
        <tr>
          <th scope="row" colspan={2}>
            {row.label}
          </th>
          {values(row.key)}
        </tr>,
      );
      continue;
    }
    const first = resultRows[0]?.key === row.key;
    rows.push(
      <tr>
        {first ? (
          <th scope="rowgroup" rowspan={resultRows.length}>
            {F_APPLICATIONS.rows.find((r) => r.key === "results")?.label}
          </th>
        ) : null}
        <th scope="row" class={row.level === 2 ? "report-subrow" : undefined}>
          {row.label}
        </th>
        {values(row.key)}
      </tr>,
    );
  }
  return (
    <table class="report-table">
      <Caption show={props.captions}>{SECTIONS[2].title}</Caption>
      <thead>
        <tr>
          <td colspan={2} rowspan={3} class="report-note">
            {F_APPLICATIONS.row_header}
          </td>
          <th scope="colgroup" colspan={7}>
            {F_APPLICATIONS.column_header}
          </th>
        </tr>
        <tr>
          <th scope="col" rowspan={2}>
            {APPLICANT_COLUMNS[0]!.label}
          </th>
          <th scope="colgroup" colspan={orgColumns.length}>
            {orgColumns[0]!.group}
          </th>
          <th scope="col" rowspan={2}>
            {F_APPLICATIONS.columns.at(-1)!.label}
          </th>
        </tr>
        <tr>
          {orgColumns.map((c) => (
            <th scope="col">{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}

/** "行政诉讼·未经复议直接起诉" → ["行政诉讼", "未经复议直接起诉"]. */
export function reviewGroupHeading(label: string): [string, string | null] {
  const [a, b] = label.split("·");
  return [a!, b ?? null];
}

export function ReviewLitigationTable(props: TableProps) {
  const mark = props.mark ?? noMark;
  const [review, ...litigation] = REVIEW_GROUPS;
  const row = props.cells[REVIEW_ROW_KEY] ?? {};
  return (
    <table class="report-table">
      <Caption show={props.captions}>{SECTIONS[3].title}</Caption>
      <thead>
        <tr>
          <th scope="colgroup" colspan={review!.columns.length}>
            {review!.label}
          </th>
          <th scope="colgroup" colspan={litigation.reduce((s, g) => s + g.columns.length, 0)}>
            {reviewGroupHeading(litigation[0]!.label)[0]}
          </th>
        </tr>
        <tr>
          {review!.columns.map((c) => (
            <th scope="col" rowspan={2}>
              {c.label}
            </th>
          ))}
          {litigation.map((g) => (
            <th scope="colgroup" colspan={g.columns.length}>
              {reviewGroupHeading(g.label)[1]}
            </th>
          ))}
        </tr>
        <tr>{litigation.flatMap((g) => g.columns.map((c) => <th scope="col">{c.label}</th>))}</tr>
      </thead>
      <tbody>
        <tr>
          {REVIEW_GROUPS.flatMap((g) =>
            g.columns.map((c) => (
              <td
                class={mark("review_litigation", REVIEW_ROW_KEY, c.key) ? "corrected" : undefined}
              >
                {figure(row[c.key])}
              </td>
            )),
          )}
        </tr>
      </tbody>
    </table>
  );
}

/** The six sections in order: narrative sections as sanitised HTML, table sections as tables. */
export function ReportSections(props: {
  tables: ReportTables;
  narrative: Record<NarrativeKey, string>;
  mark?: CellMark;
  headingLevel?: 2 | 3;
  captions?: boolean;
}) {
  const Heading = (p: { children: Child }) =>
    props.headingLevel === 3 ? <h3>{p.children}</h3> : <h2>{p.children}</h2>;
  return (
    <>
      {SECTIONS.map((s) => (
        <section class="report-section">
          <Heading>{s.title}</Heading>
          {s.key === "proactive" ? (
            <ProactiveTable
              cells={props.tables.proactive}
              mark={props.mark}
              captions={props.captions}
            />
          ) : s.key === "applications" ? (
            <ApplicationsTable
              cells={props.tables.applications}
              mark={props.mark}
              captions={props.captions}
            />
          ) : s.key === "review_litigation" ? (
            <ReviewLitigationTable
              cells={props.tables.review_litigation}
              mark={props.mark}
              captions={props.captions}
            />
          ) : (
            <div class="report-narrative">{raw(props.narrative[s.key as NarrativeKey] ?? "")}</div>
          )}
        </section>
      ))}
    </>
  );
}
