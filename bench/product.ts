// The server as `npm start` runs it, for the benchmark scripts: scripts/build.mjs bundles
// src/main.ts into dist/main.mjs, which the scripts start with `node` as separate processes.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

/** Builds the server bundle once per run and returns the file to start with node. */
export function builtServer(): string {
  const result = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("scripts/build.mjs failed");
  return join(root, "dist/main.mjs");
}
