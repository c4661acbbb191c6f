// Real processes for the system tests: the server (built and run as `npm start` runs it, see
// `builtServer`) and the `gongkai` command line, each with its own environment and data directory.
// Every process started here is remembered; call `cleanUp()` in `after` to kill the survivors
// and delete the temp directories.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const projectRoot = new URL("../../", import.meta.url).pathname;

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

let builtEntry: string | null = null;

/**
 * The server as `npm start` runs it: scripts/build.mjs bundles src/main.ts, here into a folder of
 * this test process's own under dist/ (test files run in parallel, each builds once, ~1 s), deleted
 * when the process exits. Returns the file to run with node.
 */
export function builtServer(): string {
  if (builtEntry) return builtEntry;
  const dir = join(projectRoot, "dist", `test-${process.pid}`);
  const outfile = join(dir, "main.mjs");
  const result = spawnSync(process.execPath, ["scripts/build.mjs", "--outfile", outfile], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  builtEntry = outfile;
  return outfile;
}

/** A fresh directory under the system temp dir, deleted by `cleanUp()`. */
export function tempDir(prefix = "gongkai-system-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/**
 * The whole environment of a spawned process: PATH (to find `tar`) plus what the test passes.
 * Nothing else of the developer's shell leaks in — no DATABASE_URL, no GONGKAI_* — so a system
 * test always knows which database and data directory the process uses.
 */
function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin", ...env };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function track(child: ChildProcess): {
  exited: Promise<Exit>;
  out: () => string;
  err: () => string;
} {
  children.add(child);
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    err += d;
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { exited, out: () => out, err: () => err };
}

export interface ServerProcess {
  /** Base URL with a trailing slash, as the server printed it. */
  url: string;
  pid: number;
  /** Milliseconds from spawn until /healthz answered 200. */
  readyMs: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
  /** Sends `signal` (default SIGKILL) and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
}

/**
 * Starts the server on a free port (PORT=0: the kernel picks it and the server prints its URL)
 * and waits until /healthz answers 200. Rejects, with the process killed, if that takes longer
 * than `timeoutMs` or the process exits first.
 */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const entry = builtServer();
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    cwd: projectRoot,
    env: childEnv({ PORT: "0", HOST: "127.0.0.1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { exited, out, err } = track(child);
  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const fail = async (why: string): Promise<never> => {
    await kill();
    throw new Error(`${why}\n--- stdout ---\n${out()}\n--- stderr ---\n${err()}`);
  };
  const deadline = started + timeoutMs;
  let url: string | null = null;
  let healthy = false;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (!healthy) {
    if (gone) return fail("the server exited before it was ready");
    if (performance.now() > deadline)
      return fail(`the server was not ready within ${timeoutMs} ms`);
    url ??= /Gongkai 已启动:(http:\/\/\S+\/)/.exec(out())?.[1] ?? null;
    if (url) {
      try {
        const res = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(1000) });
        healthy = res.status === 200;
      } catch {
        // not listening yet
      }
    }
    if (!healthy) await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: url!,
    pid: child.pid!,
    readyMs: Math.round(performance.now() - started),
    stdout: out,
    stderr: err,
    exited,
    kill,
  };
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs any `node` invocation from the project root to completion (killed after `timeoutMs`). */
export async function runNode(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ProcessResult> {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { exited, out, err } = track(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const { code, signal } = await exited;
  clearTimeout(timer);
  return { code, signal, stdout: out(), stderr: err() };
}

/** `gongkai …` as an operator types it (`node bin/gongkai.js …`). Asynchronous: a server may be running. */
export function gongkai(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ProcessResult> {
  return runNode(["bin/gongkai.js", ...args], env, timeoutMs);
}

/** Kills every process still running and deletes the temp directories. */
export async function cleanUp(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A browser over real HTTP: a cookie jar, the `_csrf` field scraped from the last HTML page,
 * and redirects left for the test to inspect. `base` can move when a server restarts on a new port.
 */
export class HttpBrowser {
  private readonly cookies = new Map<string, string>();
  csrf = "";
  /** Sent with every request, e.g. X-Forwarded-For to act as another client address. */
  headers: Record<string, string> = {};
  constructor(public base: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.headers)) headers.set(name, value);
    if (this.cookies.size) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const res = await fetch(new URL(path, this.base), {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || attrs.some((a) => /max-age=0/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** GET a page and remember its CSRF field. The body is returned already read. */
  async get(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.request(path);
    const html = await res.text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (m?.[1]) this.csrf = m[1];
    return { res, html };
  }

  /** POST a form with the CSRF field, as the browser does after loading a page. */
  async post(path: string, fields: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams({ _csrf: this.csrf, ...fields });
    const res = await this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    await res.arrayBuffer();
    return res;
  }

  /** Loads the login form and signs in; returns the redirect target. */
  async login(username: string, password: string): Promise<string> {
    await this.get("/login");
    const res = await this.post("/login", { username, password, next: "/admin" });
    if (res.status !== 303) throw new Error(`login as ${username} answered ${res.status}`);
    return res.headers.get("location") ?? "";
  }
}

/** What the standby preload prints once every module of the server is loaded. */
const STANDBY_WARM_MARK = "gongkai-standby: warm";

export interface StandbyServer {
  pid: number;
  /** Resolves once the modules are loaded; rejects if the process exits first. */
  warm: Promise<void>;
  /**
   * Lets the process run `src/main.ts` (config, database, migrations, listen) and waits until
   * /healthz answers 200, like `startServer`. `readyMs` counts from this call.
   */
  go(timeoutMs?: number): Promise<ServerProcess>;
}

/**
 * A server process started ahead of time, as `startServer` starts it plus one preload
 * (`standby-preload.ts`) that imports the server's modules and then waits for a line on stdin
 * before `src/main.ts` runs. Loading the modules is most of a start; the database is not opened
 * until `go()`, so a standby that goes after a SIGKILL still opens the file cold and recovers it
 * as a restarted server does. Tests that restart many times keep one or two standbys ready.
 */
export function spawnStandbyServer(env: Record<string, string>): StandbyServer {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./test/system/standby-preload.ts", "src/main.ts"],
    {
      cwd: projectRoot,
      env: childEnv({ PORT: "0", HOST: "127.0.0.1", ...env }),
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  const { exited, out, err } = track(child);
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const report = (why: string) =>
    new Error(`${why}\n--- stdout ---\n${out()}\n--- stderr ---\n${err()}`);
  const warm = new Promise<void>((resolve, reject) => {
    const poll = () => {
      if (out().includes(STANDBY_WARM_MARK)) resolve();
      else if (gone) reject(report("the standby server exited while loading"));
      else setTimeout(poll, 25);
    };
    poll();
  });
  warm.catch(() => {});
  const go = async (timeoutMs = 30_000): Promise<ServerProcess> => {
    await warm;
    const started = performance.now();
    child.stdin!.end("go\n");
    const deadline = started + timeoutMs;
    let url: string | null = null;
    let healthy = false;
    while (!healthy) {
      if (gone) throw report("the server exited before it was ready");
      if (performance.now() > deadline) {
        await kill();
        throw report(`the server was not ready within ${timeoutMs} ms`);
      }
      url ??= /Gongkai 已启动:(http:\/\/\S+\/)/.exec(out())?.[1] ?? null;
      if (url) {
        try {
          const res = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(1000) });
          healthy = res.status === 200;
        } catch {
          // not listening yet
        }
      }
      if (!healthy) await new Promise((r) => setTimeout(r, 25));
    }
    return {
      url: url!,
      pid: child.pid!,
      readyMs: Math.round(performance.now() - started),
      stdout: out,
      stderr: err,
      exited,
      kill,
    };
  };
  return { pid: child.pid!, warm, go };
}
