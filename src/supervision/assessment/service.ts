// The year-end assessment of each unit: the facts of every indicator counted from the records,
// cases, messages, consultations, tasks and trainings the system holds (the same queries as the
// dashboard), with the list of items behind each, scored by scoring.ts with the stored weights.
import { todayInShanghai } from "../../calendar/rules";
import { listUnits } from "../../org/store";
import { consultationsAwaitingFeedback } from "../../participation/supervision";
import { listCatalogGaps } from "../../records/service";
import { type DrillItem, listFigureItems } from "../dashboard/drilldown";
import { type Db, overdueMessagesIn } from "../dashboard/queries";
import type { Period } from "../schema";
import {
  INDICATORS,
  type IndicatorFacts,
  type IndicatorKey,
  type ScoreSheet,
  scoreUnit,
  type Weights,
} from "./scoring";
import { loadWeights } from "./weights";

export interface Evidence {
  indicator: IndicatorKey;
  title: string;
  href: string;
  /** Whether the item met the requirement (counts in the numerator). */
  met: boolean;
  detail: string;
}

export interface UnitAssessment {
  unitId: number;
  unitName: string;
  sheet: ScoreSheet;
  evidence: Evidence[];
}

export interface Assessment {
  year: number;
  period: Period;
  today: string;
  weights: Weights;
  units: UnitAssessment[];
}

/** The assessment period of a year: the whole calendar year. */
export function assessmentPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export async function loadAssessment(
  db: Db,
  year: number,
  now: Date,
  options: { unitId?: number } = {},
): Promise<Assessment> {
  const today = todayInShanghai(now);
  const period = assessmentPeriod(year);
  const weights = await loadWeights(db);
  const units = (await listUnits(db)).filter(
    (u) => options.unitId === undefined || u.id === options.unitId,
  );
  const result: UnitAssessment[] = [];
  for (const unit of units) {
    const evidence = await evidenceOf(db, unit.id, period, today);
    const facts = Object.fromEntries(
      INDICATORS.map((key) => {
        const items = evidence.filter((e) => e.indicator === key);
        return [key, { met: items.filter((e) => e.met).length, counted: items.length }];
      }),
    ) as Record<IndicatorKey, IndicatorFacts>;
    result.push({
      unitId: unit.id,
      unitName: unit.name,
      sheet: scoreUnit(weights, facts),
      evidence,
    });
  }
  return { year, period, today, weights, units: result };
}

/** Every item counted for a unit, indicator by indicator (the numerator is the `met` ones). */
async function evidenceOf(
  db: Db,
  unitId: number,
  period: Period,
  today: string,
): Promise<Evidence[]> {
  const out: Evidence[] = [];
  const push = (indicator: IndicatorKey, met: boolean, items: DrillItem[]) => {
    for (const i of items)
      out.push({ indicator, met, title: i.title, href: i.href, detail: i.detail });
  };
  const list = (figure: Parameters<typeof listFigureItems>[1]["figure"]) =>
    listFigureItems(db, { figure, period, today, unit: unitId });

  push("disclosureOnTime", true, await list("records.onTime"));
  push("disclosureOnTime", false, await list("records.late"));
  push("disclosureOnTime", false, await list("records.overdue"));
  await catalogCoverage(db, unitId, period, today, out);
  push("applicationsOnTime", true, await list("applications.onTime"));
  push("applicationsOnTime", false, await list("applications.overdue"));
  await appeals(db, unitId, period, out);
  await feedback(db, unitId, period, today, out);
  await messages(db, unitId, period, today, out);
  await tasks(db, unitId, period, out);
  await trainings(db, unitId, period, out);
  return out;
}

const isProactive = (modeJson: string) => {
  try {
    return (JSON.parse(modeJson) as { proactive?: unknown }).proactive === true;
  } catch {
    return false;
  }
};

