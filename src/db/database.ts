import SQLite from "better-sqlite3";
import { type Driver, Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema";

export type Engine = "sqlite" | "postgres";

/** A connected database: the Kysely handle plus which engine is behind it. */
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  destroy(): Promise<void>;
}

export interface DatabaseTarget {
  databaseUrl: string | null;
  sqlitePath: string;
}

// pg returns int8 (count(*), bigserial) as strings and DATE as a JS Date at local midnight;
// legal dates are plain 'YYYY-MM-DD' strings here, so keep them as text.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, …); Kysely's
 * own ROLLBACK then fails with "cannot rollback - no transaction is active" and that error hides
 * the real one, so a full disk showed as an internal error. Roll back only when a transaction is
 * still open, so the original error reaches the error handler.
 */
class RollbackSafeSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: withStatementCache(sqlite) });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/** Prepared statements kept per SQL text; the app's queries are a few hundred distinct texts. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query again (parsing and planning the SQL: about a tenth of a simple
 * page's time). The same SQL text gets the same prepared statement back here, least recently used
 * dropped first. A statement still iterating (a streamed query) is never handed out twice: a fresh
 * one is prepared instead. SQLite re-plans a cached statement by itself after a schema change.
 */
export function withStatementCache(
  sqlite: SQLite.Database,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Most recently used last: a Map iterates in insertion order.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

/** Opens the SQLite file with the settings that lose no acknowledged write. */
export function openSqlite(path: string): SQLite.Database {
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  // FULL syncs the WAL on every commit: a 2xx means the row is on disk, even on power loss.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

export function connectDatabase(target: DatabaseTarget): Database {
  if (target.databaseUrl) {
    // No JIT: it compiled a deep list page's plan for 13 ms on every request, longer than most of
    // the app's queries take to run.
    const pool = new pg.Pool({
      connectionString: target.databaseUrl,
      max: 10,
      options: "-c jit=off",
    });
    // A dropped connection (PostgreSQL restart) must not crash the process; the pool reconnects.
    pool.on("error", () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", destroy: () => db.destroy() };
  }
  const sqlite = openSqlite(target.sqlitePath);
  const db = new Kysely<DB>({ dialect: new RollbackSafeSqliteDialect(sqlite) });
  return { db, engine: "sqlite", destroy: () => db.destroy() };
}
