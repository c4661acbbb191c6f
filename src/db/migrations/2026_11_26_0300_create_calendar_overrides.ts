import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  // An administrator's correction of one day; it wins over the official and imported schedules.
  await db.schema
    .createTable("calendar_overrides")
    .addColumn("date", "text", (c) => c.primaryKey())
    .addColumn("workday", "integer", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .execute();

  // A whole year's State Council schedule imported after release (e.g. 2027); dates are JSON arrays.
  await db.schema
    .createTable("calendar_imported_years")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("holidays", "text", (c) => c.notNull())
    .addColumn("adjusted_workdays", "text", (c) => c.notNull())
    .addColumn("names", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("imported_by", "integer", (c) => c.references("users.id"))
    .execute();

  // Bumped by every calendar change so each server process notices and reloads its copy.
  await db.insertInto("site_settings").values({ key: "calendar.revision", value: "0" }).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("site_settings").where("key", "=", "calendar.revision").execute();
  await db.schema.dropTable("calendar_imported_years").ifExists().execute();
  await db.schema.dropTable("calendar_overrides").ifExists().execute();
}
