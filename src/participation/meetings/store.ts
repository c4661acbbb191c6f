// Kysely queries of meetings and sign-ups, and the row ↔ object mapping.
import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB } from "../../db/schema";
import type { MeetingKind, SelectionRule } from "./rules";
import type { MeetingSignupsTable, MeetingsTable } from "./tables";

export type Db = Kysely<DB> | Transaction<DB>;
export type MeetingRow = Selectable<MeetingsTable>;
export type SignupRow = Selectable<MeetingSignupsTable>;

export interface Meeting {
  id: number;
  kind: MeetingKind;
  topic: string;
  startsAt: string;
  endsAt: string;
  place: string;
  organiser: string;
  howToJoin: string;
  eligibility: string;
  signupOpensAt: string;
  signupClosesAt: string;
  quota: number;
  selection: SelectionRule;
  decisionId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  drawSeed: string | null;
  seedPublishedAt: string | null;
  drawnAt: string | null;
  minutesHtml: string;
  outcome: string;
  resultsPublishedAt: string | null;
}

export function meetingOf(row: MeetingRow): Meeting {
  return {
    id: row.id,
    kind: row.kind as MeetingKind,
    topic: row.topic,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    organiser: row.organiser,
    howToJoin: row.how_to_join,
    eligibility: row.eligibility,
    signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at,
    quota: row.quota,
    selection: row.selection as SelectionRule,
    decisionId: row.decision_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    drawSeed: row.draw_seed,
    seedPublishedAt: row.seed_published_at,
    drawnAt: row.drawn_at,
    minutesHtml: row.minutes_html,
    outcome: row.outcome,
    resultsPublishedAt: row.results_published_at,
  };
}

/** What anyone may see of a sign-up: the number and the masked name, and whether it was chosen. */
export interface PublicSignup {
  signupNo: string;
  maskedName: string;
  /** null while a draw is pending. */
  selected: boolean | null;
}

/** What the staff list shows: masks only; the clear values go through revealSignup (audited). */
export interface StaffSignup extends PublicSignup {
  id: number;
  phoneMasked: string;
  hasOrganisation: boolean;
  hasStatement: boolean;
  createdAt: string;
}

export function staffSignupOf(row: SignupRow): StaffSignup {
  return {
    id: row.id,
    signupNo: row.signup_no,
    maskedName: row.masked_name,
    selected: row.selected === null ? null : row.selected === 1,
    phoneMasked: row.phone_masked,
    hasOrganisation: row.organisation_enc !== null,
    hasStatement: row.statement_enc !== null,
    createdAt: row.created_at,
  };
}

export async function findMeeting(db: Db, id: number): Promise<Meeting | null> {
  const row = await db.selectFrom("meetings").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? meetingOf(row) : null;
}

/** Every meeting, newest start first; `publishedOnly` for anything public. */
export async function listMeetings(db: Db, publishedOnly: boolean): Promise<Meeting[]> {
  let query = db.selectFrom("meetings").selectAll();
  if (publishedOnly) query = query.where("published_at", "is not", null);
  const rows = await query.orderBy("starts_at", "desc").orderBy("id", "desc").execute();
  return rows.map(meetingOf);
}

/** The sign-ups of a meeting in the order received. */
export async function listSignupRows(db: Db, meetingId: number): Promise<SignupRow[]> {
  return db
    .selectFrom("meeting_signups")
    .selectAll()
    .where("meeting_id", "=", meetingId)
    .orderBy("seq")
    .execute();
}

export async function listPublicSignups(db: Db, meetingId: number): Promise<PublicSignup[]> {
  const rows = await db
    .selectFrom("meeting_signups")
    .select(["signup_no", "masked_name", "selected"])
    .where("meeting_id", "=", meetingId)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    signupNo: r.signup_no,
    maskedName: r.masked_name,
    selected: r.selected === null ? null : r.selected === 1,
  }));
}

/** The number of sign-ups per meeting. */
export async function signupCounts(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>(ids.map((id) => [id, 0]));
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom("meeting_signups")
    .select(["meeting_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("meeting_id", "in", ids)
    .groupBy("meeting_id")
    .execute();
  for (const r of rows) counts.set(r.meeting_id, Number(r.n));
  return counts;
}

/** The highest seq of a meeting (0 when none), read inside the sign-up transaction. */
export async function lastSignupSeq(db: Db, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom("meeting_signups")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
