// Tables of 留言 (public messages), their handling history, answer templates, per-category
// deadlines, and the links from 回应关切 / 政策问答 records to what they answer.
import type { Generated } from "kysely";

/** One 留言. Contact data only encrypted (*_enc) or masked (*_masked); never public. */
export interface MessagesTable {
  id: Generated<number>;
  /** 留言编号, e.g. LY-2025-00012. */
  message_no: string;
  /** Keyed hash of the one-time 查询码 (the code itself is shown once). */
  query_code_hash: string;
  /** inquiry | suggestion | complaint */
  category: string;
  subject: string;
  body: string;
  name_enc: string | null;
  name_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  email_enc: string | null;
  email_masked: string | null;
  /** 公开同意: 1 when the asker agreed that message and reply be shown on the portal. */
  consent_public: number;
  /** received | assigned | in_review | replied */
  state: string;
  /** The day of submission in Shanghai, and the working day the clock starts from. */
  received_on: string;
  /** 答复期限, fixed at receipt from the category's working days then in force. */
  due_on: string;
  deadline_workdays: number;
  unit_id: number | null;
  reply_text: string;
  reply_drafted_by: number | null;
  /** Reason the reviewer gave when returning the draft (cleared on the next submission). */
  return_reason: string | null;
  replied_on: string | null;
  replied_at: string | null;
  reply_reviewed_by: number | null;
  /** Date of the latest 督办, shown in lists. */
  last_supervised_on: string | null;
  rating: string | null;
  rating_comment: string | null;
  rated_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Every step of a message: 分办, 转办, drafts, review, 督办. Staff only. */
export interface MessageEventsTable {
  id: Generated<number>;
  message_id: number;
  /** assign | transfer | submit | return | approve | supervise */
  type: string;
  on_date: string;
  from_unit_id: number | null;
  to_unit_id: number | null;
  note: string;
  actor_id: number | null;
  actor_name: string;
  created_at: string;
}

/** 答复期限 per category in working days, when the administrator changed the default. */
export interface MessageDeadlinesTable {
  category: string;
  workdays: number;
  updated_at: string;
  updated_by: number | null;
}

/** 答复模板: text reused for recurring messages. */
export interface MessageTemplatesTable {
  id: Generated<number>;
  title: string;
  /** inquiry | suggestion | complaint | "" for any category. */
  category: string;
  body: string;
  is_active: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}

/** A 回应关切 / 政策问答 record and what it answers: a record, a message or a consultation. */
export interface RecordConcernLinksTable {
  id: Generated<number>;
  record_id: number;
  /** record | message | consultation (consultations live in another domain: no foreign key). */
  target_kind: string;
  target_id: number;
  created_at: string;
  created_by: number | null;
}

export interface MessageTables {
  messages: MessagesTable;
  message_events: MessageEventsTable;
  message_deadlines: MessageDeadlinesTable;
  message_templates: MessageTemplatesTable;
  record_concern_links: RecordConcernLinksTable;
}
