// With the demo content loaded (as GONGKAI_DEMO does on a first start), the office opens the
// dashboard and sees the overdue items per unit, each figure with the list behind it.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/app";
import { demoSeeders } from "../../platform/demo/seed";
import { createLogger } from "../../platform/log";
import { runSeeders } from "../../platform/seed";
import { publicityDemoSeeder } from "../../publicity/demo-seed";
import { listFigureItems } from "./drilldown";
import { drillHref } from "./links";
import { loadDashboard } from "./queries";

describe("dashboard over the demo data", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ start: "2026-03-02T02:00:00Z" });
    await runSeeders(
      {
        db: t.t.db,
        config: { ...t.config, demo: true },
        logger: createLogger("silent"),
        now: t.now(),
        announce: () => {},
      },
      [...demoSeeders, publicityDemoSeeder],
      true,
    );
    await t.createUser("office", ["reviewer"]);
    // Two months after the first start: the demo's open drafts and cases have run past their dates.
    t.setNow("2026-05-04T02:00:00Z");
  });
  after(() => t.close());

  it("shows overdue items per unit, and each unit's figures list exactly their items", async () => {
    const period = { from: "2024-01-01", to: "2026-12-31" };
    const today = "2026-05-04";
    const d = await loadDashboard(t.t.db, { period, today });
    const withOverdue = d.units.filter((u) => u.records.overdue > 0 || u.applications.overdue > 0);
    assert.ok(withOverdue.length > 0, "some unit has overdue items");
    for (const u of d.units) {
      for (const figure of ["records.overdue", "records.onTime", "applications.overdue"] as const) {
        const items = await listFigureItems(t.t.db, { figure, period, today, unit: u.unitId });
        const n =
          figure === "records.overdue"
            ? u.records.overdue
            : figure === "records.onTime"
              ? u.records.onTime
              : u.applications.overdue;
        assert.equal(items.length, n, `${u.unitName} ${figure}`);
      }
    }
    const office = await t.login("office");
    const res = await office.get("/admin/supervision?from=2024-01-01&to=2026-12-31");
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const u of d.units)
      assert.ok(html.includes(`<th scope="row">${u.unitName}</th>`), u.unitName);
    for (const u of withOverdue) {
      for (const [figure, n] of [
        ["records.overdue", u.records.overdue],
        ["applications.overdue", u.applications.overdue],
      ] as const) {
        if (n === 0) continue;
        const href = drillHref(figure, period, { unit: u.unitId });
        assert.ok(html.includes(href.replaceAll("&", "&amp;")), href);
        const list = await (await office.get(href)).text();
        assert.ok(list.includes(`共 ${n} 项`), `${u.unitName} ${figure}: ${n}`);
      }
    }
  });
});
