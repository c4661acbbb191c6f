// Queries of 公众参与 and the row ↔ object mapping. Public queries only ever return opened
// consultations and published comments, and never a commenter's name or contact.
import type { Kysely, Selectable, Transaction } from "kysely";
import type { IsoDate } from "../calendar/rules";
import type { DB } from "../db/schema";
import { articleLabel, type SplitDraft, splitDraft } from "./articles";
import {
  type ConsultationPhase,
  consultationPeriodDays,
  consultationPhase,
  type Disposition,
  type DispositionCounts,
} from "./rules";
import type { ConsultationsTable } from "./tables";

export type Db = Kysely<DB> | Transaction<DB>;

export interface Consultation {
  id: number;
  title: string;
  unitId: number;
  unitName: string;
  decisionItemId: number | null;
  decisionTitle: string | null;
  isMajor: boolean;
  draftText: string;
  draft: SplitDraft;
  draftRecordId: number | null;
  explanationHtml: string;
  opensOn: IsoDate;
  closesOn: IsoDate;
  periodDays: number;
  shortPeriodReason: string;
  contact: { phone: string; email: string; address: string };
  status: "draft" | "opened";
  opensAt: string;
  closesAt: string;
  openedAt: string | null;
  /** Latest published feedback version, or null. */
  feedbackVersion: number | null;
  phase: ConsultationPhase;
}

type Row = Selectable<ConsultationsTable> & {
  unit_name: string;
  decision_title: string | null;
  feedback_version: number | null;
};

function baseQuery(db: Db) {
  return db
    .selectFrom("consultations")
    .innerJoin("units", "units.id", "consultations.unit_id")
    .leftJoin(
      "participation_decisions",
      "participation_decisions.id",
      "consultations.decision_item_id",
    )
    .selectAll("consultations")
    .select([
      "units.name as unit_name",
      "participation_decisions.title as decision_title",
      (eb) =>
        eb
          .selectFrom("consultation_feedbacks")
          .select((f) => f.fn.max("consultation_feedbacks.version").as("v"))
          .whereRef("consultation_feedbacks.consultation_id", "=", "consultations.id")
          .as("feedback_version"),
    ]);
}

function consultationOf(row: Row, now: Date): Consultation {
  const feedbackVersion = row.feedback_version === null ? null : Number(row.feedback_version);
  return {
    id: row.id,
    title: row.title,
    unitId: row.unit_id,
    unitName: row.unit_name,
    decisionItemId: row.decision_item_id,
    decisionTitle: row.decision_title,
    isMajor: row.is_major === 1,
    draftText: row.draft_text,
    draft: splitDraft(row.draft_text),
    draftRecordId: row.draft_record_id,
    explanationHtml: row.explanation_html,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    periodDays: consultationPeriodDays(row.opens_on, row.closes_on),
    shortPeriodReason: row.short_period_reason,
    contact: { phone: row.contact_phone, email: row.contact_email, address: row.contact_address },
    status: row.status === "opened" ? "opened" : "draft",
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    openedAt: row.opened_at,
    feedbackVersion,
    phase: consultationPhase(
      {
        status: row.status,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
        hasFeedback: feedbackVersion !== null,
      },
      now,
    ),
  };
}

/** Any consultation, for the back office. */
export async function findConsultation(
  db: Db,
  id: number,
  now: Date,
): Promise<Consultation | undefined> {
  const row = await baseQuery(db).where("consultations.id", "=", id).executeTakeFirst();
  return row ? consultationOf(row as Row, now) : undefined;
}

export async function listConsultations(db: Db, now: Date): Promise<Consultation[]> {
  const rows = await baseQuery(db).orderBy("consultations.id", "desc").execute();
  return rows.map((r) => consultationOf(r as Row, now));
}

/**
 * Opened consultations only (未开始, 征集中, 已截止, 已反馈): what the public may see, newest
 * first. Every public list starts here.
 */
function publicConsultations(db: Db) {
  return baseQuery(db)
    .where("consultations.status", "=", "opened")
    .orderBy("consultations.opens_on", "desc")
    .orderBy("consultations.id", "desc");
}

export async function listPublicConsultations(db: Db, now: Date): Promise<Consultation[]> {
  const rows = await publicConsultations(db).execute();
  return rows.map((r) => consultationOf(r as Row, now));
}

/** One page of the public list: ten years of consultations do not fit one page. */
export async function listPublicConsultationPage(
  db: Db,
  now: Date,
  paging: { page: number; pageSize: number },
): Promise<{ total: number; items: Consultation[] }> {
  const count = await db
    .selectFrom("consultations")
    .where("status", "=", "opened")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await publicConsultations(db)
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { total: Number(count.n), items: rows.map((r) => consultationOf(r as Row, now)) };
}

