import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// 依申请公开: applications and their dated timeline. See src/requests/tables.ts for the columns.
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await addIdColumn(db.schema.createTable("applications"), engine)
    .addColumn("application_no", "text", (c) => c.notNull().unique())
    .addColumn("query_code_hash", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("submitted_on", "text")
    .addColumn("signed_on", "text")
    .addColumn("confirmed_on", "text")
    .addColumn("received_on", "text")
    .addColumn("applicant_kind", "text", (c) => c.notNull())
    .addColumn("applicant_name_enc", "text", (c) => c.notNull())
    .addColumn("applicant_display_name", "text", (c) => c.notNull())
    .addColumn("id_document_enc", "text")
    .addColumn("id_number_masked", "text")
    .addColumn("phone_enc", "text")
    .addColumn("phone_masked", "text")
    .addColumn("email_enc", "text")
    .addColumn("email_masked", "text")
    .addColumn("address_enc", "text")
    .addColumn("org_credit_code", "text")
    .addColumn("legal_representative_enc", "text")
    .addColumn("contact_person_enc", "text")
    .addColumn("requested_name", "text")
    .addColumn("requested_doc_no", "text")
    .addColumn("requested_description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("delivery_form", "text", (c) => c.notNull())
    .addColumn("delivery_route", "text", (c) => c.notNull())
    .addColumn("wants_status_mail", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("id_scan_file_id", "integer", (c) => c.references("files.id"))
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("handler_id", "integer", (c) => c.references("users.id"))
    .addColumn("registered_by", "integer", (c) => c.references("users.id"))
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("closed_on", "text")
    .addColumn("result_key", "text")
    .addColumn("year_received", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("applications_phase").on("applications").column("phase").execute();
  await db.schema
    .createIndex("applications_year_received")
    .on("applications")
    .column("year_received")
    .execute();
  await db.schema.createIndex("applications_unit").on("applications").column("unit_id").execute();

  await addIdColumn(db.schema.createTable("application_events"), engine)
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("happened_on", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createIndex("application_events_application")
    .on("application_events")
    .columns(["application_id", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("application_events").ifExists().execute();
  await db.schema.dropTable("applications").ifExists().execute();
}
