import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// 依申请公开 casework: letter templates, reply attachments, 行政复议/行政诉讼 records and the mark of
// cases imported from a 台账. See src/requests/casework-tables.ts for the columns.
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await addIdColumn(db.schema.createTable("letter_templates"), engine)
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addColumn("updated_by_name", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("letter_templates_key")
    .on("letter_templates")
    .columns(["key", "id"])
    .execute();

  await addIdColumn(db.schema.createTable("application_attachments"), engine)
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id"))
    .addColumn("file_id", "integer", (c) => c.notNull().references("files.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createIndex("application_attachments_application")
    .on("application_attachments")
    .column("application_id")
    .execute();

  await addIdColumn(db.schema.createTable("application_appeals"), engine)
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("after_review", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("filed_on", "text")
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("decided_on", "text")
    .addColumn("authority", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("application_appeals_application")
    .on("application_appeals")
    .column("application_id")
    .execute();

  await db.schema
    .createTable("application_imports")
    .addColumn("application_id", "integer", (c) =>
      c.primaryKey().notNull().references("applications.id"),
    )
    .addColumn("row_number", "integer", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("imported_by", "integer", (c) => c.references("users.id"))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("application_imports").ifExists().execute();
  await db.schema.dropTable("application_appeals").ifExists().execute();
  await db.schema.dropTable("application_attachments").ifExists().execute();
  await db.schema.dropTable("letter_templates").ifExists().execute();
}
