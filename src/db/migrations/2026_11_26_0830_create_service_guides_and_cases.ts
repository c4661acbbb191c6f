import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// 办事服务: structured service guides beside their records, their versions, and service cases
// (办件) reported by the licensing system. See src/services/tables.ts for the columns.
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await db.schema
    .createTable("service_guides")
    .addColumn("record_id", "integer", (c) => c.primaryKey().notNull().references("records.id"))
    .addColumn("item_code", "text", (c) => c.notNull().unique())
    .addColumn("item_name", "text", (c) => c.notNull())
    .addColumn("item_type", "text", (c) => c.notNull())
    .addColumn("promised_days", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await addIdColumn(db.schema.createTable("service_guide_versions"), engine)
    .addColumn("record_id", "integer", (c) => c.notNull().references("service_guides.record_id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("service_guide_versions_record_version", ["record_id", "version"])
    .execute();

  await addIdColumn(db.schema.createTable("service_cases"), engine)
    .addColumn("case_no", "text", (c) => c.notNull().unique())
    .addColumn("guide_record_id", "integer", (c) => c.references("service_guides.record_id"))
    .addColumn("item_code", "text", (c) => c.notNull())
    .addColumn("item_name", "text", (c) => c.notNull())
    .addColumn("applicant_name_enc", "text", (c) => c.notNull())
    .addColumn("applicant_name_hash", "text", (c) => c.notNull())
    .addColumn("credit_code_tail_hash", "text")
    .addColumn("steps", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("accepted_on", "text")
    .addColumn("promised_on", "text")
    .addColumn("wants_status_mail", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("email_enc", "text")
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("service_cases").ifExists().execute();
  await db.schema.dropTable("service_guide_versions").ifExists().execute();
  await db.schema.dropTable("service_guides").ifExists().execute();
}
