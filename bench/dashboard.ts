// Times the supervision dashboard (监督考核) over HTTP against a running server on a seeded database:
// the page (signed in as the office) and GET /api/v1/dashboard (token), sequentially, after one
// warm-up request (which also loads ECharts).
//
//   GONGKAI_DATA_DIR=/tmp/big node --import tsx bench/seed.ts --records 100000 --applications 20000
//   GONGKAI_DATA_DIR=/tmp/big node --import tsx bench/dashboard.ts [--runs 10] [--from … --to …]
import { parseArgs } from "node:util";
import { createApiToken } from "../src/accounts/api-tokens";
import { createUser } from "../src/accounts/service";
import { loadConfig, prepareDataDir } from "../src/config";
import { connectDatabase } from "../src/db/database";
import { rootUnit } from "../src/org/store";
import { systemActor } from "../src/platform/audit";
import { startProduct } from "./product";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    from: { type: "string" },
    to: { type: "string" },
  },
});
const runs = Number(args.runs);
const _root = new URL("..", import.meta.url).pathname;

/** Signs in through the login form like a browser; returns the cookie header. */
async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const form = await fetch(`${base}login`);
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const res = await fetch(`${base}login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ _csrf: csrf, username, password }),
  });
  keep(res);
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  return cookie();
}

async function time(url: string, headers: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    if (res.status !== 200) {
      throw new Error(`${url}: HTTP ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
    }
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const summary = (name: string, t: number[]) =>
  `${name.padEnd(28)} min ${t[0]!.toFixed(0)} ms  median ${t[Math.floor(t.length / 2)]!.toFixed(0)} ms  max ${t.at(-1)!.toFixed(0)} ms  (${t.length} runs)`;

async function main() {
  const config = prepareDataDir({ ...loadConfig(), demo: false });
  const database = connectDatabase(config);
  const db = database.db;
  const now = new Date();
  const count = async (table: "records" | "applications") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const counts = { records: await count("records"), applications: await count("applications") };
  const username = `bench-sup-${Date.now()}`;
  const password = `Bench-${Date.now()}-Aa1!`;
  const userId = await createUser(
    db,
    systemActor,
    {
      username,
      displayName: "监督考核性能测试",
      unitId: (await rootUnit(db))!.id,
      roles: ["reviewer"],
      password,
      mustChangePassword: false,
    },
    now,
  );
  const { token } = await createApiToken(db, userId, "bench", now);
  await database.destroy();

  const { base, child: server } = await startProduct(config.secret);
  try {
    const cookie = await signIn(base, username, password);
    const query = new URLSearchParams();
    if (args.from) query.set("from", args.from);
    if (args.to) query.set("to", args.to);
    const qs = query.size ? `?${query}` : "";
    const started = performance.now();
    const first = await fetch(`${base}admin/supervision${qs}`, { headers: { cookie } });
    await first.arrayBuffer();
    const cold = performance.now() - started;
    const page = await time(`${base}admin/supervision${qs}`, { cookie });
    const apiTimes = await time(`${base}api/v1/dashboard${qs}`, {
      authorization: `Bearer ${token}`,
    });
    const year = new Date().getFullYear();
    const items = await time(
      `${base}admin/supervision/items?figure=records.onTime&from=${year}-01-01&to=${year}-12-31`,
      { cookie },
    );
    process.stdout.write(
      [
        `${database.engine}: ${counts.records} records, ${counts.applications} applications`,
        `first page load after start (loads ECharts, about 3 s): ${cold.toFixed(0)} ms`,
        summary("GET /admin/supervision", page),
        summary("GET /api/v1/dashboard", apiTimes),
        summary("GET /admin/supervision/items", items),
        "",
      ].join("\n"),
    );
  } finally {
    server.kill("SIGTERM");
  }
}

await main();
