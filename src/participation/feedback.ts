// 意见采纳情况反馈: each published comment gets a disposition and reason (alone or through a
// group answered once), and the feedback is published as a frozen, versioned snapshot. Publishing
// is irreversible; a correction is a new version with its reason.
import { conflict, forbidden, notFound, validationError } from "../http/errors";
import { recordAudit } from "../platform/audit";
import { articleLabel } from "./articles";
import { canModerate, canPublishFeedback } from "./policy";
import { countDispositions, type Disposition, effectiveAnswer } from "./rules";
import type { StaffCtx } from "./service";
import {
  type Consultation,
  type Db,
  type FeedbackSnapshot,
  findConsultation,
  inTransaction,
  listGroups,
  listStaffComments,
} from "./store";

/** Answers one comment: its own disposition and reason, or membership of a group. */
export async function answerComment(
  db: Db,
  commentId: number,
  input: { disposition?: Disposition | null; reason: string; groupId: number | null },
  ctx: StaffCtx,
): Promise<number> {
  if (!canModerate(ctx.actor)) throw forbidden("您的角色无权答复意见。");
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("consultation_comments")
      .select(["consultation_id", "status"])
      .where("id", "=", commentId)
      .executeTakeFirst();
    if (!row) throw notFound("意见");
    if (row.status !== "published") throw conflict("只有已公开的意见需要答复采纳情况。");
    if (input.groupId !== null) {
      const group = await trx
        .selectFrom("consultation_comment_groups")
        .select("id")
        .where("id", "=", input.groupId)
        .where("consultation_id", "=", row.consultation_id)
        .executeTakeFirst();
      if (!group) throw validationError({ groupId: "所选分组不存在" });
    } else {
      const errors: Record<string, string> = {};
      if (!input.disposition) errors.disposition = "请选择采纳情况";
      if (!input.reason) errors.reason = "请填写采纳或不采纳的理由";
      if (Object.keys(errors).length > 0) throw validationError(errors);
    }
    await trx
      .updateTable("consultation_comments")
      .set({
        disposition: input.groupId === null ? (input.disposition ?? null) : null,
        reason: input.groupId === null ? input.reason : "",
        group_id: input.groupId,
      })
      .where("id", "=", commentId)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "consultation.comment_answer",
        objectType: "consultation",
        objectId: row.consultation_id,
        detail:
          input.groupId === null
            ? `意见 #${commentId}:${input.disposition}`
            : `意见 #${commentId} 归入分组 #${input.groupId}`,
      },
      ctx.now,
    );
    return row.consultation_id;
  });
}

/**
 * A group of similar comments answered once. The reason may come from an 答复模板 when left
 * empty; the comments listed join the group.
 */
export async function createGroup(
  db: Db,
  consultationId: number,
  input: {
    title: string;
    disposition: Disposition;
    reason: string;
    templateId: number | null;
    commentIds: number[];
  },
  ctx: StaffCtx,
): Promise<number> {
  if (!canModerate(ctx.actor)) throw forbidden("您的角色无权答复意见。");
  return inTransaction(db, async (trx) => {
    const c = await findConsultation(trx, consultationId, ctx.now);
    if (!c) throw notFound("意见征集");
    let reason = input.reason;
    if (!reason && input.templateId !== null) {
      const template = await trx
        .selectFrom("consultation_answer_templates")
        .select("body")
        .where("id", "=", input.templateId)
        .executeTakeFirst();
      if (!template) throw validationError({ templateId: "所选答复模板不存在" });
      reason = template.body;
    }
    if (!reason) throw validationError({ reason: "请填写理由,或选择一个答复模板" });
    const { id } = await trx
      .insertInto("consultation_comment_groups")
      .values({
        consultation_id: consultationId,
        title: input.title,
        disposition: input.disposition,
        reason,
        created_at: ctx.now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (input.commentIds.length > 0) {
      await trx
        .updateTable("consultation_comments")
        .set({ group_id: id, disposition: null, reason: "" })
        .where("consultation_id", "=", consultationId)
        .where("status", "=", "published")
        .where("id", "in", input.commentIds)
        .execute();
    }
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "consultation.group_create",
        objectType: "consultation",
        objectId: consultationId,
        detail: `分组“${input.title}”:${input.disposition},意见 ${input.commentIds.map((n) => `#${n}`).join("、") || "(无)"}`,
      },
      ctx.now,
    );
    return id;
  });
}

