#!/usr/bin/env node
// Builds the server for `npm start`: src/main.ts and everything it imports as one ES module,
// dist/main.mjs, with a source map for stack traces. Packages stay in node_modules. Running the
// built file instead of the TypeScript sources through tsx halves the server's memory (no
// transpiler, no per-module source maps; see docs/PERFORMANCE.md). Takes about a second. The
// source map is written beside it: start with NODE_OPTIONS=--enable-source-maps to have stack
// traces point into src/ (it costs about 20 MB, so it is not on by default).
//
//   node scripts/build.mjs [--outfile dist/main.mjs]
//
// The output must stay inside the project folder: the server finds its static files from the
// nearest package.json (src/platform/paths.ts). Tests build their own copy under dist/.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const { values } = parseArgs({
  options: { outfile: { type: "string", default: "dist/main.mjs" } },
});

const root = new URL("..", import.meta.url).pathname;

const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/main.ts"],
  outfile: values.outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  jsxImportSource: "hono/jsx",
  sourcemap: true,
  logLevel: "warning",
  write: false,
});

// Each file is written beside its final name and renamed into place: a server starting while
// another build (a second `npm start`, a benchmark) rewrites dist/ never reads half a file.
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const partial = `${file.path}.${process.pid}.tmp`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
}
