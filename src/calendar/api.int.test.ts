// The public calendar API against the reference schedules, day by day. Only tests read ../shared.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { addCalendarDays, type IsoDate, weekdayOf } from "./rules";

interface ReferenceFestival {
  name: string;
  start: IsoDate;
  end: IsoDate;
  adjusted_workdays: IsoDate[];
}
interface ReferenceFile {
  semantics: { working_day_rule: string };
  years: Record<
    string,
    { holidays: IsoDate[]; adjusted_workdays: IsoDate[]; festivals: ReferenceFestival[] }
  >;
}

const reference = JSON.parse(
  readFileSync(new URL("../../../shared/reference/cn-work-calendar.json", import.meta.url), "utf8"),
) as ReferenceFile;
const referenceYears = Object.values(reference.years);
const holidays = new Set(referenceYears.flatMap((y) => y.holidays));
const adjustedWorkdays = new Set(referenceYears.flatMap((y) => y.adjusted_workdays));

/**
 * The reference's working_day_rule, applied literally: a workday ⇔ (Monday–Friday and not in any
 * holidays) or in adjusted_workdays. Years the reference does not cover fall back to weekends.
 */
function referenceIsWorkday(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return (weekday >= 1 && weekday <= 5 && !holidays.has(date)) || adjustedWorkdays.has(date);
}

function referenceName(date: IsoDate): string | null {
  for (const year of referenceYears) {
    for (const festival of year.festivals) {
      if (festival.start <= date && date <= festival.end) return festival.name;
      if (festival.adjusted_workdays.includes(date)) return `${festival.name}调休上班`;
    }
  }
  return null;
}

function nextReferenceWorkday(date: IsoDate): IsoDate {
  let next = addCalendarDays(date, 1);
  while (!referenceIsWorkday(next)) next = addCalendarDays(next, 1);
  return next;
}

async function getJson(t: TestApp, path: string): Promise<{ status: number; body: unknown }> {
  const res = await t.app.request(path);
  return { status: res.status, body: await res.json() };
}

describe("calendar API", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it("the reference states the working-day rule these checks apply", () => {
    assert.match(reference.semantics.working_day_rule, /周一至周五.*holidays.*adjusted_workdays/);
  });

  it("GET /calendar/days agrees with the reference on every day of 2019–2026", async () => {
    let checked = 0;
    for (let date = "2019-01-01"; date <= "2026-12-31"; date = addCalendarDays(date, 1)) {
      const res = await t.app.request(`/api/v1/calendar/days/${date}`);
      assert.equal(res.status, 200, date);
      assert.deepEqual(
        await res.json(),
        { date, workday: referenceIsWorkday(date), name: referenceName(date), provisional: false },
        date,
      );
      checked += 1;
    }
    assert.equal(checked, 2922);
  });

  it("GET /calendar/add-workdays with days=1 gives the reference's next working day, every day of 2019–2026", async () => {
    for (let from = "2019-01-01"; from <= "2026-12-31"; from = addCalendarDays(from, 1)) {
      const expected = nextReferenceWorkday(from);
      const { status, body } = await getJson(
        t,
        `/api/v1/calendar/add-workdays?from=${from}&days=1`,
      );
      assert.equal(status, 200, from);
      assert.deepEqual(
        body,
        { from, days: 1, date: expected, provisional: expected >= "2027-01-01" },
        from,
      );
    }
  });

  it("a date in a year without an official schedule is counted from weekends and provisional", async () => {
    assert.deepEqual((await getJson(t, "/api/v1/calendar/days/2028-10-02")).body, {
      date: "2028-10-02",
      workday: true,
      name: null,
      provisional: true,
    });
    assert.deepEqual((await getJson(t, "/api/v1/calendar/days/2028-10-01")).body, {
      date: "2028-10-01",
      workday: false,
      name: null,
      provisional: true,
    });
    const across = await getJson(t, "/api/v1/calendar/add-workdays?from=2026-12-30&days=3");
    assert.deepEqual(across.body, {
      from: "2026-12-30",
      days: 3,
      date: "2027-01-04",
      provisional: true,
    });
  });

  it("5 working days from 2025-01-24 skip 春节 and count the 调休 Sunday: 2025-02-07", async () => {
    // Sat 01-25 off; Sun 01-26 调休上班 (1); Mon 01-27 (2); 01-28..02-04 春节; 02-05 (3), 02-06 (4), 02-07 (5).
    const { status, body } = await getJson(
      t,
      "/api/v1/calendar/add-workdays?from=2025-01-24&days=5",
    );
    assert.equal(status, 200);
    assert.deepEqual(body, { from: "2025-01-24", days: 5, date: "2025-02-07", provisional: false });
  });

  it("days=0 returns the start day itself", async () => {
    const { body } = await getJson(t, "/api/v1/calendar/add-workdays?from=2025-02-01&days=0");
    assert.deepEqual(body, { from: "2025-02-01", days: 0, date: "2025-02-01", provisional: false });
  });

  it("a bad date or day count is a 400 with a Chinese message", async () => {
    const bad = [
      "/api/v1/calendar/days/2025-02-30",
      "/api/v1/calendar/days/20250101",
      "/api/v1/calendar/days/2025-1-1",
      "/api/v1/calendar/days/abc",
      "/api/v1/calendar/add-workdays?from=2025-13-01&days=1",
      "/api/v1/calendar/add-workdays?days=1",
      "/api/v1/calendar/add-workdays?from=2025-01-24",
      "/api/v1/calendar/add-workdays?from=2025-01-24&days=-1",
      "/api/v1/calendar/add-workdays?from=2025-01-24&days=1.5",
      "/api/v1/calendar/add-workdays?from=2025-01-24&days=3651",
      "/api/v1/calendar/add-workdays?from=2025-01-24&days=1e3",
      "/api/v1/calendar/add-workdays?from=2025-01-24&days=",
    ];
    for (const path of bad) {
      const { status, body } = await getJson(t, path);
      assert.equal(status, 400, path);
      const error = (body as { error: { code: string; message: string } }).error;
      assert.equal(error.code, "validation", path);
      assert.match(error.message, /日期应为 YYYY-MM-DD|days 应为 0 到 3650 之间的整数/, path);
    }
  });

  it("the largest day count is accepted", async () => {
    const { status, body } = await getJson(
      t,
      "/api/v1/calendar/add-workdays?from=2025-01-24&days=3650",
    );
    assert.equal(status, 200);
    assert.equal((body as { provisional: boolean }).provisional, true);
  });

  it("the OpenAPI document describes both endpoints", async () => {
    const { body } = await getJson(t, "/api/v1/openapi.json");
    const paths = (body as { paths: Record<string, unknown> }).paths;
    assert.ok(paths["/api/v1/calendar/days/{date}"]);
    assert.ok(paths["/api/v1/calendar/add-workdays"]);
  });
});
