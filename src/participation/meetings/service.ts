// Use cases of 座谈会 / 听证会 / 实地走访: drafting and publishing announcements, public sign-up
// (quota under a lock), the seed and the one-time random draw, minutes and outcome, and the
// audited full view of a sign-up. Every change is one transaction with its audit entry.
import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { Role } from "../../accounts/roles";
import { lockSequence } from "../../db/dialect";
import type { DB } from "../../db/schema";
import { conflict, forbidden, notFound, validationError } from "../../http/errors";
import { type AuditActor, recordAudit } from "../../platform/audit";
import {
  decryptOptional,
  decryptPersonal,
  encryptOptional,
  encryptPersonal,
  maskName,
  maskPhone,
  type PersonalDataKey,
  personalDataKey,
} from "../../platform/crypto";
import { hmacHex } from "../../platform/tokens";
import { selectByDraw } from "./draw";
import {
  canDraftMeetings,
  canPublishMeetingSteps,
  canRevealSignups,
  publishRefusal,
} from "./policy";
import {
  formatSignupNo,
  meetingKindLabels,
  meetingTimeProblems,
  shanghaiYear,
  signupRefusal,
  signupWindowAt,
} from "./rules";
import type { MeetingInput, ResultsInput, SignupInput } from "./schema";
import { type Db, findMeeting, lastSignupSeq, type Meeting, signupCounts } from "./store";

/** A staff member acting: the audit identity and the roles the policy checks. */
export interface StaffActor extends AuditActor {
  id: number;
  roles: readonly Role[];
}

export interface StaffCtx {
  actor: StaffActor;
  now: Date;
}

/** The secrets sign-ups need: the personal-data key and the HMAC secret for the phone check. */
export interface SignupKeys {
  personal: PersonalDataKey;
  secret: string;
}

export function signupKeys(secret: string): SignupKeys {
  return { personal: personalDataKey(secret), secret };
}

function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

async function meetingOrThrow(db: Db, id: number): Promise<Meeting> {
  const meeting = await findMeeting(db, id);
  if (!meeting) throw notFound("活动");
  return meeting;
}

function columnsOf(input: MeetingInput) {
  return {
    kind: input.kind,
    topic: input.topic,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    place: input.place,
    organiser: input.organiser,
    how_to_join: input.howToJoin,
    eligibility: input.eligibility,
    signup_opens_at: input.signupOpensAt,
    signup_closes_at: input.signupClosesAt,
    quota: input.quota,
    selection: input.selection,
    decision_id: input.decisionId,
  };
}

function checkTimes(input: MeetingInput): void {
  const errors = meetingTimeProblems(input);
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** A new announcement, as a draft (信息员). */
export async function createMeeting(db: Db, input: MeetingInput, ctx: StaffCtx): Promise<number> {
  if (!canDraftMeetings(ctx.actor)) throw forbidden("只有信息员可以起草活动公告。");
  checkTimes(input);
  const at = ctx.now.toISOString();
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("meetings")
      .values({
        ...columnsOf(input),
        minutes_html: "",
        outcome: "",
        created_at: at,
        created_by: ctx.actor.id,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.create",
        objectType: "meeting",
        objectId: id,
        detail: `起草${meetingKindLabels[input.kind]}公告:${input.topic}`,
      },
      ctx.now,
    );
    return id;
  });
}

/** Edits a draft; a published announcement is not changed under the people who signed up. */
export async function updateMeeting(
  db: Db,
  id: number,
  input: MeetingInput,
  ctx: StaffCtx,
): Promise<void> {
  if (!canDraftMeetings(ctx.actor)) throw forbidden("只有信息员可以修改活动公告。");
  checkTimes(input);
  await inTransaction(db, async (trx) => {
    const meeting = await meetingOrThrow(trx, id);
    if (meeting.publishedAt) throw conflict("公告已发布,不能再修改。");
    await trx
      .updateTable("meetings")
      .set({ ...columnsOf(input), updated_at: ctx.now.toISOString() })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.update",
        objectType: "meeting",
        objectId: id,
        detail: `修改公告:${input.topic}`,
      },
      ctx.now,
    );
  });
}

/** Publishes a draft (审核人, not the drafter). */
export async function publishMeeting(db: Db, id: number, ctx: StaffCtx): Promise<void> {
  await inTransaction(db, async (trx) => {
    const meeting = await meetingOrThrow(trx, id);
    const refusal = publishRefusal(ctx.actor, meeting);
    if (refusal) throw forbidden(refusal);
    if (meeting.publishedAt) throw conflict("公告已发布。");
    await trx
      .updateTable("meetings")
      .set({ published_at: ctx.now.toISOString(), published_by: ctx.actor.id })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.publish",
        objectType: "meeting",
        objectId: id,
        detail: `发布${meetingKindLabels[meeting.kind]}公告:${meeting.topic}`,
      },
      ctx.now,
    );
  });
}

