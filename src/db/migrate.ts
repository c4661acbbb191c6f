import type { Kysely, MigrationResultSet } from "kysely";
import { Migrator } from "kysely";
import { migrations } from "./migrations/index";

// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export function createMigrator(db: Kysely<any>): Migrator {
  // A static list rather than a folder read at run time, so the built server (dist/) has them.
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
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
