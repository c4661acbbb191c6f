// Importing a 台账 of past cases so earlier years can be counted in the annual report. Every row is
// checked first and nothing is written if any row is wrong. Re-importing a 申请编号 never makes a
// second case: an unchanged row is skipped, a changed one updates the imported case, and a
// number already used by a case handled in the system is left alone.
import type { Transaction } from "kysely";
import { todayInShanghai, type WorkCalendar } from "../../calendar/rules";
import { loadWorkCalendar } from "../../calendar/store";
import type { DB } from "../../db/schema";
import { forbidden } from "../../http/errors";
import { recordAudit } from "../../platform/audit";
import { encryptPersonal } from "../../platform/crypto";
import { spreadsheetImportPolicy, type UploadPolicy } from "../../platform/files/policies";
import { checkUpload } from "../../platform/files/sniff";
import { appealLedgerText } from "../appeals/rules";
import { listAppealsOf } from "../appeals/service";
import { type ApplicationKeys, newQueryCode, queryCodeHash } from "../applicant-data";
import type { TimelineEvent } from "../events";
import { cacheOf } from "../events-service";
import { type CaseActor, canHandleApplications } from "../policy";
import {
  type ApplicationRow,
  type Db,
  findApplication,
  insertApplication,
  insertEventRow,
  inTransaction,
  updateApplicationCache,
} from "../store";
import { type LedgerEntry, ledgerCellText, readLedgerRow } from "./columns";
import { readLedgerSheet } from "./workbook";

/** Only .xlsx, up to the spreadsheet limit. */
export const ledgerImportPolicy: UploadPolicy = {
  kinds: ["xlsx"],
  maxBytes: spreadsheetImportPolicy.maxBytes,
};

/** What an import did (or, when checking only, would do) with each row. */
export type LedgerRowAction =
  | { action: "create"; rowNumber: number; applicationNo: string }
  | { action: "update"; rowNumber: number; applicationNo: string }
  | { action: "skip"; rowNumber: number; applicationNo: string; reason: string };

export type LedgerImportResult =
  | { ok: true; imported: boolean; actions: LedgerRowAction[] }
  | { ok: false; errors: string[] };

export interface LedgerImportContext {
  actor: CaseActor;
  keys: ApplicationKeys;
  now: Date;
  /** Check every row and report the plan without writing anything. */
  dryRun: boolean;
}

/** The name and marks of an imported case: the ledger does not record the applicant. */
const IMPORTED_NAME = "(台账未记录申请人)";
const IMPORTED_DISPLAY_NAME = "(台账导入)";

