import type { Generated } from "kysely";

/**
 * pending → sending (claimed, leased) → sent (accepted by the SMTP server) or filed (written as
 * .eml when no SMTP server is configured); back to pending for a retry; failed after the last try.
 */
export type MailStatus = "pending" | "sending" | "sent" | "filed" | "failed";

export interface MailOutboxTable {
  id: Generated<number>;
  /** The logical mail: the same key is never queued twice. */
  dedupe_key: string;
  /** Recipient, encrypted with the personal-data key. */
  to_enc: string;
  to_masked: string;
  subject: string;
  /** Plain text, or encrypted (sealed = 1) when the body holds personal data. */
  body_text: string;
  body_html: string | null;
  /** JSON object of extra headers (List-Unsubscribe …). */
  headers: Generated<string>;
  sealed: Generated<number>;
  status: MailStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** Who holds the lease while sending, and since when. */
  claim_token: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  message_id: string | null;
  /** For filed mail: the .eml file name in <dataDir>/mail/. */
  file_name: string | null;
  created_at: string;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
}
