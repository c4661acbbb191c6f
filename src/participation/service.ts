// Use cases of 意见征集: drafting and opening a consultation, public comments, moderation and the
// audited view of a commenter's contact. Every change is one transaction with its audit entry.

import { todayInShanghai } from "../calendar/rules";
import { conflict, forbidden, notFound, validationError } from "../http/errors";
import { type AuditActor, recordAudit } from "../platform/audit";
import {
  decryptOptional,
  encryptOptional,
  maskEmail,
  maskPhone,
  type PersonalDataKey,
} from "../platform/crypto";
import { sanitizeBody } from "../records/sanitize";
import { notifySubscribers } from "../subscriptions/service";
import { canDraftFor, canModerate, canOpenConsultation, type ParticipationActor } from "./policy";
import { commentRefusal, consultationInstants, periodProblems, publicDisplayName } from "./rules";
import type { CommentInput, ConsultationInput } from "./schema";
import { type Db, findConsultation, inTransaction } from "./store";

export interface StaffCtx {
  actor: ParticipationActor;
  now: Date;
}

/** Creates (id null) or updates a draft consultation. Opened consultations are no longer edited. */
export async function saveConsultation(
  db: Db,
  id: number | null,
  input: ConsultationInput,
  ctx: StaffCtx,
): Promise<number> {
  if (!canDraftFor(ctx.actor, input.unitId)) {
    throw validationError({ unitId: "您只能为本单位起草意见征集" });
  }
  return inTransaction(db, async (trx) => {
    let isMajor = input.isMajor;
    if (input.decisionItemId !== null) {
      const item = await trx
        .selectFrom("participation_decisions")
        .select(["is_major"])
        .where("id", "=", input.decisionItemId)
        .executeTakeFirst();
      if (!item) throw validationError({ decisionItemId: "所选决策事项不存在" });
      // 关联目录事项时,是否重大行政决策以目录为准。
      isMajor = item.is_major === 1;
    }
    if (input.draftRecordId !== null) {
      const record = await trx
        .selectFrom("records")
        .select("id")
        .where("id", "=", input.draftRecordId)
        .executeTakeFirst();
      if (!record) throw validationError({ draftRecordId: "所填公开信息不存在" });
    }
    const days = periodProblems({ ...input, isMajor: false, shortPeriodReason: "" });
    if (days.closesOn) throw validationError(days);
    const { opensAt, closesAt } = consultationInstants(input.opensOn, input.closesOn);
    const nowIso = ctx.now.toISOString();
    const values = {
      title: input.title,
      unit_id: input.unitId,
      decision_item_id: input.decisionItemId,
      is_major: isMajor ? 1 : 0,
      draft_text: input.draftText,
      draft_record_id: input.draftRecordId,
      explanation_html: sanitizeBody(input.explanationHtml),
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      short_period_reason: input.shortPeriodReason,
      contact_phone: input.contactPhone,
      contact_email: input.contactEmail,
      contact_address: input.contactAddress,
      opens_at: opensAt,
      closes_at: closesAt,
      updated_at: nowIso,
    };
    let savedId: number;
    if (id === null) {
      const row = await trx
        .insertInto("consultations")
        .values({
          ...values,
          status: "draft",
          opened_at: null,
          opened_by: null,
          created_by: ctx.actor.id,
          created_at: nowIso,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      savedId = row.id;
    } else {
      const existing = await trx
        .selectFrom("consultations")
        .select(["status", "unit_id"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!existing) throw notFound("意见征集");
      if (!canDraftFor(ctx.actor, existing.unit_id))
        throw forbidden("您只能修改本单位的意见征集。");
      if (existing.status !== "draft") throw conflict("意见征集已发布,不能再修改。");
      await trx.updateTable("consultations").set(values).where("id", "=", id).execute();
      savedId = id;
    }
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: id === null ? "consultation.create" : "consultation.update",
        objectType: "consultation",
        objectId: savedId,
        detail: input.title,
      },
      ctx.now,
    );
    return savedId;
  });
}

/**
 * Publishes a draft consultation. From then its phase follows the clock. Refused while a
 * 重大行政决策 is consulted for fewer than 30 days without a stated reason (第十五条).
 */
export async function openConsultation(db: Db, id: number, ctx: StaffCtx): Promise<void> {
  if (!canOpenConsultation(ctx.actor)) throw forbidden("只有审核人可以发布意见征集。");
  await inTransaction(db, async (trx) => {
    const c = await findConsultation(trx, id, ctx.now);
    if (!c) throw notFound("意见征集");
    if (c.status !== "draft") throw conflict("该意见征集已经发布。");
    const today = todayInShanghai(ctx.now);
    const errors: Record<string, string> = periodProblems(c);
    if (c.closesOn < today) errors.closesOn = `截止日期已过(今天是${today})`;
    if (c.draft.articles.length === 0) errors.draftText = "草案正文为空";
    if (!c.contact.phone && !c.contact.email && !c.contact.address) {
      errors.contactPhone = "请至少填写一种提出意见的联系渠道(电话、邮箱或地址)";
    }
    if (Object.keys(errors).length > 0) {
      throw validationError(errors, "意见征集未发布,请按提示修改后再发布。");
    }
    await trx
      .updateTable("consultations")
      .set({ status: "opened", opened_at: ctx.now.toISOString(), opened_by: ctx.actor.id })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "consultation.open",
        objectType: "consultation",
        objectId: id,
        detail: `${c.title}(${c.opensOn} 至 ${c.closesOn}${c.shortPeriodReason ? `,缩短期限理由:${c.shortPeriodReason}` : ""})`,
      },
      ctx.now,
    );
    // 信息主动推送: subscribers to consultations hear of it once, queued with the change.
    await notifySubscribers(
      trx,
      {
        kind: "consultationOpened",
        consultationId: id,
        title: c.title,
        url: `/interaction/consultations/${id}`,
      },
      ctx.now,
    );
  });
}