/** The consultations taking comments now (phase "open"). */
export async function listOpenConsultations(db: Db, now: Date): Promise<Consultation[]> {
  const t = now.toISOString();
  const rows = await publicConsultations(db)
    .where("consultations.opens_at", "<=", t)
    .where("consultations.closes_at", ">", t)
    .execute();
  return rows.map((r) => consultationOf(r as Row, now));
}

export async function findPublicConsultation(
  db: Db,
  id: number,
  now: Date,
): Promise<Consultation | undefined> {
  const c = await findConsultation(db, id, now);
  return c?.status === "opened" ? c : undefined;
}

/** A comment as public pages show it: no name unless consented, never contact data. */
export interface PublicComment {
  id: number;
  articleNo: number | null;
  articleLabel: string;
  displayName: string;
  body: string;
  createdOn: IsoDate;
}

const shanghaiDate = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function listPublishedComments(
  db: Db,
  consultation: Pick<Consultation, "id" | "draft">,
): Promise<PublicComment[]> {
  const rows = await db
    .selectFrom("consultation_comments")
    .select(["id", "article_no", "display_name", "body", "created_at"])
    .where("consultation_id", "=", consultation.id)
    .where("status", "=", "published")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleNo: r.article_no,
    articleLabel: articleLabel(consultation.draft, r.article_no),
    displayName: r.display_name,
    body: r.body,
    createdOn: shanghaiDate(r.created_at),
  }));
}

/** A comment as staff see it: masked contact only; the clear value is a separate audited view. */
export interface StaffComment extends PublicComment {
  status: "pending" | "published" | "held";
  holdReason: string;
  hasName: boolean;
  contactMasked: string | null;
  disposition: Disposition | null;
  reason: string;
  groupId: number | null;
}

export async function listStaffComments(
  db: Db,
  consultation: Pick<Consultation, "id" | "draft">,
): Promise<StaffComment[]> {
  const rows = await db
    .selectFrom("consultation_comments")
    .selectAll()
    .where("consultation_id", "=", consultation.id)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleNo: r.article_no,
    articleLabel: articleLabel(consultation.draft, r.article_no),
    displayName: r.display_name,
    body: r.body,
    createdOn: shanghaiDate(r.created_at),
    status: r.status as StaffComment["status"],
    holdReason: r.hold_reason,
    hasName: r.name_enc !== null,
    contactMasked: r.contact_masked,
    disposition: (r.disposition as Disposition | null) ?? null,
    reason: r.reason,
    groupId: r.group_id,
  }));
}

export interface CommentGroup {
  id: number;
  title: string;
  disposition: Disposition;
  reason: string;
}

export async function listGroups(db: Db, consultationId: number): Promise<CommentGroup[]> {
  const rows = await db
    .selectFrom("consultation_comment_groups")
    .selectAll()
    .where("consultation_id", "=", consultationId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    disposition: r.disposition as Disposition,
    reason: r.reason,
  }));
}

/** What a published 意见采纳情况反馈 froze: public-safe text only. */
export interface FeedbackSnapshot {
  counts: DispositionCounts;
  /** Comments received but not published (held), counted but never listed. */
  heldCount: number;
  articles: {
    articleNo: number | null;
    label: string;
    comments: {
      id: number;
      displayName: string;
      body: string;
      disposition: Disposition;
      reason: string;
      group: string | null;
    }[];
  }[];
}

export interface Feedback {
  version: number;
  summary: string;
  correctionReason: string;
  publishedAt: string;
  snapshot: FeedbackSnapshot;
}

export async function latestFeedback(db: Db, consultationId: number): Promise<Feedback | null> {
  const row = await db
    .selectFrom("consultation_feedbacks")
    .selectAll()
    .where("consultation_id", "=", consultationId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    version: row.version,
    summary: row.summary,
    correctionReason: row.correction_reason,
    publishedAt: row.published_at,
    snapshot: JSON.parse(row.snapshot) as FeedbackSnapshot,
  };
}

export interface AnswerTemplate {
  id: number;
  title: string;
  disposition: Disposition;
  body: string;
}

export async function listAnswerTemplates(db: Db): Promise<AnswerTemplate[]> {
  const rows = await db
    .selectFrom("consultation_answer_templates")
    .selectAll()
    .orderBy("title")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    disposition: r.disposition as Disposition,
    body: r.body,
  }));
}

/** Runs `fn` in the caller's transaction, or in a new one. */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
