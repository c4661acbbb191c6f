// The yearly 重大行政决策事项目录 / 公众参与事项目录: entries, their participation methods as
// stages (planned/done with a date), kept up to date as each stage completes.
import type { IsoDate } from "../calendar/rules";
import { forbidden, notFound } from "../http/errors";
import { recordAudit } from "../platform/audit";
import { canDraftFor } from "./policy";
import { type DecisionStage, methodLabels, normaliseStages, stageStatusLabels } from "./rules";
import type { DecisionInput } from "./schema";
import type { StaffCtx } from "./service";
import { type Db, inTransaction } from "./store";

export interface DecisionItem {
  id: number;
  year: number;
  title: string;
  unitId: number;
  unitName: string;
  isMajor: boolean;
  stages: DecisionStage[];
  note: string;
  /** Opened consultations linked to the entry (public). */
  consultations: { id: number; title: string; opensOn: IsoDate; closesOn: IsoDate }[];
}

function stagesOf(json: string): DecisionStage[] {
  try {
    const parsed = JSON.parse(json) as DecisionStage[];
    return Array.isArray(parsed) ? normaliseStages(parsed) : [];
  } catch {
    return [];
  }
}

/** The entries of a year (or one entry), with their opened consultations. */
export async function listDecisionItems(
  db: Db,
  filter: { year?: number; id?: number },
): Promise<DecisionItem[]> {
  let query = db
    .selectFrom("participation_decisions")
    .innerJoin("units", "units.id", "participation_decisions.unit_id")
    .selectAll("participation_decisions")
    .select("units.name as unit_name")
    .orderBy("participation_decisions.id");
  if (filter.year !== undefined)
    query = query.where("participation_decisions.year", "=", filter.year);
  if (filter.id !== undefined) query = query.where("participation_decisions.id", "=", filter.id);
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);
  const linked =
    ids.length === 0
      ? []
      : await db
          .selectFrom("consultations")
          .select(["id", "title", "opens_on", "closes_on", "decision_item_id"])
          .where("decision_item_id", "in", ids)
          .where("status", "=", "opened")
          .orderBy("opens_on")
          .execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    title: r.title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    isMajor: r.is_major === 1,
    stages: stagesOf(r.stages),
    note: r.note,
    consultations: linked
      .filter((l) => l.decision_item_id === r.id)
      .map((l) => ({ id: l.id, title: l.title, opensOn: l.opens_on, closesOn: l.closes_on })),
  }));
}

/** The years that have entries, newest first. */
export async function decisionYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom("participation_decisions")
    .select("year")
    .distinct()
    .orderBy("year", "desc")
    .execute();
  return rows.map((r) => r.year);
}

function stagesText(stages: readonly DecisionStage[]): string {
  return stages
    .map((s) => `${methodLabels[s.method]}${stageStatusLabels[s.status]}${s.on ? ` ${s.on}` : ""}`)
    .join("、");
}

/** Creates (id null) or updates a catalog entry, audited with its stages in words. */
export async function saveDecisionItem(
  db: Db,
  id: number | null,
  input: DecisionInput,
  ctx: StaffCtx,
): Promise<number> {
  if (!canDraftFor(ctx.actor, input.unitId)) throw forbidden("您只能维护本单位的决策事项。");
  const stages = normaliseStages(input.stages);
  const nowIso = ctx.now.toISOString();
  return inTransaction(db, async (trx) => {
    const values = {
      year: input.year,
      title: input.title,
      unit_id: input.unitId,
      is_major: input.isMajor ? 1 : 0,
      stages: JSON.stringify(stages),
      note: input.note,
      updated_at: nowIso,
    };
    let savedId: number;
    if (id === null) {
      savedId = (
        await trx
          .insertInto("participation_decisions")
          .values({ ...values, created_at: nowIso })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const existing = await trx
        .selectFrom("participation_decisions")
        .select("unit_id")
        .where("id", "=", id)
        .executeTakeFirst();
      if (!existing) throw notFound("决策事项");
      if (!canDraftFor(ctx.actor, existing.unit_id))
        throw forbidden("您只能维护本单位的决策事项。");
      await trx.updateTable("participation_decisions").set(values).where("id", "=", id).execute();
      // Linked consultations follow the catalog's 重大行政决策 flag while still drafts.
      await trx
        .updateTable("consultations")
        .set({ is_major: values.is_major })
        .where("decision_item_id", "=", id)
        .where("status", "=", "draft")
        .execute();
      savedId = id;
    }
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: id === null ? "decision_item.create" : "decision_item.update",
        objectType: "decision_item",
        objectId: savedId,
        detail: `${input.year}年 ${input.title}:${stagesText(stages) || "无参与方式"}`,
      },
      ctx.now,
    );
    return savedId;
  });
}
