import type { Generated } from "kysely";

/**
 * One saved version of a letter template (受理回执, 补正告知书, 答复告知书 …). Every save inserts a
 * row, so the history stays; the current text of a key is its latest row. Keys without a row use
 * the shipped default (src/requests/letters/default-templates.ts).
 */
export interface LetterTemplatesTable {
  id: Generated<number>;
  /** LetterTemplateKey: receipt, supplement, …, reply:results.disclosed, … */
  key: string;
  title: string;
  /** Paragraphs separated by line breaks, with placeholders such as {申请人}. */
  body: string;
  updated_at: string;
  updated_by: number | null;
  updated_by_name: string;
}

/** A file sent with the reply (the disclosed documents), stored in `files`. */
export interface ApplicationAttachmentsTable {
  id: Generated<number>;
  application_id: number;
  file_id: number;
  /** The cleaned name shown and offered on download. */
  file_name: string;
  created_at: string;
  created_by: number | null;
}

/**
 * A 行政复议 or 行政诉讼 over a case (条例第五十一条), counted in table 四 of the annual report:
 * the column is `${group}.${result}` (see src/requests/appeals/rules.ts).
 */
export interface ApplicationAppealsTable {
  id: Generated<number>;
  application_id: number;
  /** review (行政复议) | litigation (行政诉讼) */
  kind: string;
  /** Litigation only: 1 when brought after a 行政复议 (复议后起诉), 0 when direct. */
  after_review: Generated<number>;
  /** The day the review was applied for or the suit filed; null when a ledger did not record it. */
  filed_on: string | null;
  /** upheld (维持) | corrected (纠正) | other (其他结果) | pending (尚未审结) */
  result: string;
  decided_on: string | null;
  /** 复议机关 or 人民法院. */
  authority: Generated<string>;
  note: Generated<string>;
  /** manual | import */
  source: string;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

/** Marks a case that came from an imported 台账 rather than being handled in the system. */
export interface ApplicationImportsTable {
  application_id: number;
  /** Row number of the last import that wrote the case, for messages. */
  row_number: number;
  file_name: string;
  imported_at: string;
  imported_by: number | null;
}

export interface CaseworkTables {
  letter_templates: LetterTemplatesTable;
  application_attachments: ApplicationAttachmentsTable;
  application_appeals: ApplicationAppealsTable;
  application_imports: ApplicationImportsTable;
}
