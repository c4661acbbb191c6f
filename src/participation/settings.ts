// The working days after closing within which the 意见采纳情况反馈 is due: a site setting the
// 系统管理员 edits, kept in site_settings under this domain's own key.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import { DEFAULT_FEEDBACK_WORKDAYS } from "./rules";

export const FEEDBACK_WORKDAYS_KEY = "participation.feedbackWorkdays";

type Db = Kysely<DB> | Transaction<DB>;

export async function loadFeedbackWorkdays(db: Db): Promise<number> {
  const row = await db
    .selectFrom("site_settings")
    .select("value")
    .where("key", "=", FEEDBACK_WORKDAYS_KEY)
    .executeTakeFirst();
  const n = Number(row?.value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_FEEDBACK_WORKDAYS;
}

export async function saveFeedbackWorkdays(db: Db, days: number): Promise<void> {
  const value = String(days);
  await db
    .insertInto("site_settings")
    .values({ key: FEEDBACK_WORKDAYS_KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}
