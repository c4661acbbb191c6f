import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { CompiledQuery, sql } from "kysely";
import { connectDatabase } from "../db/database";
import { createMigrator } from "../db/migrate";
import { staffPageQuery } from "./staff-queries";
import { publicMessages } from "./store";

// The public list reads its page through the partial index messages_public_idx, whose condition
// is publicMessages' own: without it SQLite sorted every replied message for each page (500–780
// ms at 100,000 messages).
describe("留言 queries use their indexes (SQLite plans)", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-message-plans-"));
  const database = connectDatabase({ databaseUrl: null, sqlitePath: join(dir, "t.sqlite") });
  const db = database.db;
  const planOf = async (query: { compile(): CompiledQuery }) => {
    const compiled = query.compile();
    const { rows } = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return rows.map((r) => r.detail).join("\n");
  };

  before(async () => {
    assert.equal((await createMigrator(db).migrateToLatest()).error, undefined);
    await sql`pragma foreign_keys = off`.execute(db);
    for (let i = 0; i < 300; i++) {
      const replied = i % 4 !== 0;
      await db
        .insertInto("messages")
        .values({
          message_no: `LY-2024-${String(i + 1).padStart(5, "0")}`,
          query_code_hash: `h${i}`,
          category: "inquiry",
          subject: "s",
          body: "b",
          consent_public: i % 3 === 0 ? 0 : 1,
          state: replied ? "replied" : "received",
          received_on: "2024-03-01",
          due_on: "2024-03-08",
          deadline_workdays: 5,
          reply_text: "",
          replied_on: replied ? "2024-03-05" : null,
          replied_at: replied ? `2024-03-05T0${i % 10}:00:00.000Z` : null,
          created_at: "2024-03-01T02:00:00.000Z",
          updated_at: "2024-03-01T02:00:00.000Z",
        })
        .execute();
    }
    await sql`analyze`.execute(db);
  });
  after(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("pages and counts the public list from the partial index, without sorting", async () => {
    const page = await planOf(
      publicMessages(db)
        .select("messages.id")
        .orderBy("messages.replied_at", "desc")
        .orderBy("messages.id", "desc")
        .limit(20)
        .offset(40),
    );
    assert.match(page, /messages_public_idx/);
    assert.doesNotMatch(page, /TEMP B-TREE/);
    const count = await planOf(publicMessages(db).select((eb) => eb.fn.countAll().as("n")));
    assert.match(count, /messages_public_idx/);
  });

  it("reads the back office's newest-first lists from an index, without sorting", async () => {
    for (const [view, index] of [
      ["all", "messages_received_idx"],
      ["replied", "messages_state_received_idx"],
    ] as const) {
      const page = staffPageQuery(db, { view, page: 3 }, "2024-03-10");
      assert.ok(page);
      const plan = await planOf(page);
      assert.match(plan, new RegExp(index), view);
      assert.doesNotMatch(plan, /TEMP B-TREE/, view);
    }
  });
});
