import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../test/support/database";
import { connectDatabase, type Database } from "../db/database";
import type { AuditActor } from "../platform/audit";
import { parseCalendarImport } from "./import-format";
import {
  CALENDAR_REVISION_KEY,
  createCalendarCache,
  importYears,
  listImportedYears,
  listOverrides,
  loadWorkCalendar,
  missingScheduleYears,
  removeOverride,
  saveOverride,
} from "./store";

const actor: AuditActor = { id: null, name: "calendar-test", ip: "127.0.0.1" };
const now = new Date("2026-11-05T02:00:00Z");

// A made-up 2027 schedule for tests only (the real notice has not been published).
const schedule2027 = JSON.stringify({
  years: {
    "2027": {
      holidays: ["2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"],
      adjusted_workdays: ["2027-02-20"],
      festivals: [
        { name: "元旦", start: "2027-01-01", end: "2027-01-01", adjusted_workdays: [] },
        {
          name: "春节",
          start: "2027-02-06",
          end: "2027-02-09",
          adjusted_workdays: ["2027-02-20"],
        },
      ],
    },
  },
});

function parsedYears(text: string) {
  const parsed = parseCalendarImport(text);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.years;
}

async function auditActions(t: TestDatabase, objectId: string) {
  const rows = await t.db
    .selectFrom("audit_log")
    .select(["action", "actor_name", "detail"])
    .where("object_id", "=", objectId)
    .orderBy("id")
    .execute();
  return rows;
}

/** A second connection to the same database, as another server process would hold. */
function secondConnection(t: TestDatabase): Database {
  return connectDatabase({ databaseUrl: t.url, sqlitePath: t.sqlitePath ?? "" });
}

