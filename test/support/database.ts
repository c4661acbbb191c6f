// The one way integration tests get a database: a fresh, fully migrated one per call.
// SQLite by default; PostgreSQL when DATABASE_URL=postgres://… (see .ci/postgres.sh).
// This is the only file under test/ that reads process.env.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { connectDatabase, type Database, type Engine } from "../../src/db/database";
import { migrateToLatest } from "../../src/db/migrate";
import type { DB } from "../../src/db/schema";

export interface TestDatabase {
  database: Database;
  db: Kysely<DB>;
  engine: Engine;
  /** Connection URL of the test's own PostgreSQL database; null on SQLite. */
  url: string | null;
  /** Path of the SQLite file; null on PostgreSQL. */
  sqlitePath: string | null;
  /** Closes the connections and deletes the database. Safe to call twice. */
  destroy(): Promise<void>;
}

function adminUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url?.startsWith("postgres") ? url : null;
}

/** The engine createTestDatabase will use, for `skip` conditions on engine-specific tests. */
export function testEngine(): Engine {
  return adminUrl() ? "postgres" : "sqlite";
}

/** A new migrated database on the engine the run targets. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = adminUrl();
  return url ? createPostgresTestDatabase(url) : createSqliteTestDatabase();
}

/** A new migrated SQLite database in its own temp directory, whatever the run targets. */
export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-test-"));
  const sqlitePath = join(dir, "test.sqlite");
  const database = connectDatabase({ databaseUrl: null, sqlitePath });
  const remove = async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
  return migrated(database, { url: null, sqlitePath }, remove);
}

async function createPostgresTestDatabase(admin: string): Promise<TestDatabase> {
  const name = `gk_t_${randomBytes(6).toString("hex")}`;
  await runAdmin(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = connectDatabase({ databaseUrl: url.toString(), sqlitePath: "" });
  const remove = async () => {
    await database.destroy();
    await runAdmin(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return migrated(database, { url: url.toString(), sqlitePath: null }, remove);
}

async function migrated(
  database: Database,
  where: { url: string | null; sqlitePath: string | null },
  remove: () => Promise<void>,
): Promise<TestDatabase> {
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await remove();
    throw error;
  }
  let removed: Promise<void> | null = null;
  return {
    database,
    db: database.db,
    engine: database.engine,
    ...where,
    destroy: () => {
      removed ??= remove();
      return removed;
    },
  };
}

async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
