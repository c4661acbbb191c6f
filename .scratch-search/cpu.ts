// Scratch: CPU time per search (node process + PostgreSQL backend), immune to run-queue waiting.
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { connectDatabase } from "../src/db/database";
import { searchRecords } from "../src/search/search";
import { searchEngineOf } from "../src/search/engine";
import { parseSearchTerms } from "../src/search/query";

const url = process.env.DATABASE_URL ?? null;
const database = connectDatabase({ databaseUrl: url, sqlitePath: process.env.BENCH_SQLITE ?? "/tmp/gk-bench.sqlite" });
const db = database.db;
const iterations = Number(process.env.ITER ?? 30);
let backendPids: number[] = [];
if (database.engine === "postgres") {
  // Pin all work to known backends: run a query on each pooled connection.
  const rows = await Promise.all(Array.from({ length: 10 }, () => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(db)));
  backendPids = [...new Set(rows.map((r) => r.rows[0]!.pid))];
}
function backendTicks(): number {
  let t = 0;
  for (const pid of backendPids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      t += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return t * 10; // ms at 100 Hz
}
async function measure(name: string, fn: () => Promise<unknown>) {
  await fn();
  await fn();
  const c0 = process.cpuUsage();
  const b0 = backendTicks();
  const w0 = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  const wall = (performance.now() - w0) / iterations;
  const c = process.cpuUsage(c0);
  const node = (c.user + c.system) / 1000 / iterations;
  const backend = (backendTicks() - b0) / iterations;
  console.log(`${database.engine} ${name}: cpu ${(node + backend).toFixed(1)} ms (node ${node.toFixed(1)}, db ${backend.toFixed(1)}), wall ${wall.toFixed(1)} ms`);
}
const sample = await db.selectFrom("records").select(["doc_no", "index_no"]).where("state", "=", "published").where("doc_no", "is not", null).orderBy("id").limit(1).executeTakeFirstOrThrow();
const cases: [string, Parameters<typeof searchRecords>[1]][] = [
  ["食品 relevance", { q: "食品" }],
  ["食品 date", { q: "食品", sort: "date" }],
  ["许可 relevance", { q: "许可" }],
  ["许可 date", { q: "许可", sort: "date" }],
  ["食品安全 relevance", { q: "食品安全" }],
  ["食品经营许可 relevance", { q: "食品经营许可" }],
  ["特种设备 relevance", { q: "特种设备" }],
  ["公开 relevance page 30", { q: "公开", page: 30 }],
  ["食品 + genre licence", { q: "食品", genre: "licence" }],
  ["食品 + year 2015", { q: "食品", year: 2015 }],
  ["文号", { q: sample.doc_no! }],
  ["索引号", { q: sample.index_no! }],
  ["browse", { q: "" }],
];
for (const [name, opts] of cases) await measure(name, () => searchRecords(db, opts));
const engine = searchEngineOf(db);
for (const q of ["食品", "食品安全", "特种设备"]) {
  const spec = { groups: parseSearchTerms(q).groups, filters: {}, excludeIds: [] };
  await measure(`phase ${q} newestMatches(1001)`, () => engine.newestMatches(db, spec, 1001));
  await measure(`phase ${q} newestMatches(20)`, () => engine.newestMatches(db, spec, 20));
}
await database.destroy();
