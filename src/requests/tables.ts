import type { Generated } from "kysely";

/**
 * One 政府信息公开申请. Personal data is stored only encrypted (`*_enc`, see
 * src/platform/crypto.ts) plus a masked copy for lists; the state columns at the end are a cache
 * of the clock for list filters, refreshed after every event (the clock itself is always
 * recomputed from the timeline and the live calendar when a case is shown).
 */
export interface ApplicationsTable {
  id: Generated<number>;
  /** 申请编号, e.g. YSQ-2025-00012 (serial per year of filing). */
  application_no: string;
  /** HMAC of the 查询码; the plain code is shown to the applicant once. */
  query_code_hash: string;
  /** online | in_person | oral | mail_signed | mail_unsigned | fax */
  channel: string;
  submitted_on: string | null;
  /** mail_signed: the day the bureau signed for the letter. */
  signed_on: string | null;
  /** Cache of the `confirm` event's date. */
  confirmed_on: string | null;
  /** Cache: 收到申请之日 (条例第三十一条), null while 待确认. */
  received_on: string | null;
  /** Applicant column key of annual-report table 三: natural_person, org_commercial, … */
  applicant_kind: string;
  applicant_name_enc: string;
  /** Masked for natural persons (张*丰), the full name for organisations. */
  applicant_display_name: string;
  /** JSON {type, number}, encrypted. */
  id_document_enc: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  email_enc: string | null;
  email_masked: string | null;
  address_enc: string | null;
  /** 统一社会信用代码 of an organisation (not personal data). */
  org_credit_code: string | null;
  legal_representative_enc: string | null;
  contact_person_enc: string | null;
  requested_name: string | null;
  requested_doc_no: string | null;
  requested_description: string;
  /** 获取方式: paper | email | storage_media | inspection */
  delivery_form: string;
  /** 获取途径: post | email | pickup */
  delivery_route: string;
  wants_status_mail: Generated<number>;
  id_scan_file_id: number | null;
  /** 分办: the unit handling the case (cache of the latest `assign`). */
  unit_id: number | null;
  handler_id: number | null;
  registered_by: number | null;
  /** Cache: CasePhase of the timeline. */
  phase: string;
  /** Cache: the due date as of the last refresh (a running pause moves it later). */
  due_date: string | null;
  closed_on: string | null;
  /** Cache: the table 三 row the case counts under once closed. */
  result_key: string | null;
  year_received: number | null;
  created_at: string;
  updated_at: string;
}

/** One dated step of a case's timeline (条例第四十五条). */
export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  /** TimelineEventType */
  type: string;
  /** The legal date of the step (YYYY-MM-DD, Asia/Shanghai). */
  happened_on: string;
  /** JSON of the event's other fields (unitId, items, result, …). */
  payload: string;
  actor_id: number | null;
  actor_name: string;
  at: string;
  /** Internal note; never shown to the public. */
  note: Generated<string>;
}

export interface RequestTables {
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
}
