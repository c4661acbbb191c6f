// The compliance dashboard's figures per unit and per catalog item for a period, aggregated in
// SQL (GROUP BY with SUM(CASE …)); only the short exception lists of other domains (consultations
// without feedback, late messages, late 双公示 entries) are grouped here.
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { messagesAnsweredLate, overdueMessages } from "../../messages/supervision";
import { listUnits } from "../../org/store";
import { consultationsAwaitingFeedback } from "../../participation/supervision";
import { publicityOverdue } from "../../publicity/year-counts";
import { type CatalogGap, listCatalogGaps } from "../../records/service";
import { resultLabel } from "../../requests/results";
import type { Period } from "../schema";
import {
  APPLICATION_FIGURES,
  type ApplicationFigure,
  RECORD_FIGURES,
  type RecordFigure,
} from "./figures";
import {
  applicationFigureIs,
  applicationsReceivedIn,
  policyWithoutInterpretation,
  recordFigureIs,
  recordsDueIn,
} from "./predicates";

export type Db = Kysely<DB>;

export interface DashboardOptions {
  period: Period;
  today: string;
  /** Only this unit's figures; undefined: every unit. */
  unitId?: number;
}

export type RecordCounts = Record<RecordFigure, number>;
export type ApplicationCounts = Record<ApplicationFigure, number>;

export interface UnitFigures {
  /** null: applications not yet assigned to a unit, or catalog items without a responsible unit. */
  unitId: number | null;
  unitName: string;
  records: RecordCounts;
  catalogGaps: number;
  applications: ApplicationCounts;
  consultationsNoFeedback: number;
  messagesLate: number;
  messagesOverdue: number;
  policiesNoInterpretation: number;
  publicityLate: number;
}

export interface CatalogItemFigures {
  catalogItemId: number;
  label: string;
  responsibleUnitId: number | null;
  records: RecordCounts;
  /** No record under the item published in the period (栏目不更新). */
  isGap: boolean;
  lastPublishedOn: string | null;
}

export interface Dashboard {
  period: Period;
  today: string;
  unitId: number | undefined;
  totals: UnitFigures;
  units: UnitFigures[];
  catalogItems: CatalogItemFigures[];
  applicationResults: { key: string; label: string; count: number }[];
}

const zeroRecords = (): RecordCounts => ({ due: 0, onTime: 0, late: 0, overdue: 0, pending: 0 });
const zeroApplications = (): ApplicationCounts => ({
  received: 0,
  onTime: 0,
  overdue: 0,
  extended: 0,
});

function emptyFigures(unitId: number | null, unitName: string): UnitFigures {
  return {
    unitId,
    unitName,
    records: zeroRecords(),
    catalogGaps: 0,
    applications: zeroApplications(),
    consultationsNoFeedback: 0,
    messagesLate: 0,
    messagesOverdue: 0,
    policiesNoInterpretation: 0,
    publicityLate: 0,
  };
}

const inPeriod = (date: string, p: Period) => date >= p.from && date <= p.to;

/** Everything the dashboard shows, for the office (all units) or one unit. */
export async function loadDashboard(db: Db, options: DashboardOptions): Promise<Dashboard> {
  const { period, today, unitId } = options;
  const units = (await listUnits(db)).filter((u) => unitId === undefined || u.id === unitId);
  const byUnit = new Map<number | null, UnitFigures>(
    units.map((u) => [u.id, emptyFigures(u.id, u.name)]),
  );
  const figuresOf = (id: number | null) => {
    let f = byUnit.get(id);
    if (!f) {
      f = emptyFigures(id, id === null ? "未分办或未指定单位" : `单位 ${id}`);
      byUnit.set(id, f);
    }
    return f;
  };

  const recordRows = await recordCountsByUnitAndItem(db, options);
  const items = await catalogItemsFigures(db, options, recordRows);
  for (const row of recordRows) {
    const f = figuresOf(row.unitId);
    for (const key of RECORD_FIGURES) f.records[key] += row.counts[key];
  }
  for (const item of items) if (item.isGap) figuresOf(item.responsibleUnitId).catalogGaps++;
  for (const row of await applicationCountsByUnit(db, options)) {
    const f = figuresOf(row.unitId);
    for (const key of APPLICATION_FIGURES) f.applications[key] += row.counts[key];
  }
  for (const row of await policyCountsByUnit(db, options)) {
    figuresOf(row.unitId).policiesNoInterpretation += row.n;
  }
  for (const c of await consultationsWithoutFeedback(db, options)) {
    figuresOf(c.unitId).consultationsNoFeedback++;
  }
  for (const m of await messagesAnsweredLate(db, { from: period.from, to: period.to, unitId })) {
    figuresOf(m.unitId).messagesLate++;
  }
  for (const m of await overdueMessagesIn(db, options)) figuresOf(m.unitId).messagesOverdue++;
  for (const e of await latePublicity(db, options)) figuresOf(e.unitId).publicityLate++;

  const rows = [...byUnit.values()].filter((f) => f.unitId !== null || hasAnything(f));
  return {
    period,
    today,
    unitId,
    totals: sumFigures(rows),
    units: rows,
    catalogItems: items,
    applicationResults: await applicationResults(db, options),
  };
}

