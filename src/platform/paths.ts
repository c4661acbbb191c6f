// Files the server reads at run time (static assets, the draw verifier) are found from the project
// folder, not from the module's own location: the built server runs from dist/ as one file, the
// tests run the sources in place, and both must find the same files.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder at or above `start` that holds package.json. */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project folder, e.g. projectPath("src/ui/static"). */
export function projectPath(...parts: string[]): string {
  return join(projectRoot, ...parts);
}
