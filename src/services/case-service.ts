// Service cases (办件) reported by the licensing system: one upsert used by the API and the
// spreadsheet import, idempotent (the same report twice changes nothing), with personal data
// encrypted and only keyed hashes kept for matching the public lookup.
import type { Transaction } from "kysely";
import type { IsoDate } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { lockSequence } from "../db/dialect";
import type { DB } from "../db/schema";
import { validationError } from "../http/errors";
import { type AuditActor, recordAudit } from "../platform/audit";
import {
  decryptPersonal,
  encryptOptional,
  encryptPersonal,
  maskName,
  type PersonalDataKey,
  personalDataKey,
} from "../platform/crypto";
import { hmacHex } from "../platform/tokens";
import { parseOrThrow } from "../records/validation";
import {
  type CaseStepEntry,
  canonicalJson,
  caseStepLabels,
  creditCodeTail,
  normaliseApplicantName,
  promisedDateOf,
} from "./case-rules";
import { caseNoSchema, type ServiceCaseFields, serviceCaseSchema } from "./case-schema";
import { type Db, findGuideByCode, findGuideRow } from "./guide-store";

/** The secrets cases need: the personal-data key and the HMAC secret for the lookup hashes. */
export interface CaseKeys {
  personal: PersonalDataKey;
  secret: string;
}

export function caseKeys(secret: string): CaseKeys {
  return { personal: personalDataKey(secret), secret };
}

/** Keyed, per case: a copied database does not tell which cases one person has. */
export function applicantNameHash(keys: CaseKeys, caseNo: string, name: string): string {
  return hmacHex(keys.secret, `service-case:name:v1:${caseNo}:${normaliseApplicantName(name)}`);
}

export function creditTailHash(keys: CaseKeys, caseNo: string, tail: string): string {
  return hmacHex(keys.secret, `service-case:credit:v1:${caseNo}:${creditCodeTail(tail)}`);
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

export interface CaseContext {
  keys: CaseKeys;
  actor: AuditActor;
  now: Date;
  source: "api" | "import";
}

async function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}

interface ResolvedItem {
  guideRecordId: number | null;
  itemCode: string;
  itemName: string;
  promisedDays: number | null;
}

async function resolveItem(trx: Db, fields: ServiceCaseFields): Promise<ResolvedItem> {
  const guide = fields.guideId
    ? await findGuideRow(trx, fields.guideId)
    : await findGuideByCode(trx, fields.itemCode!);
  if (fields.guideId && !guide) {
    throw validationError({ guideId: "没有该编号的办事指南" }, "没有该编号的办事指南");
  }
  if (guide) {
    return {
      guideRecordId: guide.record_id,
      itemCode: guide.item_code,
      itemName: fields.itemName || guide.item_name,
      promisedDays: guide.promised_days,
    };
  }
  if (!fields.itemName) {
    const message = "没有该事项编码的办事指南,请填写事项名称";
    throw validationError({ itemName: message }, message);
  }
  return {
    guideRecordId: null,
    itemCode: fields.itemCode!,
    itemName: fields.itemName,
    promisedDays: null,
  };
}

/**
 * Creates or replaces the case `caseNo` with a report (steps replaced as a whole). A report equal
 * to the stored one changes nothing and writes no audit entry, so the licensing system may resend
 * freely.
 */
export async function upsertServiceCase(
  db: Db,
  rawCaseNo: string,
  input: unknown,
  ctx: CaseContext,
): Promise<{ caseNo: string; outcome: UpsertOutcome }> {
  const caseNo = parseOrThrow(caseNoSchema, rawCaseNo);
  const fields = parseOrThrow(serviceCaseSchema, input);
  return inTransaction(db, async (trx) => {
    // Serialises writers of cases, so two identical reports at once cannot both insert.
    await lockSequence(trx, "service_cases");
    const item = await resolveItem(trx, fields);
    const acceptedOn = fields.steps.find((s) => s.step === "accept")?.on ?? null;
    const promisedOn = promisedDateOf(
      fields.promisedOn ?? null,
      acceptedOn,
      item.promisedDays,
      await loadWorkCalendar(trx),
    );
    const contentHash = hmacHex(
      ctx.keys.secret,
      `service-case:content:v1:${caseNo}:${canonicalJson({ fields, item, promisedOn })}`,
    );
    const existing = await trx
      .selectFrom("service_cases")
      .select(["id", "content_hash"])
      .where("case_no", "=", caseNo)
      .executeTakeFirst();
    if (existing?.content_hash === contentHash) return { caseNo, outcome: "unchanged" as const };
    const at = ctx.now.toISOString();
    const values = {
      guide_record_id: item.guideRecordId,
      item_code: item.itemCode,
      item_name: item.itemName,
      applicant_name_enc: encryptPersonal(ctx.keys.personal, fields.applicantName),
      applicant_name_hash: applicantNameHash(ctx.keys, caseNo, fields.applicantName),
      credit_code_tail_hash: fields.creditCode
        ? creditTailHash(ctx.keys, caseNo, fields.creditCode)
        : null,
      steps: JSON.stringify(fields.steps),
      result: fields.result,
      accepted_on: acceptedOn,
      promised_on: promisedOn,
      // Stored for the subscriptions domain, which sends the mails; nothing is sent from here.
      wants_status_mail: fields.wantsStatusMail ? 1 : 0,
      email_enc: encryptOptional(ctx.keys.personal, fields.email),
      content_hash: contentHash,
      source: ctx.source,
      updated_at: at,
    };
    if (existing) {
      await trx.updateTable("service_cases").set(values).where("id", "=", existing.id).execute();
    } else {
      await trx
        .insertInto("service_cases")
        .values({ ...values, case_no: caseNo, created_at: at })
        .execute();
    }
    const outcome = existing ? ("updated" as const) : ("created" as const);
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: `service_case.${outcome === "created" ? "create" : "update"}`,
        objectType: "service_case",
        objectId: caseNo,
        detail: `${ctx.source === "api" ? "接口" : "导入"}${outcome === "created" ? "新增" : "更新"}办件 ${caseNo}(${item.itemName})`,
      },
      ctx.now,
    );
    return { caseNo, outcome };
  });
}

