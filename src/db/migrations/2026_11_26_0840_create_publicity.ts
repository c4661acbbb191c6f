import type { CreateTableBuilder, Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// 双公示: 行政许可 and 行政处罚/行政强制 decisions published for a 公示期, and the administrator's
// 公示期 settings. See src/publicity/tables.ts for the columns.

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
function entryColumns<T extends string>(table: CreateTableBuilder<T, any>) {
  return table
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_name", "text", (c) => c.notNull())
    .addColumn("subject_name_enc", "text")
    .addColumn("credit_code", "text")
    .addColumn("legal_rep", "text")
    .addColumn("legal_rep_enc", "text")
    .addColumn("decided_on", "text", (c) => c.notNull())
    .addColumn("authority", "text", (c) => c.notNull())
    .addColumn("catalog_item_id", "integer", (c) => c.notNull().references("catalog_items.id"))
    .addColumn("publish_by_on", "text")
    .addColumn("published_at", "text")
    .addColumn("published_on", "text")
    .addColumn("publicity_ends_on", "text")
    .addColumn("taken_down_at", "text")
    .addColumn("taken_down_reason", "text")
    .addColumn("taken_down_by", "integer", (c) => c.references("users.id"))
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull());
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await entryColumns(
    addIdColumn(db.schema.createTable("publicity_licences"), engine)
      .addColumn("licence_no", "text", (c) => c.notNull().unique())
      .addColumn("content", "text", (c) => c.notNull())
      .addColumn("valid_from", "text")
      .addColumn("valid_to", "text"),
  ).execute();
  await db.schema
    .createIndex("publicity_licences_decided")
    .on("publicity_licences")
    .column("decided_on")
    .execute();

  await entryColumns(
    addIdColumn(db.schema.createTable("publicity_penalties"), engine)
      .addColumn("decision_no", "text", (c) => c.notNull().unique())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("minor", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("facts", "text", (c) => c.notNull())
      .addColumn("basis", "text", (c) => c.notNull())
      .addColumn("content", "text", (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex("publicity_penalties_decided")
    .on("publicity_penalties")
    .column("decided_on")
    .execute();

  await db.schema
    .createTable("publicity_periods")
    .addColumn("kind", "text", (c) => c.primaryKey().notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("months", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publicity_periods").ifExists().execute();
  await db.schema.dropTable("publicity_penalties").ifExists().execute();
  await db.schema.dropTable("publicity_licences").ifExists().execute();
}
