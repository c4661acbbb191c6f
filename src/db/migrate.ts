import { promises as fs } from "node:fs";
import path from "node:path";
import { FileMigrationProvider, type Kysely, type MigrationResultSet, Migrator } from "kysely";

const migrationFolder = path.join(path.dirname(new URL(import.meta.url).pathname), "migrations");

// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder }),
  });
}

/** Brings the schema up to date; throws with the failing migration's name. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result: MigrationResultSet = await createMigrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
