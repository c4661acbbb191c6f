// The cases a year's annual report counts in table 三 (条例第五十条): new this year, and carried
// over from the year before (a case still open on 31 December is carried into the next year).
import type { IsoDate } from "../calendar/rules";
import type { ApplicantKind } from "./labels";
import type { ReplyResultKey } from "./results";
import type { Db } from "./store";

export interface YearCase {
  id: number;
  applicationNo: string;
  applicantKind: ApplicantKind;
  receivedOn: IsoDate;
  /** The day the case closed (reply, 逾期不补正, 逾期未缴费, withdrawal), or null while open. */
  closedOn: IsoDate | null;
  /** The table 三 row it counts under once closed. */
  resultKey: ReplyResultKey | null;
}

function selectYearCases(db: Db) {
  return db
    .selectFrom("applications")
    .select(["id", "application_no", "applicant_kind", "received_on", "closed_on", "result_key"])
    .where("received_on", "is not", null)
    .orderBy("received_on")
    .orderBy("id");
}

type YearCaseRow = Awaited<ReturnType<ReturnType<typeof selectYearCases>["execute"]>>[number];

function yearCaseOf(row: YearCaseRow): YearCase {
  return {
    id: row.id,
    applicationNo: row.application_no,
    applicantKind: row.applicant_kind as ApplicantKind,
    receivedOn: row.received_on!,
    closedOn: row.closed_on,
    resultKey: row.result_key as ReplyResultKey | null,
  };
}

/** 本年新收: cases whose 收到申请之日 (条例第三十一条) falls in `year`. */
export async function applicationsReceivedIn(db: Db, year: number): Promise<YearCase[]> {
  const rows = await selectYearCases(db)
    .where("received_on", ">=", `${year}-01-01`)
    .where("received_on", "<=", `${year}-12-31`)
    .execute();
  return rows.map(yearCaseOf);
}

/**
 * 上年结转: cases received before `year` and not closed by 31 December of the year before, i.e.
 * still open then (closed in `year` or later, or still open now).
 */
export async function applicationsCarriedOver(db: Db, year: number): Promise<YearCase[]> {
  const start = `${year}-01-01`;
  // Two range seeks on (closed_on, received_on) instead of one OR that read every earlier case.
  const open = await selectYearCases(db)
    .where("closed_on", "is", null)
    .where("received_on", "<", start)
    .execute();
  const closedLater = await selectYearCases(db)
    .where("closed_on", ">=", start)
    .where("received_on", "<", start)
    .execute();
  return [...open, ...closedLater]
    .sort((a, b) =>
      a.received_on! < b.received_on! ? -1 : a.received_on! > b.received_on! ? 1 : a.id - b.id,
    )
    .map(yearCaseOf);
}
