#!/usr/bin/env node
// The `gongkai` command line: registers the TypeScript loader, then runs src/cli/main.ts.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
