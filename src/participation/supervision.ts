// Consultations closed but still without their 意见采纳情况反馈, for the workbench and the
// year-end supervision (监督考核) dashboard. The due date is a number of working days after the
// closing day (site setting, default 20).
import type { IsoDate } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { loadFeedbackWorkdays } from "./settings";
import type { Db } from "./store";

export interface AwaitingFeedbackRow {
  id: number;
  title: string;
  unitId: number;
  unitName: string;
  closedOn: IsoDate;
  feedbackDueOn: IsoDate;
  overdue: boolean;
}

/** Opened consultations whose closing day is before `today` and that have no published feedback. */
export async function consultationsAwaitingFeedback(
  db: Db,
  options: { today: IsoDate; unitId?: number },
): Promise<AwaitingFeedbackRow[]> {
  let query = db
    .selectFrom("consultations")
    .innerJoin("units", "units.id", "consultations.unit_id")
    .select([
      "consultations.id",
      "consultations.title",
      "consultations.unit_id",
      "units.name as unit_name",
      "consultations.closes_on",
    ])
    .where("consultations.status", "=", "opened")
    .where("consultations.closes_on", "<", options.today)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("consultation_feedbacks")
            .select("consultation_feedbacks.id")
            .whereRef("consultation_feedbacks.consultation_id", "=", "consultations.id"),
        ),
      ),
    )
    .orderBy("consultations.closes_on")
    .orderBy("consultations.id");
  if (options.unitId !== undefined)
    query = query.where("consultations.unit_id", "=", options.unitId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const calendar = await loadWorkCalendar(db);
  const workdays = await loadFeedbackWorkdays(db);
  return rows.map((r) => {
    const feedbackDueOn = calendar.addWorkdays(r.closes_on, workdays);
    return {
      id: r.id,
      title: r.title,
      unitId: r.unit_id,
      unitName: r.unit_name,
      closedOn: r.closes_on,
      feedbackDueOn,
      overdue: options.today > feedbackDueOn,
    };
  });
}

/**
 * The rows the back-office workbench shows a person: a 审核人 sees every unit's, a 信息员 their
 * own unit's, anyone else none.
 */
export async function awaitingFeedbackForWorkbench(
  db: Db,
  user: { roles: readonly string[]; unitId: number },
  today: IsoDate,
): Promise<AwaitingFeedbackRow[]> {
  if (user.roles.includes("reviewer")) return consultationsAwaitingFeedback(db, { today });
  if (user.roles.includes("editor")) {
    return consultationsAwaitingFeedback(db, { today, unitId: user.unitId });
  }
  return [];
}
