// The server as `npm start` runs it, for the benchmark scripts: scripts/build.mjs bundles
// src/main.ts into dist/main.mjs, which the scripts start with `node` as separate processes.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

let entry: string | null = null;

/** Builds the server bundle (once per run) and returns the file to start with node. */
export function builtServer(): string {
  if (entry) return entry;
  const result = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("scripts/build.mjs failed");
  entry = join(root, "dist/main.mjs");
  return entry;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not become healthy");
}

/**
 * Starts the built server on a free port of 127.0.0.1 against the database of this process's
 * environment (GONGKAI_DATA_DIR / DATABASE_URL), no demo content, errors-only logging, and waits
 * until /healthz answers. `env` adds or overrides variables (e.g. GONGKAI_PAGE_CACHE_MB=0).
 */
export async function startProduct(
  secret: string,
  env: Record<string, string> = {},
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [builtServer()], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      GONGKAI_LOG_LEVEL: "error",
      GONGKAI_DEMO: "false",
      GONGKAI_SECRET: secret,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}/`;
  try {
    await waitHealthy(base, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return { base, child };
}
