import type { Generated } from "kysely";

/**
 * An in-app notice for one back-office user (a reminder of a due date, the daily digest). The
 * dedupe key names the logical notice: the same reminder is never inserted twice, whichever
 * process or run produces it.
 */
export interface NoticesTable {
  id: Generated<number>;
  user_id: number;
  /** reminder.record | reminder.application | digest */
  kind: string;
  title: string;
  /** Plain text shown on /admin/notices (the digest's list); may be empty. */
  body: Generated<string>;
  /** A back-office path, e.g. /admin/records/12. */
  link: string | null;
  created_at: string;
  read_at: string | null;
  dedupe_key: string;
}

export interface ReminderTables {
  notices: NoticesTable;
}
