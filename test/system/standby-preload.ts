// Preloaded (`node --import tsx --import ./test/system/standby-preload.ts src/main.ts`) by
// `spawnStandbyServer` in helpers.ts: imports every module the server loads at start — the app
// with all domains and the migrations — and then waits for a line on
// stdin before letting src/main.ts run. Nothing here opens the database or reads the
// configuration, so what happens after the line is exactly a normal start, minus the loading.
const src = new URL("../../src/", import.meta.url);
await import(new URL("config.ts", src).href);
await import(new URL("server.ts", src).href);
await import(new URL("db/migrations/index.ts", src).href);
process.stdout.write("gongkai-standby: warm\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.destroy();
