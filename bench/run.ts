// `npm run bench`: starts the product on an existing (seeded) database as its own process on
// 127.0.0.1, loads it from this process with autocannon, and measures each public page beside a
// bare node:http server returning the same bytes in the same run. Results go to
// bench/results/<timestamp>.json and, with --write-docs, into docs/PERFORMANCE.md.
//
//   GONGKAI_DATA_DIR=/tmp/big npm run bench -- --duration 10 --write-docs
//   DATABASE_URL=postgres://… GONGKAI_DATA_DIR=/tmp/big-pg npm run bench
//
// Seed the database first with bench/seed.ts. The annual report scenario needs GONGKAI_SECRET
// or the data folder's `secret` (read through the product's own configuration).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createApiToken } from "../src/accounts/api-tokens";
import { createUser } from "../src/accounts/service";
import { loadConfig, prepareDataDir } from "../src/config";
import { connectDatabase } from "../src/db/database";
import { rootUnit } from "../src/org/store";
import { systemActor } from "../src/platform/audit";
import { createHumanChallenge } from "../src/platform/human-check";
import { hmacHex } from "../src/platform/tokens";
import { personFormFields } from "../src/requests/test-fixtures";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    "write-docs": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const root = new URL("..", import.meta.url).pathname;

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  total: number;
}

interface ScenarioResult {
  name: string;
  path: string;
  kind: "cached" | "uncached" | "post" | "single";
  app: LoadResult;
  bare?: LoadResult;
  ratio?: number;
  bytes?: number;
  note?: string;
}

type SetupRequest = (req: Record<string, unknown>) => Record<string, unknown>;
type Autocannon = (opts: Record<string, unknown>) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  timeouts: number;
  "2xx": number;
}>;

async function load(url: string, setupRequest?: SetupRequest, method = "GET"): Promise<LoadResult> {
  const autocannon = (await import("autocannon")).default as unknown as Autocannon;
  const r = await autocannon({
    url,
    connections,
    duration,
    method,
    requests: setupRequest ? [{ setupRequest }] : undefined,
  });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r["2xx"] + r.non2xx,
  };
}

function freePort(): Promise<number> {
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

/** Peak resident memory of a process, sampled from /proc while `during` runs. */
async function peakRss<T>(pid: number, during: () => Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb);
    } catch {}
  };
  const timer = setInterval(sample, 200);
  try {
    const result = await during();
    sample();
    return [result, Math.round(peak / 1024)];
  } finally {
    clearInterval(timer);
  }
}

async function withBareServer<T>(bytes: Buffer, run: (url: string) => Promise<T>): Promise<T> {
  const file = join(tmpdir(), `gongkai-bench-${process.pid}.html`);
  writeFileSync(file, bytes);
  const child = spawn(process.execPath, [join(root, "bench/bare-server.mjs"), file], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))),
  );
  try {
    return await run(`http://127.0.0.1:${port}/`);
  } finally {
    child.kill("SIGTERM");
  }
}

