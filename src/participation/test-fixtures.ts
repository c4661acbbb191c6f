// Consultations written straight into the database for tests that need many, or dated ones,
// without going through drafting and opening.
import type { Kysely } from "kysely";
import type { IsoDate } from "../calendar/rules";
import type { DB } from "../db/schema";
import { consultationInstants } from "./rules";

/** An opened consultation from `opensOn` to `closesOn` (one article, no contacts). */
export async function insertOpenedConsultation(
  db: Kysely<DB>,
  c: { title: string; unitId: number; opensOn: IsoDate; closesOn: IsoDate },
): Promise<void> {
  const { opensAt, closesAt } = consultationInstants(c.opensOn, c.closesOn);
  await db
    .insertInto("consultations")
    .values({
      title: c.title,
      unit_id: c.unitId,
      decision_item_id: null,
      is_major: 0,
      draft_text: "第一条 测试。",
      draft_record_id: null,
      explanation_html: "",
      opens_on: c.opensOn,
      closes_on: c.closesOn,
      short_period_reason: "",
      contact_phone: "",
      contact_email: "",
      contact_address: "",
      status: "opened",
      opens_at: opensAt,
      closes_at: closesAt,
      opened_at: opensAt,
      opened_by: null,
      created_by: null,
      created_at: opensAt,
      updated_at: opensAt,
    })
    .execute();
}
