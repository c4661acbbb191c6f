import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// The statutory annual report per year (src/supervision/annual-report/tables.ts).
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db.schema.createTable("annual_reports"), engineOf(db))
    .addColumn("year", "integer", (c) => c.notNull().unique())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("fee_amount_10k_yuan", "text", (c) => c.notNull().defaultTo("0"))
    .addColumn("corrections", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("narrative", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("snapshot", "text")
    .addColumn("finalised_at", "text")
    .addColumn("finalised_by", "integer", (c) => c.references("users.id"))
    .addColumn("record_id", "integer", (c) => c.references("records.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("annual_reports").execute();
}
