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
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createApiToken } from "../src/accounts/api-tokens";
import { createUser } from "../src/accounts/service";
import { loadConfig, prepareDataDir } from "../src/config";
import { connectDatabase } from "../src/db/database";
import { PUBLIC_MESSAGES_PER_PAGE } from "../src/messages/public";
import { publicMessages } from "../src/messages/store";
import { rootUnit } from "../src/org/store";
import { systemActor } from "../src/platform/audit";
import { createHumanChallenge } from "../src/platform/human-check";
import { hmacHex } from "../src/platform/tokens";
import { personFormFields } from "../src/requests/test-fixtures";
import { offeredLoad } from "./offered-load";
import { startProduct } from "./product";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    // Offered loads (requests per second, comma-separated) for the uncached scenarios' latency.
    rates: { type: "string", default: "10,25,50" },
    "write-docs": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const duration = Number(args.duration);
// Common words of the food & drug domain, as visitors type them; all occur in bench/text.ts.
const SEARCH_WORDS_2 = [
  "食品",
  "药品",
  "许可",
  "抽检",
  "餐饮",
  "检查",
  "处罚",
  "企业",
  "监管",
  "安全",
];
const SEARCH_WORDS_4 = ["食品安全", "监督抽检", "行政处罚", "医疗器械", "餐饮服务", "监督检查"];
const connections = Number(args.connections);
const rates = args.rates.split(",").map(Number);
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
  /** Peak resident memory of the server while this scenario ran. */
  rssMiB?: number;
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

/** Responses by status code, when a scenario asks (`load(…, { statuses })`). */
type StatusCounts = Record<string, number>;

interface LoadOptions {
  setupRequest?: SetupRequest;
  method?: string;
  /** Filled with the number of responses per status code. */
  statuses?: StatusCounts;
}