/** Reads, checks and (unless dryRun) imports a ledger workbook in one transaction. */
export async function importLedger(
  db: Db,
  file: { name: string; bytes: Uint8Array },
  ctx: LedgerImportContext,
): Promise<LedgerImportResult> {
  if (!canHandleApplications(ctx.actor)) throw forbidden("只有依申请公开经办人可以导入台账。");
  const check = checkUpload(file.name, file.bytes, ledgerImportPolicy);
  if (!check.ok) return { ok: false, errors: [check.message] };
  const sheet = await readLedgerSheet(file.bytes);
  if (!sheet.ok) return sheet;
  const today = todayInShanghai(ctx.now);
  const existing = await existingCases(
    db,
    sheet.rows.map((r) => ledgerCellText(r.cells.applicationNo)),
  );
  const errors: string[] = [];
  const entries: LedgerEntry[] = [];
  const skipped: LedgerRowAction[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { rowNumber, cells } of sheet.rows) {
    const no = ledgerCellText(cells.applicationNo);
    const known = existing.get(no);
    if (known && !known.imported) {
      skipped.push({
        action: "skip",
        rowNumber,
        applicationNo: no,
        reason: "系统内办理的申请,不导入",
      });
      continue;
    }
    const read = readLedgerRow(cells, rowNumber, today);
    if (!read.ok) {
      errors.push(...read.errors);
      continue;
    }
    const first = firstRowOf.get(read.entry.applicationNo);
    if (first !== undefined) {
      errors.push(`第${rowNumber}行:申请编号“${read.entry.applicationNo}”与第${first}行重复`);
      continue;
    }
    firstRowOf.set(read.entry.applicationNo, rowNumber);
    entries.push(read.entry);
  }
  if (errors.length > 0) return { ok: false, errors };
  const calendar = await loadWorkCalendar(db);
  const run = async (trx: Db) => {
    const actions: LedgerRowAction[] = [...skipped];
    for (const entry of entries) {
      actions.push(
        await importEntry(trx, entry, existing.get(entry.applicationNo), file.name, ctx, calendar),
      );
    }
    return actions.sort((a, b) => a.rowNumber - b.rowNumber);
  };
  if (ctx.dryRun) return { ok: true, imported: false, actions: await run(db) };
  const actions = await inTransaction(db, async (trx) => {
    const done = await run(trx);
    const count = (a: LedgerRowAction["action"]) => done.filter((d) => d.action === a).length;
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "application.import_ledger",
        objectType: "application",
        detail: `导入台账“${file.name}”:新增${count("create")}件,更新${count("update")}件,跳过${count("skip")}件`,
      },
      ctx.now,
    );
    return done;
  });
  return { ok: true, imported: true, actions };
}

interface ExistingCase {
  row: ApplicationRow;
  imported: boolean;
}

async function existingCases(db: Db, numbers: string[]): Promise<Map<string, ExistingCase>> {
  const found = new Map<string, ExistingCase>();
  const wanted = [...new Set(numbers.filter(Boolean))];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom("applications")
      .leftJoin("application_imports", "application_imports.application_id", "applications.id")
      .selectAll("applications")
      .select("application_imports.application_id as imported_id")
      .where("application_no", "in", wanted.slice(i, i + 500))
      .execute();
    for (const { imported_id, ...row } of rows) {
      found.set(row.application_no, { row, imported: imported_id !== null });
    }
  }
  return found;
}

/** Writes one entry (in dry-run mode only decides what would happen). */
async function importEntry(
  db: Db,
  entry: LedgerEntry,
  known: ExistingCase | undefined,
  fileName: string,
  ctx: LedgerImportContext,
  calendar: WorkCalendar,
): Promise<LedgerRowAction> {
  const base = { rowNumber: entry.rowNumber, applicationNo: entry.applicationNo };
  if (known && (await isUnchanged(db, known.row, entry))) {
    return { action: "skip", ...base, reason: "已导入,内容未变化" };
  }
  if (ctx.dryRun) return { action: known ? "update" : "create", ...base };
  const trx = db as Transaction<DB>;
  const nowIso = ctx.now.toISOString();
  let id: number;
  if (known) {
    id = known.row.id;
    await trx
      .updateTable("applications")
      .set({
        applicant_kind: entry.applicantKind,
        submitted_on: entry.receivedOn,
        requested_description: entry.content,
        updated_at: nowIso,
      })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("application_events").where("application_id", "=", id).execute();
    await trx
      .deleteFrom("application_appeals")
      .where("application_id", "=", id)
      .where("source", "=", "import")
      .execute();
    await trx.deleteFrom("application_imports").where("application_id", "=", id).execute();
  } else {
    id = await insertImportedApplication(trx, entry, ctx);
  }
  const event = closingEvent(entry);
  const { type, on, ...payload } = event;
  await insertEventRow(trx, {
    application_id: id,
    type,
    happened_on: on,
    payload: JSON.stringify({ ...payload, imported: true }),
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.name,
    at: nowIso,
    note: `台账导入(${fileName} 第${entry.rowNumber}行)`,
  });
  for (const appeal of entry.appeals) {
    await trx
      .insertInto("application_appeals")
      .values({
        application_id: id,
        kind: appeal.kind,
        after_review: appeal.afterReview ? 1 : 0,
        filed_on: null,
        result: appeal.result,
        decided_on: null,
        source: "import",
        created_at: nowIso,
        created_by: ctx.actor.id,
        updated_at: nowIso,
      })
      .execute();
  }
  await trx
    .insertInto("application_imports")
    .values({
      application_id: id,
      row_number: entry.rowNumber,
      file_name: fileName,
      imported_at: nowIso,
      imported_by: ctx.actor.id,
    })
    .execute();
  const row = (await findApplication(trx, id))!;
  const cache = cacheOf(row, [event], calendar, todayInShanghai(ctx.now));
  await updateApplicationCache(trx, id, cache, ctx.now);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: known ? "application.import_update" : "application.import",
      objectType: "application",
      objectId: id,
      detail: `${entry.applicationNo} ${known ? "按台账更新" : "从台账导入"}(${fileName} 第${entry.rowNumber}行)`,
    },
    ctx.now,
  );
  return { action: known ? "update" : "create", ...base };
}

