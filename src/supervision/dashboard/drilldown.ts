// The items behind one dashboard figure: the same conditions as the counts (predicates.ts), or
// the same exception lists, so the list always holds exactly what the figure counted. Each item
// links to its own back-office page.

import { messagesAnsweredLate } from "../../messages/supervision";
import { listUnits } from "../../org/store";
import { listCatalogGaps } from "../../records/service";
import { recordStateLabels } from "../labels";
import type { Period } from "../schema";
import type { FigureKey, RecordFigure } from "./figures";
import {
  applicationFigureIs,
  applicationsReceivedIn,
  policyWithoutInterpretation,
  recordFigureIs,
  recordsDueIn,
} from "./predicates";
import {
  consultationsWithoutFeedback,
  type Db,
  latePublicity,
  overdueMessagesIn,
  safeResultLabel,
} from "./queries";

export interface DrillOptions {
  figure: FigureKey;
  period: Period;
  today: string;
  /** A unit; null: items without a unit (unassigned cases, items without a responsible unit). */
  unit?: number | null;
  catalogItemId?: number;
  resultKey?: string;
}

export interface DrillItem {
  href: string;
  title: string;
  unitName: string;
  /** Dates and states that explain why the item is counted, e.g. 应公开日期 …,发布日期 …. */
  detail: string;
}

const unitMatches = (unitId: number | null, unit: number | null | undefined) =>
  unit === undefined || unitId === unit;

/** Every item behind the figure, in a stable order (dates, then id). */
export async function listFigureItems(db: Db, options: DrillOptions): Promise<DrillItem[]> {
  const names = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  const nameOf = (id: number | null) =>
    id === null ? "未分办或未指定单位" : (names.get(id) ?? "");
  const [area, figure] = options.figure.split(".") as [string, string];
  switch (area) {
    case "records":
      return recordItems(db, options, figure as RecordFigure, nameOf);
    case "policies":
      return policyItems(db, options, nameOf);
    case "applications":
      return applicationItems(db, options, nameOf);
    case "catalog": {
      const gaps = await listCatalogGaps(db, {
        from: options.period.from,
        to: options.period.to,
        today: options.today,
      });
      return gaps
        .filter((g) => unitMatches(g.responsibleUnitId, options.unit))
        .filter((g) => !options.catalogItemId || g.catalogItemId === options.catalogItemId)
        .map((g) => ({
          href: `/admin/catalog/${g.catalogItemId}`,
          title: `${g.category} · ${g.item}`,
          unitName: nameOf(g.responsibleUnitId),
          detail: g.lastPublishedOn ? `最近发布 ${g.lastPublishedOn}` : "从未发布",
        }));
    }
    default:
      return otherItems(db, options, nameOf);
  }
}

async function recordItems(
  db: Db,
  options: DrillOptions,
  figure: RecordFigure,
  nameOf: (id: number | null) => string,
): Promise<DrillItem[]> {
  if (options.unit === null) return [];
  let query = db
    .selectFrom("records")
    .select(["id", "title", "unit_id", "state", "due_on", "published_on"])
    .where((eb) => recordsDueIn(eb, options.period))
    .where((eb) => recordFigureIs(eb, figure, options.today))
    .orderBy("due_on")
    .orderBy("id");
  if (options.unit !== undefined) query = query.where("unit_id", "=", options.unit);
  if (options.catalogItemId) query = query.where("catalog_item_id", "=", options.catalogItemId);
  return (await query.execute()).map((r) => ({
    href: `/admin/records/${r.id}`,
    title: r.title,
    unitName: nameOf(r.unit_id),
    detail: `应公开日期 ${r.due_on}${r.published_on ? `,发布日期 ${r.published_on}` : ""},${recordStateLabels[r.state]}`,
  }));
}

