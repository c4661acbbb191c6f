#!/usr/bin/env node
// Runs the test suite with node:test through tsx.
// Usage: node scripts/run-tests.mjs [all|unit|db|browser] [--no-check]
//   unit     pure rules:            src/**/*.test.ts (not *.int.test.ts)
//   db       database integration:  **/*.int.test.ts (SQLite, or PostgreSQL with DATABASE_URL)
//   system   real server processes: test/system/*.test.ts (SQLite files, kill -9, CLI)
//   browser  real Chromium:         test/browser/*.test.ts
//   all      type-check + lint, then unit, db, system and browser
// DATABASE_URL=postgres://… makes the database tests run on PostgreSQL.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const mode = process.argv[2] ?? "all";
const skipCheck = process.argv.includes("--no-check");

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (name.endsWith(".test.ts") || name.endsWith(".test.tsx"))
      out.push(relative(root, full));
  }
  return out.sort();
}

const all = [...walk(join(root, "src")), ...walk(join(root, "test"))];
const isBrowser = (f) => f.startsWith("test/browser/");
const isSystem = (f) => f.startsWith("test/system/");
const isDb = (f) => /\.int\.test\.tsx?$/.test(f) && !isSystem(f);
const groups = {
  unit: all.filter((f) => !isBrowser(f) && !isDb(f) && !isSystem(f)),
  db: all.filter(isDb),
  system: all.filter(isSystem),
  browser: all.filter(isBrowser),
};

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function runTests(label, files) {
  if (files.length === 0) return 0;
  const engine = process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite";
  console.log(
    `\n== ${label} tests (${files.length} files${label === "db" ? `, database: ${engine}` : ""}) ==`,
  );
  return run(process.execPath, [
    "--import",
    "tsx",
    "--test",
    "--test-reporter=spec",
    `--test-concurrency=${label === "unit" || label === "db" ? 2 : 1}`,
    ...files,
  ]);
}

let failed = 0;
if (mode === "all" && !skipCheck) {
  console.log("== type-check (tsc --noEmit) ==");
  failed |= run("npx", ["tsc", "--noEmit"]);
  console.log("== lint and format (biome check) ==");
  failed |= run("npx", ["biome", "check", "."]);
}
const order = mode === "all" ? ["unit", "db", "system", "browser"] : [mode];
for (const label of order) {
  if (!groups[label]) {
    console.error(`unknown mode ${label}`);
    process.exit(2);
  }
  failed |= runTests(label, groups[label]);
}
process.exit(failed ? 1 : 0);
