import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  // In-app notices (reminders, daily digests); dedupe_key makes each logical notice single.
  await addIdColumn(db.schema.createTable("notices"), engineOf(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("link", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex("notices_user_idx")
    .on("notices")
    .columns(["user_id", "read_at", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notices").execute();
}