async function main() {
  const config = prepareDataDir({ ...loadConfig(), demo: false });
  const database = connectDatabase(config);
  const db = database.db;
  const now = new Date();
  const counts = {
    records: Number(
      (
        await db
          .selectFrom("records")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n ?? 0,
    ),
    applications: Number(
      (
        await db
          .selectFrom("applications")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n ?? 0,
    ),
  };
  const maxId = Number(
    (
      await db
        .selectFrom("records")
        .select((eb) => eb.fn.max("id").as("m"))
        .executeTakeFirst()
    )?.m ?? 1,
  );
  const deepItem = await db
    .selectFrom("records")
    .select(["catalog_item_id", (eb) => eb.fn.countAll().as("n")])
    .where("state", "=", "published")
    .where("catalog_item_id", "is not", null)
    .groupBy("catalog_item_id")
    .orderBy(sql`count(*)`, "desc")
    .executeTakeFirst();
  const latestYear = Number(
    (
      await db
        .selectFrom("applications")
        .select((eb) => eb.fn.max("year_received").as("y"))
        .executeTakeFirst()
    )?.y ?? now.getUTCFullYear(),
  );
  // A token for the annual report API, for a bench-only reviewer account.
  const unit = (await rootUnit(db))!.id;
  const username = `bench-${Date.now()}`;
  const userId = await createUser(
    db,
    systemActor,
    {
      username,
      displayName: "性能测试",
      unitId: unit,
      roles: ["reviewer", "approver"],
      password: `Bench-${Date.now()}-Aa1!`,
      mustChangePassword: false,
    },
    now,
  );
  const { token } = await createApiToken(db, userId, "bench", now);
  await database.destroy();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn(process.execPath, ["--import", "tsx", join(root, "src/main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      GONGKAI_LOG_LEVEL: "error",
      GONGKAI_TRUST_PROXY: "true",
      GONGKAI_DEMO: "false",
      GONGKAI_SECRET: config.secret,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const results: ScenarioResult[] = [];
  let rssPeak = 0;
  try {
    await waitHealthy(base, server);
    const pid = server.pid!;
    const want = (name: string) => !args.only || args.only.split(",").includes(name);
    const measure = async (r: Omit<ScenarioResult, "app">, run: () => Promise<LoadResult>) => {
      if (!want(r.name)) return;
      const [app, rss] = await peakRss(pid, run);
      rssPeak = Math.max(rssPeak, rss);
      const result: ScenarioResult = { ...r, app };
      results.push(result);
      process.stderr.write(`${summaryLine(result)}\n`);
    };
    /** A public page served from the page cache, beside the bare server with the same bytes. */
    const cachedPage = async (name: string, path: string) => {
      if (!want(name)) return;
      await fetch(base + path.slice(1));
      const bytes = Buffer.from(await (await fetch(base + path.slice(1))).arrayBuffer());
      const bare = await withBareServer(bytes, (url) => load(url));
      const [app, rss] = await peakRss(pid, () => load(base + path.slice(1)));
      rssPeak = Math.max(rssPeak, rss);
      const result: ScenarioResult = {
        name,
        path,
        kind: "cached",
        app,
        bare,
        ratio: Math.round((app.rps / bare.rps) * 100) / 100,
        bytes: bytes.length,
      };
      results.push(result);
      process.stderr.write(`${summaryLine(result)}\n`);
    };
    const deepPage = Math.max(1, Math.floor(Number(deepItem?.n ?? 0) / 20 / 2));
    const listPath = `/disclosure/records?catalogItemId=${deepItem?.catalog_item_id ?? 1}&page=${deepPage}`;
    await cachedPage("home", "/");
    await cachedPage("record", `/records/${maxId}`);
    await cachedPage("list-deep", listPath);
    await cachedPage("search-2", `/search?q=${encodeURIComponent("食品")}`);
    await cachedPage("search-4", `/search?q=${encodeURIComponent("监督抽检")}`);

    // Uncached: every request asks for a different record (a page cache cannot help).
    await measure({ name: "record-uncached", path: "/records/{random id}", kind: "uncached" }, () =>
      load(base, (req) => ({
        ...req,
        path: `/records/${1 + Math.floor(Math.random() * maxId)}`,
      })),
    );
    // Uncached searches: the 2- and 4-character words, each request on a page the cache has not
    // seen (a distinct `page`); only the first 50 pages exist, so the tail pages are empty results
    // the engine must still compute.
    const searchUncached = (name: string, words: string[]) =>
      measure({ name, path: `/search?q=${words.join("、")} (page 1–20)`, kind: "uncached" }, () => {
        let n = 0;
        return load(base, (req) => {
          n++;
          const word = words[n % words.length]!;
          return {
            ...req,
            path: `/search?q=${encodeURIComponent(word)}&page=${1 + (n % 20)}&n=${n}`,
          };
        });
      });
    await searchUncached("search-2-uncached", ["食品", "药品", "许可", "抽检", "餐饮"]);
    await searchUncached("search-4-uncached", ["食品安全", "监督抽检", "行政处罚", "医疗器械"]);

    // The application form POST: each request a fresh human check, CSRF pair and client address.
    const seed = "bench-csrf-seed-0123456789abcdef";
    const csrf = hmacHex(config.secret, seed);
    let posted = 0;
    await measure({ name: "application-post", path: "POST /applications/new", kind: "post" }, () =>
      load(
        `${base}applications/new`,
        (req) => {
          posted++;
          const challenge = createHumanChallenge(
            config.secret,
            new Date(Date.now() - 5000),
            () => 0,
          );
          const form = new URLSearchParams({
            ...personFormFields(),
            _csrf: csrf,
            hc_token: challenge.token,
            hc_answer: "2",
          });
          return {
            ...req,
            method: "POST",
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              cookie: `gk_csrf=${seed}`,
              "x-forwarded-for": `10.${(posted >> 16) & 255}.${(posted >> 8) & 255}.${posted & 255}`,
            },
            body: form.toString(),
          };
        },
        "POST",
      ),
    );

    // The annual report of the latest year, sequentially (its time, not its throughput).
    if (want("annual-report")) {
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const res = await fetch(`${base}api/v1/reports/annual/${latestYear}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.arrayBuffer();
        status = res.status;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const result: ScenarioResult = {
        name: "annual-report",
        path: `GET /api/v1/reports/annual/${latestYear}`,
        kind: "single",
        app: {
          rps: 0,
          p50: Math.round(times[2]!),
          p99: Math.round(times[4]!),
          max: Math.round(times[4]!),
          errors: 0,
          non2xx: status === 200 ? 0 : 5,
          total: 5,
        },
        note: status === 200 ? undefined : `HTTP ${status}`,
      };
      results.push(result);
      process.stderr.write(`${summaryLine(result)}\n`);
    }
  } finally {
    server.kill("SIGTERM");
  }

  const report = {
    at: new Date().toISOString(),
    engine: database.engine,
    counts,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    duration,
    connections,
    rssPeakMiB: rssPeak,
    results,
  };
  mkdirSync(join(root, "bench/results"), { recursive: true });
  const file = join(
    root,
    `bench/results/${report.at.replaceAll(":", "-")}-${database.engine}.json`,
  );
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const table = markdownTable(report);
  process.stdout.write(`${table}\n`);
  if (args["write-docs"]) writeDocs(database.engine, table);
}

function summaryLine(r: ScenarioResult): string {
  const ratio = r.ratio !== undefined ? ` ratio ${r.ratio} (bare ${r.bare!.rps}/s)` : "";
  return `${r.name.padEnd(20)} ${String(r.app.rps).padStart(6)}/s p50 ${r.app.p50} ms p99 ${r.app.p99} ms non2xx ${r.app.non2xx} errors ${r.app.errors}${ratio}`;
}

function markdownTable(report: {
  engine: string;
  counts: { records: number; applications: number };
  rssPeakMiB: number;
  at: string;
  results: ScenarioResult[];
  machine: { cpus: number; cpu: string; node: string; memoryGiB: number };
}): string {
  const lines = [
    `Run ${report.at} on ${report.engine}: ${report.counts.records} records, ${report.counts.applications} applications; ${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}; ${connections} connections × ${duration} s per scenario. Peak resident memory of the server: ${report.rssPeakMiB} MiB.`,
    "",
    "| scenario | request | req/s | p50 ms | p99 ms | non-2xx | bare req/s | ratio |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...report.results.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.kind === "single" ? "—" : r.app.rps} | ${r.app.p50} | ${r.app.p99} | ${r.app.non2xx} | ${r.bare?.rps ?? "—"} | ${r.ratio ?? "—"} |`,
    ),
  ];
  return lines.join("\n");
}

function writeDocs(engine: string, table: string): void {
  const file = join(root, "docs/PERFORMANCE.md");
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    text = "# Performance\n";
  }
  const start = `<!-- bench:${engine}:start -->`;
  const end = `<!-- bench:${engine}:end -->`;
  const block = `${start}\n${table}\n${end}`;
  text = text.includes(start)
    ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
    : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

await main();
