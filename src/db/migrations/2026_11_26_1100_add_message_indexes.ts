import { type Kysely, sql } from "kysely";
import { engineOf } from "../dialect";

// 留言 pile up over the years (bench/seed.ts makes 100,000). Without these, at that size the
// public list sorted 60,000 replied messages with their bodies for every page (500–780 ms on
// SQLite), the back-office list read the whole table, and the supervision queries scanned every
// replied message for one period (docs/PERFORMANCE.md).
const indexes: { name: string; columns: string[] }[] = [
  // The back office's "all" list, newest first (src/messages/staff-queries.ts).
  { name: "messages_received_idx", columns: ["received_on", "id"] },
  // One state, newest first (the "replied" list).
  { name: "messages_state_received_idx", columns: ["state", "received_on", "id"] },
  // Messages replied in a period: supervision dashboard and assessment.
  { name: "messages_state_replied_idx", columns: ["state", "replied_on", "id"] },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const { name, columns } of indexes) {
    await db.schema.createIndex(name).on("messages").columns(columns).execute();
  }
  // The public list and its count: the condition of publicMessages (src/messages/store.ts).
  await db.schema
    .createIndex("messages_public_idx")
    .on("messages")
    .columns(["replied_at", "id"])
    .where(sql<boolean>`state = 'replied' and consent_public = 1`)
    .execute();
  if (engineOf(db) === "sqlite") await sql`pragma analysis_limit = 0`.execute(db);
  await sql`analyze messages`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("messages_public_idx").execute();
  for (const { name } of indexes) await db.schema.dropIndex(name).execute();
}
