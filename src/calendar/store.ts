// The working-day calendar as the product uses it: the shipped State Council schedules, plus
// years imported by administrators, plus single-day corrections. Every change is audited and
// bumps `calendar.revision`, which each server process checks before reusing its cached copy.
// Application deadlines are computed from the calendar on read, so a change to the calendar
// recomputes every open case (条例第三十三条 counts the reply period in 工作日).
import type { Kysely, Transaction } from "kysely";
import { lockSequence } from "../db/dialect";
import type { DB } from "../db/schema";
import { type AuditActor, recordAudit } from "../platform/audit";
import type { ImportedCalendarYear } from "./import-format";
import { officialCalendarData } from "./official-data";
import {
  type CalendarData,
  type CalendarOverride,
  createWorkCalendar,
  type IsoDate,
  type WorkCalendar,
  withImportedYear,
} from "./rules";

export type Db = Kysely<DB> | Transaction<DB>;

/** The site_settings key holding the calendar's change counter. */
export const CALENDAR_REVISION_KEY = "calendar.revision";
/** How long a process trusts its cached calendar before re-reading the revision. */
const REVALIDATE_MS = 2_000;

export interface StoredOverride extends CalendarOverride {
  reason: string;
  createdAt: string;
  createdByName: string | null;
}

export interface ImportedYearSummary {
  year: number;
  holidays: number;
  adjustedWorkdays: number;
  importedAt: string;
  importedByName: string | null;
}

export interface OverrideInput extends CalendarOverride {
  reason: string;
}

export interface CalendarCache {
  /** The calendar as stored, reusing the cached copy while the revision is unchanged. */
  load(db: Kysely<DB>): Promise<WorkCalendar>;
  /** Makes the next loads re-read the revision at once (after a change in this process). */
  markChanged(): void;
}

/**
 * A cache of the built calendar per database handle. The revision is read at most once every
 * `revalidateMs`, and on every load for `revalidateMs` after markChanged(), so a change made in
 * this process is seen as soon as its transaction commits.
 */
export function createCalendarCache(
  options: { revalidateMs?: number; now?: () => number } = {},
): CalendarCache {
  const revalidateMs = options.revalidateMs ?? REVALIDATE_MS;
  const now = options.now ?? (() => performance.now());
  const entries = new WeakMap<
    Kysely<DB>,
    { revision: string; checkedAt: number; calendar: WorkCalendar }
  >();
  let changedAt = Number.NEGATIVE_INFINITY;
  return {
    async load(db) {
      if (db.isTransaction) return buildWorkCalendar(db);
      const at = now();
      const entry = entries.get(db);
      const fresh = entry && at - entry.checkedAt < revalidateMs && at - changedAt >= revalidateMs;
      if (entry && fresh) return entry.calendar;
      const revision = await readRevision(db);
      if (entry && entry.revision === revision) {
        entry.checkedAt = at;
        return entry.calendar;
      }
      const calendar = await buildWorkCalendar(db);
      entries.set(db, { revision, checkedAt: at, calendar });
      return calendar;
    },
    markChanged() {
      changedAt = now();
    },
  };
}

const processCache = createCalendarCache();

/** The working-day calendar for deadlines and the calendar API, cached per process. */
export function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  return db.isTransaction ? buildWorkCalendar(db) : processCache.load(db as Kysely<DB>);
}

/** Reads everything and builds the calendar: official data, then imported years, then overrides. */
export async function buildWorkCalendar(db: Db): Promise<WorkCalendar> {
  const data = await loadCalendarData(db);
  const overrides = await db
    .selectFrom("calendar_overrides")
    .select(["date", "workday", "name"])
    .execute();
  return createWorkCalendar(
    data,
    overrides.map((o) => ({ date: o.date, workday: o.workday === 1, name: o.name })),
  );
}

/** Official schedules with imported years applied in year order (a notice may reach into December before). */
async function loadCalendarData(db: Db): Promise<CalendarData> {
  const years = await db
    .selectFrom("calendar_imported_years")
    .selectAll()
    .orderBy("year")
    .execute();
  let data = officialCalendarData;
  for (const row of years) {
    data = withImportedYear(
      data,
      row.year,
      JSON.parse(row.holidays) as IsoDate[],
      JSON.parse(row.adjusted_workdays) as IsoDate[],
      JSON.parse(row.names) as Record<IsoDate, string>,
    );
  }
  return data;
}

async function readRevision(db: Db): Promise<string> {
  const row = await db
    .selectFrom("site_settings")
    .select("value")
    .where("key", "=", CALENDAR_REVISION_KEY)
    .executeTakeFirst();
  return row?.value ?? "0";
}

