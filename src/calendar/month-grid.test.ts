import assert from "node:assert/strict";
import { test } from "node:test";
import { monthGrid, yearGrids } from "./month-grid";
import { officialCalendarData } from "./official-data";
import { createWorkCalendar } from "./rules";

const calendar = createWorkCalendar(officialCalendarData);

test("a month grid starts on Monday and pads the days outside the month", () => {
  const february = monthGrid(calendar, 2025, 2, new Set(), "2025-02-05");
  assert.equal(february.weeks.length, 5);
  assert.deepEqual(february.weeks[0]!.slice(0, 5), [null, null, null, null, null]);
  assert.equal(february.weeks[0]![5]?.date, "2025-02-01");
  assert.equal(february.weeks[4]![4]?.date, "2025-02-28");
  assert.equal(february.weeks[4]![5], null);
});

test("days off are marked 休, worked weekends 班, ordinary workdays nothing", () => {
  const january = monthGrid(calendar, 2025, 1, new Set(["2025-01-27"]), "2025-01-27");
  const cells = new Map(january.weeks.flat().flatMap((c) => (c ? [[c.date, c]] : [])));
  assert.deepEqual(
    [cells.get("2025-01-26")?.mark, cells.get("2025-01-26")?.name],
    ["班", "春节调休上班"],
  );
  assert.deepEqual([cells.get("2025-01-28")?.mark, cells.get("2025-01-28")?.name], ["休", "春节"]);
  assert.equal(cells.get("2025-01-25")?.mark, "休");
  assert.equal(cells.get("2025-01-24")?.mark, null);
  assert.equal(cells.get("2025-01-27")?.corrected, true);
  assert.equal(cells.get("2025-01-27")?.isToday, true);
});

test("a year has twelve month grids holding every day once", () => {
  const grids = yearGrids(calendar, 2024, new Set(), "2024-01-01");
  assert.equal(grids.length, 12);
  assert.equal(grids.flatMap((g) => g.weeks.flat().filter((c) => c !== null)).length, 366);
});
