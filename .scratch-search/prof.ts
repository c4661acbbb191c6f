import { sql } from "kysely";
import { createSqliteTestDatabase } from "../test/support/database";
import { segmentForIndex } from "../src/search/segment";
import { syncSearchIndex } from "../src/search/indexer";
const t = await createSqliteTestDatabase();
const db = t.db;
const NOW = "2025-01-01T00:00:00Z";
const unit = await db.insertInto("units").values({ name: "u", kind: "k", created_at: NOW }).returning("id").executeTakeFirstOrThrow();
const user = await db.insertInto("users").values({ username: "u", display_name: "u", unit_id: unit.id, password_hash: "x", created_at: NOW }).returning("id").executeTakeFirstOrThrow();
const body = "为进一步推进基层政务公开标准化规范化工作,提升政务服务水平。各乡镇市场监管所要高度重视,明确责任分工,确保各项工作落到实处。本次共抽检食品样品若干批次,检验结果已按规定向社会公开。".repeat(3);
let s = performance.now();
for (let i = 0; i < 1000; i++) segmentForIndex(body + i);
console.log("segment x1000", performance.now() - s);
s = performance.now();
const ids: number[] = [];
await db.transaction().execute(async (trx) => {
  for (let i = 0; i < 1000; i++) {
    const r = await trx.insertInto("records").values({ title: `标题${i}食品`, publisher: "p", unit_id: unit.id, formed_on: "2024-01-01", topic: "x", genre: "notice", openness: "o", state: "published", published_at: new Date(Date.UTC(2020,0,1)+i*60000).toISOString(), published_on: "2024-01-01", created_by: user.id, created_at: NOW, updated_at: NOW, body_text: body }).returning("id").executeTakeFirstOrThrow();
    ids.push(r.id);
  }
});
console.log("insert records x1000", performance.now() - s);
s = performance.now();
await db.transaction().execute(async (trx) => { for (const id of ids) await syncSearchIndex(trx, id); });
console.log("sync x1000", performance.now() - s);
await t.destroy();