function hasAnything(f: UnitFigures): boolean {
  return (
    Object.values(f.records).some((n) => n > 0) ||
    Object.values(f.applications).some((n) => n > 0) ||
    f.catalogGaps +
      f.consultationsNoFeedback +
      f.messagesLate +
      f.messagesOverdue +
      f.policiesNoInterpretation +
      f.publicityLate >
      0
  );
}

function sumFigures(rows: readonly UnitFigures[]): UnitFigures {
  const total = emptyFigures(null, "合计");
  for (const f of rows) {
    for (const key of RECORD_FIGURES) total.records[key] += f.records[key];
    for (const key of APPLICATION_FIGURES) total.applications[key] += f.applications[key];
    total.catalogGaps += f.catalogGaps;
    total.consultationsNoFeedback += f.consultationsNoFeedback;
    total.messagesLate += f.messagesLate;
    total.messagesOverdue += f.messagesOverdue;
    total.policiesNoInterpretation += f.policiesNoInterpretation;
    total.publicityLate += f.publicityLate;
  }
  return total;
}

interface RecordCountRow {
  unitId: number;
  catalogItemId: number | null;
  counts: RecordCounts;
}

/** One GROUP BY over the records due in the period: counts per unit and catalog item. */
async function recordCountsByUnitAndItem(
  db: Db,
  { period, today, unitId }: DashboardOptions,
): Promise<RecordCountRow[]> {
  let query = db
    .selectFrom("records")
    .select(["records.unit_id", "records.catalog_item_id"])
    .select((eb) =>
      RECORD_FIGURES.map((figure) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(recordFigureIs(eb, figure, today))
              .then(1)
              .else(0)
              .end(),
          )
          .as(figure),
      ),
    )
    .where((eb) => recordsDueIn(eb, period))
    .groupBy(["records.unit_id", "records.catalog_item_id"]);
  if (unitId !== undefined) query = query.where("records.unit_id", "=", unitId);
  const rows = await query.execute();
  return rows.map((r) => {
    const row = r as unknown as Record<RecordFigure, number | string | null>;
    const counts = zeroRecords();
    for (const key of RECORD_FIGURES) counts[key] = Number(row[key] ?? 0);
    return { unitId: r.unit_id, catalogItemId: r.catalog_item_id, counts };
  });
}

/**
 * Per catalog item: the records due in the period and whether the item went without any
 * publication in it (listCatalogGaps, src/records/deadlines.ts). With a unit filter, the items
 * the unit answers for or has records under.
 */
async function catalogItemsFigures(
  db: Db,
  { period, today, unitId }: DashboardOptions,
  recordRows: readonly RecordCountRow[],
): Promise<CatalogItemFigures[]> {
  const gaps = new Map<number, CatalogGap>(
    (await listCatalogGaps(db, { from: period.from, to: period.to, today })).map((g) => [
      g.catalogItemId,
      g,
    ]),
  );
  const items = await db
    .selectFrom("catalog_items")
    .select(["id", "category", "item", "seq", "responsible_unit_id", "is_active", "sort_order"])
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  const countsOf = new Map<number, RecordCounts>();
  for (const row of recordRows) {
    if (row.catalogItemId === null) continue;
    const counts = countsOf.get(row.catalogItemId) ?? zeroRecords();
    for (const key of RECORD_FIGURES) counts[key] += row.counts[key];
    countsOf.set(row.catalogItemId, counts);
  }
  return items
    .filter((item) => {
      const relevant = gaps.has(item.id) || countsOf.has(item.id);
      if (!relevant) return item.is_active === 1 && unitId === undefined;
      if (unitId === undefined) return true;
      return item.responsible_unit_id === unitId || countsOf.has(item.id);
    })
    .map((item) => {
      const gap = gaps.get(item.id);
      const isGap = !!gap && (unitId === undefined || item.responsible_unit_id === unitId);
      return {
        catalogItemId: item.id,
        label: `${item.seq ?? "—"} ${item.category} · ${item.item}`,
        responsibleUnitId: item.responsible_unit_id,
        records: countsOf.get(item.id) ?? zeroRecords(),
        isGap,
        lastPublishedOn: gap?.lastPublishedOn ?? null,
      };
    });
}

