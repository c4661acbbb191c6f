// Fills the three tables of the annual report (条例第五十条; 国办公开办函〔2021〕30号) from plain
// facts. Pure: the store fetches the facts, this counts them. Leaf cells are counted, summing
// cells (sub-row groups, (七)总计, 总计列, 表四 总计) are derived, and corrections entered by the
// office replace the cell they name before the sums are taken (a corrected summing cell is kept
// as entered, so the invariant check shows when it no longer adds up).
import type { IsoDate } from "../../calendar/rules";
import {
  type AppealKind,
  type AppealResult,
  appealColumnGroup,
} from "../../requests/appeals/rules";
import type { ApplicantKind } from "../../requests/labels";
import type { ReplyResultKey } from "../../requests/results";
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  type Cells,
  childrenOf,
  FEE_CELL,
  RESULT_PARTS,
  REVIEW_GROUPS,
  REVIEW_ROW_KEY,
  type ReportTables,
  type TableKey,
} from "./format";

/** A published 规范性文件 with its 有效性 (src/records/validity.ts). */
export interface NormativeDocumentFacts {
  formedOn: IsoDate;
  validity: "inForce" | "expired" | "repealed";
  /** The day it expired or was repealed; null while in force. */
  validityChangedOn: IsoDate | null;
}

/** A received application (src/requests/year-queries.ts). */
export interface CaseFacts {
  applicationNo: string;
  applicantKind: ApplicantKind;
  receivedOn: IsoDate;
  closedOn: IsoDate | null;
  resultKey: ReplyResultKey | null;
}

/** A 行政复议 or 行政诉讼 over a case (src/requests/appeals). */
export interface AppealYearFacts {
  kind: AppealKind;
  afterReview: boolean;
  result: AppealResult;
  /** The day that places it in a year: filed on, or for a ledger entry without one, the case's reply. */
  countedOn: IsoDate;
  decidedOn: IsoDate | null;
}

export interface PublicityCounts {
  licensing: number;
  penalty: number;
  coercion: number;
}

export interface ReportFacts {
  year: number;
  normativeDocuments: readonly NormativeDocumentFacts[];
  /** Cases received in the year or carried into it; others are ignored. */
  cases: readonly CaseFacts[];
  appeals: readonly AppealYearFacts[];
  publicity: PublicityCounts;
  /** 行政事业性收费 entered by the office, in 万元. */
  feeAmount10kYuan: number;
}

/** A value the office entered over a computed cell, with its reason (shown and audited). */
export interface CellCorrection {
  table: TableKey;
  row: string;
  column: string;
  value: number;
  reason: string;
  enteredBy: string;
  enteredAt: string;
}

export interface ComputedReport {
  tables: ReportTables;
  /** Facts the tables had to interpret, in Chinese, for the office to check. */
  notes: string[];
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/** 表二 二、主动公开 (条例第二十条第(一)(五)(六)(八)项). */
export function computeProactive(facts: ReportFacts): Cells {
  const start = `${facts.year}-01-01`;
  const end = `${facts.year}-12-31`;
  const docs = facts.normativeDocuments.filter((d) => d.formedOn <= end);
  // 废止 counts every document that stopped being in force this year (废止 or 失效), so that
  // 现行有效 at the end of the year = at the end of last year + 制发 − 废止.
  const stopped = (d: NormativeDocumentFacts) =>
    d.validity !== "inForce" && d.validityChangedOn !== null;
  const inForceAtEnd = (d: NormativeDocumentFacts) =>
    !stopped(d) || (d.validityChangedOn as IsoDate) > end;
  const cells: Cells = {
    // A county bureau has no power to make 规章 (format note): the row stays 0.
    "art20_1.rules": { issued_this_year: 0, repealed_this_year: 0, in_force: 0 },
    "art20_1.normative_documents": {
      issued_this_year: docs.filter((d) => d.formedOn >= start).length,
      repealed_this_year: docs.filter(
        (d) =>
          stopped(d) &&
          (d.validityChangedOn as IsoDate) >= start &&
          (d.validityChangedOn as IsoDate) <= end,
      ).length,
      in_force: docs.filter(inForceAtEnd).length,
    },
    "art20_5.administrative_licensing": { decisions_this_year: facts.publicity.licensing },
    "art20_6.administrative_penalty": { decisions_this_year: facts.publicity.penalty },
    "art20_6.administrative_coercion": { decisions_this_year: facts.publicity.coercion },
    [FEE_CELL.row]: { [FEE_CELL.column]: facts.feeAmount10kYuan },
  };
  return cells;
}

function emptyApplicationCells(): Cells {
  const cells: Cells = {};
  for (const row of APPLICATION_ROWS) {
    cells[row.key] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c.key, 0]));
  }
  return cells;
}

