// With the demo content loaded (GONGKAI_DEMO), the current year's report is generated without
// error, its tables hold together, and its page renders.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/app";
import { demoSeeders } from "../../platform/demo/seed";
import { createLogger } from "../../platform/log";
import { runSeeders } from "../../platform/seed";
import { publicityDemoSeeder } from "../../publicity/demo-seed";
import { checkInvariants } from "./invariants";
import { loadAnnualReport } from "./service";

describe("annual report over the demo data", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ start: "2026-03-02T02:00:00Z" });
    // The demo seeders whose content the report counts (site, records, cases; 双公示), run as
    // on a first start with GONGKAI_DEMO on.
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
  });
  after(() => t.close());

  it("the current year's report is generated and consistent", async () => {
    const count = await t.t.db
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    assert.ok(Number(count.n) > 0, "demo cases are loaded");
    for (const year of [2026, 2025]) {
      const view = await loadAnnualReport(t.t.db, year);
      assert.deepEqual(checkInvariants(view.live.tables), [], `${year}`);
    }
    const office = await t.login("office");
    const res = await office.get("/admin/reports/annual/2026");
    assert.equal(res.status, 200);
    assert.ok((await res.text()).includes("2026年政府信息公开工作年度报告"));
  });
});
