// 答复模板 for recurring groups of comments on consultations, edited by staff and audited. Kept
// apart from the 留言 templates of src/messages/.
import { forbidden, notFound } from "../http/errors";
import { recordAudit } from "../platform/audit";
import { canEditSettings, canModerate } from "./policy";
import type { Disposition } from "./rules";
import type { StaffCtx } from "./service";
import { saveFeedbackWorkdays } from "./settings";
import { type Db, inTransaction } from "./store";

export async function saveAnswerTemplate(
  db: Db,
  id: number | null,
  input: { title: string; disposition: Disposition; body: string },
  ctx: StaffCtx,
): Promise<number> {
  if (!canModerate(ctx.actor)) throw forbidden("您的角色无权编辑答复模板。");
  return inTransaction(db, async (trx) => {
    const values = {
      ...input,
      updated_at: ctx.now.toISOString(),
      updated_by: ctx.actor.id,
    };
    let savedId: number;
    if (id === null) {
      savedId = (
        await trx
          .insertInto("consultation_answer_templates")
          .values(values)
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const res = await trx
        .updateTable("consultation_answer_templates")
        .set(values)
        .where("id", "=", id)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw notFound("答复模板");
      savedId = id;
    }
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: id === null ? "consultation.template_create" : "consultation.template_update",
        objectType: "consultation_answer_template",
        objectId: savedId,
        detail: input.title,
      },
      ctx.now,
    );
    return savedId;
  });
}

/** The 系统管理员 sets how many working days after closing the feedback is due. */
export async function updateFeedbackWorkdays(db: Db, days: number, ctx: StaffCtx): Promise<void> {
  if (!canEditSettings(ctx.actor)) throw forbidden("只有系统管理员可以修改该设置。");
  await inTransaction(db, async (trx) => {
    await saveFeedbackWorkdays(trx, days);
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "consultation.settings_update",
        objectType: "site_settings",
        objectId: "participation.feedbackWorkdays",
        detail: `意见采纳情况反馈期限改为截止后${days}个工作日`,
      },
      ctx.now,
    );
  });
}