/**
 * The closing step of an imported case: a reply with its result, or for the two 其他处理 rows
 * that are not replies, 逾期未补正 / 逾期未缴费 (which the clock counts under those rows).
 */
function closingEvent(entry: LedgerEntry): TimelineEvent {
  if (entry.result === "results.other.no_correction_abandoned") {
    return { type: "supplement_expired", on: entry.repliedOn };
  }
  if (entry.result === "results.other.fee_unpaid")
    return { type: "fee_expired", on: entry.repliedOn };
  return { type: "reply", on: entry.repliedOn, result: entry.result };
}

async function insertImportedApplication(
  trx: Transaction<DB>,
  entry: LedgerEntry,
  ctx: LedgerImportContext,
): Promise<number> {
  const nowIso = ctx.now.toISOString();
  // The case is received in person on 收到日期, so the clock starts there (条例第三十一条); its 查询码
  // is never shown, so nobody can look an imported case up publicly.
  return insertApplication(trx, {
    application_no: entry.applicationNo,
    query_code_hash: queryCodeHash(ctx.keys, entry.applicationNo, newQueryCode()),
    channel: "in_person",
    submitted_on: entry.receivedOn,
    signed_on: null,
    confirmed_on: null,
    received_on: entry.receivedOn,
    applicant_kind: entry.applicantKind,
    applicant_name_enc: encryptPersonal(ctx.keys.personal, IMPORTED_NAME),
    applicant_display_name: IMPORTED_DISPLAY_NAME,
    id_document_enc: null,
    id_number_masked: null,
    phone_enc: null,
    phone_masked: null,
    email_enc: null,
    email_masked: null,
    address_enc: null,
    org_credit_code: null,
    legal_representative_enc: null,
    contact_person_enc: null,
    requested_name: null,
    requested_doc_no: null,
    requested_description: entry.content,
    delivery_form: "paper",
    delivery_route: "post",
    id_scan_file_id: null,
    unit_id: null,
    handler_id: null,
    registered_by: ctx.actor.id,
    phase: "closed",
    due_date: null,
    closed_on: entry.repliedOn,
    result_key: entry.result,
    year_received: Number(entry.receivedOn.slice(0, 4)),
    created_at: nowIso,
    updated_at: nowIso,
  });
}

/** Whether the stored imported case already says what the row says. */
async function isUnchanged(db: Db, row: ApplicationRow, entry: LedgerEntry): Promise<boolean> {
  const appeals = ((await listAppealsOf(db, [row.id])).get(row.id) ?? []).filter(
    (a) => a.source === "import",
  );
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    row.applicant_kind === entry.applicantKind &&
    row.received_on === entry.receivedOn &&
    row.requested_description === entry.content &&
    row.closed_on === entry.repliedOn &&
    row.result_key === entry.result &&
    same(appeals.map(appealLedgerText), entry.appeals.map(appealLedgerText))
  );
}