/** One row of an import, already mapped from the sheet's columns. */
export interface CaseImportRow {
  rowNumber: number;
  caseNo: string;
  input: Record<string, unknown>;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports rows all or nothing: every row is checked first and any problem refuses the whole
 * file with row-numbered Chinese messages; then every row is upserted in one transaction.
 */
export async function importServiceCases(
  db: Db,
  rows: readonly CaseImportRow[],
  ctx: Omit<CaseContext, "source"> & { fileName: string },
): Promise<ImportSummary> {
  const errors: string[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const no = caseNoSchema.safeParse(row.caseNo);
    if (!no.success) errors.push(`第${row.rowNumber}行:${no.error.issues[0]?.message}`);
    else {
      const first = firstRowOf.get(no.data);
      if (first) errors.push(`第${row.rowNumber}行:受理号 ${no.data} 与第${first}行重复`);
      else firstRowOf.set(no.data, row.rowNumber);
    }
    const parsed = serviceCaseSchema.safeParse(row.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`第${row.rowNumber}行:${issue.message}`);
    }
  }
  if (rows.length === 0) errors.push("表格中没有办件数据。");
  if (errors.length > 0) throw importRefusal(errors);
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  await inTransaction(db, async (trx) => {
    for (const row of rows) {
      try {
        const { outcome } = await upsertServiceCase(trx, row.caseNo, row.input, {
          ...ctx,
          source: "import",
        });
        summary[outcome] += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const fields = (error as { fields?: Record<string, string> }).fields;
        const detail = fields ? Object.values(fields).join(";") : message;
        throw importRefusal([`第${row.rowNumber}行:${detail}`]);
      }
    }
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "service_case.import",
        objectType: "service_case",
        detail: `导入办件表“${ctx.fileName.slice(0, 80)}”:新增${summary.created}件,更新${summary.updated}件,未变${summary.unchanged}件`,
      },
      ctx.now,
    );
  });
  return summary;
}

function importRefusal(errors: string[]) {
  const shown = errors.slice(0, 50);
  if (errors.length > shown.length) shown.push(`……另有${errors.length - shown.length}处问题`);
  return validationError({ file: shown.join("\n") }, `导入失败,未导入任何办件:${shown[0]}`);
}

export interface CaseListItem {
  caseNo: string;
  itemName: string;
  applicant: string;
  acceptedOn: IsoDate | null;
  promisedOn: IsoDate | null;
  lastStep: string | null;
  result: string;
  updatedAt: string;
  source: string;
}

/** Cases for the back office, newest first, applicant masked (the clear name is never listed). */
export async function listServiceCases(
  db: Db,
  keys: CaseKeys,
  limit = 200,
): Promise<CaseListItem[]> {
  const rows = await db
    .selectFrom("service_cases")
    .selectAll()
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const steps = JSON.parse(r.steps) as CaseStepEntry[];
    const last = steps.at(-1);
    return {
      caseNo: r.case_no,
      itemName: r.item_name,
      applicant: maskName(decryptPersonal(keys.personal, r.applicant_name_enc)),
      acceptedOn: r.accepted_on,
      promisedOn: r.promised_on,
      lastStep: last ? `${caseStepLabels[last.step]} ${last.on}` : null,
      result: r.result,
      updatedAt: r.updated_at,
      source: r.source,
    };
  });
}