async function load(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const autocannon = (await import("autocannon")).default as unknown as Autocannon;
  const { setupRequest, method = "GET", statuses } = options;
  const onResponse = statuses
    ? (status: number) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    : undefined;
  const r = await autocannon({
    url,
    connections,
    duration,
    method,
    requests: setupRequest ? [{ setupRequest, onResponse }] : undefined,
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

/** Headers that belong to one connection or one moment, not to the page. */
const perConnection = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

async function withBareServer<T>(
  bytes: Buffer,
  headers: Headers,
  run: (url: string) => Promise<T>,
): Promise<T> {
  const file = join(tmpdir(), `gongkai-bench-${process.pid}.html`);
  writeFileSync(file, bytes);
  const kept = Object.fromEntries([...headers].filter(([name]) => !perConnection.has(name)));
  writeFileSync(`${file}.json`, JSON.stringify(kept));
  const child = spawn(
    process.execPath,
    [join(root, "bench/bare-server.mjs"), file, `${file}.json`],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
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
  const countOf = async (
    table: "records" | "applications" | "consultation_comments" | "messages",
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const counts = {
    records: await countOf("records"),
    applications: await countOf("applications"),
    comments: await countOf("consultation_comments"),
    messages: await countOf("messages"),
  };
  // The 留言 list pages and the consultations the public sees.
  const publicMessageCount = Number(
    (
      await publicMessages(db)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  const messagePages = Math.max(1, Math.ceil(publicMessageCount / PUBLIC_MESSAGES_PER_PAGE));
  const consultationIds = (
    await db.selectFrom("consultations").select("id").where("status", "=", "opened").execute()
  ).map((r) => r.id);
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

  const deepPage = Math.max(1, Math.floor(Number(deepItem?.n ?? 0) / 20 / 2));
  const listPath = `/disclosure/records?catalogItemId=${deepItem?.catalog_item_id ?? 1}&page=${deepPage}`;

  /** The product as deployed; `GONGKAI_PAGE_CACHE_MB=0` gives one with no page or search cache. */
  const start = (env: Record<string, string>) =>
    startProduct(config.secret, { GONGKAI_TRUST_PROXY: "true", ...env });
  const results: ScenarioResult[] = [];
  let rssPeak = 0;
  const want = (name: string) => !args.only || args.only.split(",").includes(name);
  /** Peak resident memory during the last sampled run, reported with its scenario. */
  let lastRss = 0;
  const report = (result: ScenarioResult) => {
    result.rssMiB = lastRss;
    results.push(result);
    process.stderr.write(`${summaryLine(result)}\n`);
  };
  /** Runs `phase` against a fresh server started with `env`, recording its peak memory. */
  const withProduct = async (
    env: Record<string, string>,
    phase: (base: string, sample: <T>(run: () => Promise<T>) => Promise<T>) => Promise<void>,
  ) => {
    const { base, child } = await start(env);
    const sample = async <T>(run: () => Promise<T>): Promise<T> => {
      const [value, rss] = await peakRss(child.pid!, run);
      rssPeak = Math.max(rssPeak, rss);
      lastRss = rss;
      return value;
    };
    try {
      await phase(base, sample);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  };

  // Phase 1, as deployed (page cache on): cached pages beside the bare server, the form POST and
  // the annual report.
  await withProduct({}, async (base, sample) => {
    /** A public page served from the page cache, beside the bare server with the same bytes. */
    const cachedPage = async (name: string, path: string) => {
      if (!want(name)) return;
      await fetch(base + path.slice(1));
      // The stored page as the load generator gets it (no Accept-Encoding: identity bytes).
      const page = await fetch(base + path.slice(1), {
        headers: { "accept-encoding": "identity" },
      });
      const bytes = Buffer.from(await page.arrayBuffer());
      // Twice each, alternating, averaged: one run of either can be off by a fifth on a small VM.
      const runs: { bare: LoadResult; app: LoadResult }[] = [];
      for (let i = 0; i < 2; i++) {
        const bareRun = await withBareServer(bytes, page.headers, (url) => load(url));
        runs.push({ bare: bareRun, app: await sample(() => load(base + path.slice(1))) });
      }
      const bare = averaged(runs.map((r) => r.bare));
      const app = averaged(runs.map((r) => r.app));
      report({
        name,
        path,
        kind: "cached",
        app,
        bare,
        ratio: Math.round((app.rps / bare.rps) * 100) / 100,
        bytes: bytes.length,
      });
    };
    await cachedPage("home", "/");
    await cachedPage("record", `/records/${maxId}`);
    await cachedPage("list-deep", listPath);
    await cachedPage("search-2", `/search?q=${encodeURIComponent("食品")}`);
    await cachedPage("search-4", `/search?q=${encodeURIComponent("监督抽检")}`);

    // The application form POST: each request a fresh human check, CSRF pair and client address.
    // A filed application answers 303 (to the confirmation page); anything else is a failure.
    if (want("application-post")) {
      const seed = "bench-csrf-seed-0123456789abcdef";
      const csrf = hmacHex(config.secret, seed);
      let posted = 0;
      const statuses: StatusCounts = {};
      const app = await sample(() =>
        load(`${base}applications/new`, {
          setupRequest: (req) => {
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
          method: "POST",
          statuses,
        }),
      );
      const filed = statuses["303"] ?? 0;
      report({
        name: "application-post",
        path: "POST /applications/new",
        kind: "post",
        app: { ...app, non2xx: app.total - filed },
        note: `statuses ${JSON.stringify(statuses)}; 303 = filed`,
      });
    }

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
      report({
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
      });
    }
  });

  // Phase 2, nothing cached (GONGKAI_PAGE_CACHE_MB=0: no page cache, no search result cache):
  // every request renders its page and every search walks the index and ranks again.
  await withProduct({ GONGKAI_PAGE_CACHE_MB: "0" }, async (base, sample) => {
    // Each as fast as the server goes (its throughput; the latency is then mostly queueing behind
    // the other connections), then at each offered load of --rates requests per second, open loop
    // (offered-load.ts): the latency a visitor sees while the site is that busy.
    const uncached = async (name: string, path: string, next: () => string) => {
      if (!want(name)) return;
      const setupRequest: SetupRequest = (req) => ({ ...req, path: next() });
      report({
        name,
        path,
        kind: "uncached",
        app: await sample(() => load(base, { setupRequest })),
      });
      for (const r of rates) {
        // Let the saturated run's backlog drain first, or its last requests time the first ones.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const offered = await sample(() => offeredLoad(base, next, r, duration));
        const app = { ...offered, errors: 0, non2xx: offered.failed, total: offered.sent };
        report({ name: `${name} @${r}/s`, path, kind: "uncached", app });
      }
    };
    const random = (n: number) => 1 + Math.floor(Math.random() * n);
    await uncached("record-uncached", "/records/{random id}", () => `/records/${random(maxId)}`);
    await uncached("list-deep-uncached", `${listPath} (uncached)`, () => listPath);
    const searching = (name: string, words: string[]) =>
      uncached(name, `/search?q={${words.join(",")}}&page={1–20}`, () => {
        const word = words[random(words.length) - 1]!;
        return `/search?q=${encodeURIComponent(word)}&page=${random(20)}`;
      });
    await searching("search-2-uncached", SEARCH_WORDS_2);
    await searching("search-4-uncached", SEARCH_WORDS_4);
    if (publicMessageCount > 0) {
      await uncached(
        "messages-uncached",
        `/interaction/messages?page={1–${messagePages}}`,
        () => `/interaction/messages?page=${random(messagePages)}`,
      );
    }
    if (consultationIds.length > 0) {
      await uncached(
        "consultation-uncached",
        "/interaction/consultations/{random id} (draft and its published comments)",
        () => `/interaction/consultations/${consultationIds[random(consultationIds.length) - 1]}`,
      );
    }
  });

  const summary = {
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
    `bench/results/${summary.at.replaceAll(":", "-")}-${database.engine}.json`,
  );
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  const table = markdownTable(summary);
  process.stdout.write(`${table}\n`);
  if (args["write-docs"]) writeDocs(database.engine, table);
}

/** Throughput averaged, latencies of the worse run. */
function averaged(results: LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const worst = (f: (r: LoadResult) => number) => Math.max(...results.map(f));
  return {
    rps: Math.round(sum((r) => r.rps) / results.length),
    p50: worst((r) => r.p50),
    p99: worst((r) => r.p99),
    max: worst((r) => r.max),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    total: sum((r) => r.total),
  };
}

function summaryLine(r: ScenarioResult): string {
  const ratio = r.ratio !== undefined ? ` ratio ${r.ratio} (bare ${r.bare!.rps}/s)` : "";
  return `${r.name.padEnd(20)} ${String(r.app.rps).padStart(6)}/s p50 ${r.app.p50} ms p99 ${r.app.p99} ms non2xx ${r.app.non2xx} errors ${r.app.errors} rss ${r.rssMiB} MiB${ratio}`;
}

function markdownTable(report: {
  engine: string;
  counts: { records: number; applications: number; comments: number; messages: number };
  rssPeakMiB: number;
  at: string;
  results: ScenarioResult[];
  machine: { cpus: number; cpu: string; node: string; memoryGiB: number };
}): string {
  const lines = [
    `Run ${report.at} on ${report.engine}: ${report.counts.records} records, ${report.counts.applications} applications, ${report.counts.comments} consultation comments, ${report.counts.messages} messages; ${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}; ${connections} connections × ${duration} s per scenario. Peak resident memory of the server: ${report.rssPeakMiB} MiB.`,
    "",
    "| scenario | request | req/s | p50 ms | p99 ms | failed | bare req/s | ratio | RSS MiB |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...report.results.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.kind === "single" ? "—" : r.app.rps} | ${r.app.p50} | ${r.app.p99} | ${r.app.non2xx} | ${r.bare?.rps ?? "—"} | ${r.ratio ?? "—"} | ${r.rssMiB ?? "—"} |`,
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
