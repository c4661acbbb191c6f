import type { Generated } from "kysely";

/**
 * The structured 办事指南 of a record of genre serviceGuide, keyed by the record id. The record
 * carries the workflow (draft → published) and the generated body; this row the fields.
 */
export interface ServiceGuidesTable {
  record_id: number;
  /** 事项编码, unique among guides: the licensing system names a guide by it. */
  item_code: string;
  item_name: string;
  /** 事项类型 key (see guide-schema.ts). */
  item_type: string;
  /** 承诺时限 in working days, kept as a column for the promised date of cases. */
  promised_days: number;
  /** JSON ServiceGuideData of the current version. */
  data: string;
  version: number;
  updated_at: string;
}

/** Every saved version of a guide's structured data (v1 at creation, +1 per save). */
export interface ServiceGuideVersionsTable {
  id: Generated<number>;
  record_id: number;
  version: number;
  data: string;
  created_at: string;
  created_by: number | null;
}

/** A 办件 as the licensing system reports it, for the public progress lookup. */
export interface ServiceCasesTable {
  id: Generated<number>;
  /** 受理号, unique. */
  case_no: string;
  /** The guide's record id when the 事项 is one of ours; null otherwise. */
  guide_record_id: number | null;
  item_code: string;
  item_name: string;
  /** 申请人 name, encrypted (src/platform/crypto.ts). */
  applicant_name_enc: string;
  /** Keyed hash of the normalised name, to match lookups without decrypting. */
  applicant_name_hash: string;
  /** Keyed hash of the last 4 characters of the 统一社会信用代码, or null. */
  credit_code_tail_hash: string | null;
  /** JSON ServiceCaseStep[]: {step, on, note}. */
  steps: string;
  result: string;
  accepted_on: string | null;
  promised_on: string | null;
  /** The applicant opted in to status mails (sent by the subscriptions domain, not here). */
  wants_status_mail: Generated<number>;
  email_enc: string | null;
  /** SHA-256 of the canonical input, so a repeated identical report changes nothing. */
  content_hash: string;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface ServiceTables {
  service_guides: ServiceGuidesTable;
  service_guide_versions: ServiceGuideVersionsTable;
  service_cases: ServiceCasesTable;
}
