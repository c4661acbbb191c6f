import type { Generated } from "kysely";

/**
 * Columns shared by both kinds of 双公示 entry. Public columns hold only what may be published:
 * a natural person's name is stored masked in the public column and encrypted in `*_enc`
 * (src/platform/crypto.ts), never in clear.
 */
interface PublicityEntryColumns {
  id: Generated<number>;
  /** organisation (法人或其他组织) | natural_person (自然人 / 个体工商户经营者) */
  subject_type: string;
  /** The name as published: masked for a natural person (张*丰). */
  subject_name: string;
  /** The natural person's name, encrypted; null for organisations. */
  subject_name_enc: string | null;
  /** 统一社会信用代码, null when the subject has none. */
  credit_code: string | null;
  /** 法定代表人(负责人) as published: masked when the subject is a natural person. */
  legal_rep: string | null;
  legal_rep_enc: string | null;
  /** 作出决定日期 YYYY-MM-DD. */
  decided_on: string;
  /** 许可机关 / 处罚机关. */
  authority: string;
  catalog_item_id: number;
  /** 应公示日期 from the catalog item's deadline rule and the working calendar; null when none. */
  publish_by_on: string | null;
  /** When it went public; null while not published. */
  published_at: string | null;
  published_on: string | null;
  /** Last day of the 公示期 (listed while today <= it); null = no end (e.g. licence without 有效期至). */
  publicity_ends_on: string | null;
  /** 信用修复 / early takedown. */
  taken_down_at: string | null;
  taken_down_reason: string | null;
  taken_down_by: number | null;
  /** SHA-256 over the imported fields: a re-import of an unchanged row is skipped. */
  content_hash: string;
  /** api | xlsx | demo */
  source: string;
  created_at: string;
  updated_at: string;
}

/** 行政许可 result (双公示). */
export interface PublicityLicencesTable extends PublicityEntryColumns {
  /** 许可证编号 (unique key of an import). */
  licence_no: string;
  /** 许可内容 */
  content: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** 行政处罚 or 行政强制 decision (双公示). */
export interface PublicityPenaltiesTable extends PublicityEntryColumns {
  /** 行政处罚决定书文号 (unique key of an import). */
  decision_no: string;
  /** penalty (行政处罚) | coercion (行政强制) */
  kind: string;
  /** 1 when only 通报批评 or a lower fine (shorter 公示期). */
  minor: Generated<number>;
  /** 违法事实摘要 */
  facts: string;
  /** 处罚依据 */
  basis: string;
  /** 处罚内容 */
  content: string;
}

/** An administrator's 公示期 setting for one period kind (defaults live in rules.ts). */
export interface PublicityPeriodsTable {
  /** licence | penalty | penalty_minor | coercion */
  kind: string;
  /** validity (while the licence is valid) | fixed */
  mode: string;
  months: number;
  updated_at: string;
  updated_by: number | null;
}

export interface PublicityTables {
  publicity_licences: PublicityLicencesTable;
  publicity_penalties: PublicityPenaltiesTable;
  publicity_periods: PublicityPeriodsTable;
}
