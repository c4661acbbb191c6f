import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);

  // 标准目录 items. List-valued and structured columns (elements, legal basis, channels, audience,
  // mode, level) are JSON text; `version` counts edits, each kept in catalog_item_versions.
  await addIdColumn(db.schema.createTable("catalog_items"), engine)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("seq", "integer")
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("elements", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addColumn("deadline_text", "text", (c) => c.notNull())
    .addColumn("deadline_rule", "text")
    .addColumn("responsible_unit", "text", (c) => c.notNull())
    .addColumn("responsible_unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("channels", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("verification", "text", (c) => c.notNull())
    .addColumn("candidate", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("missing_fields", "text", (c) => c.notNull())
    .addColumn("unverified_fields", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await addIdColumn(db.schema.createTable("catalog_item_versions"), engine)
    .addColumn("catalog_item_id", "integer", (c) => c.notNull().references("catalog_items.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("changed_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("catalog_item_versions_uq", ["catalog_item_id", "version"])
    .execute();

  // 索引号 serials: one row per year, only ever incremented, so a number is never reused.
  await db.schema
    .createTable("index_no_serials")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("last_serial", "integer", (c) => c.notNull())
    .execute();

  await createRecords(db, engine);
}

// biome-ignore lint/suspicious/noExplicitAny: see above
async function createRecords(db: Kysely<any>, engine: "sqlite" | "postgres"): Promise<void> {
  await addIdColumn(db.schema.createTable("records"), engine)
    .addColumn("index_no", "text", (c) => c.unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("doc_no", "text")
    .addColumn("publisher", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("formed_on", "text", (c) => c.notNull())
    .addColumn("published_on", "text")
    .addColumn("published_at", "text")
    .addColumn("scheduled_at", "text")
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("genre", "text", (c) => c.notNull())
    .addColumn("openness", "text", (c) => c.notNull())
    .addColumn("validity", "text", (c) => c.notNull().defaultTo("inForce"))
    .addColumn("validity_changed_on", "text")
    .addColumn("repealed_by_record_id", "integer", (c) => c.references("records.id"))
    .addColumn("keywords", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("catalog_item_id", "integer", (c) => c.references("catalog_items.id"))
    .addColumn("catalog_item_version", "integer")
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("needs_interpretation", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("interprets_record_id", "integer", (c) => c.references("records.id"))
    .addColumn("interpretation_kind", "text")
    .addColumn("video_url", "text")
    .addColumn("due_on", "text")
    .addColumn("published_late", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("review", "text")
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("withdrawn_at", "text")
    .addColumn("withdraw_reason", "text")
    .execute();
  await db.schema
    .createIndex("records_state_published_idx")
    .on("records")
    .columns(["state", "published_at"])
    .execute();
  await db.schema
    .createIndex("records_catalog_idx")
    .on("records")
    .columns(["catalog_item_id", "state", "published_at"])
    .execute();
  await db.schema
    .createIndex("records_genre_idx")
    .on("records")
    .columns(["genre", "state", "published_at"])
    .execute();
  await db.schema
    .createIndex("records_unit_idx")
    .on("records")
    .columns(["unit_id", "state"])
    .execute();
  await db.schema.createIndex("records_doc_no_idx").on("records").column("doc_no").execute();
  await db.schema
    .createIndex("records_interprets_idx")
    .on("records")
    .column("interprets_record_id")
    .execute();

  await addIdColumn(db.schema.createTable("record_versions"), engine)
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("record_versions_uq", ["record_id", "version"])
    .execute();

  // The workflow history: every transition with who, when and why.
  await addIdColumn(db.schema.createTable("record_events"), engine)
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_state", "text", (c) => c.notNull())
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createIndex("record_events_record_idx")
    .on("record_events")
    .column("record_id")
    .execute();

  // Stored files, content-addressed; a record's attachments point at them.
  await addIdColumn(db.schema.createTable("files"), engine)
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("storage_path", "text", (c) => c.notNull())
    .addColumn("text_content", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await addIdColumn(db.schema.createTable("record_attachments"), engine)
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id"))
    .addColumn("file_id", "integer", (c) => c.notNull().references("files.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createIndex("record_attachments_record_idx")
    .on("record_attachments")
    .column("record_id")
    .execute();

  await addIdColumn(db.schema.createTable("proofread_dismissals"), engine)
    .addColumn("record_id", "integer", (c) => c.notNull().references("records.id"))
    .addColumn("found", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("dismissed_by", "integer", (c) => c.references("users.id"))
    .addColumn("dismissed_at", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "proofread_dismissals",
    "record_attachments",
    "files",
    "record_events",
    "record_versions",
    "records",
    "index_no_serials",
    "catalog_item_versions",
    "catalog_items",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
