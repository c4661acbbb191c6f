import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// 留言咨询: messages, their handling history, per-category deadlines, answer templates, and the
// links of 回应关切 / 政策问答 records. See src/messages/tables.ts for the columns.
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await addIdColumn(db.schema.createTable("messages"), engine)
    .addColumn("message_no", "text", (c) => c.notNull().unique())
    .addColumn("query_code_hash", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("name_enc", "text")
    .addColumn("name_masked", "text")
    .addColumn("phone_enc", "text")
    .addColumn("phone_masked", "text")
    .addColumn("email_enc", "text")
    .addColumn("email_masked", "text")
    .addColumn("consent_public", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("deadline_workdays", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("reply_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reply_drafted_by", "integer", (c) => c.references("users.id"))
    .addColumn("return_reason", "text")
    .addColumn("replied_on", "text")
    .addColumn("replied_at", "text")
    .addColumn("reply_reviewed_by", "integer", (c) => c.references("users.id"))
    .addColumn("last_supervised_on", "text")
    .addColumn("rating", "text")
    .addColumn("rating_comment", "text")
    .addColumn("rated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("messages_state")
    .on("messages")
    .columns(["state", "due_on"])
    .execute();
  await db.schema.createIndex("messages_unit").on("messages").column("unit_id").execute();

  await addIdColumn(db.schema.createTable("message_events"), engine)
    .addColumn("message_id", "integer", (c) => c.notNull().references("messages.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("from_unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("to_unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("message_events_message")
    .on("message_events")
    .column("message_id")
    .execute();

  await db.schema
    .createTable("message_deadlines")
    .addColumn("category", "text", (c) => c.primaryKey().notNull())
    .addColumn("workdays", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();

  await addIdColumn(db.schema.createTable("message_templates"), engine)
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();

  await addIdColumn(db.schema.createTable("record_concern_links"), engine)
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id"))
    .addColumn("target_kind", "text", (c) => c.notNull())
    .addColumn("target_id", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("record_concern_links_unique", ["record_id", "target_kind", "target_id"])
    .execute();
  await db.schema
    .createIndex("record_concern_links_target")
    .on("record_concern_links")
    .columns(["target_kind", "target_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("record_concern_links").ifExists().execute();
  await db.schema.dropTable("message_templates").ifExists().execute();
  await db.schema.dropTable("message_deadlines").ifExists().execute();
  await db.schema.dropTable("message_events").ifExists().execute();
  await db.schema.dropTable("messages").ifExists().execute();
}
