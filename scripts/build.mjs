#!/usr/bin/env node
// Builds the server for `npm start`: src/main.ts and everything it imports as one ES module,
// dist/main.mjs, with a source map for stack traces. Packages stay in node_modules. Running the
// built file instead of the TypeScript sources through tsx halves the server's memory (no
// transpiler, no per-module source maps; see docs/PERFORMANCE.md). Takes about a second.
//
//   node scripts/build.mjs [--outfile dist/main.mjs]
//
// The output must stay inside the project folder: the server finds its static files from the
// nearest package.json (src/platform/paths.ts). Tests build their own copy under dist/.
import { parseArgs } from "node:util";
import { build } from "esbuild";

const { values } = parseArgs({
  options: { outfile: { type: "string", default: "dist/main.mjs" } },
});

const root = new URL("..", import.meta.url).pathname;

await build({
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
});
