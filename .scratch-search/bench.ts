// Scratch benchmark (not part of the project): builds N synthetic records, rebuilds the index, times queries.
import { sql } from "kysely";
import { connectDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { demoNotice } from "../src/records/demo-notice";
import { rebuildSearchIndex } from "../src/search/indexer";
import { searchRecords } from "../src/search/search";

const N = Number(process.argv[2] ?? 10000);
const mode = process.argv[3] ?? "all"; // build | query | all
const url = process.env.DATABASE_URL ?? null;
const database = connectDatabase({ databaseUrl: url, sqlitePath: process.env.BENCH_SQLITE ?? "/tmp/gk-bench.sqlite" });
const db = database.db;

function mulberry32(seed: number) { let a = seed; return () => { a = (a + 0x6d2b79f5) | 0; let x = Math.imul(a ^ (a >>> 15), 1 | a); x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x; return ((x ^ (x >>> 14)) >>> 0) / 4294967296; }; }
const sentences = demoNotice.paragraphs.join("").split(/(?<=[。;:])/).filter((s) => s.length > 4);
const TOPICS = ["食品安全", "药品监管", "特种设备", "价格监督", "广告监测", "行政许可", "知识产权", "计量检定", "消费维权", "登记注册", "质量监督", "网络交易"];
const KINDS = ["通知", "公告", "公示", "工作动态", "计划总结", "决定书", "实施方案"];
const GENRES = ["notice", "announcement", "publicity", "workNews", "planAndSummary", "licence", "penalty"];

if (mode === "build" || mode === "all") {
  await migrateToLatest(db);
  const NOW = "2025-01-01T00:00:00Z";
  const unit = await db.insertInto("units").values({ name: "u", kind: "k", created_at: NOW }).returning("id").executeTakeFirstOrThrow();
  const user = await db.insertInto("users").values({ username: `u${Date.now()}`, display_name: "u", unit_id: unit.id, password_hash: "x", created_at: NOW }).returning("id").executeTakeFirstOrThrow();
  const random = mulberry32(7);
  const pick = <T,>(l: readonly T[]) => l[Math.floor(random() * l.length)]!;
  let s = performance.now();
  const start = Date.UTC(2010, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  for (let i = 0; i < N; i += 500) {
    const rows = [];
    for (let j = i; j < Math.min(N, i + 500); j++) {
      const at = new Date(start + Math.floor(random() * span)).toISOString();
      const nSent = 8 + Math.floor(random() * 20);
      rows.push({
        title: `${at.slice(0, 4)}年${pick(TOPICS)}${pick(KINDS)}(第${j + 1}号)`,
        doc_no: random() < 0.3 ? `渑市监文〔${at.slice(0, 4)}〕${j + 1}号` : null,
        index_no: `11411221MB1234567X/${at.slice(0, 4)}-${String(j + 1).padStart(7, "0")}`,
        publisher: random() < 0.8 ? "渑池县市场监督管理局" : "渑池县人民政府",
        unit_id: unit.id, formed_on: at.slice(0, 10), topic: "x", genre: pick(GENRES), openness: "proactive",
        state: (random() < 0.95 ? "published" : "draft") as "published" | "draft",
        published_at: at, published_on: at.slice(0, 10), created_by: user.id, created_at: at, updated_at: at,
        body_text: Array.from({ length: nSent }, () => pick(sentences)).join(""),
      });
    }
    await db.insertInto("records").values(rows).execute();
  }
  console.log(`inserted ${N} records in ${((performance.now() - s) / 1000).toFixed(1)} s`);
  s = performance.now();
  const n = await rebuildSearchIndex(db, 1000);
  console.log(`rebuilt index of ${n} records in ${((performance.now() - s) / 1000).toFixed(1)} s`);
  if (database.engine === "postgres") await sql`analyze`.execute(db);
  else await sql`analyze`.execute(db);
}

if (mode === "query" || mode === "all") {
  const docNo = await db.selectFrom("records").select(["doc_no", "index_no"]).where("state", "=", "published").where("doc_no", "is not", null).orderBy("id").limit(1).executeTakeFirstOrThrow();
  const cases: [string, Parameters<typeof searchRecords>[1]][] = [
    ["食品 relevance", { q: "食品" }],
    ["食品 date", { q: "食品", sort: "date" }],
    ["许可 relevance", { q: "许可" }],
    ["许可 date", { q: "许可", sort: "date" }],
    ["食品经营许可 relevance", { q: "食品经营许可" }],
    ["食品安全 relevance", { q: "食品安全" }],
    ["公开 relevance page 30", { q: "公开", page: 30 }],
    ["rare: 特种设备 relevance", { q: "特种设备" }],
    ["食品 + genre licence", { q: "食品", genre: "licence" }],
    ["食品 + year 2015", { q: "食品", year: 2015 }],
    ["食品 + publisher", { q: "食品", publisher: "渑池县人民政府" }],
    ["文号", { q: docNo.doc_no! }],
    ["索引号", { q: docNo.index_no! }],
    ["empty (browse)", { q: "" }],
  ];
  for (const [name, opts] of cases) {
    await searchRecords(db, opts);
    const times: number[] = [];
    let total = 0; let capped = false;
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      const r = await searchRecords(db, opts);
      times.push(performance.now() - s);
      total = r.total; capped = r.totalCapped;
    }
    times.sort((a, b) => a - b);
    console.log(`${database.engine} ${name}: median ${times[7]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms, total ${total}${capped ? "+" : ""}`);
  }
}
await database.destroy();
