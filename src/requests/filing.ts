// Filing an application: online by anyone (待确认 until a 经办人 confirms receipt), or registered
// by staff with the channel and the real dates (条例第二十九条, 第三十一条).
import type { Transaction } from "kysely";
import { type IsoDate, todayInShanghai, type WorkCalendar } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import type { DB } from "../db/schema";
import { forbidden, validationError } from "../http/errors";
import type { AuditActor } from "../platform/audit";
import { recordAudit } from "../platform/audit";
import { idScanPolicy } from "../platform/files/policies";
import { storeUpload, type Upload } from "../platform/files/store";
import { queueFiledMail } from "../subscriptions/status-mails";
import {
  type ApplicationKeys,
  applicantColumns,
  formatQueryCode,
  newQueryCode,
  queryCodeHash,
} from "./applicant-data";
import { appendEvent, cacheOf } from "./events-service";
import { applicationFiledMail, type MailMessage } from "./filed-mail";
import { type ApplicationChannel, channelLabels } from "./labels";
import { type CaseActor, canHandleApplications } from "./policy";
import { receiptProblem } from "./receipt";
import type { ApplicationInput, StaffApplicationInput } from "./schema";
import {
  type Db,
  findApplication,
  insertApplication,
  inTransaction,
  nextApplicationNo,
  receiptFactsOf,
  updateApplicationCache,
} from "./store";
import { validateEvent } from "./timeline";

export interface FilingContext {
  keys: ApplicationKeys;
  now: Date;
  /** Where uploads live (config.uploadsDir); needed only with an ID scan. */
  uploadsDir?: string;
  /** An optional scan of the ID document (idScanPolicy). */
  idScan?: Upload;
  /** Site name for the e-mail. */
  siteName?: string;
}

export interface FiledApplication {
  id: number;
  applicationNo: string;
  /** The plain 查询码, formatted ABCD-EFGH: returned once, only its hash is stored. */
  queryCode: string;
  /** 收到申请之日, or null while 待确认 (条例第三十一条). */
  receivedOn: IsoDate | null;
  /** The e-mail to send when the applicant gave an address (sent by the mail module). */
  filedMail: MailMessage | null;
}

/** The audit identity of someone filing online: never a staff account, even if one is signed in. */
export function onlineApplicant(ip: string): AuditActor {
  return { id: null, name: "申请人(网上)", ip };
}

/** A public online application; anyone may file, the case waits in 待确认 (条例第三十一条). */
export async function createOnlineApplication(
  db: Db,
  input: ApplicationInput,
  actor: AuditActor,
  ctx: FilingContext,
): Promise<FiledApplication> {
  const submittedOn = todayInShanghai(ctx.now);
  const calendar = await loadWorkCalendar(db);
  const email = input.applicant.email;
  return inTransaction(db, async (trx) => {
    const filed = await fileApplication(
      trx,
      input,
      { channel: "online", submittedOn },
      actor,
      ctx,
      null,
      calendar,
    );
    const filedMail = email
      ? applicationFiledMail({
          applicationNo: filed.applicationNo,
          queryCode: filed.queryCode,
          email,
          name: input.applicant.name,
          submittedOn,
          siteName: ctx.siteName ?? "本网站",
        })
      : null;
    // Queued with the application, only for an applicant who asked for status mail.
    if (filedMail && input.wantsStatusMail) {
      await queueFiledMail(trx, filed.id, filedMail, ctx.keys.personal, ctx.now);
    }
    return { ...filed, filedMail };
  });
}

interface ReceiptColumns {
  channel: ApplicationChannel;
  submittedOn?: IsoDate;
  signedOn?: IsoDate;
}

/**
 * An application that arrived in person, orally, by letter or fax, registered by a 经办人 with the
 * real dates. `receivedOn` is 收到申请之日: the day handed in (当面/口头), signed for (挂号信),
 * or confirmed with the applicant (平信、传真 — left empty, the case waits in 待确认).
 */
export async function registerApplication(
  db: Db,
  input: StaffApplicationInput,
  actor: CaseActor,
  ctx: FilingContext,
): Promise<FiledApplication> {
  if (!canHandleApplications(actor)) throw forbidden("只有依申请公开经办人可以登记申请。");
  const today = todayInShanghai(ctx.now);
  const { receipt, confirmOn } = staffReceipt(input, today);
  const calendar = await loadWorkCalendar(db);
  const filed = await inTransaction(db, async (trx) => {
    const result = await fileApplication(trx, input, receipt, actor, ctx, actor.id, calendar);
    if (!confirmOn) return result;
    const row = (await findApplication(trx, result.id))!;
    const confirm = { type: "confirm" as const, on: confirmOn };
    const checked = validateEvent([], confirm, { receipt: receiptFactsOf(row), calendar, today });
    if (!checked.ok) throw validationError({ receivedOn: checked.error });
    await appendEvent(trx, row, [], confirm, undefined, { actor, now: ctx.now }, calendar);
    return { ...result, receivedOn: confirmOn };
  });
  return { ...filed, filedMail: null };
}

