// Status mails to applicants who asked for them (申请表“接收办理进度邮件”): when the application is
// filed and when it is replied. Queued in the transaction of that step; one per case and event.
import type { Transaction } from "kysely";
import type { DB } from "../db/schema";
import type { PersonalDataKey } from "../platform/crypto";
import { enqueueMail } from "../platform/mail/outbox";
import { SITE_URL } from "../platform/mail/rules";

/**
 * The filed mail (built by src/requests/filed-mail.ts) holds the applicant's name and the 查询码,
 * so its body is encrypted in the outbox too.
 */
export async function queueFiledMail(
  trx: Transaction<DB>,
  applicationId: number,
  mail: { to: string; subject: string; text: string },
  key: PersonalDataKey,
  now: Date,
): Promise<void> {
  await enqueueMail(
    trx,
    { ...mail, key, sealed: true, dedupeKey: `application:${applicationId}:filed` },
    now,
  );
}

/** 已答复: the case's result, without personal data; sent only when the applicant opted in. */
export async function queueRepliedMail(
  trx: Transaction<DB>,
  row: {
    id: number;
    application_no: string;
    wants_status_mail: number;
    email_enc: string | null;
    email_masked: string | null;
  },
  reply: { eventId: number; on: string; resultLabel: string },
  now: Date,
): Promise<void> {
  if (row.wants_status_mail !== 1 || !row.email_enc) return;
  await enqueueMail(
    trx,
    {
      to: { encrypted: row.email_enc, masked: row.email_masked ?? "***" },
      subject: `政府信息公开申请已答复(申请编号 ${row.application_no})`,
      text: [
        "您好:",
        "",
        `您的政府信息公开申请(申请编号 ${row.application_no})已于 ${reply.on} 作出答复。`,
        `答复结果:${reply.resultLabel}`,
        "答复书将按您选择的方式送达。",
        `您也可以凭申请编号和查询码查询办理情况:${SITE_URL}/applications/track`,
        "",
        "本邮件由系统自动发送,请勿直接回复。",
      ].join("\n"),
      dedupeKey: `application:${row.id}:reply:${reply.eventId}`,
    },
    now,
  );
}
