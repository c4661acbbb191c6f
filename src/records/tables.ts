import type { Generated } from "kysely";

/** Workflow states of a record (草稿 → 待审核 → 待签发 → 已发布/定时发布; 已撤回). */
export type RecordState =
  | "draft"
  | "in_review"
  | "awaiting_signoff"
  | "scheduled"
  | "published"
  | "withdrawn";

export interface RecordsTable {
  id: Generated<number>;
  /** 索引号: assigned once, at first publication, never reused. */
  index_no: string | null;
  title: string;
  doc_no: string | null;
  /** 发布机构 as shown on the record page. */
  publisher: string;
  /** The unit that drafted the record and answers for its deadline. */
  unit_id: number;
  formed_on: string;
  published_on: string | null;
  published_at: string | null;
  scheduled_at: string | null;
  topic: string;
  genre: string;
  openness: string;
  validity: Generated<string>;
  validity_changed_on: string | null;
  repealed_by_record_id: number | null;
  keywords: Generated<string>;
  catalog_item_id: number | null;
  /** The catalog item's version when the record was filed under it. */
  catalog_item_version: number | null;
  summary: Generated<string>;
  /** Sanitised on the way in. */
  body_html: Generated<string>;
  /** Plain text of the body, for search and proofreading. */
  body_text: Generated<string>;
  state: RecordState;
  needs_interpretation: Generated<number>;
  /** For a 政策解读: the policy record it interprets. */
  interprets_record_id: number | null;
  interpretation_kind: string | null;
  video_url: string | null;
  /** 应公开日期 from formed_on and the catalog item's deadline rule. */
  due_on: string | null;
  published_late: Generated<number>;
  /** JSON of the 保密审查 review form. */
  review: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
}

export interface RecordVersionsTable {
  id: Generated<number>;
  record_id: number;
  version: number;
  snapshot: string;
  created_at: string;
  created_by: number | null;
}

export interface RecordEventsTable {
  id: Generated<number>;
  record_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_id: number | null;
  at: string;
  comment: Generated<string>;
}

export interface RecordAttachmentsTable {
  id: Generated<number>;
  record_id: number;
  file_id: number;
  file_name: string;
  sort_order: Generated<number>;
  created_at: string;
  created_by: number | null;
}

export interface IndexNoSerialsTable {
  year: number;
  last_serial: number;
}

export interface ProofreadDismissalsTable {
  id: Generated<number>;
  record_id: number;
  found: string;
  position: number;
  reason: string;
  dismissed_by: number | null;
  dismissed_at: string;
}

export interface RecordTables {
  records: RecordsTable;
  record_versions: RecordVersionsTable;
  record_events: RecordEventsTable;
  record_attachments: RecordAttachmentsTable;
  index_no_serials: IndexNoSerialsTable;
  proofread_dismissals: ProofreadDismissalsTable;
}