/** The receipt columns and the confirmation date a staff registration implies (第三十一条). */
function staffReceipt(
  input: StaffApplicationInput,
  today: IsoDate,
): { receipt: ReceiptColumns; confirmOn: IsoDate | null } {
  const { channel, submittedOn, receivedOn } = input;
  const fail = (field: string, message: string): never => {
    throw validationError({ [field]: message });
  };
  for (const [field, value] of [
    ["submittedOn", submittedOn],
    ["receivedOn", receivedOn],
  ] as const) {
    if (value && value > today) fail(field, `日期不能晚于今天(${today})`);
  }
  let result: { receipt: ReceiptColumns; confirmOn: IsoDate | null };
  if (channel === "in_person" || channel === "oral") {
    const day = receivedOn ?? submittedOn ?? fail("receivedOn", "请填写提交申请的日期");
    if (submittedOn && receivedOn && submittedOn !== receivedOn) {
      fail("receivedOn", `${channelLabels[channel]}的申请以提交之日为收到申请之日(条例第三十一条)`);
    }
    result = { receipt: { channel, submittedOn: day }, confirmOn: null };
  } else if (channel === "mail_signed") {
    const signedOn = receivedOn ?? fail("receivedOn", "请填写签收日期(即收到申请之日)");
    result = {
      receipt: { channel, signedOn, ...(submittedOn ? { submittedOn } : {}) },
      confirmOn: null,
    };
  } else {
    const arrived = submittedOn ?? receivedOn ?? fail("submittedOn", "请填写申请寄达或提交的日期");
    result = { receipt: { channel, submittedOn: arrived }, confirmOn: receivedOn ?? null };
  }
  const problem = receiptProblem({
    ...result.receipt,
    channel: result.receipt.channel === "oral" ? "in_person" : result.receipt.channel,
  });
  if (problem) fail("receivedOn", problem);
  return result;
}

async function fileApplication(
  trx: Transaction<DB>,
  input: ApplicationInput,
  receipt: ReceiptColumns,
  actor: AuditActor,
  ctx: FilingContext,
  registeredBy: number | null,
  calendar: WorkCalendar,
): Promise<Omit<FiledApplication, "filedMail">> {
  const nowIso = ctx.now.toISOString();
  const applicationNo = await nextApplicationNo(trx, Number(todayInShanghai(ctx.now).slice(0, 4)));
  const queryCode = newQueryCode();
  const idScan =
    ctx.idScan && ctx.uploadsDir
      ? await storeUpload(trx, ctx.uploadsDir, ctx.idScan, idScanPolicy, ctx.now, {
          encryptWith: ctx.keys.personal,
        })
      : null;
  const { name, docNo, description } = input.requestedInfo;
  const id = await insertApplication(trx, {
    application_no: applicationNo,
    query_code_hash: queryCodeHash(ctx.keys, applicationNo, queryCode),
    channel: receipt.channel,
    submitted_on: receipt.submittedOn ?? null,
    signed_on: receipt.signedOn ?? null,
    confirmed_on: null,
    received_on: null,
    ...applicantColumns(ctx.keys, input.applicant),
    requested_name: name ?? null,
    requested_doc_no: docNo ?? null,
    requested_description: description ?? "",
    delivery_form: input.deliveryForm,
    delivery_route: input.deliveryRoute,
    wants_status_mail: input.wantsStatusMail ? 1 : 0,
    id_scan_file_id: idScan?.id ?? null,
    unit_id: null,
    handler_id: null,
    registered_by: registeredBy,
    phase: "awaiting_confirmation",
    due_date: null,
    closed_on: null,
    result_key: null,
    year_received: null,
    created_at: nowIso,
    updated_at: nowIso,
  });
  const row = (await findApplication(trx, id))!;
  const cache = cacheOf(row, [], calendar, todayInShanghai(ctx.now));
  await updateApplicationCache(trx, id, cache, ctx.now);
  const how =
    registeredBy === null ? "网上提交申请" : `登记申请(${channelLabels[receipt.channel]})`;
  await recordAudit(
    trx,
    actor,
    {
      action: registeredBy === null ? "application.file" : "application.register",
      objectType: "application",
      objectId: id,
      detail: `${applicationNo} ${how}`,
    },
    ctx.now,
  );
  return {
    id,
    applicationNo,
    queryCode: formatQueryCode(queryCode),
    receivedOn: cache.received_on,
  };
}