describe("calendar store", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.destroy());

  it("an override changes isWorkday at once, is listed and is audited with its reason", async () => {
    assert.equal((await loadWorkCalendar(t.db)).isWorkday("2025-05-06"), true);
    await saveOverride(
      t.db,
      actor,
      { date: "2025-05-06", workday: false, name: "防汛", reason: "县政府通知" },
      now,
    );
    const calendar = await loadWorkCalendar(t.db);
    assert.equal(calendar.isWorkday("2025-05-06"), false);
    assert.equal(calendar.day("2025-05-06").name, "防汛");
    assert.equal(calendar.addWorkdays("2025-05-05", 1), "2025-05-07");
    const [listed] = await listOverrides(t.db);
    assert.equal(listed?.date, "2025-05-06");
    assert.equal(listed?.reason, "县政府通知");
    const audit = await auditActions(t, "2025-05-06");
    assert.deepEqual(
      audit.map((a) => [a.action, a.actor_name]),
      [["calendar.override_saved", "calendar-test"]],
    );
    assert.match(audit[0]!.detail, /休息日.*防汛.*县政府通知/);
  });

  it("removing an override restores the schedule and is audited; removing none changes nothing", async () => {
    await saveOverride(
      t.db,
      actor,
      { date: "2025-05-05", workday: true, name: null, reason: "测试" },
      now,
    );
    assert.equal((await loadWorkCalendar(t.db)).isWorkday("2025-05-05"), true);
    assert.equal(await removeOverride(t.db, actor, "2025-05-05", now), true);
    assert.equal((await loadWorkCalendar(t.db)).isWorkday("2025-05-05"), false);
    assert.equal(await removeOverride(t.db, actor, "2025-05-05", now), false);
    const audit = await auditActions(t, "2025-05-05");
    assert.deepEqual(
      audit.map((a) => a.action),
      ["calendar.override_saved", "calendar.override_removed"],
    );
  });

  it("importing a 2027 schedule makes 2027 non-provisional, and it is audited", async () => {
    const before = await loadWorkCalendar(t.db);
    assert.equal(before.isProvisional("2027-02-08"), true);
    assert.equal(before.isWorkday("2027-02-08"), true);
    assert.deepEqual(await missingScheduleYears(t.db, "2026-11-05"), [2027]);

    await importYears(t.db, actor, parsedYears(schedule2027), now, "2027.json");

    const calendar = await loadWorkCalendar(t.db);
    assert.equal(calendar.isProvisional("2027-02-08"), false);
    assert.deepEqual(calendar.day("2027-02-08"), {
      date: "2027-02-08",
      workday: false,
      name: "春节",
      provisional: false,
    });
    assert.equal(calendar.isWorkday("2027-02-20"), true);
    assert.equal(calendar.day("2027-02-20").name, "春节调休上班");
    assert.deepEqual(await missingScheduleYears(t.db, "2026-11-05"), []);
    const [summary] = await listImportedYears(t.db);
    assert.equal(summary?.year, 2027);
    assert.equal(summary?.holidays, 5);
    assert.equal(summary?.adjustedWorkdays, 1);
    const audit = await auditActions(t, "2027");
    assert.equal(audit[0]?.action, "calendar.year_imported");
    assert.match(audit[0]!.detail, /放假 5 天,调休上班 1 天.*2027\.json/);
  });

  it("an import is all or nothing: a bad year rolls back the good one and its audit entry", async () => {
    const good = parsedYears(schedule2027)[0]!;
    const bad = {
      year: 2028,
      holidays: ["2028-01-01"],
      adjustedWorkdays: ["2028-01-01"],
      names: {},
    };
    await assert.rejects(importYears(t.db, actor, [good, bad], now), RangeError);
    assert.deepEqual(await listImportedYears(t.db), []);
    assert.deepEqual(await auditActions(t, "2027"), []);
    assert.equal((await loadWorkCalendar(t.db)).isProvisional("2027-02-08"), true);
  });

  it("a later import of the same year replaces the earlier one", async () => {
    await importYears(t.db, actor, parsedYears(schedule2027), now);
    await importYears(t.db, actor, parsedYears("2027-10-08,休,国庆节\n"), now);
    const calendar = await loadWorkCalendar(t.db);
    assert.equal(calendar.isWorkday("2027-02-08"), true);
    assert.equal(calendar.isWorkday("2027-10-08"), false);
    assert.equal((await listImportedYears(t.db)).length, 1);
  });

  it("missing years: the current year, and the next from 1 November", async () => {
    assert.deepEqual(await missingScheduleYears(t.db, "2026-10-31"), []);
    assert.deepEqual(await missingScheduleYears(t.db, "2026-11-01"), [2027]);
    assert.deepEqual(await missingScheduleYears(t.db, "2028-03-01"), [2028]);
    assert.deepEqual(await missingScheduleYears(t.db, "2028-12-31"), [2028, 2029]);
  });

  it("another process's change is seen once the cache revalidates, and not before", async () => {
    let clock = 0;
    const cache = createCalendarCache({ revalidateMs: 2_000, now: () => clock });
    const other = secondConnection(t);
    try {
      assert.equal((await cache.load(t.db)).isProvisional("2027-02-08"), true);
      await importYears(other.db, actor, parsedYears(schedule2027), now);
      clock = 1_999;
      assert.equal((await cache.load(t.db)).isProvisional("2027-02-08"), true, "still cached");
      clock = 2_000;
      assert.equal((await cache.load(t.db)).isProvisional("2027-02-08"), false, "revalidated");
    } finally {
      await other.destroy();
    }
  });

  it("a bumped revision alone makes the cache reload; an unchanged one keeps the same calendar", async () => {
    let clock = 0;
    const cache = createCalendarCache({ revalidateMs: 2_000, now: () => clock });
    const first = await cache.load(t.db);
    clock = 5_000;
    assert.equal(await cache.load(t.db), first, "same revision: reused");
    // Simulate another process writing the override and bumping the revision directly.
    await t.db
      .insertInto("calendar_overrides")
      .values({
        date: "2025-05-06",
        workday: 0,
        name: null,
        reason: "",
        created_at: now.toISOString(),
        created_by: null,
      })
      .execute();
    clock = 6_000;
    assert.equal((await cache.load(t.db)).isWorkday("2025-05-06"), true, "revision unchanged");
    await t.db
      .updateTable("site_settings")
      .set({ value: "41" })
      .where("key", "=", CALENDAR_REVISION_KEY)
      .execute();
    clock = 8_000;
    assert.equal((await cache.load(t.db)).isWorkday("2025-05-06"), false, "revision bumped");
  });

  it("a change made in this process is seen by the next load without waiting", async () => {
    let clock = 0;
    const cache = createCalendarCache({ revalidateMs: 2_000, now: () => clock });
    assert.equal((await cache.load(t.db)).isWorkday("2025-05-06"), true);
    await saveOverride(
      t.db,
      actor,
      { date: "2025-05-06", workday: false, name: null, reason: "测试" },
      now,
    );
    cache.markChanged();
    clock = 1;
    assert.equal((await cache.load(t.db)).isWorkday("2025-05-06"), false);
  });
});

describe("calendar revision", () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.destroy());

  it("every change bumps the revision by one", async () => {
    const revision = async () =>
      (
        await t.db
          .selectFrom("site_settings")
          .select("value")
          .where("key", "=", CALENDAR_REVISION_KEY)
          .executeTakeFirstOrThrow()
      ).value;
    assert.equal(await revision(), "0");
    await saveOverride(
      t.db,
      actor,
      { date: "2025-05-06", workday: false, name: null, reason: "x" },
      now,
    );
    assert.equal(await revision(), "1");
    await removeOverride(t.db, actor, "2025-05-06", now);
    assert.equal(await revision(), "2");
    await importYears(t.db, actor, parsedYears(schedule2027), now);
    assert.equal(await revision(), "3");
  });
});
