import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { sql } from "kysely";
import { migrateToLatest } from "../../src/db/migrate";
import {
  createSqliteTestDatabase,
  createTestDatabase,
  type TestDatabase,
  testEngine,
} from "./database";

const migrationNames = readdirSync(new URL("../../src/db/migrations", import.meta.url))
  .filter((f) => /\.tsx?$/.test(f) && f !== "index.ts") // index.ts is the registry
  .map((f) => f.replace(/\.tsx?$/, ""))
  .sort();

async function withDatabase(fn: (t: TestDatabase) => Promise<void>): Promise<void> {
  const t = await createTestDatabase();
  try {
    await fn(t);
  } finally {
    await t.destroy();
  }
}

/**
 * `table -> sorted column names` as Kysely's introspection sees the schema, leaving out the
 * full-text index storage that is engine-specific by design (src/db/dialect.ts): SQLite FTS5
 * virtual tables with their shadow tables, and PostgreSQL tsvector columns.
 */
async function tableColumns(t: TestDatabase): Promise<Map<string, string[]>> {
  const searchIndexTables = new Set<string>();
  if (t.engine === "sqlite") {
    const { rows } = await sql<{ name: string; type: string }>`pragma table_list`.execute(t.db);
    for (const r of rows)
      if (r.type === "virtual" || r.type === "shadow") searchIndexTables.add(r.name);
  }
  const tables = await t.db.introspection.getTables();
  return new Map(
    tables
      .filter((table) => table.schema === undefined || table.schema === "public")
      .filter((table) => !searchIndexTables.has(table.name))
      .map((table) => {
        const columns = table.columns.filter((c) => c.dataType !== "tsvector");
        return [table.name, columns.map((c) => c.name).sort()] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** User tables straight from the engine's catalog, minus Kysely's migration bookkeeping. */
async function catalogTables(t: TestDatabase): Promise<string[]> {
  const query =
    t.engine === "postgres"
      ? sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`
      : sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite\\_%' escape '\\'`;
  const { rows } = await query.execute(t.db);
  return rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith("kysely_migration"))
    .sort();
}

function auditEntry(action: string) {
  return {
    at: "2026-11-26T01:00:00.000Z",
    actor_id: null,
    actor_name: "系统",
    action,
    object_type: "test",
    object_id: null,
    ip: "-",
    detail: "",
    prev_hash: "0",
    hash: "1",
  };
}

test("a new test database has every migration applied and nothing left to run", async () => {
  await withDatabase(async ({ db }) => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    assert.deepEqual(rows.map((r) => r.name).sort(), migrationNames);
    assert.deepEqual(await migrateToLatest(db), []);
  });
});

test("the audit log refuses UPDATE and DELETE", async () => {
  await withDatabase(async ({ db }) => {
    await db.insertInto("audit_log").values(auditEntry("created")).execute();
    await assert.rejects(
      db.updateTable("audit_log").set({ action: "forged" }).execute(),
      /append-only/,
    );
    await assert.rejects(db.deleteFrom("audit_log").execute(), /append-only/);
    const rows = await db.selectFrom("audit_log").select("action").execute();
    assert.deepEqual(rows, [{ action: "created" }]);
  });
});

test("on PostgreSQL the audit log also refuses TRUNCATE", {
  skip: testEngine() === "sqlite" && "SQLite has no TRUNCATE",
}, async () => {
  await withDatabase(async ({ db }) => {
    await db.insertInto("audit_log").values(auditEntry("created")).execute();
    await assert.rejects(sql`truncate audit_log`.execute(db), /append-only/);
  });
});

test("a row whose foreign key points at nothing is refused", async () => {
  await withDatabase(async ({ db }) => {
    await assert.rejects(
      db
        .insertInto("users")
        .values({
          username: "orphan",
          display_name: "无单位",
          unit_id: 424242,
          password_hash: "x",
          created_at: "2026-11-26T01:00:00.000Z",
        })
        .execute(),
      /foreign key/i,
    );
  });
});

test("introspection sees exactly the tables the migrations created", async () => {
  await withDatabase(async (t) => {
    const introspected = (await t.db.introspection.getTables()).map((table) => table.name).sort();
    assert.ok(introspected.includes("audit_log"), "the foundation tables exist");
    assert.deepEqual(introspected, await catalogTables(t));
  });
});

test("the same migrations give PostgreSQL and SQLite the same tables and columns", {
  skip: testEngine() === "sqlite" && "needs DATABASE_URL=postgres://…",
}, async () => {
  const sqlite = await createSqliteTestDatabase();
  try {
    await withDatabase(async (pg) => {
      assert.equal(pg.engine, "postgres");
      assert.deepEqual(
        Object.fromEntries(await tableColumns(pg)),
        Object.fromEntries(await tableColumns(sqlite)),
      );
    });
  } finally {
    await sqlite.destroy();
  }
});
