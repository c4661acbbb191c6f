import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// 监督考核: tasks, progress reports, trainings, indicator weights (src/supervision/tables.ts), and
// the indexes the compliance dashboard's GROUP BY queries need over records and applications.
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await addIdColumn(db.schema.createTable("supervision_tasks"), engine)
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("supervision_tasks_year")
    .on("supervision_tasks")
    .column("year")
    .execute();
  await addIdColumn(db.schema.createTable("supervision_assignments"), engine)
    .addColumn("task_id", "integer", (c) => c.notNull().references("supervision_tasks.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("done_on", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("supervision_assignments_task_unit", ["task_id", "unit_id"])
    .execute();
  await db.schema
    .createIndex("supervision_assignments_unit")
    .on("supervision_assignments")
    .columns(["unit_id", "due_on"])
    .execute();
  await addIdColumn(db.schema.createTable("supervision_reports"), engine)
    .addColumn("assignment_id", "integer", (c) =>
      c.notNull().references("supervision_assignments.id"),
    )
    .addColumn("reported_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("supervision_reports_assignment")
    .on("supervision_reports")
    .column("assignment_id")
    .execute();
  await addIdColumn(db.schema.createTable("supervision_report_files"), engine)
    .addColumn("report_id", "integer", (c) => c.notNull().references("supervision_reports.id"))
    .addColumn("file_id", "integer", (c) => c.notNull().references("files.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .execute();
  await addIdColumn(db.schema.createTable("supervision_trainings"), engine)
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("organiser", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("supervision_trainings_held")
    .on("supervision_trainings")
    .column("held_on")
    .execute();
  await addIdColumn(db.schema.createTable("supervision_training_attendees"), engine)
    .addColumn("training_id", "integer", (c) => c.notNull().references("supervision_trainings.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("supervision_training_attendees_training")
    .on("supervision_training_attendees")
    .column("training_id")
    .execute();
  await db.schema
    .createTable("supervision_indicator_weights")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("weight", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
  // The dashboard counts records by 应公开日期 and 发布日期, and applications by 收到申请之日.
  await db.schema
    .createIndex("records_due_on_idx")
    .on("records")
    .columns(["due_on", "state", "unit_id", "catalog_item_id", "published_on"])
    .execute();
  await db.schema
    .createIndex("records_catalog_published_on_idx")
    .on("records")
    .columns(["catalog_item_id", "state", "published_on"])
    .execute();
  await db.schema
    .createIndex("applications_received_on_idx")
    .on("applications")
    .columns(["received_on", "unit_id"])
    .execute();
  await db.schema
    .createIndex("application_events_type_idx")
    .on("application_events")
    .columns(["type", "application_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    "application_events_type_idx",
    "applications_received_on_idx",
    "records_catalog_published_on_idx",
    "records_due_on_idx",
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const table of [
    "supervision_indicator_weights",
    "supervision_training_attendees",
    "supervision_trainings",
    "supervision_report_files",
    "supervision_reports",
    "supervision_assignments",
    "supervision_tasks",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
