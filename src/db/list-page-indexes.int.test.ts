import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { sql } from "kysely";
import { connectDatabase } from "./database";
import { createMigrator } from "./migrate";

// A migration that recreates indexes must leave the planner statistics for them: without, SQLite
// took the new (state, published_at, id) index for a selective one and read a million records
// for each public filter list (5 s per query on the benchmark data, docs/PERFORMANCE.md).
describe("migration 2026_11_26_1000 (list page indexes) on an analysed SQLite database", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-analyze-"));
  const database = connectDatabase({ databaseUrl: null, sqlitePath: join(dir, "t.sqlite") });
  after(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves statistics for every recreated index", async () => {
    const migrator = createMigrator(database.db);
    const before = await migrator.migrateTo("2026_11_26_0900_add_scale_indexes");
    assert.equal(before.error, undefined);
    // A site that has run a while: records, and statistics about them (as bench/seed.ts leaves).
    // Only the planner's view matters here, so no units or users behind the rows.
    await sql`pragma foreign_keys = off`.execute(database.db);
    for (let i = 0; i < 50; i++) {
      await sql`insert into records (title, publisher, unit_id, formed_on, topic, genre, openness,
        state, created_by, created_at, updated_at, published_at, catalog_item_id)
        values (${`通知${i}`}, '县市场监督管理局', 1, '2025-01-02', '市场监管', 'notice', 'proactive',
        'published', 1, '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z',
        ${`2025-01-${String(2 + (i % 20)).padStart(2, "0")}T00:00:00Z`}, ${i % 3})`.execute(
        database.db,
      );
    }
    await sql`analyze`.execute(database.db);
    assert.equal((await migrator.migrateToLatest()).error, undefined);
    const { rows } = await sql<{
      idx: string;
    }>`select idx from sqlite_stat1 where tbl = 'records'`.execute(database.db);
    const analysed = new Set(rows.map((r) => r.idx));
    for (const index of [
      "records_state_published_idx",
      "records_catalog_idx",
      "records_genre_idx",
    ]) {
      assert.ok(analysed.has(index), index);
    }
    // A record's interpretations (record page): by the partial index, not by walking every
    // published record in date order (the column is null on nearly every row).
    const plan = await sql<{ detail: string }>`explain query plan select id from records
      where state = 'published' and interprets_record_id = 7 order by published_at, id`.execute(
      database.db,
    );
    assert.match(plan.rows.map((r) => r.detail).join("\n"), /records_interprets_idx/);
    // The scheduled records before every public read: by their partial index.
    const scheduled = await sql<{ detail: string }>`explain query plan select scheduled_at
      from records where records.state = 'scheduled'`.execute(database.db);
    assert.match(scheduled.rows.map((r) => r.detail).join("\n"), /records_scheduled_idx/);
  });
});
