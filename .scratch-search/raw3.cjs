const S = require("better-sqlite3");
const d = new S("/tmp/gk-bench2.sqlite", { readonly: true });
function t(name, q, ...p) {
  const st = d.prepare(q);
  st.all(...p);
  const s = process.hrtime.bigint();
  let r;
  for (let i = 0; i < 20; i++) r = st.all(...p);
  console.log(name, (Number(process.hrtime.bigint() - s) / 2e7).toFixed(2), "ms", r.length);
}
const m = '("食品")';
for (let k = 0; k < 2; k++) {
t("fts only", `select count(*) n from (select 1 from record_search_fts where record_search_fts match ? limit 1001)`, m);
t("fts+meta", `select count(*) n from (select 1 from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid where record_search_fts match ? limit 1001)`, m);
t("fts+meta+rec pk", `select count(*) n from (select 1 from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid cross join records r on r.id = m.record_id where record_search_fts match ? and r.state='published' limit 1001)`, m);
t("fts+meta+rec idx", `select count(*) n from (select 1 from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid cross join records r indexed by records_id_state_idx on r.id = m.record_id where record_search_fts match ? and r.state='published' limit 1001)`, m);
t("fts 500", `select rowid from record_search_fts where record_search_fts match ? order by rowid desc limit 500`, m);
t("fts 500 bm25", `select rowid, bm25(record_search_fts,0,0,1) from record_search_fts where record_search_fts match ? order by rowid desc limit 500`, m);
}
console.log(d.prepare(`explain query plan select 1 from record_search_fts cross join record_search m on m.sort_key = record_search_fts.rowid cross join records r indexed by records_id_state_idx on r.id = m.record_id where record_search_fts match ? and r.state='published' limit 1001`).all(m).map(r=>r.detail));