/**
 * 表三 leaf cells: 一 new this year, 二 carried over, 三 results of cases closed this year (by
 * their most specific row), 四 still open on 31 December.
 */
export function countApplications(facts: ReportFacts, notes: string[]): Cells {
  const start = `${facts.year}-01-01`;
  const end = `${facts.year}-12-31`;
  const cells = emptyApplicationCells();
  const add = (row: string, kind: ApplicantKind) => {
    cells[row]![kind] = (cells[row]![kind] ?? 0) + 1;
  };
  for (const c of facts.cases) {
    if (c.receivedOn > end) continue;
    if (c.receivedOn >= start) add("new_received", c.applicantKind);
    else if (c.closedOn === null || c.closedOn >= start)
      add("carried_over_from_last_year", c.applicantKind);
    else continue;
    if (c.closedOn === null || c.closedOn > end) {
      add("carried_to_next_year", c.applicantKind);
    } else if (c.resultKey === null) {
      notes.push(`申请 ${c.applicationNo} 已办结但没有答复结果,计入“(六)其他处理 3.其他”。`);
      add("results.other.other", c.applicantKind);
    } else {
      add(c.resultKey, c.applicantKind);
    }
  }
  return cells;
}

/**
 * 表四: appeals placed in the year, each in its group × result; one still undecided on
 * 31 December counts as 尚未审结 even if it has been decided since.
 */
export function countAppeals(facts: ReportFacts): Cells {
  const end = `${facts.year}-12-31`;
  const row: Record<string, number> = {};
  for (const g of REVIEW_GROUPS) for (const c of g.columns) row[c.key] = 0;
  for (const a of facts.appeals) {
    if (yearOf(a.countedOn) !== facts.year) continue;
    const decidedLater = a.decidedOn !== null && a.decidedOn > end;
    const result = a.result === "pending" || decidedLater ? "pending" : a.result;
    const key = `${appealColumnGroup(a)}.${result}`;
    row[key] = (row[key] ?? 0) + 1;
  }
  return { [REVIEW_ROW_KEY]: row };
}

function isOverridden(corrections: readonly CellCorrection[], t: TableKey, r: string, c: string) {
  return corrections.some((x) => x.table === t && x.row === r && x.column === c);
}

/** Fills the summing cells of 表三 and 表四 that the office has not entered a value for. */
export function completeSums(tables: ReportTables, corrections: readonly CellCorrection[]): void {
  const apps = tables.applications;
  const keep = (t: TableKey, r: string, c: string) => isOverridden(corrections, t, r, c);
  const sum = (rows: readonly { key: string }[], column: string) =>
    rows.reduce((s, r) => s + (apps[r.key]?.[column] ?? 0), 0);
  for (const column of APPLICANT_COLUMNS.map((c) => c.key)) {
    for (const group of RESULT_PARTS) {
      const children = childrenOf(group.key);
      if (children.length > 0 && !keep("applications", group.key, column)) {
        apps[group.key]![column] = sum(children, column);
      }
    }
    if (!keep("applications", "results.total", column)) {
      apps["results.total"]![column] = sum(RESULT_PARTS, column);
    }
  }
  for (const row of APPLICATION_ROWS) {
    if (keep("applications", row.key, "total")) continue;
    apps[row.key]!.total = APPLICANT_COLUMNS.reduce((s, c) => s + (apps[row.key]?.[c.key] ?? 0), 0);
  }
  const review = tables.review_litigation[REVIEW_ROW_KEY]!;
  for (const g of REVIEW_GROUPS) {
    const totalKey = `${g.key}.total`;
    if (keep("review_litigation", REVIEW_ROW_KEY, totalKey)) continue;
    review[totalKey] = g.columns
      .filter((c) => c.key !== totalKey)
      .reduce((s, c) => s + (review[c.key] ?? 0), 0);
  }
}

/** The three tables of a year from the facts, with the office's corrections applied. */
export function computeReport(
  facts: ReportFacts,
  corrections: readonly CellCorrection[] = [],
): ComputedReport {
  const notes: string[] = [];
  const tables: ReportTables = {
    proactive: computeProactive(facts),
    applications: countApplications(facts, notes),
    review_litigation: countAppeals(facts),
  };
  for (const x of corrections) {
    const row = tables[x.table][x.row];
    if (row) row[x.column] = x.value;
  }
  completeSums(tables, corrections);
  return { tables, notes };
}