export interface SignedUp {
  signupNo: string;
  maskedName: string;
}

/** The audit identity of someone signing up online: never a staff account. */
export function onlineParticipant(ip: string): AuditActor {
  return { id: null, name: "报名人(网上)", ip };
}

/**
 * A public sign-up. The count, the check against the quota and the insert happen in one
 * transaction under the meeting's lock, so two sign-ups for the last place cannot both get in.
 */
export async function signUp(
  db: Db,
  meetingId: number,
  input: SignupInput,
  ctx: { keys: SignupKeys; now: Date; actor: AuditActor },
): Promise<SignedUp> {
  return inTransaction(db, async (trx) => {
    await lockSequence(trx, `meeting-signups:${meetingId}`);
    const meeting = await findMeeting(trx, meetingId);
    if (!meeting?.publishedAt) throw notFound("活动");
    const taken = (await signupCounts(trx, [meetingId])).get(meetingId) ?? 0;
    const refusal = signupRefusal({
      window: signupWindowAt(
        { opensAt: meeting.signupOpensAt, closesAt: meeting.signupClosesAt },
        ctx.now,
      ),
      selection: meeting.selection,
      quota: meeting.quota,
      taken,
    });
    if (refusal) throw conflict(refusal);
    const phoneHash = hmacHex(ctx.keys.secret, `meeting-phone:v1:${meetingId}:${input.phone}`);
    const twice = await trx
      .selectFrom("meeting_signups")
      .select("id")
      .where("meeting_id", "=", meetingId)
      .where("phone_hash", "=", phoneHash)
      .executeTakeFirst();
    if (twice) throw validationError({ phone: "该联系电话已报名本次活动,请勿重复报名。" });
    const seq = (await lastSignupSeq(trx, meetingId)) + 1;
    const signupNo = formatSignupNo(meeting.kind, shanghaiYear(meeting.startsAt), meetingId, seq);
    const maskedName = maskName(input.name);
    const key = ctx.keys.personal;
    await trx
      .insertInto("meeting_signups")
      .values({
        meeting_id: meetingId,
        seq,
        signup_no: signupNo,
        masked_name: maskedName,
        name_enc: encryptPersonal(key, input.name),
        phone_enc: encryptPersonal(key, input.phone),
        phone_masked: maskPhone(input.phone),
        phone_hash: phoneHash,
        organisation_enc: encryptOptional(key, input.organisation),
        statement_enc: encryptOptional(key, input.statement),
        selected: meeting.selection === "firstCome" ? 1 : null,
        created_at: ctx.now.toISOString(),
      })
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.signup",
        objectType: "meeting",
        objectId: meetingId,
        detail: `报名 ${signupNo}`,
      },
      ctx.now,
    );
    return { signupNo, maskedName };
  });
}

/** A fresh seed: 32 hex characters from the system's random source. */
export function newDrawSeed(): string {
  return randomBytes(16).toString("hex");
}

/**
 * Publishes the seed of a random draw once sign-up has closed (so the list is final), before the
 * draw: from then on anyone can compute the result. The seed is set once and never changed.
 */
export async function publishSeed(
  db: Db,
  id: number,
  seed: string | null,
  ctx: StaffCtx,
): Promise<string> {
  if (!canPublishMeetingSteps(ctx.actor)) throw forbidden("只有审核人可以公布抽签种子。");
  return inTransaction(db, async (trx) => {
    await lockSequence(trx, `meeting-draw:${id}`);
    const meeting = await meetingOrThrow(trx, id);
    if (!meeting.publishedAt || meeting.selection !== "randomDraw") {
      throw conflict("该活动不采用随机抽取。");
    }
    if (
      signupWindowAt(
        { opensAt: meeting.signupOpensAt, closesAt: meeting.signupClosesAt },
        ctx.now,
      ) !== "closed"
    ) {
      throw conflict("报名截止后才能公布抽签种子。");
    }
    if (meeting.drawSeed) throw conflict("抽签种子已公布,不能更改。");
    const value = seed ?? newDrawSeed();
    const updated = await trx
      .updateTable("meetings")
      .set({ draw_seed: value, seed_published_at: ctx.now.toISOString() })
      .where("id", "=", id)
      .where("draw_seed", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict("抽签种子已公布,不能更改。");
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.publish_seed",
        objectType: "meeting",
        objectId: id,
        detail: `公布抽签种子 ${value}${seed ? "(工作人员填写)" : "(系统生成)"}`,
      },
      ctx.now,
    );
    return value;
  });
}

