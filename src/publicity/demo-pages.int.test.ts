// The 双公示 demo content, and every 双公示 page (public and back office) as valid HTML.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../test/browser/support/checks";
import { createTestApp, type TestApp } from "../../test/support/app";
import { createLogger } from "../platform/log";
import { publicityDemoSeeder } from "./demo-seed";
import { publicityDecisionCounts, publicityOverdue } from "./year-counts";

describe("双公示 demo content and pages", () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z" });
    await t.createUser("boss", ["admin"]);
    await publicityDemoSeeder.run({
      db: t.t.db,
      config: t.config,
      logger: createLogger("silent"),
      now: t.now(),
      announce: () => {},
    });
  });
  after(() => t.close());

  it("loads ten licences and six penalties over two years, one masked person, one expired licence", async () => {
    const licences = await t.t.db.selectFrom("publicity_licences").selectAll().execute();
    const penalties = await t.t.db.selectFrom("publicity_penalties").selectAll().execute();
    assert.equal(licences.length, 10);
    assert.equal(penalties.length, 6);
    for (const r of [...licences, ...penalties])
      assert.ok(r.subject_name.includes("演示") || r.subject_name_enc, r.subject_name);
    const person = licences.filter((r) => r.subject_type === "natural_person");
    assert.deepEqual(
      person.map((r) => [r.subject_name, r.legal_rep]),
      [["王*明", "王*明"]],
    );
    const y2025 = await publicityDecisionCounts(t.t.db, 2025);
    const y2024 = await publicityDecisionCounts(t.t.db, 2024);
    assert.equal(y2025.licensing + y2024.licensing, 10);
    assert.ok(y2025.licensing > 0 && y2024.licensing > 0);
    assert.equal(y2025.penalty + y2024.penalty, 5);
    assert.equal(y2025.coercion + y2024.coercion, 1);
    assert.deepEqual(await publicityOverdue(t.t.db, { today: "2025-03-03" }), []);
    const json = (await (await t.app.request("/api/v1/publicity/licences")).json()) as {
      total: number;
    };
    assert.equal(json.total, 9, "the expired licence is not public");
  });

  it("has no html-validate errors on any 双公示 page", async () => {
    const visitor = t.browser();
    const admin = await t.login("boss");
    const licence = await t.t.db
      .selectFrom("publicity_licences")
      .select("id")
      .where("subject_type", "=", "natural_person")
      .executeTakeFirstOrThrow();
    const penalty = await t.t.db
      .selectFrom("publicity_penalties")
      .select("id")
      .executeTakeFirstOrThrow();
    const pages: [string, Response][] = [
      ["home", await visitor.get("/services/publicity")],
      ["licences", await visitor.get("/services/publicity/licences")],
      ["licences filtered", await visitor.get("/services/publicity/licences?q=演示&year=2024")],
      ["licences empty", await visitor.get("/services/publicity/licences?q=不存在")],
      ["penalties", await visitor.get("/services/publicity/penalties?kind=penalty")],
      ["licence", await visitor.get(`/services/publicity/licences/${licence.id}`)],
      ["penalty", await visitor.get(`/services/publicity/penalties/${penalty.id}`)],
      ["admin", await admin.get("/admin/publicity")],
      ["admin search", await admin.get("/admin/publicity?q=演示")],
      ["admin licence", await admin.get(`/admin/publicity/licences/${licence.id}`)],
      ["admin penalty", await admin.get(`/admin/publicity/penalties/${penalty.id}`)],
      ["revealed", await admin.post(`/admin/publicity/licences/${licence.id}/reveal`)],
      ["periods", await admin.get("/admin/publicity/periods")],
      [
        "takedown refused",
        await admin.post(`/admin/publicity/penalties/${penalty.id}/take-down`, { reason: "" }),
      ],
    ];
    const problems: string[] = [];
    for (const [name, res] of pages) {
      const html = await res.text();
      if (name !== "takedown refused") assert.equal(res.status, 200, name);
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });
});
