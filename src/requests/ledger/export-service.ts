// Exporting the 台账 of a period (by 收到申请之日): the import columns plus 状态, 答复期限 and 是否超期,
// with each case's clock computed from its timeline and the live calendar. No personal data.
import { type IsoDate, todayInShanghai } from "../../calendar/rules";
import { loadWorkCalendar } from "../../calendar/store";
import { forbidden, validationError } from "../../http/errors";
import { recordAudit } from "../../platform/audit";
import { listAppealsOf } from "../appeals/service";
import { computeClock } from "../clock";
import { type ApplicantKind, applicantKindLabels, clockStateLabels } from "../labels";
import { isIsoDate } from "../periods";
import { type CaseActor, canHandleApplications } from "../policy";
import { isFinalResultKey } from "../results";
import { type Db, listEventRowsOf, receiptFactsOf, timelineEventOf } from "../store";
import { ledgerAppealsText, ledgerResultText } from "./columns";
import { type LedgerExportRow, writeLedgerWorkbook } from "./workbook";

export interface LedgerPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** Checks a period typed into the export form; field errors in Chinese. */
export function ledgerPeriodErrors(from: string, to: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isIsoDate(from)) errors.from = "请填写开始日期(YYYY-MM-DD)";
  if (!isIsoDate(to)) errors.to = "请填写结束日期(YYYY-MM-DD)";
  if (!errors.from && !errors.to && from > to) errors.to = "结束日期不能早于开始日期";
  return errors;
}

/** The ledger rows of cases received in the period, oldest first. */
export async function ledgerRows(
  db: Db,
  period: LedgerPeriod,
  now: Date,
): Promise<LedgerExportRow[]> {
  const rows = await db
    .selectFrom("applications")
    .selectAll()
    .where("received_on", ">=", period.from)
    .where("received_on", "<=", period.to)
    .orderBy("received_on")
    .orderBy("id")
    .execute();
  const ids = rows.map((r) => r.id);
  const [calendar, events, appeals] = [
    await loadWorkCalendar(db),
    await listEventRowsOf(db, ids),
    await listAppealsOf(db, ids),
  ];
  const today = todayInShanghai(now);
  return rows.map((row) => {
    const timeline = (events.get(row.id) ?? []).map(timelineEventOf);
    const clock = computeClock({ receipt: receiptFactsOf(row), events: timeline }, calendar, today);
    const result = clock.closingResult;
    const isOverdue = clock.closedOn ? clock.closedInTime === false : clock.state === "overdue";
    return {
      applicationNo: row.application_no,
      applicantKind: applicantKindLabels[row.applicant_kind as ApplicantKind] ?? row.applicant_kind,
      receivedOn: row.received_on ?? "",
      content: requestedText(row),
      repliedOn: clock.closedOn ?? "",
      result: result && isFinalResultKey(result) ? ledgerResultText(result) : "",
      appeals: ledgerAppealsText(appeals.get(row.id) ?? []),
      state: clockStateLabels[clock.state],
      dueDate: clock.dueDate ?? "",
      overdue: isOverdue ? "是" : "否",
    };
  });
}

function requestedText(row: {
  requested_name: string | null;
  requested_doc_no: string | null;
  requested_description: string;
}): string {
  const name = row.requested_name;
  if (name) return row.requested_doc_no ? `${name}(${row.requested_doc_no})` : name;
  return row.requested_doc_no ?? row.requested_description;
}

/** The ledger of a period as .xlsx bytes, for the 依申请公开经办人; audited. */
export async function exportLedger(
  db: Db,
  period: LedgerPeriod,
  ctx: { actor: CaseActor; now: Date },
): Promise<{ bytes: Uint8Array; fileName: string; count: number }> {
  if (!canHandleApplications(ctx.actor)) throw forbidden("只有依申请公开经办人可以导出台账。");
  const errors = ledgerPeriodErrors(period.from, period.to);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const rows = await ledgerRows(db, period, ctx.now);
  const title = `依申请公开台账(收到日期 ${period.from} 至 ${period.to})`;
  const bytes = await writeLedgerWorkbook(rows, title);
  await recordAudit(
    db,
    ctx.actor,
    {
      action: "application.export_ledger",
      objectType: "application",
      detail: `导出台账:收到日期 ${period.from} 至 ${period.to},共${rows.length}件`,
    },
    ctx.now,
  );
  return { bytes, fileName: `依申请公开台账-${period.from}-${period.to}.xlsx`, count: rows.length };
}
