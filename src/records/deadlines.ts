// Supervision of 公开时限: records due soon or overdue, and catalog items left without a published
// record in a period (栏目不更新 / 应公开未公开). 条例第二十六条
import type { IsoDate, WorkCalendar } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { DUE_SOON_WORKDAYS, dueStatusOf } from "./due-dates";
import { publishDueScheduledRecords } from "./publish";
import type { Db } from "./store";
import type { RecordState } from "./tables";

/** The working-day calendar records use: the shipped schedules plus the administrators' changes. */
export function calendarFor(db: Db): Promise<WorkCalendar> {
  return loadWorkCalendar(db);
}

const UNPUBLISHED: RecordState[] = ["draft", "in_review", "awaiting_signoff", "scheduled"];

export interface DueRecord {
  id: number;
  title: string;
  state: RecordState;
  unitId: number;
  catalogItemId: number | null;
  formedOn: string;
  dueOn: string;
  /** Working days left (due soon) or past the due date (overdue). */
  workdays: number;
}

export interface DueRecords {
  overdue: DueRecord[];
  dueSoon: DueRecord[];
}

/**
 * Unpublished records whose 应公开日期 has passed (overdue) or is at most three working days away
 * (due soon), optionally of one unit, soonest first.
 */
export async function listDueRecords(
  db: Db,
  options: { unitId?: number; today: IsoDate; now?: Date },
): Promise<DueRecords> {
  if (options.now) await publishDueScheduledRecords(db, options.now);
  const calendar = await calendarFor(db);
  const horizon = calendar.addWorkdays(options.today, DUE_SOON_WORKDAYS);
  let query = db
    .selectFrom("records")
    .select(["id", "title", "state", "unit_id", "catalog_item_id", "formed_on", "due_on"])
    .where("state", "in", UNPUBLISHED)
    .where("due_on", "is not", null)
    .where("due_on", "<=", horizon)
    .orderBy("due_on")
    .orderBy("id");
  if (options.unitId !== undefined) query = query.where("unit_id", "=", options.unitId);
  const result: DueRecords = { overdue: [], dueSoon: [] };
  for (const row of await query.execute()) {
    const status = dueStatusOf(row.due_on!, options.today, calendar);
    if (!status) continue;
    const base = {
      id: row.id,
      title: row.title,
      state: row.state,
      unitId: row.unit_id,
      catalogItemId: row.catalog_item_id,
      formedOn: row.formed_on,
      dueOn: row.due_on!,
    };
    if (status.kind === "overdue")
      result.overdue.push({ ...base, workdays: status.workdaysOverdue });
    else result.dueSoon.push({ ...base, workdays: status.workdaysLeft });
  }
  return result;
}

export interface CatalogGap {
  catalogItemId: number;
  code: string;
  category: string;
  item: string;
  responsibleUnit: string;
  responsibleUnitId: number | null;
  deadlineText: string;
  /** The last 发布日期 of a record under the item up to the end of the period, if any. */
  lastPublishedOn: string | null;
  /** Records under the item not published by their due date as of `today` (应公开未公开). */
  overdueRecords: number;
}

/**
 * Active, proactively disclosed catalog items with no record published from `from` to `to`
 * (inclusive): the columns that were not updated. Withdrawn records do not count as published.
 */
export async function listCatalogGaps(
  db: Db,
  options: { from: IsoDate; to: IsoDate; today: IsoDate; now?: Date },
): Promise<CatalogGap[]> {
  if (options.now) await publishDueScheduledRecords(db, options.now);
  const items = await db
    .selectFrom("catalog_items")
    .select(["id", "code", "category", "item", "responsible_unit", "responsible_unit_id"])
    .select(["deadline_text", "mode"])
    .where("is_active", "=", 1)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  const published = await db
    .selectFrom("records")
    .select(["catalog_item_id", (eb) => eb.fn.max("published_on").as("last")])
    .where("state", "=", "published")
    .where("catalog_item_id", "is not", null)
    .where("published_on", "<=", options.to)
    .groupBy("catalog_item_id")
    .execute();
  const overdue = await db
    .selectFrom("records")
    .select(["catalog_item_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("state", "in", UNPUBLISHED)
    .where("due_on", "<", options.today)
    .where("catalog_item_id", "is not", null)
    .groupBy("catalog_item_id")
    .execute();
  const lastOf = new Map(published.map((r) => [r.catalog_item_id, r.last as string | null]));
  const overdueOf = new Map(overdue.map((r) => [r.catalog_item_id, Number(r.n)]));
  return items
    .filter((item) => isProactive(item.mode))
    .filter((item) => {
      const last = lastOf.get(item.id) ?? null;
      return last === null || last < options.from;
    })
    .map((item) => ({
      catalogItemId: item.id,
      code: item.code,
      category: item.category,
      item: item.item,
      responsibleUnit: item.responsible_unit,
      responsibleUnitId: item.responsible_unit_id,
      deadlineText: item.deadline_text,
      lastPublishedOn: lastOf.get(item.id) ?? null,
      overdueRecords: overdueOf.get(item.id) ?? 0,
    }));
}

// 公开方式 ticked 主动; "unverified" is not counted, so a doubtful row never raises an alarm.
function isProactive(modeJson: string): boolean {
  try {
    return (JSON.parse(modeJson) as { proactive?: unknown }).proactive === true;
  } catch {
    return false;
  }
}
