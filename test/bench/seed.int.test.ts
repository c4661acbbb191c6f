import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { todayInShanghai } from "../../src/calendar/rules";
import { connectDatabase, type Database } from "../../src/db/database";
import { listPublicMessages } from "../../src/messages/public";
import { nextMessageNo } from "../../src/messages/store";
import type { FeedbackSnapshot } from "../../src/participation/store";
import { decryptOptional, personalDataKey } from "../../src/platform/crypto";
import { projectPath } from "../../src/platform/paths";
import { createTestDatabase, type TestDatabase } from "../support/database";

const SECRET = "bench-seed-test-secret-0123456789abcdef";
const COUNTS = { records: 300, applications: 60, consultations: 8, comments: 300, messages: 400 };

// bench/seed.ts at a small size, into a fresh database of the engine the run targets: every row
// asked for is there, and the product reads what it wrote as its own.
describe("bench/seed.ts", () => {
  let target: TestDatabase;
  let database: Database;
  const dataDir = mkdtempSync(join(tmpdir(), "gongkai-seed-"));

  before(async () => {
    target = await createTestDatabase();
    const env: Record<string, string> = { GONGKAI_DATA_DIR: dataDir, GONGKAI_SECRET: SECRET };
    if (target.url) env.DATABASE_URL = target.url;
    const args = Object.entries(COUNTS).flatMap(([name, n]) => [`--${name}`, String(n)]);
    execFileSync(
      process.execPath,
      ["--import", "tsx", "bench/seed.ts", ...args, "--years", "3", "--batch", "70"],
      { cwd: projectPath("."), env, stdio: ["ignore", "ignore", "pipe"], timeout: 120_000 },
    );
    database = target.url
      ? target.database
      : connectDatabase({ databaseUrl: null, sqlitePath: join(dataDir, "gongkai.sqlite") });
  });
  after(async () => {
    if (database && database !== target.database) await database.destroy();
    await target.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (table: string, where = sql`true`) => {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      table,
    )} where ${where}`.execute(database.db);
    return Number(rows[0]!.n);
  };

  it("writes exactly the rows asked for, searchable and with their histories", async () => {
    assert.equal(await count("records"), COUNTS.records);
    assert.equal(await count("record_search"), COUNTS.records);
    assert.equal(await count("applications"), COUNTS.applications);
    assert.equal(await count("consultations"), COUNTS.consultations);
    assert.equal(await count("consultation_comments"), COUNTS.comments);
    assert.equal(await count("messages"), COUNTS.messages);
    const replied = await count("messages", sql`state = 'replied'`);
    assert.ok(replied > COUNTS.messages / 2, `${replied} replied`);
    assert.equal(
      await count("message_events", sql`type = 'approve'`),
      replied,
      "one approval per replied message",
    );
  });

  it("keeps contact data encrypted and masked, readable with the site's key", async () => {
    const row = await database.db
      .selectFrom("messages")
      .select(["name_enc", "name_masked", "phone_enc", "phone_masked"])
      .executeTakeFirstOrThrow();
    const key = personalDataKey(SECRET);
    assert.ok(!row.name_enc?.includes("测试留言人"));
    assert.match(decryptOptional(key, row.name_enc) ?? "", /^测试留言人\d+$/);
    assert.match(decryptOptional(key, row.phone_enc) ?? "", /^139\d{8}$/);
    assert.match(row.phone_masked ?? "", /\*{4}/);
  });

  it("leaves data the product's own queries and numbering carry on from", async () => {
    const published = await count("messages", sql`state = 'replied' and consent_public = 1`);
    const list = await listPublicMessages(database.db, { page: 1, pageSize: 20 });
    assert.equal(list.total, published);
    const year = Number(todayInShanghai(new Date()).slice(0, 4));
    const seeded = await count("messages", sql`message_no like ${`LY-${year}-%`}`);
    const next = await database.db.transaction().execute((trx) => nextMessageNo(trx, year));
    assert.equal(next, `LY-${year}-${String(seeded + 1).padStart(5, "0")}`);
  });

  it("follows the product's rules: four eyes, feedback after closing, numbers in receipt order", async () => {
    const db = database.db;
    // The reply's drafter never approves it (workflow.ts refuses one's own draft).
    assert.equal(await count("messages", sql`reply_drafted_by = reply_reviewed_by`), 0);
    const events = await db
      .selectFrom("message_events as e")
      .innerJoin("messages as m", "m.id", "e.message_id")
      .select(["m.id", "m.state", "e.type", "e.actor_id"])
      .orderBy("e.id")
      .execute();
    const byMessage = new Map<number, { state: string; types: string[]; actors: number[] }>();
    for (const e of events) {
      const m = byMessage.get(e.id) ?? { state: e.state, types: [], actors: [] };
      m.types.push(e.type);
      m.actors.push(e.actor_id!);
      byMessage.set(e.id, m);
    }
    const expected: Record<string, string[]> = {
      assigned: ["assign"],
      in_review: ["assign", "submit"],
      replied: ["assign", "submit", "approve"],
    };
    for (const [id, m] of byMessage) {
      assert.deepEqual(m.types, expected[m.state], `message ${id} (${m.state})`);
      if (m.state === "replied") assert.notEqual(m.actors[1], m.actors[2], `message ${id}`);
    }
    assert.equal(
      (await count("messages", sql`state = 'received'`)) + byMessage.size,
      COUNTS.messages,
    );

    // 留言编号 run in the order messages arrived, as nextMessageNo hands them out.
    const numbers = await db
      .selectFrom("messages")
      .select(["message_no", "created_at"])
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const lastOfYear = new Map<string, number>();
    for (const { message_no } of numbers) {
      const [, year, serial] = message_no.split("-");
      assert.ok(Number(serial) > (lastOfYear.get(year!) ?? 0), `${message_no} out of order`);
      lastOfYear.set(year!, Number(serial));
    }

    // Nothing happened after the seed ran.
    const now = new Date().toISOString();
    assert.equal(await count("messages", sql`created_at > ${now} or rated_at > ${now}`), 0);
    assert.equal(
      await count("consultation_comments", sql`created_at > ${now} or moderated_at > ${now}`),
      0,
    );

    // Feedback only after the consultation closed, and then nothing left unmoderated.
    assert.equal(
      await count(
        "consultation_feedbacks",
        sql`published_at < (select closes_at from consultations c where c.id = consultation_id)`,
      ),
      0,
    );
    assert.equal(
      await count(
        "consultation_comments",
        sql`status = 'pending' and consultation_id in (select consultation_id from consultation_feedbacks)`,
      ),
      0,
    );
  });

  it("publishes feedback that counts the published comments of each closed consultation", async () => {
    const feedbacks = await database.db
      .selectFrom("consultation_feedbacks")
      .select(["consultation_id", "snapshot"])
      .execute();
    assert.ok(feedbacks.length > 0, "no feedback published");
    for (const f of feedbacks) {
      const snapshot = JSON.parse(f.snapshot) as FeedbackSnapshot;
      const where = sql`consultation_id = ${f.consultation_id}`;
      assert.equal(
        snapshot.counts.received,
        await count("consultation_comments", sql`${where} and status = 'published'`),
      );
      assert.equal(
        snapshot.heldCount,
        await count("consultation_comments", sql`${where} and status = 'held'`),
      );
    }
  });
});
