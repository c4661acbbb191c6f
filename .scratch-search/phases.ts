import { connectDatabase } from "../src/db/database";
import { searchEngineOf } from "../src/search/engine";
import { parseSearchTerms } from "../src/search/query";
import { rankCandidates } from "../src/search/rank";
import { highlightSnippet, highlightText, containsAnyTerm } from "../src/search/highlight";
const url = process.env.DATABASE_URL ?? null;
const database = connectDatabase({ databaseUrl: url, sqlitePath: process.env.BENCH_SQLITE ?? "/tmp/gk-bench.sqlite" });
const db = database.db;
const engine = searchEngineOf(db);
async function time(name: string, fn: () => Promise<unknown> | unknown, n = 10) {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); await fn(); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(`${database.engine} ${name}: median ${ts[Math.floor(n / 2)]!.toFixed(2)} min ${ts[0]!.toFixed(2)}`);
}
for (const q of process.argv.slice(2)) {
  let s = performance.now();
  const terms = parseSearchTerms(q);
  console.log("parse", (performance.now() - s).toFixed(2), JSON.stringify(terms.groups));
  const spec = { groups: terms.groups, filters: {}, excludeIds: [] };
  await time(`${q} count`, () => engine.count(db, spec, 1001));
  await time(`${q} newest20`, () => engine.newest(db, spec, 0, 20));
  const cands = await engine.candidates(db, spec, 500);
  await time(`${q} candidates500`, () => engine.candidates(db, spec, 500));
  await time(`${q} candidates200`, () => engine.candidates(db, spec, 200));
  await time(`${q} rank`, () => rankCandidates(cands, terms.groups, q));
  const ids = rankCandidates(cands, terms.groups, q).slice(0, 20);
  await time(`${q} loadRows`, () => db.selectFrom("records").select(["id", "title", "doc_no", "index_no", "published_on", "genre", "publisher", "summary", "body_text"]).where("id", "in", ids).where("state", "=", "published").execute());
  const rows = await db.selectFrom("records").select(["id", "title", "body_text"]).where("id", "in", ids).execute();
  await time(`${q} highlight`, () => rows.map((r) => [containsAnyTerm(r.body_text, terms.highlights), highlightSnippet(r.body_text, terms.highlights), highlightText(r.title, terms.highlights)]));
}
await database.destroy();
