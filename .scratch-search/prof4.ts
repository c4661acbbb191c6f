import { sql } from "kysely";
import { createSqliteTestDatabase } from "../test/support/database";
import { segmentForIndex } from "../src/search/segment";
const t = await createSqliteTestDatabase();
const db = t.db;
segmentForIndex("预热");
const body = segmentForIndex("为进一步推进基层政务公开标准化规范化工作,提升政务服务水平。各乡镇市场监管所要高度重视,明确责任分工,确保各项工作落到实处。本次共抽检食品样品若干批次,检验结果已按规定向社会公开。".repeat(3));
async function time(name: string, fn: (i: number, d: any) => Promise<unknown>) {
  const s = performance.now();
  await db.transaction().execute(async (trx) => { for (let i = 0; i < 1000; i++) await fn(i, trx); });
  console.log(name, (performance.now() - s).toFixed(0));
}
await time("select 1", (i, db) => sql`select 1`.execute(db));
await time("meta select miss", (i, db) => db.selectFrom("record_search").select("sort_key").where("record_id", "=", i).executeTakeFirst());
await time("meta insert", (i, db) => db.insertInto("record_search").values({ record_id: i, sort_key: i * 1000, published_at: "x", catalog_item_id: null, genre: "g", publisher: "p", year: 2020, doc_no_norm: null, doc_no_tail: null, index_no_norm: null }).execute());
await time("fts insert", (i, db) => sql`insert into record_search_fts (rowid, title, doc_no, body) values (${i * 1000}, ${"标题"}, ${""}, ${body})`.execute(db));
await time("fts delete", (i, db) => sql`delete from record_search_fts where rowid = ${i * 1000}`.execute(db));
await t.destroy();
