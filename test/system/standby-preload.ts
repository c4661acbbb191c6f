// Preloaded (`node --import tsx --import ./test/system/standby-preload.ts src/main.ts`) by
// `spawnStandbyServer` in helpers.ts: imports every module the server loads at start — the app
// with all domains and the migration files the migrator imports — and then waits for a line on
// stdin before letting src/main.ts run. Nothing here opens the database or reads the
// configuration, so what happens after the line is exactly a normal start, minus the loading.
import { readdirSync } from "node:fs";
import { join } from "node:path";

const src = new URL("../../src/", import.meta.url);
await import(new URL("config.ts", src).href);
await import(new URL("server.ts", src).href);
// The migrator imports each file by path (kysely's FileMigrationProvider); same module URLs here.
const migrations = new URL("db/migrations/", src).pathname;
for (const name of readdirSync(migrations).sort()) {
  if (/\.ts$/.test(name) && !name.endsWith(".d.ts")) await import(join(migrations, name));
}
process.stdout.write("gongkai-standby: warm\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.destroy();
