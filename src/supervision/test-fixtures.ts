// Test-only factories for 监督考核: records, applications and messages inserted as rows with
// exactly the dates a test is about (the services would compute them; here they are given).
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { RecordState } from "../records/tables";

type Db = Kysely<DB>;

export async function insertRecord(
  db: Db,
  r: {
    title: string;
    unitId: number;
    state: RecordState;
    dueOn?: string | null;
    publishedOn?: string | null;
    catalogItemId?: number | null;
    genre?: string;
    needsInterpretation?: boolean;
    interpretsRecordId?: number;
    createdBy: number;
  },
): Promise<number> {
  const at = "2025-01-01T00:00:00.000Z";
  const { id } = await db
    .insertInto("records")
    .values({
      title: r.title,
      publisher: "县市场监督管理局",
      unit_id: r.unitId,
      formed_on: "2025-01-01",
      published_on: r.publishedOn ?? null,
      published_at: r.publishedOn ? `${r.publishedOn}T02:00:00.000Z` : null,
      scheduled_at: null,
      topic: "市场监管",
      genre: r.genre ?? "notice",
      openness: "execution",
      catalog_item_id: r.catalogItemId ?? null,
      catalog_item_version: null,
      state: r.state,
      needs_interpretation: r.needsInterpretation ? 1 : 0,
      interprets_record_id: r.interpretsRecordId ?? null,
      interpretation_kind: null,
      video_url: null,
      due_on: r.dueOn ?? null,
      index_no: null,
      doc_no: null,
      validity_changed_on: null,
      repealed_by_record_id: null,
      review: null,
      created_by: r.createdBy,
      created_at: at,
      updated_at: at,
      withdrawn_at: r.state === "withdrawn" ? at : null,
      withdraw_reason: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertApplication(
  db: Db,
  a: {
    no: string;
    unitId: number | null;
    receivedOn: string;
    dueDate: string;
    closedOn?: string | null;
    resultKey?: string | null;
    extendedOn?: string;
  },
): Promise<number> {
  const at = `${a.receivedOn}T02:00:00.000Z`;
  const { id } = await db
    .insertInto("applications")
    .values({
      application_no: a.no,
      query_code_hash: `test-${a.no}`,
      channel: "in_person",
      submitted_on: a.receivedOn,
      signed_on: null,
      confirmed_on: null,
      received_on: a.receivedOn,
      applicant_kind: "natural_person",
      applicant_name_enc: "x",
      applicant_display_name: "张*丰",
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
      requested_description: "测试",
      delivery_form: "paper",
      delivery_route: "post",
      id_scan_file_id: null,
      unit_id: a.unitId,
      handler_id: null,
      registered_by: null,
      phase: a.closedOn ? "closed" : "open",
      due_date: a.dueDate,
      closed_on: a.closedOn ?? null,
      result_key: a.resultKey ?? null,
      year_received: Number(a.receivedOn.slice(0, 4)),
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (a.extendedOn) {
    await db
      .insertInto("application_events")
      .values({
        application_id: id,
        type: "extend",
        happened_on: a.extendedOn,
        payload: JSON.stringify({ days: 20, approvedBy: "签发人" }),
        actor_id: null,
        actor_name: "签发人",
        at: `${a.extendedOn}T02:00:00.000Z`,
      })
      .execute();
  }
  return id;
}

export async function insertMessage(
  db: Db,
  m: { no: string; unitId: number; receivedOn: string; dueOn: string; repliedOn?: string },
): Promise<number> {
  const at = `${m.receivedOn}T02:00:00.000Z`;
  const { id } = await db
    .insertInto("messages")
    .values({
      message_no: m.no,
      query_code_hash: `test-${m.no}`,
      category: "inquiry",
      subject: "测试留言",
      body: "测试",
      name_enc: null,
      name_masked: null,
      phone_enc: null,
      phone_masked: null,
      email_enc: null,
      email_masked: null,
      consent_public: 0,
      reply_text: "",
      reply_drafted_by: null,
      return_reason: null,
      reply_reviewed_by: null,
      last_supervised_on: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      state: m.repliedOn ? "replied" : "assigned",
      received_on: m.receivedOn,
      due_on: m.dueOn,
      deadline_workdays: 10,
      unit_id: m.unitId,
      replied_on: m.repliedOn ?? null,
      replied_at: m.repliedOn ? `${m.repliedOn}T02:00:00.000Z` : null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
