// The demo 留言 load through the real services on first start with GONGKAI_DEMO on.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../test/support/database";
import { parseConfig } from "../config";
import { prepareDatabase } from "../platform/bootstrap";
import { createLogger } from "../platform/log";
import { overdueMessages } from "./supervision";

describe("demo messages", () => {
  let t: TestDatabase;
  let dir: string;
  const now = new Date("2026-03-02T02:00:00Z");
  before(async () => {
    t = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), "gongkai-msg-demo-"));
    const config = {
      ...parseConfig({ GONGKAI_DATA_DIR: dir, GONGKAI_DEMO: "1", GONGKAI_LOG_LEVEL: "silent" }),
      secret: "demo-secret-demo-secret-demo-secret-0123",
      adminPassword: "Test-Passw0rd!",
    };
    await prepareDatabase(t.db, config, createLogger("silent"), now);
  });
  after(async () => {
    await t.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has a message in each state, an overdue 督办-ed transferred 咨询, and a rated one answered by a 回应关切", async () => {
    const rows = await t.db.selectFrom("messages").selectAll().orderBy("id").execute();
    assert.deepEqual(
      new Set(rows.map((r) => r.state)),
      new Set(["received", "assigned", "in_review", "replied"]),
    );
    assert.ok(rows.every((r) => r.subject.includes("演示")));
    const overdue = await overdueMessages(t.db, { today: "2026-03-02" });
    assert.equal(overdue.length, 1);
    const events = await t.db
      .selectFrom("message_events")
      .select("type")
      .where("message_id", "=", overdue[0]!.id)
      .execute();
    assert.deepEqual(
      events.map((e) => e.type),
      ["assign", "transfer", "supervise"],
    );
    const rated = rows.find((r) => r.rating !== null)!;
    assert.equal(rated.consent_public, 1);
    assert.equal(rated.state, "replied");
    const link = await t.db
      .selectFrom("record_concern_links")
      .innerJoin("records", "records.id", "record_concern_links.record_id")
      .select(["records.state", "records.genre"])
      .where("target_kind", "=", "message")
      .where("target_id", "=", rated.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(link, { state: "published", genre: "concernResponse" });
  });
});
