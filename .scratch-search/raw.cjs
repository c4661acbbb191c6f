const S = require("better-sqlite3");
const d = new S("/tmp/gk-bench.sqlite", { readonly: true });
function t(name, q, ...p) {
  const st = d.prepare(q);
  st.all(...p);
  const s = process.hrtime.bigint();
  let r;
  for (let i = 0; i < 10; i++) r = st.all(...p);
  console.log(name, (Number(process.hrtime.bigint() - s) / 1e7).toFixed(2), "ms", r.length, JSON.stringify(r[0]));
}
const m = '("食品")';
t("fts only count1001", `select count(*) n from (select 1 from record_search_fts where record_search_fts match ? limit 1001)`, m);
t("fts+meta count1001", `select count(*) n from (select 1 from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid where record_search_fts match ? limit 1001)`, m);
t("fts+meta+rec count1001", `select count(*) n from (select 1 from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid cross join records r on r.id = m.record_id where record_search_fts match ? and r.state='published' limit 1001)`, m);
t("fts newest 500 rowid", `select rowid from record_search_fts where record_search_fts match ? order by rowid desc limit 500`, m);
t("fts newest 500 bm25", `select rowid, bm25(record_search_fts,0,0,1) from record_search_fts where record_search_fts match ? order by rowid desc limit 500`, m);
t("full cand", `select m.record_id, r.title, -bm25(record_search_fts,0,0,1) s from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid cross join records r on r.id = m.record_id where record_search_fts match ? and r.state='published' order by record_search_fts.rowid desc limit 500`, m);
t("full cand no bm25", `select m.record_id, r.title from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid cross join records r on r.id = m.record_id where record_search_fts match ? and r.state='published' order by record_search_fts.rowid desc limit 500`, m);
t("plan", `explain query plan select m.record_id, r.title from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid cross join records r on r.id = m.record_id where record_search_fts match ? and r.state='published' order by record_search_fts.rowid desc limit 500`, m);
console.log(d.prepare(`explain query plan select m.record_id, r.title from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid cross join records r on r.id = m.record_id where record_search_fts match ? and r.state='published' order by record_search_fts.rowid desc limit 500`).all(m));
console.log(d.prepare("select count(*) n from record_search_fts where record_search_fts match ?").get(m));
