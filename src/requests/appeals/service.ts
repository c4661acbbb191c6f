// Recording 行政复议 and 行政诉讼 over a case (条例第五十一条) for table 四 of the annual report;
// every change is audited.
import type { Selectable } from "kysely";
import { type IsoDate, todayInShanghai } from "../../calendar/rules";
import { forbidden, notFound, validationError } from "../../http/errors";
import { recordAudit } from "../../platform/audit";
import type { ApplicationAppealsTable } from "../casework-tables";
import { type CaseActor, canHandleApplications } from "../policy";
import { type Db, findApplication, inTransaction } from "../store";
import {
  type AppealFacts,
  type AppealKind,
  type AppealResult,
  appealColumnKey,
  appealLedgerText,
} from "./rules";
import type { AppealInput, AppealOutcomeInput } from "./schema";

export type AppealRow = Selectable<ApplicationAppealsTable>;

export interface Appeal extends AppealFacts {
  id: number;
  applicationId: number;
  filedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  authority: string;
  note: string;
  source: "manual" | "import";
  /** The table 四 column it counts in, e.g. admin_review.corrected. */
  reportColumn: string;
}

export function appealOf(row: AppealRow): Appeal {
  const facts: AppealFacts = {
    kind: row.kind as AppealKind,
    afterReview: row.after_review === 1,
    result: row.result as AppealResult,
  };
  return {
    ...facts,
    id: row.id,
    applicationId: row.application_id,
    filedOn: row.filed_on,
    decidedOn: row.decided_on,
    authority: row.authority,
    note: row.note,
    source: row.source as Appeal["source"],
    reportColumn: appealColumnKey(facts),
  };
}

/** The appeals of some cases, keyed by application id, in the order they were recorded. */
export async function listAppealsOf(
  db: Db,
  applicationIds: readonly number[],
): Promise<Map<number, Appeal[]>> {
  const byId = new Map<number, Appeal[]>(applicationIds.map((id) => [id, []]));
  for (let i = 0; i < applicationIds.length; i += 500) {
    const rows = await db
      .selectFrom("application_appeals")
      .selectAll()
      .where("application_id", "in", applicationIds.slice(i, i + 500))
      .orderBy("id")
      .execute();
    for (const row of rows) byId.get(row.application_id)?.push(appealOf(row));
  }
  return byId;
}

export async function listAppeals(db: Db, applicationId: number): Promise<Appeal[]> {
  return (await listAppealsOf(db, [applicationId])).get(applicationId) ?? [];
}

interface Ctx {
  actor: CaseActor;
  now: Date;
}

/** Records a 行政复议 or 行政诉讼 over a received case. */
export async function recordAppeal(
  db: Db,
  applicationId: number,
  input: AppealInput,
  ctx: Ctx,
): Promise<number> {
  if (!canHandleApplications(ctx.actor)) throw forbidden("只有依申请公开经办人可以登记复议诉讼。");
  const today = todayInShanghai(ctx.now);
  return inTransaction(db, async (trx) => {
    const row = await findApplication(trx, applicationId);
    if (!row) throw notFound("申请");
    const existing = await listAppeals(trx, applicationId);
    const afterReview = input.kind === "litigation" && input.afterReview;
    const errors = datesProblems(input, row.received_on, today);
    if (afterReview && !existing.some((a) => a.kind === "review")) {
      errors.afterReview = "复议后起诉的,请先登记该申请的行政复议";
    }
    if (Object.keys(errors).length > 0) throw validationError(errors);
    const nowIso = ctx.now.toISOString();
    const { id } = await trx
      .insertInto("application_appeals")
      .values({
        application_id: applicationId,
        kind: input.kind,
        after_review: afterReview ? 1 : 0,
        filed_on: input.filedOn,
        result: input.result,
        decided_on: input.result === "pending" ? null : (input.decidedOn ?? null),
        authority: input.authority ?? "",
        note: input.note ?? "",
        source: "manual",
        created_at: nowIso,
        created_by: ctx.actor.id,
        updated_at: nowIso,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const facts = { kind: input.kind, afterReview, result: input.result };
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "application.record_appeal",
        objectType: "application",
        objectId: applicationId,
        detail: `${row.application_no} 登记${appealLedgerText(facts)}(${input.filedOn})`,
      },
      ctx.now,
    );
    return id;
  });
}

/** Records the outcome of an appeal (or corrects it). */
export async function updateAppealOutcome(
  db: Db,
  applicationId: number,
  appealId: number,
  input: AppealOutcomeInput,
  ctx: Ctx,
): Promise<void> {
  if (!canHandleApplications(ctx.actor)) throw forbidden("只有依申请公开经办人可以登记复议诉讼。");
  const today = todayInShanghai(ctx.now);
  await inTransaction(db, async (trx) => {
    const row = await findApplication(trx, applicationId);
    const appealRow = await trx
      .selectFrom("application_appeals")
      .selectAll()
      .where("id", "=", appealId)
      .where("application_id", "=", applicationId)
      .executeTakeFirst();
    if (!row || !appealRow) throw notFound("复议诉讼记录");
    const errors = datesProblems(
      { ...input, filedOn: appealRow.filed_on ?? undefined },
      null,
      today,
    );
    if (Object.keys(errors).length > 0) throw validationError(errors);
    await trx
      .updateTable("application_appeals")
      .set({
        result: input.result,
        decided_on: input.result === "pending" ? null : (input.decidedOn ?? null),
        ...(input.note !== undefined ? { note: input.note } : {}),
        updated_at: ctx.now.toISOString(),
      })
      .where("id", "=", appealId)
      .execute();
    const appeal = appealOf({ ...appealRow, result: input.result });
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "application.update_appeal",
        objectType: "application",
        objectId: applicationId,
        detail: `${row.application_no} 复议诉讼结果改为:${appealLedgerText(appeal)}`,
      },
      ctx.now,
    );
  });
}

function datesProblems(
  input: { filedOn?: IsoDate; decidedOn?: IsoDate; result: AppealResult },
  receivedOn: IsoDate | null,
  today: IsoDate,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.filedOn && input.filedOn > today) errors.filedOn = `日期不能晚于今天(${today})`;
  else if (input.filedOn && receivedOn && input.filedOn < receivedOn) {
    errors.filedOn = `申请复议或起诉的日期不能早于收到申请之日(${receivedOn})`;
  }
  if (input.decidedOn) {
    if (input.result === "pending") errors.decidedOn = "尚未审结的,不填写结案日期";
    else if (input.decidedOn > today) errors.decidedOn = `日期不能晚于今天(${today})`;
    else if (input.filedOn && input.decidedOn < input.filedOn) {
      errors.decidedOn = "结案日期不能早于申请复议或起诉的日期";
    }
  }
  return errors;
}
