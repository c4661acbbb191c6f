// Delivering the outbox. Each run claims a batch atomically (pending → sending, with a lease), so
// several server processes never send the same row; a sender that dies mid-batch leaves rows in
// `sending` whose lease expires after LEASE_MS, and the next run takes them again.
//
// "Never twice": a row is marked sent in its own statement right after the SMTP server accepted
// the message. The one window that cannot be closed is a crash (or lost database connection)
// between that acceptance and the commit: the lease then expires and the mail is sent again.
// Both copies carry the same Message-ID (derived from the dedupe key), so they are recognisable
// as one message. Without SMTP_URL each mail is written as an .eml file into <dataDir>/mail/.
import { mkdir, open, rename } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely, Selectable } from "kysely";
import nodemailer from "nodemailer";
import type { Config } from "../../config";
import type { DB } from "../../db/schema";
import { decryptPersonal, personalDataKey } from "../crypto";
import type { Logger } from "../log";
import { randomToken } from "../tokens";
import {
  afterFailure,
  emlFileName,
  errorText,
  LEASE_MS,
  messageIdFor,
  siteUrlOf,
  withSiteUrl,
} from "./rules";
import type { MailOutboxTable } from "./tables";

export type MailConfig = Pick<
  Config,
  "smtpUrl" | "mailFrom" | "publicUrl" | "host" | "port" | "secret" | "dataDir"
>;

export interface SendResult {
  sent: number;
  filed: number;
  retrying: number;
  failed: number;
}

type OutboxRow = Selectable<MailOutboxTable>;

/** The folder of filed mail (when SMTP_URL is unset). */
export function mailDir(config: Pick<Config, "dataDir">): string {
  return join(config.dataDir, "mail");
}

/** Claims due mail atomically: pending and due, or sending with an expired lease. */
async function claimBatch(db: Kysely<DB>, now: Date, limit: number) {
  const token = randomToken(12);
  const nowIso = now.toISOString();
  const leaseCut = new Date(now.getTime() - LEASE_MS).toISOString();
  const rows = await db
    .updateTable("mail_outbox")
    .set((eb) => ({
      status: "sending",
      claim_token: token,
      claimed_at: nowIso,
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "in", (eb) =>
      eb
        .selectFrom("mail_outbox as due")
        .select("due.id")
        .where((w) =>
          w.or([
            w.and([w("due.status", "=", "pending"), w("due.next_attempt_at", "<=", nowIso)]),
            w.and([w("due.status", "=", "sending"), w("due.claimed_at", "<", leaseCut)]),
          ]),
        )
        .orderBy("due.id")
        .limit(limit),
    )
    // Checked again on the row itself: on PostgreSQL a concurrent claimer that waited for our
    // row lock re-evaluates this and skips rows we took.
    .where((w) =>
      w.or([
        w.and([w("status", "=", "pending"), w("next_attempt_at", "<=", nowIso)]),
        w.and([w("status", "=", "sending"), w("claimed_at", "<", leaseCut)]),
      ]),
    )
    .returningAll()
    .execute();
  return { token, rows: rows.sort((a, b) => a.id - b.id) };
}

/** Sends (or files) every due mail, in batches, until none is due. */
export async function sendDueMail(
  deps: { db: Kysely<DB>; config: MailConfig; logger: Logger; now: Date },
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<SendResult> {
  const { db, config, logger, now } = deps;
  const result: SendResult = { sent: 0, filed: 0, retrying: 0, failed: 0 };
  const key = personalDataKey(config.secret);
  const siteUrl = siteUrlOf(config);
  const toFile = !config.smtpUrl;
  let transport: nodemailer.Transporter | null = null;
  try {
    for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
      const { token, rows } = await claimBatch(db, now, options.batchSize ?? 20);
      if (rows.length === 0) break;
      for (const row of rows) {
        const messageId = messageIdFor(row.dedupe_key, config.mailFrom);
        try {
          const message = composeMessage(row, { key, siteUrl, from: config.mailFrom, messageId });
          let fileName: string | null = null;
          if (toFile) {
            fileName = await fileMessage(config, row, message);
          } else {
            transport ??= nodemailer.createTransport(config.smtpUrl!, {
              connectionTimeout: 10_000,
              greetingTimeout: 10_000,
              socketTimeout: 30_000,
            });
            await transport.sendMail(message);
          }
          // Accepted: record it at once (see the window described at the top of this file).
          const done = await db
            .updateTable("mail_outbox")
            .set({
              status: toFile ? "filed" : "sent",
              sent_at: now.toISOString(),
              message_id: messageId,
              file_name: fileName,
              claim_token: null,
              last_error: null,
            })
            .where("id", "=", row.id)
            .where("claim_token", "=", token)
            .executeTakeFirst();
          if (Number(done.numUpdatedRows) === 0) {
            logger.warn("mail lease lost after sending", { id: row.id, messageId });
          }
          if (toFile) result.filed++;
          else result.sent++;
        } catch (error) {
          const next = afterFailure(row.attempts, now);
          await db
            .updateTable("mail_outbox")
            .set({
              status: next.status,
              next_attempt_at: next.status === "pending" ? next.nextAttemptAt : row.next_attempt_at,
              claim_token: null,
              last_error: errorText(error),
            })
            .where("id", "=", row.id)
            .where("claim_token", "=", token)
            .execute();
          if (next.status === "failed") result.failed++;
          else result.retrying++;
          logger.warn("mail not sent", {
            id: row.id,
            attempts: row.attempts,
            status: next.status,
            error: errorText(error),
          });
        }
      }
    }
  } finally {
    transport?.close();
  }
  return result;
}

interface ComposedMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
  messageId: string;
}

function composeMessage(
  row: OutboxRow,
  ctx: { key: Buffer; siteUrl: string; from: string; messageId: string },
): ComposedMessage {
  const open = (text: string) =>
    withSiteUrl(row.sealed ? decryptPersonal(ctx.key, text) : text, ctx.siteUrl);
  const headers = Object.fromEntries(
    Object.entries(JSON.parse(row.headers) as Record<string, string>).map(([k, v]) => [
      k,
      withSiteUrl(v, ctx.siteUrl),
    ]),
  );
  return {
    from: ctx.from,
    to: decryptPersonal(ctx.key, row.to_enc),
    subject: withSiteUrl(row.subject, ctx.siteUrl),
    text: open(row.body_text),
    ...(row.body_html === null ? {} : { html: open(row.body_html) }),
    headers,
    messageId: ctx.messageId,
  };
}

/** Writes the message as <dataDir>/mail/<id>-<hash>.eml: temporary file, fsync, rename. */
async function fileMessage(
  config: MailConfig,
  row: OutboxRow,
  message: ComposedMessage,
): Promise<string> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await composer.sendMail(message);
  const bytes = info.message as Buffer;
  const dir = mailDir(config);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = emlFileName(row.id, row.dedupe_key);
  const tmp = join(dir, `.${name}.${randomToken(6)}.tmp`);
  const handle = await open(tmp, "wx", 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, join(dir, name));
  return name;
}
