import type { Kysely } from "kysely";
import { addIdColumn, engineOf } from "../dialect";

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);

  // Outgoing mail, queued inside the transaction of the change that causes it.
  await addIdColumn(db.schema.createTable("mail_outbox"), engine)
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("to_enc", "text", (c) => c.notNull())
    .addColumn("to_masked", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("body_html", "text")
    .addColumn("headers", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("sealed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("claim_token", "text")
    .addColumn("claimed_at", "text")
    .addColumn("sent_at", "text")
    .addColumn("last_error", "text")
    .addColumn("message_id", "text")
    .addColumn("file_name", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("mail_outbox_due_idx")
    .on("mail_outbox")
    .columns(["status", "next_attempt_at"])
    .execute();

  // One row per job and time slot: the process whose insert succeeds runs that slot.
  await db.schema
    .createTable("job_runs")
    .addColumn("job_name", "text", (c) => c.notNull())
    .addColumn("slot", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("error", "text")
    .addColumn("runner", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("job_runs_pk", ["job_name", "slot"])
    .execute();
  await db.schema.createIndex("job_runs_started_idx").on("job_runs").column("started_at").execute();

  await addIdColumn(db.schema.createTable("subscriptions"), engine)
    .addColumn("email_enc", "text", (c) => c.notNull())
    .addColumn("email_hash", "text", (c) => c.notNull())
    .addColumn("email_masked", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("topic_ref", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("confirm_token_hash", "text")
    .addColumn("unsubscribe_token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("unsubscribed_at", "text")
    .addUniqueConstraint("subscriptions_unique", ["email_hash", "topic", "topic_ref"])
    .execute();
  await db.schema
    .createIndex("subscriptions_topic_idx")
    .on("subscriptions")
    .columns(["topic", "topic_ref", "status"])
    .execute();
  await db.schema
    .createIndex("subscriptions_confirm_idx")
    .on("subscriptions")
    .column("confirm_token_hash")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("subscriptions").execute();
  await db.schema.dropTable("job_runs").execute();
  await db.schema.dropTable("mail_outbox").execute();
}