/** The audit identity of a member of the public commenting online. */
export function publicCommenter(ip: string): AuditActor {
  return { id: null, name: "网民(网上)", ip };
}

function maskContact(contact: string): string {
  return contact.includes("@") ? maskEmail(contact) : maskPhone(contact);
}

/** A comment from the public, waiting for moderation. Refused outside the consultation period. */
export async function submitComment(
  db: Db,
  consultationId: number,
  input: CommentInput,
  ctx: { actor: AuditActor; now: Date; key: PersonalDataKey },
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const c = await findConsultation(trx, consultationId, ctx.now);
    if (!c) throw notFound("意见征集");
    if (c.status !== "opened") throw notFound("意见征集");
    const refusal = commentRefusal(c.phase, c);
    if (refusal) throw conflict(refusal);
    if (input.articleNo !== null && !c.draft.articles.some((a) => a.no === input.articleNo)) {
      throw validationError({ articleNo: "请选择草案中的条款" });
    }
    const { id } = await trx
      .insertInto("consultation_comments")
      .values({
        consultation_id: consultationId,
        article_no: input.articleNo,
        body: input.body,
        name_enc: encryptOptional(ctx.key, input.name),
        display_name: publicDisplayName(input.name, input.showName),
        contact_enc: encryptOptional(ctx.key, input.contact),
        contact_masked: input.contact ? maskContact(input.contact) : null,
        status: "pending",
        moderated_by: null,
        moderated_at: null,
        disposition: null,
        group_id: null,
        created_at: ctx.now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "consultation.comment",
        objectType: "consultation",
        objectId: consultationId,
        detail: `意见 #${id}`,
      },
      ctx.now,
    );
    return id;
  });
}

async function commentOf(trx: Db, commentId: number) {
  const row = await trx
    .selectFrom("consultation_comments")
    .selectAll()
    .where("id", "=", commentId)
    .executeTakeFirst();
  if (!row) throw notFound("意见");
  return row;
}

/** Publishes a comment or holds it back with a reason; held comments never appear publicly. */
export async function moderateComment(
  db: Db,
  commentId: number,
  decision: { action: "publish" } | { action: "hold"; reason: string },
  ctx: StaffCtx,
): Promise<number> {
  if (!canModerate(ctx.actor)) throw forbidden("您的角色无权审核意见。");
  return inTransaction(db, async (trx) => {
    const row = await commentOf(trx, commentId);
    const published = decision.action === "publish";
    await trx
      .updateTable("consultation_comments")
      .set({
        status: published ? "published" : "held",
        hold_reason: published ? "" : decision.reason,
        moderated_by: ctx.actor.id,
        moderated_at: ctx.now.toISOString(),
      })
      .where("id", "=", commentId)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: published ? "consultation.comment_publish" : "consultation.comment_hold",
        objectType: "consultation",
        objectId: row.consultation_id,
        detail: published
          ? `意见 #${commentId} 公开`
          : `意见 #${commentId} 不予公开:${decision.reason}`,
      },
      ctx.now,
    );
    return row.consultation_id;
  });
}

/** The commenter's name and contact in clear, for a staff member; every view is audited. */
export async function revealCommenter(
  db: Db,
  commentId: number,
  ctx: StaffCtx & { key: PersonalDataKey },
): Promise<{ consultationId: number; name: string | null; contact: string | null }> {
  if (!canModerate(ctx.actor)) throw forbidden("您的角色无权查看留言人联系方式。");
  return inTransaction(db, async (trx) => {
    const row = await commentOf(trx, commentId);
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "consultation.comment_view_contact",
        objectType: "consultation",
        objectId: row.consultation_id,
        detail: `查看意见 #${commentId} 的姓名和联系方式`,
      },
      ctx.now,
    );
    return {
      consultationId: row.consultation_id,
      name: decryptOptional(ctx.key, row.name_enc),
      contact: decryptOptional(ctx.key, row.contact_enc),
    };
  });
}
