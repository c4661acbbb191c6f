// Kysely queries of the annual report: the facts a year's tables are counted from, and the
// report row (entered values, frozen snapshot).
import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB } from "../../db/schema";
import { publicityDecisionCounts } from "../../publicity/year-counts";
import type { AppealKind, AppealResult } from "../../requests/appeals/rules";
import { applicationsCarriedOver, applicationsReceivedIn } from "../../requests/year-queries";
import type { AppealYearFacts, CaseFacts, CellCorrection, NormativeDocumentFacts } from "./compute";
import type { AnnualReportsTable } from "./tables";

export type Db = Kysely<DB> | Transaction<DB>;
export type AnnualReportRow = Selectable<AnnualReportsTable>;

/**
 * Published 规范性文件 with their 有效性. The row holds the current 有效性 and the legal date it
 * changed (失效或废止日期, src/records/validity.ts); a correction back to 有效 clears that date,
 * so the current row is the history the report needs. Withdrawn records are no longer public
 * and are not counted.
 */
export async function loadNormativeDocuments(db: Db): Promise<NormativeDocumentFacts[]> {
  const rows = await db
    .selectFrom("records")
    .select(["formed_on", "validity", "validity_changed_on"])
    .where("genre", "=", "normativeDocument")
    .where("state", "=", "published")
    .execute();
  return rows.map((r) => ({
    formedOn: r.formed_on,
    validity: r.validity as NormativeDocumentFacts["validity"],
    validityChangedOn: r.validity_changed_on,
  }));
}

/** Cases received in `year` plus those carried into it (src/requests/year-queries.ts). */
export async function loadYearCases(db: Db, year: number): Promise<CaseFacts[]> {
  const cases = [
    ...(await applicationsCarriedOver(db, year)),
    ...(await applicationsReceivedIn(db, year)),
  ];
  return cases.map((c) => ({
    applicationNo: c.applicationNo,
    applicantKind: c.applicantKind,
    receivedOn: c.receivedOn,
    closedOn: c.closedOn,
    resultKey: c.resultKey,
  }));
}

/**
 * Appeals that may fall in `year`: by the day they were filed, or, for a ledger entry without
 * one, by the day the case was replied to (else received).
 */
export async function loadYearAppeals(db: Db, year: number): Promise<AppealYearFacts[]> {
  const rows = await db
    .selectFrom("application_appeals")
    .innerJoin("applications", "applications.id", "application_appeals.application_id")
    .select([
      "application_appeals.kind",
      "application_appeals.after_review",
      "application_appeals.result",
      "application_appeals.filed_on",
      "application_appeals.decided_on",
      "applications.closed_on",
      "applications.received_on",
    ])
    .where((eb) =>
      eb.or([
        eb("application_appeals.filed_on", "like", `${year}-%`),
        eb("application_appeals.filed_on", "is", null),
      ]),
    )
    .execute();
  return rows.flatMap((r) => {
    const countedOn = r.filed_on ?? r.closed_on ?? r.received_on;
    if (!countedOn) return [];
    return [
      {
        kind: r.kind as AppealKind,
        afterReview: r.after_review === 1,
        result: r.result as AppealResult,
        countedOn,
        decidedOn: r.decided_on,
      },
    ];
  });
}

/** 行政许可 / 行政处罚 / 行政强制 decisions of the year (src/publicity/year-counts.ts). */
export function loadPublicityCounts(db: Kysely<DB>, year: number) {
  return publicityDecisionCounts(db, year);
}

export async function findReportRow(db: Db, year: number): Promise<AnnualReportRow | undefined> {
  return db.selectFrom("annual_reports").selectAll().where("year", "=", year).executeTakeFirst();
}

export async function listReportRows(db: Db): Promise<AnnualReportRow[]> {
  return db.selectFrom("annual_reports").selectAll().orderBy("year", "desc").execute();
}

/** The report row of a year, created as an empty draft on first change. */
export async function ensureReportRow(
  trx: Transaction<DB>,
  year: number,
  actorId: number | null,
  now: Date,
): Promise<AnnualReportRow> {
  const existing = await findReportRow(trx, year);
  if (existing) return existing;
  const at = now.toISOString();
  await trx
    .insertInto("annual_reports")
    .values({ year, state: "draft", created_at: at, updated_at: at, updated_by: actorId })
    .execute();
  return (await findReportRow(trx, year))!;
}

export function correctionsOf(row: AnnualReportRow | undefined): CellCorrection[] {
  return row ? (JSON.parse(row.corrections) as CellCorrection[]) : [];
}

export function editedNarrativeOf(row: AnnualReportRow | undefined): Record<string, string> {
  return row ? (JSON.parse(row.narrative) as Record<string, string>) : {};
}