async function catalogCoverage(
  db: Db,
  unitId: number,
  period: Period,
  today: string,
  out: Evidence[],
) {
  const gaps = new Set(
    (await listCatalogGaps(db, { from: period.from, to: period.to, today })).map(
      (g) => g.catalogItemId,
    ),
  );
  const items = await db
    .selectFrom("catalog_items")
    .select(["id", "category", "item", "mode"])
    .where("is_active", "=", 1)
    .where("responsible_unit_id", "=", unitId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  for (const item of items.filter((i) => isProactive(i.mode))) {
    const met = !gaps.has(item.id);
    out.push({
      indicator: "catalogCoverage",
      met,
      title: `${item.category} · ${item.item}`,
      href: `/admin/catalog/${item.id}`,
      detail: met ? "期间内有发布" : "期间内未更新",
    });
  }
}

async function appeals(db: Db, unitId: number, period: Period, out: Evidence[]) {
  const rows = await db
    .selectFrom("application_appeals")
    .innerJoin("applications", "applications.id", "application_appeals.application_id")
    .select([
      "application_appeals.application_id",
      "application_appeals.kind",
      "application_appeals.result",
      "application_appeals.decided_on",
      "applications.application_no",
    ])
    .where("applications.unit_id", "=", unitId)
    .where("application_appeals.result", "!=", "pending")
    .where("application_appeals.decided_on", ">=", period.from)
    .where("application_appeals.decided_on", "<=", period.to)
    .orderBy("application_appeals.decided_on")
    .orderBy("application_appeals.id")
    .execute();
  for (const r of rows) {
    out.push({
      indicator: "appealsNotCorrected",
      met: r.result !== "corrected",
      title: `${r.application_no} ${r.kind === "review" ? "行政复议" : "行政诉讼"}`,
      href: `/admin/applications/${r.application_id}/appeals`,
      detail: `${r.decided_on} 审结,${r.result === "corrected" ? "被纠正" : r.result === "upheld" ? "维持" : "其他结果"}`,
    });
  }
}

async function feedback(db: Db, unitId: number, period: Period, today: string, out: Evidence[]) {
  // The same set consultationsAwaitingFeedback looks at: opened and closed before today.
  const closed = await db
    .selectFrom("consultations")
    .select(["id", "title", "closes_on"])
    .where("unit_id", "=", unitId)
    .where("status", "=", "opened")
    .where("closes_on", "<", today)
    .where("closes_on", ">=", period.from)
    .where("closes_on", "<=", period.to)
    .orderBy("closes_on")
    .orderBy("id")
    .execute();
  const missing = new Set(
    (await consultationsAwaitingFeedback(db, { today, unitId })).map((c) => c.id),
  );
  for (const c of closed) {
    const met = !missing.has(c.id);
    out.push({
      indicator: "feedbackPublished",
      met,
      title: c.title,
      href: `/admin/consultations/${c.id}`,
      detail: `截止 ${c.closes_on},${met ? "已公开反馈" : "未公开反馈"}`,
    });
  }
}

async function messages(db: Db, unitId: number, period: Period, today: string, out: Evidence[]) {
  const replied = await db
    .selectFrom("messages")
    .select(["id", "message_no", "due_on", "replied_on"])
    .where("unit_id", "=", unitId)
    .where("state", "=", "replied")
    .where("replied_on", ">=", period.from)
    .where("replied_on", "<=", period.to)
    .orderBy("replied_on")
    .orderBy("id")
    .execute();
  for (const m of replied) {
    const met = m.replied_on! <= m.due_on;
    out.push({
      indicator: "messagesOnTime",
      met,
      title: m.message_no,
      href: `/admin/messages/${m.id}`,
      detail: `答复期限 ${m.due_on},答复日期 ${m.replied_on}`,
    });
  }
  for (const m of await overdueMessagesIn(db, { period, today, unitId })) {
    out.push({
      indicator: "messagesOnTime",
      met: false,
      title: m.messageNo,
      href: `/admin/messages/${m.id}`,
      detail: `答复期限 ${m.dueOn},尚未答复`,
    });
  }
}

async function tasks(db: Db, unitId: number, period: Period, out: Evidence[]) {
  const rows = await db
    .selectFrom("supervision_assignments")
    .innerJoin("supervision_tasks", "supervision_tasks.id", "supervision_assignments.task_id")
    .select([
      "supervision_assignments.task_id",
      "supervision_assignments.due_on",
      "supervision_assignments.status",
      "supervision_assignments.done_on",
      "supervision_tasks.title",
    ])
    .where("supervision_assignments.unit_id", "=", unitId)
    .where("supervision_assignments.due_on", ">=", period.from)
    .where("supervision_assignments.due_on", "<=", period.to)
    .orderBy("supervision_assignments.due_on")
    .orderBy("supervision_assignments.id")
    .execute();
  for (const r of rows) {
    const met = r.status === "done" && r.done_on !== null && r.done_on <= r.due_on;
    out.push({
      indicator: "tasksCompleted",
      met,
      title: r.title,
      href: `/admin/supervision/tasks/${r.task_id}`,
      detail: `期限 ${r.due_on},${r.done_on ? `${r.done_on} 完成` : "未完成"}`,
    });
  }
}

async function trainings(db: Db, unitId: number, period: Period, out: Evidence[]) {
  const rows = await db
    .selectFrom("supervision_trainings")
    .select(["id", "topic", "held_on"])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("supervision_training_attendees as a")
            .select("a.id")
            .whereRef("a.training_id", "=", "supervision_trainings.id")
            .where("a.unit_id", "=", unitId),
        )
        .as("attended"),
    )
    .where("held_on", ">=", period.from)
    .where("held_on", "<=", period.to)
    .orderBy("held_on")
    .orderBy("id")
    .execute();
  for (const r of rows) {
    const met = Boolean(Number(r.attended));
    out.push({
      indicator: "trainingAttended",
      met,
      title: r.topic,
      href: `/admin/supervision/trainings/${r.id}`,
      detail: `${r.held_on},${met ? "有人参加" : "无人参加"}`,
    });
  }
}
