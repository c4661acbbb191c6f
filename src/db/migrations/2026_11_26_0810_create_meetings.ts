import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// 座谈会 / 听证会 / 实地走访 and their sign-ups. See src/participation/meetings/tables.ts.
// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  await addIdColumn(db.schema.createTable("meetings"), engine)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("organiser", "text", (c) => c.notNull())
    .addColumn("how_to_join", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("eligibility", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("signup_opens_at", "text", (c) => c.notNull())
    .addColumn("signup_closes_at", "text", (c) => c.notNull())
    .addColumn("quota", "integer", (c) => c.notNull())
    .addColumn("selection", "text", (c) => c.notNull())
    .addColumn("decision_id", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("published_by", "integer", (c) => c.references("users.id"))
    .addColumn("draw_seed", "text")
    .addColumn("seed_published_at", "text")
    .addColumn("drawn_at", "text")
    .addColumn("drawn_by", "integer", (c) => c.references("users.id"))
    .addColumn("minutes_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("results_published_at", "text")
    .execute();
  await db.schema.createIndex("meetings_starts").on("meetings").column("starts_at").execute();

  await addIdColumn(db.schema.createTable("meeting_signups"), engine)
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("signup_no", "text", (c) => c.notNull().unique())
    .addColumn("masked_name", "text", (c) => c.notNull())
    .addColumn("name_enc", "text", (c) => c.notNull())
    .addColumn("phone_enc", "text", (c) => c.notNull())
    .addColumn("phone_masked", "text", (c) => c.notNull())
    .addColumn("phone_hash", "text", (c) => c.notNull())
    .addColumn("organisation_enc", "text")
    .addColumn("statement_enc", "text")
    .addColumn("selected", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("meeting_signups_seq_uq", ["meeting_id", "seq"])
    .addUniqueConstraint("meeting_signups_phone_uq", ["meeting_id", "phone_hash"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("meeting_signups").ifExists().execute();
  await db.schema.dropTable("meetings").ifExists().execute();
}
