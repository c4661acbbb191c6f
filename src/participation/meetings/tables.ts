import type { Generated } from "kysely";

/**
 * A 座谈会 / 听证会 / 实地走访 announcement. Public only once published (published_at set); the
 * sign-up window is derived from the clock at read time, never flipped by a job.
 */
export interface MeetingsTable {
  id: Generated<number>;
  /** MeetingKind: symposium | hearing | fieldVisit. */
  kind: string;
  topic: string;
  /** ISO instants (UTC); shown in Asia/Shanghai. */
  starts_at: string;
  ends_at: string;
  place: string;
  /** The organising unit (组织单位), as written on the announcement. */
  organiser: string;
  /** How to take part (参加方式), plain text. */
  how_to_join: string;
  /** Who may sign up (报名条件), plain text. */
  eligibility: string;
  signup_opens_at: string;
  signup_closes_at: string;
  /** 名额. */
  quota: number;
  /** SelectionRule: firstCome | randomDraw. */
  selection: string;
  /** Optional link to participation_decisions.id (owned by another part of the domain; no FK). */
  decision_id: number | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  published_at: string | null;
  published_by: number | null;
  /** randomDraw: the seed, published after sign-up closes and before the draw. */
  draw_seed: string | null;
  seed_published_at: string | null;
  /** randomDraw: set once by the draw; the draw cannot be rerun. */
  drawn_at: string | null;
  drawn_by: number | null;
  /** 会议纪要: sanitised rich text (src/records/sanitize.ts). */
  minutes_html: string;
  /** 结果 / 采纳情况, plain text. */
  outcome: string;
  /** Minutes and outcome are public once this is set. */
  results_published_at: string | null;
}

/** One sign-up. Name, phone and statement are ciphertext; only masks and the number are shown. */
export interface MeetingSignupsTable {
  id: Generated<number>;
  meeting_id: number;
  /** 1, 2, 3 … within the meeting, in the order received. */
  seq: number;
  /** 报名编号, e.g. ZT-2026-0007-003: public. */
  signup_no: string;
  /** 张*丰: public. */
  masked_name: string;
  name_enc: string;
  phone_enc: string;
  phone_masked: string;
  /** HMAC of meeting and phone, so one phone signs up once per meeting without storing it in clear. */
  phone_hash: string;
  organisation_enc: string | null;
  /** 陈述意见要点 (hearings) or a statement of view. */
  statement_enc: string | null;
  /** randomDraw: null until the draw, then 1/0. firstCome: always 1. */
  selected: number | null;
  created_at: string;
}

export interface MeetingTables {
  meetings: MeetingsTable;
  meeting_signups: MeetingSignupsTable;
}