/** Serialises calendar writers and bumps the revision; call first inside the change's transaction. */
async function bumpRevision(trx: Transaction<DB>): Promise<void> {
  await lockSequence(trx, CALENDAR_REVISION_KEY);
  const value = String(Number(await readRevision(trx)) + 1);
  await trx
    .insertInto("site_settings")
    .values({ key: CALENDAR_REVISION_KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/** Runs `work` in the caller's transaction or a new one, then tells this process's cache. */
async function inTransaction<T>(db: Db, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const result = db.isTransaction
    ? await work(db as Transaction<DB>)
    : await db.transaction().execute(work);
  processCache.markChanged();
  return result;
}

function describeDay(input: CalendarOverride): string {
  return `${input.date} 设为${input.workday ? "工作日" : "休息日"}${input.name ? `(${input.name})` : ""}`;
}

/** Adds or replaces the correction of one day, audited with the reason given. */
export function saveOverride(
  db: Db,
  actor: AuditActor,
  input: OverrideInput,
  now: Date,
): Promise<void> {
  return inTransaction(db, async (trx) => {
    await bumpRevision(trx);
    const values = {
      workday: input.workday ? 1 : 0,
      name: input.name,
      reason: input.reason,
      created_at: now.toISOString(),
      created_by: actor.id,
    };
    await trx
      .insertInto("calendar_overrides")
      .values({ date: input.date, ...values })
      .onConflict((oc) => oc.column("date").doUpdateSet(values))
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: "calendar.override_saved",
        objectType: "calendar_day",
        objectId: input.date,
        detail: `${describeDay(input)};理由:${input.reason}`,
      },
      now,
    );
  });
}

/** Removes the correction of one day; false when there was none. */
export function removeOverride(
  db: Db,
  actor: AuditActor,
  date: IsoDate,
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const removed = await trx
      .deleteFrom("calendar_overrides")
      .where("date", "=", date)
      .returning(["date", "workday", "name"])
      .executeTakeFirst();
    if (!removed) return false;
    await bumpRevision(trx);
    const was = describeDay({ ...removed, workday: removed.workday === 1 });
    await recordAudit(
      trx,
      actor,
      {
        action: "calendar.override_removed",
        objectType: "calendar_day",
        objectId: date,
        detail: `撤销更正:${was}`,
      },
      now,
    );
    return true;
  });
}

/**
 * Stores whole years' schedules (e.g. the 2027 notice once announced), replacing earlier imports
 * of the same years; all years or none. Each year is checked against the calendar first.
 */
export function importYears(
  db: Db,
  actor: AuditActor,
  years: readonly ImportedCalendarYear[],
  now: Date,
  source = "",
): Promise<void> {
  return inTransaction(db, async (trx) => {
    await bumpRevision(trx);
    let data = await loadCalendarData(trx);
    for (const year of years) {
      data = withImportedYear(data, year.year, year.holidays, year.adjustedWorkdays, year.names);
      const values = {
        holidays: JSON.stringify(year.holidays),
        adjusted_workdays: JSON.stringify(year.adjustedWorkdays),
        names: JSON.stringify(year.names),
        imported_at: now.toISOString(),
        imported_by: actor.id,
      };
      await trx
        .insertInto("calendar_imported_years")
        .values({ year: year.year, ...values })
        .onConflict((oc) => oc.column("year").doUpdateSet(values))
        .execute();
      const from = source ? `,来源:${source}` : "";
      await recordAudit(
        trx,
        actor,
        {
          action: "calendar.year_imported",
          objectType: "calendar_year",
          objectId: year.year,
          detail: `${year.year}年节假日安排:放假 ${year.holidays.length} 天,调休上班 ${year.adjustedWorkdays.length} 天${from}`,
        },
        now,
      );
    }
  });
}

/** Every single-day correction, in date order, with who made it. */
export async function listOverrides(db: Db): Promise<StoredOverride[]> {
  const rows = await db
    .selectFrom("calendar_overrides as o")
    .leftJoin("users as u", "u.id", "o.created_by")
    .select(["o.date", "o.workday", "o.name", "o.reason", "o.created_at", "u.display_name"])
    .orderBy("o.date")
    .execute();
  return rows.map((r) => ({
    date: r.date,
    workday: r.workday === 1,
    name: r.name,
    reason: r.reason,
    createdAt: r.created_at,
    createdByName: r.display_name,
  }));
}

/** Every imported year, newest year first. */
export async function listImportedYears(db: Db): Promise<ImportedYearSummary[]> {
  const rows = await db
    .selectFrom("calendar_imported_years as y")
    .leftJoin("users as u", "u.id", "y.imported_by")
    .select(["y.year", "y.holidays", "y.adjusted_workdays", "y.imported_at", "u.display_name"])
    .orderBy("y.year", "desc")
    .execute();
  return rows.map((r) => ({
    year: r.year,
    holidays: (JSON.parse(r.holidays) as unknown[]).length,
    adjustedWorkdays: (JSON.parse(r.adjusted_workdays) as unknown[]).length,
    importedAt: r.imported_at,
    importedByName: r.display_name,
  }));
}

/**
 * Years whose schedule is missing and matters now: the current year, and from 1 November (the
 * State Council usually announces the next year's schedule in late October or November) the next.
 */
export async function missingScheduleYears(db: Db, today: IsoDate): Promise<number[]> {
  return missingScheduleYearsOf(await loadWorkCalendar(db), today);
}

/** Pure form of missingScheduleYears for a calendar already loaded. */
export function missingScheduleYearsOf(calendar: WorkCalendar, today: IsoDate): number[] {
  const year = Number(today.slice(0, 4));
  const relevant = today.slice(5) >= "11-01" ? [year, year + 1] : [year];
  return relevant.filter((y) => calendar.isProvisional(`${y}-01-01`));
}
