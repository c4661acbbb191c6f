import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// 公众参与: the decision catalog, 意见征集 with comments, groups, feedback versions and answer
// templates. See src/participation/tables.ts for the columns.
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await addIdColumn(db.schema.createTable("participation_decisions"), engine)
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("is_major", "integer", (c) => c.notNull())
    .addColumn("stages", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("participation_decisions_year")
    .on("participation_decisions")
    .column("year")
    .execute();

  await addIdColumn(db.schema.createTable("consultations"), engine)
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("decision_item_id", "integer", (c) => c.references("participation_decisions.id"))
    .addColumn("is_major", "integer", (c) => c.notNull())
    .addColumn("draft_text", "text", (c) => c.notNull())
    .addColumn("draft_record_id", "integer", (c) => c.references("records.id"))
    .addColumn("explanation_html", "text", (c) => c.notNull())
    .addColumn("opens_on", "text", (c) => c.notNull())
    .addColumn("closes_on", "text", (c) => c.notNull())
    .addColumn("short_period_reason", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("contact_address", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("opens_at", "text", (c) => c.notNull())
    .addColumn("closes_at", "text", (c) => c.notNull())
    .addColumn("opened_at", "text")
    .addColumn("opened_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("consultations_status_closes")
    .on("consultations")
    .columns(["status", "closes_at"])
    .execute();

  await addIdColumn(db.schema.createTable("consultation_comment_groups"), engine)
    .addColumn("consultation_id", "integer", (c) => c.notNull().references("consultations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("disposition", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await addIdColumn(db.schema.createTable("consultation_comments"), engine)
    .addColumn("consultation_id", "integer", (c) => c.notNull().references("consultations.id"))
    .addColumn("article_no", "integer")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("name_enc", "text")
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("contact_enc", "text")
    .addColumn("contact_masked", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("hold_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("moderated_by", "integer", (c) => c.references("users.id"))
    .addColumn("moderated_at", "text")
    .addColumn("disposition", "text")
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("group_id", "integer", (c) => c.references("consultation_comment_groups.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("consultation_comments_consultation")
    .on("consultation_comments")
    .columns(["consultation_id", "status"])
    .execute();

  await addIdColumn(db.schema.createTable("consultation_feedbacks"), engine)
    .addColumn("consultation_id", "integer", (c) => c.notNull().references("consultations.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("correction_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("consultation_feedbacks_version", ["consultation_id", "version"])
    .execute();

  await addIdColumn(db.schema.createTable("consultation_answer_templates"), engine)
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("disposition", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "consultation_answer_templates",
    "consultation_feedbacks",
    "consultation_comments",
    "consultation_comment_groups",
    "consultations",
    "participation_decisions",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