async function policyItems(
  db: Db,
  options: DrillOptions,
  nameOf: (id: number | null) => string,
): Promise<DrillItem[]> {
  if (options.unit === null) return [];
  let query = db
    .selectFrom("records")
    .select(["id", "title", "unit_id", "published_on", "doc_no"])
    .where((eb) => policyWithoutInterpretation(eb, options.period))
    .orderBy("published_on")
    .orderBy("id");
  if (options.unit !== undefined) query = query.where("unit_id", "=", options.unit);
  return (await query.execute()).map((r) => ({
    href: `/admin/records/${r.id}`,
    title: r.doc_no ? `${r.title}(${r.doc_no})` : r.title,
    unitName: nameOf(r.unit_id),
    detail: `发布日期 ${r.published_on}`,
  }));
}

async function applicationItems(
  db: Db,
  options: DrillOptions,
  nameOf: (id: number | null) => string,
): Promise<DrillItem[]> {
  const figure = options.figure.split(".")[1]!;
  let query = db
    .selectFrom("applications")
    .select(["id", "application_no", "unit_id", "received_on", "due_date", "closed_on"])
    .select("result_key")
    .where((eb) => applicationsReceivedIn(eb, options.period))
    .orderBy("received_on")
    .orderBy("id");
  if (figure === "result") {
    query = query.where("result_key", "=", options.resultKey ?? "");
  } else {
    const f = figure as "received" | "onTime" | "overdue" | "extended";
    query = query.where((eb) => applicationFigureIs(eb, f, options.today));
  }
  if (options.unit === null) query = query.where("unit_id", "is", null);
  else if (options.unit !== undefined) query = query.where("unit_id", "=", options.unit);
  return (await query.execute()).map((r) => ({
    href: `/admin/applications/${r.id}`,
    title: r.application_no,
    unitName: nameOf(r.unit_id),
    detail: [
      `收到 ${r.received_on}`,
      r.due_date ? `答复期限 ${r.due_date}` : "",
      r.closed_on ? `办结 ${r.closed_on}` : "未办结",
      r.result_key ? safeResultLabel(r.result_key) : "",
    ]
      .filter(Boolean)
      .join(","),
  }));
}

async function otherItems(
  db: Db,
  options: DrillOptions,
  nameOf: (id: number | null) => string,
): Promise<DrillItem[]> {
  const base = {
    period: options.period,
    today: options.today,
    unitId: options.unit ?? undefined,
  };
  const keep = <T extends { unitId: number | null }>(rows: T[]) =>
    rows.filter((r) => unitMatches(r.unitId, options.unit));
  switch (options.figure) {
    case "consultations.noFeedback":
      return keep(await consultationsWithoutFeedback(db, base)).map((c) => ({
        href: `/admin/consultations/${c.id}`,
        title: c.title,
        unitName: nameOf(c.unitId),
        detail: `截止 ${c.closedOn},反馈应于 ${c.feedbackDueOn} 前公开${c.overdue ? "(已逾期)" : ""}`,
      }));
    case "messages.late":
      return keep(
        await messagesAnsweredLate(db, {
          from: base.period.from,
          to: base.period.to,
          unitId: base.unitId,
        }),
      ).map((m) => ({
        href: `/admin/messages/${m.id}`,
        title: m.messageNo,
        unitName: nameOf(m.unitId),
        detail: `答复期限 ${m.dueOn},答复日期 ${m.repliedOn}`,
      }));
    case "messages.overdue":
      return keep(await overdueMessagesIn(db, base)).map((m) => ({
        href: `/admin/messages/${m.id}`,
        title: m.messageNo,
        unitName: nameOf(m.unitId),
        detail: `收到 ${m.receivedOn},答复期限 ${m.dueOn},尚未答复`,
      }));
    case "publicity.late":
      return keep(await latePublicity(db, base)).map((e) => ({
        href: `/admin/publicity/${e.type === "licence" ? "licences" : "penalties"}/${e.id}`,
        title: `${e.type === "licence" ? "行政许可" : "行政处罚"} ${e.number}`,
        unitName: nameOf(e.unitId),
        detail: `应公示日期 ${e.publishByOn}${e.publishedOn ? `,公示日期 ${e.publishedOn}` : ",尚未公示"}`,
      }));
    default:
      return [];
  }
}