/** Runs the draw with the published seed, once: the selection is stored with the audit entry. */
export async function runDraw(db: Db, id: number, ctx: StaffCtx): Promise<string[]> {
  if (!canPublishMeetingSteps(ctx.actor)) throw forbidden("只有审核人可以进行随机抽取。");
  return inTransaction(db, async (trx) => {
    await lockSequence(trx, `meeting-draw:${id}`);
    const meeting = await meetingOrThrow(trx, id);
    if (meeting.selection !== "randomDraw") throw conflict("该活动不采用随机抽取。");
    if (!meeting.drawSeed) throw conflict("请先公布抽签种子,再进行抽取。");
    if (meeting.drawnAt) throw conflict("已完成随机抽取,不能重新抽取。");
    const rows = await trx
      .selectFrom("meeting_signups")
      .select(["id", "signup_no"])
      .where("meeting_id", "=", id)
      .orderBy("seq")
      .execute();
    const selected = selectByDraw(
      meeting.drawSeed,
      rows.map((r) => r.signup_no),
      meeting.quota,
    );
    const marked = await trx
      .updateTable("meetings")
      .set({ drawn_at: ctx.now.toISOString(), drawn_by: ctx.actor.id })
      .where("id", "=", id)
      .where("drawn_at", "is", null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw conflict("已完成随机抽取,不能重新抽取。");
    await trx
      .updateTable("meeting_signups")
      .set({ selected: 0 })
      .where("meeting_id", "=", id)
      .execute();
    if (selected.length > 0) {
      await trx
        .updateTable("meeting_signups")
        .set({ selected: 1 })
        .where("meeting_id", "=", id)
        .where("signup_no", "in", selected)
        .execute();
    }
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.draw",
        objectType: "meeting",
        objectId: id,
        detail: `随机抽取:种子 ${meeting.drawSeed},报名 ${rows.length} 人,名额 ${meeting.quota},入选 ${selected.join("、") || "无"}`,
      },
      ctx.now,
    );
    return selected;
  });
}

/** Saves the minutes (sanitised on the way in) and the outcome; public only once published. */
export async function saveResults(
  db: Db,
  id: number,
  input: ResultsInput,
  ctx: StaffCtx,
): Promise<void> {
  if (!canDraftMeetings(ctx.actor)) throw forbidden("只有信息员可以填写会议纪要。");
  await inTransaction(db, async (trx) => {
    const meeting = await meetingOrThrow(trx, id);
    if (!meeting.publishedAt) throw conflict("公告发布后才能填写会议纪要和结果。");
    await trx
      .updateTable("meetings")
      .set({
        minutes_html: input.minutesHtml,
        outcome: input.outcome,
        updated_at: ctx.now.toISOString(),
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.save_results",
        objectType: "meeting",
        objectId: id,
        detail: `保存会议纪要和结果${meeting.resultsPublishedAt ? "(已公开,修改即时生效)" : ""}`,
      },
      ctx.now,
    );
  });
}

/** Makes the minutes and the outcome public (审核人), after the meeting has begun. */
export async function publishResults(db: Db, id: number, ctx: StaffCtx): Promise<void> {
  if (!canPublishMeetingSteps(ctx.actor)) throw forbidden("只有审核人可以公开会议纪要和结果。");
  await inTransaction(db, async (trx) => {
    const meeting = await meetingOrThrow(trx, id);
    if (!meeting.publishedAt) throw conflict("公告尚未发布。");
    if (ctx.now.getTime() < Date.parse(meeting.startsAt))
      throw conflict("活动开始后才能公开会议纪要和结果。");
    if (meeting.resultsPublishedAt) throw conflict("会议纪要和结果已公开。");
    if (!meeting.minutesHtml && !meeting.outcome) throw conflict("请先填写会议纪要或结果。");
    await trx
      .updateTable("meetings")
      .set({ results_published_at: ctx.now.toISOString() })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.publish_results",
        objectType: "meeting",
        objectId: id,
        detail: "公开会议纪要和结果",
      },
      ctx.now,
    );
  });
}

export interface SignupDetails {
  signupNo: string;
  name: string;
  phone: string;
  organisation: string | null;
  statement: string | null;
}

/** One sign-up in full, for the staff who contact people; every view is audited. */
export async function revealSignup(
  db: Db,
  meetingId: number,
  signupId: number,
  ctx: StaffCtx & { keys: SignupKeys },
): Promise<SignupDetails> {
  if (!canRevealSignups(ctx.actor)) throw forbidden("您的角色无权查看报名人的完整信息。");
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("meeting_signups")
      .selectAll()
      .where("id", "=", signupId)
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst();
    if (!row) throw notFound("报名记录");
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "meeting.reveal_signup",
        objectType: "meeting",
        objectId: meetingId,
        detail: `查看报名人个人信息(${row.signup_no})`,
      },
      ctx.now,
    );
    const key = ctx.keys.personal;
    return {
      signupNo: row.signup_no,
      name: decryptPersonal(key, row.name_enc),
      phone: decryptPersonal(key, row.phone_enc),
      organisation: decryptOptional(key, row.organisation_enc),
      statement: decryptOptional(key, row.statement_enc),
    };
  });
}
