// Queueing mail: a row in mail_outbox written in the caller's transaction, so the mail exists
// exactly when the change that causes it commits. The sender (sender.ts) delivers it later.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema";
import { encryptPersonal, maskEmail, type PersonalDataKey } from "../crypto";

type Db = Kysely<DB> | Transaction<DB>;

/** A recipient in clear (encrypted here with `key`), or already encrypted from another table. */
export type Recipient = string | { encrypted: string; masked: string };

export interface OutgoingMail {
  to: Recipient;
  subject: string;
  text: string;
  html?: string;
  /** Names the logical mail: a second mail with the same key is ignored (never queued twice). */
  dedupeKey: string;
  headers?: Record<string, string>;
  /** The personal-data key; needed for a recipient in clear and for `sealed`. */
  key?: PersonalDataKey;
  /** Encrypt the body at rest too (it holds personal data, e.g. a name or a 查询码); not the subject. */
  sealed?: boolean;
}

/** Queues a mail unless one with the same dedupe key exists; true when this call queued it. */
export async function enqueueMail(db: Db, mail: OutgoingMail, now: Date): Promise<boolean> {
  const needKey = () => {
    if (!mail.key) throw new Error("enqueueMail: a personal-data key is needed here");
    return mail.key;
  };
  const to =
    typeof mail.to === "string"
      ? { encrypted: encryptPersonal(needKey(), mail.to.trim()), masked: maskEmail(mail.to.trim()) }
      : mail.to;
  const seal = (text: string) => (mail.sealed ? encryptPersonal(needKey(), text) : text);
  const at = now.toISOString();
  const inserted = await db
    .insertInto("mail_outbox")
    .values({
      dedupe_key: mail.dedupeKey,
      to_enc: to.encrypted,
      to_masked: to.masked,
      // The subject stays readable in the back-office list: never put personal data in it.
      subject: mail.subject,
      body_text: seal(mail.text),
      body_html: mail.html === undefined ? null : seal(mail.html),
      headers: JSON.stringify(mail.headers ?? {}),
      sealed: mail.sealed ? 1 : 0,
      status: "pending",
      next_attempt_at: at,
      created_at: at,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}
