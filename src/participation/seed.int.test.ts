// The 公众参与 demo content on a fresh demo database: marked 演示, in every phase, public-safe.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../test/support/database";
import { parseConfig } from "../config";
import { prepareDatabase } from "../platform/bootstrap";
import { createLogger } from "../platform/log";
import { listPublicConsultations, listPublishedComments } from "./store";
import { consultationsAwaitingFeedback } from "./supervision";

const FIRST_START = new Date("2026-03-02T02:00:00Z");

describe("公众参与 demo content", () => {
  let t: TestDatabase;
  let dataDir: string;
  before(async () => {
    t = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), "gongkai-participation-demo-"));
    const config = {
      ...parseConfig({ GONGKAI_DATA_DIR: dataDir, GONGKAI_DEMO: "1", GONGKAI_LOG_LEVEL: "silent" }),
      secret: "demo-test-secret-demo-test-secret-0123456",
    };
    await prepareDatabase(t.db, config, createLogger("silent"), FIRST_START);
  });
  after(async () => {
    await t.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("has one open consultation with two published comments, one awaiting feedback, one answered", async () => {
    const all = await listPublicConsultations(t.db, FIRST_START);
    assert.deepEqual(all.map((c) => c.phase).sort(), [
      "awaitingFeedback",
      "feedbackPublished",
      "open",
    ]);
    for (const c of all) assert.ok(c.title.includes("演示"), c.title);
    const open = all.find((c) => c.phase === "open")!;
    assert.equal((await listPublishedComments(t.db, open)).length, 2);
    assert.equal(open.isMajor, true, "linked to a 重大行政决策 entry");
    const waiting = await consultationsAwaitingFeedback(t.db, { today: "2026-03-02" });
    assert.equal(waiting.length, 1);
    const items = await t.db.selectFrom("participation_decisions").selectAll().execute();
    assert.equal(items.length, 2);
    assert.ok(items.every((i) => i.year === 2026 && i.title.includes("演示")));
  });
});