/** The feedback as it would be published now, and what still blocks it. */
export async function draftFeedback(
  db: Db,
  c: Consultation,
): Promise<{ snapshot: FeedbackSnapshot; problems: string[] }> {
  const comments = await listStaffComments(db, c);
  const groups = new Map((await listGroups(db, c.id)).map((g) => [g.id, g]));
  const published = comments.filter((m) => m.status === "published");
  const answered = published.map((m) => ({ ...m, ...effectiveAnswer(m, groups) }));
  const problems: string[] = [];
  const pending = comments.filter((m) => m.status === "pending").length;
  if (pending > 0) problems.push(`还有 ${pending} 条意见未审核(公开或不予公开)`);
  const unanswered = answered.filter((m) => m.disposition === null || m.reason === "");
  if (unanswered.length > 0) {
    problems.push(
      `还有 ${unanswered.length} 条意见未答复采纳情况和理由:${unanswered.map((m) => `#${m.id}`).join("、")}`,
    );
  }
  const order = [null, ...c.draft.articles.map((a) => a.no)];
  const articles: FeedbackSnapshot["articles"] = order
    .map((no) => ({
      articleNo: no,
      label: articleLabel(c.draft, no),
      comments: answered
        .filter((m) => m.articleNo === no && m.disposition !== null)
        .map((m) => ({
          id: m.id,
          displayName: m.displayName,
          body: m.body,
          disposition: m.disposition as Disposition,
          reason: m.reason,
          group: m.groupId !== null ? (groups.get(m.groupId)?.title ?? null) : null,
        })),
    }))
    .filter((a) => a.comments.length > 0);
  return {
    snapshot: {
      counts: countDispositions(answered),
      heldCount: comments.filter((m) => m.status === "held").length,
      articles,
    },
    problems,
  };
}

/**
 * Publishes the 意见采纳情况反馈 after closing (audited). A second publication is a correction and
 * needs its reason; earlier versions stay stored.
 */
export async function publishFeedback(
  db: Db,
  consultationId: number,
  input: { summary: string; correctionReason: string },
  ctx: StaffCtx,
): Promise<number> {
  if (!canPublishFeedback(ctx.actor)) throw forbidden("只有审核人可以发布意见采纳情况反馈。");
  return inTransaction(db, async (trx) => {
    const c = await findConsultation(trx, consultationId, ctx.now);
    if (!c) throw notFound("意见征集");
    if (c.phase !== "awaitingFeedback" && c.phase !== "feedbackPublished") {
      throw conflict("意见征集截止后才能发布意见采纳情况反馈。");
    }
    const correction = c.feedbackVersion !== null;
    if (correction && !input.correctionReason) {
      throw validationError({ correctionReason: "已发布的反馈只能以更正版本修改,请填写更正理由" });
    }
    const { snapshot, problems } = await draftFeedback(trx, c);
    if (problems.length > 0) throw conflict(`尚不能发布反馈:${problems.join(";")}。`);
    const version = (c.feedbackVersion ?? 0) + 1;
    await trx
      .insertInto("consultation_feedbacks")
      .values({
        consultation_id: consultationId,
        version,
        summary: input.summary,
        snapshot: JSON.stringify(snapshot),
        correction_reason: correction ? input.correctionReason : "",
        published_at: ctx.now.toISOString(),
        published_by: ctx.actor.id,
      })
      .execute();
    const k = snapshot.counts;
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: correction ? "consultation.feedback_correct" : "consultation.feedback_publish",
        objectType: "consultation",
        objectId: consultationId,
        detail: `第${version}版:收到${k.received}条,采纳${k.adopted},部分采纳${k.partlyAdopted},未采纳${k.notAdopted}${correction ? `;更正理由:${input.correctionReason}` : ""}`,
      },
      ctx.now,
    );
    return version;
  });
}
