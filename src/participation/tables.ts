import type { Generated } from "kysely";

/**
 * One entry of the yearly 重大行政决策事项目录 / 公众参与事项目录: a decision open to public
 * participation, its methods (《重大行政决策程序暂行条例》第十四条) and how far each has got.
 */
export interface DecisionItemsTable {
  id: Generated<number>;
  year: number;
  title: string;
  /** 承办单位 (responsibleUnit). */
  unit_id: number;
  /** 1 when the entry is a 重大行政决策 (majorDecision). */
  is_major: number;
  /** JSON DecisionStage[]: one per participation method, with status planned/done and date. */
  stages: string;
  note: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** A 意见征集 (consultation) on a draft; open/closed is derived from the clock at read time. */
export interface ConsultationsTable {
  id: Generated<number>;
  title: string;
  unit_id: number;
  decision_item_id: number | null;
  /** majorDecision: copied from the decision-catalog entry when linked, else set by the drafter. */
  is_major: number;
  /** The draft as plain text, split into 第X条 or paragraphs for comments (articles.ts). */
  draft_text: string;
  /** An optional published record holding the draft. */
  draft_record_id: number | null;
  /** 起草说明, sanitised rich text (src/records/sanitize.ts). */
  explanation_html: string;
  opens_on: string;
  closes_on: string;
  /** 第十五条: why a 重大行政决策 is consulted for fewer than 30 days; shown publicly. */
  short_period_reason: string;
  /** The bureau's channels for comments (public). */
  contact_phone: string;
  contact_email: string;
  contact_address: string;
  /** draft | opened. Once opened the consultation is public and its phase follows the clock. */
  status: string;
  /** Instants derived from opens_on (00:00) and closes_on (24:00) in Asia/Shanghai. */
  opens_at: string;
  closes_at: string;
  opened_at: string | null;
  opened_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A comment from the public. Name and contact are encrypted; only published ones are shown. */
export interface ConsultationCommentsTable {
  id: Generated<number>;
  consultation_id: number;
  /** The article or paragraph number; null for the draft as a whole. */
  article_no: number | null;
  body: string;
  name_enc: string | null;
  /** What public pages show: the name when the commenter consented, else 网民. */
  display_name: string;
  contact_enc: string | null;
  contact_masked: string | null;
  /** pending | published | held */
  status: string;
  hold_reason: Generated<string>;
  moderated_by: number | null;
  moderated_at: string | null;
  /** adopted | partlyAdopted | notAdopted, or null while unanswered (answered by its group if any). */
  disposition: string | null;
  reason: Generated<string>;
  group_id: number | null;
  created_at: string;
}

/** Comments answered together with one disposition and reason. */
export interface ConsultationCommentGroupsTable {
  id: Generated<number>;
  consultation_id: number;
  title: string;
  disposition: string;
  reason: string;
  created_at: string;
}

/**
 * A published 意见采纳情况反馈: a frozen snapshot. Never updated; a correction is a new version.
 */
export interface ConsultationFeedbacksTable {
  id: Generated<number>;
  consultation_id: number;
  version: number;
  summary: string;
  /** JSON FeedbackSnapshot. */
  snapshot: string;
  correction_reason: Generated<string>;
  published_at: string;
  published_by: number | null;
}

/** 答复模板 for recurring comment groups (separate from the 留言 templates). */
export interface ConsultationAnswerTemplatesTable {
  id: Generated<number>;
  title: string;
  disposition: string;
  body: string;
  updated_at: string;
  updated_by: number | null;
}

export interface ParticipationTables {
  participation_decisions: DecisionItemsTable;
  consultations: ConsultationsTable;
  consultation_comments: ConsultationCommentsTable;
  consultation_comment_groups: ConsultationCommentGroupsTable;
  consultation_feedbacks: ConsultationFeedbacksTable;
  consultation_answer_templates: ConsultationAnswerTemplatesTable;
}
