import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations run below the typed schema
export async function up(db: Kysely<any>): Promise<void> {
  // 1 when the stored bytes are AES-256-GCM ciphertext (personal data such as ID scans).
  await db.schema
    .alterTable("files")
    .addColumn("encrypted", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("files").dropColumn("encrypted").execute();
}