async function applicationCountsByUnit(
  db: Db,
  { period, today, unitId }: DashboardOptions,
): Promise<{ unitId: number | null; counts: ApplicationCounts }[]> {
  let query = db
    .selectFrom("applications")
    .select("applications.unit_id")
    .select((eb) =>
      APPLICATION_FIGURES.map((figure) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(applicationFigureIs(eb, figure, today))
              .then(1)
              .else(0)
              .end(),
          )
          .as(figure),
      ),
    )
    .where((eb) => applicationsReceivedIn(eb, period))
    .groupBy("applications.unit_id");
  if (unitId !== undefined) query = query.where("applications.unit_id", "=", unitId);
  const rows = await query.execute();
  return rows.map((r) => {
    const row = r as unknown as Record<ApplicationFigure, number | string | null>;
    const counts = zeroApplications();
    for (const key of APPLICATION_FIGURES) counts[key] = Number(row[key] ?? 0);
    return { unitId: r.unit_id, counts };
  });
}

async function applicationResults(
  db: Db,
  { period, unitId }: DashboardOptions,
): Promise<Dashboard["applicationResults"]> {
  let query = db
    .selectFrom("applications")
    .select(["applications.result_key", (eb) => eb.fn.countAll<number>().as("n")])
    .where((eb) => applicationsReceivedIn(eb, period))
    .where("applications.result_key", "is not", null)
    .groupBy("applications.result_key")
    .orderBy("applications.result_key");
  if (unitId !== undefined) query = query.where("applications.unit_id", "=", unitId);
  return (await query.execute()).map((r) => ({
    key: r.result_key!,
    label: safeResultLabel(r.result_key!),
    count: Number(r.n),
  }));
}

export function safeResultLabel(key: string): string {
  try {
    return resultLabel(key as never) || key;
  } catch {
    return key;
  }
}

async function policyCountsByUnit(
  db: Db,
  { period, unitId }: DashboardOptions,
): Promise<{ unitId: number; n: number }[]> {
  let query = db
    .selectFrom("records")
    .select(["records.unit_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where((eb) => policyWithoutInterpretation(eb, period))
    .groupBy("records.unit_id");
  if (unitId !== undefined) query = query.where("records.unit_id", "=", unitId);
  return (await query.execute()).map((r) => ({ unitId: r.unit_id, n: Number(r.n) }));
}

/** Consultations closed in the period and still without their 采纳情况反馈. */
export async function consultationsWithoutFeedback(db: Db, options: DashboardOptions) {
  const rows = await consultationsAwaitingFeedback(db, {
    today: options.today,
    unitId: options.unitId,
  });
  return rows.filter((r) => inPeriod(r.closedOn, options.period));
}

/** Messages not answered whose due day is in the period and already past. */
export async function overdueMessagesIn(db: Db, options: DashboardOptions) {
  const rows = await overdueMessages(db, { today: options.today, unitId: options.unitId });
  return rows.filter((r) => inPeriod(r.dueOn, options.period));
}

export interface LatePublicityEntry {
  type: "licence" | "penalty";
  id: number;
  number: string;
  subjectName: string;
  publishByOn: string;
  publishedOn: string | null;
  unitId: number | null;
}

/**
 * 双公示 entries whose 应公示日期 falls in the period and that were published after it or not at
 * all (publicityOverdue, src/publicity/year-counts.ts), counted for the unit answering for the
 * entry's catalog item.
 */
export async function latePublicity(
  db: Db,
  options: DashboardOptions,
): Promise<LatePublicityEntry[]> {
  const entries = (await publicityOverdue(db, { today: options.today })).filter((e) =>
    inPeriod(e.publishByOn, options.period),
  );
  if (entries.length === 0) return [];
  const unitOfItem = new Map(
    (await db.selectFrom("catalog_items").select(["id", "responsible_unit_id"]).execute()).map(
      (r) => [r.id, r.responsible_unit_id],
    ),
  );
  const itemOf = new Map<string, number>();
  for (const table of ["publicity_licences", "publicity_penalties"] as const) {
    const ids = entries.filter((e) => (e.type === "licence") === (table === "publicity_licences"));
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom(table)
        .select(["id", "catalog_item_id"])
        .where(
          "id",
          "in",
          ids.slice(i, i + 500).map((e) => e.id),
        )
        .execute();
      for (const r of rows) itemOf.set(`${table}:${r.id}`, r.catalog_item_id);
    }
  }
  return entries
    .map((e) => {
      const table = e.type === "licence" ? "publicity_licences" : "publicity_penalties";
      const item = itemOf.get(`${table}:${e.id}`);
      return {
        type: e.type,
        id: e.id,
        number: e.number,
        subjectName: e.subjectName,
        publishByOn: e.publishByOn,
        publishedOn: e.publishedOn,
        unitId: item === undefined ? null : (unitOfItem.get(item) ?? null),
      };
    })
    .filter((e) => options.unitId === undefined || e.unitId === options.unitId);
}
