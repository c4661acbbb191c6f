// 答复模板: texts reused when replying to recurring messages, kept by 审核人 and administrators
// and inserted into a draft reply by the unit's 信息员.
import { forbidden, notFound } from "../http/errors";
import { recordAudit } from "../platform/audit";
import { canEditTemplates } from "./policy";
import type { TemplateInput } from "./schema";
import type { MessageActor } from "./service";
import { type Db, inTransaction } from "./store";

export interface AnswerTemplate {
  id: number;
  title: string;
  category: string;
  body: string;
  isActive: boolean;
}

export async function listTemplates(
  db: Db,
  options: { activeOnly?: boolean; category?: string } = {},
) {
  let q = db.selectFrom("message_templates").selectAll();
  if (options.activeOnly) q = q.where("is_active", "=", 1);
  if (options.category)
    q = q.where((eb) => eb.or([eb("category", "=", ""), eb("category", "=", options.category!)]));
  const rows = await q.orderBy("title").orderBy("id").execute();
  return rows.map(
    (r): AnswerTemplate => ({
      id: r.id,
      title: r.title,
      category: r.category,
      body: r.body,
      isActive: r.is_active === 1,
    }),
  );
}

export async function findTemplate(db: Db, id: number): Promise<AnswerTemplate> {
  const r = await db
    .selectFrom("message_templates")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) throw notFound("答复模板");
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    body: r.body,
    isActive: r.is_active === 1,
  };
}

/** Creates a template (id null) or changes one. */
export async function saveTemplate(
  db: Db,
  id: number | null,
  input: TemplateInput,
  actor: MessageActor,
  now: Date,
): Promise<number> {
  if (!canEditTemplates(actor)) throw forbidden("只有审核人或系统管理员可以维护答复模板。");
  return inTransaction(db, async (trx) => {
    const values = {
      title: input.title,
      category: input.category,
      body: input.body,
      is_active: input.isActive ? 1 : 0,
      updated_at: now.toISOString(),
      updated_by: actor.id,
    };
    let savedId: number;
    if (id === null) {
      savedId = (
        await trx
          .insertInto("message_templates")
          .values(values)
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      await findTemplate(trx, id);
      await trx.updateTable("message_templates").set(values).where("id", "=", id).execute();
      savedId = id;
    }
    await recordAudit(
      trx,
      actor,
      {
        action: id === null ? "message.template_create" : "message.template_update",
        objectType: "message_template",
        objectId: savedId,
        detail: input.title,
      },
      now,
    );
    return savedId;
  });
}
