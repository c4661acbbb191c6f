// Attachments of a record (附件): PDF, OFD, Word, Excel and images, type sniffed from content,
// stored outside the web root with their SHA-256 (platform/files). Added and removed only while
// the record is a draft, by an editor; every file of a batch is checked before any is stored,
// so a refused file leaves nothing behind.
import type { Transaction } from "kysely";
import type { DB } from "../db/schema";
import { notFound, validationError } from "../http/errors";
import { recordAttachmentPolicy } from "../platform/files/policies";
import { checkUpload } from "../platform/files/sniff";
import { storeUpload, type Upload } from "../platform/files/store";
import { inRecordTransaction, logRecordEventOnly, type RecordActor, refusalError } from "./changes";
import { loadWorkflowFacts, workflowInputOf } from "./interpretation";
import { type Db, findRecordRow, type RecordRow } from "./store";
import { decide } from "./workflow";

export interface RecordAttachment {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** The attachments of a record in any state, in their order. */
export async function listRecordAttachments(db: Db, recordId: number): Promise<RecordAttachment[]> {
  const rows = await db
    .selectFrom("record_attachments")
    .innerJoin("files", "files.id", "record_attachments.file_id")
    .select([
      "record_attachments.id",
      "record_attachments.file_name",
      "record_attachments.created_at",
      "files.media_type",
      "files.size",
      "files.sha256",
    ])
    .where("record_attachments.record_id", "=", recordId)
    .orderBy("record_attachments.sort_order")
    .orderBy("record_attachments.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.created_at,
  }));
}

/** One attachment of a record with where its bytes are (back office: any state); 404 otherwise. */
export async function findRecordAttachment(
  db: Db,
  recordId: number,
  attachmentId: number,
): Promise<RecordAttachment & { storagePath: string }> {
  const row = await db
    .selectFrom("record_attachments")
    .innerJoin("files", "files.id", "record_attachments.file_id")
    .select([
      "record_attachments.id",
      "record_attachments.file_name",
      "record_attachments.created_at",
      "files.media_type",
      "files.size",
      "files.sha256",
      "files.storage_path",
    ])
    .where("record_attachments.record_id", "=", recordId)
    .where("record_attachments.id", "=", attachmentId)
    .executeTakeFirst();
  if (!row) throw notFound("附件");
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
    storagePath: row.storage_path,
  };
}

/**
 * Checks every upload against the attachment policy without storing anything; throws one 400
 * whose `files` message lists each refused file's Chinese reason.
 */
export function checkAttachmentUploads(uploads: readonly Upload[]): void {
  const refusals = uploads
    .map((u) => checkUpload(u.name, u.bytes, recordAttachmentPolicy))
    .flatMap((check) => (check.ok ? [] : [check.message]));
  if (refusals.length === 0) return;
  throw validationError({ files: refusals.join(" ") }, refusals.join(" "));
}

// Only a draft changes, and only by an editor: the workflow's "save" rule.
async function requireEditableDraft(
  trx: Transaction<DB>,
  row: RecordRow,
  actor: RecordActor,
  now: Date,
) {
  const decision = decide(
    workflowInputOf(row, await loadWorkflowFacts(trx, row), "save", actor, now),
  );
  if (!decision.ok) throw refusalError(decision);
}

/**
 * Stores and attaches uploads to a draft in the caller's record transaction (checked first, all
 * or none), with one workflow event and audit entry per file.
 */
export async function addRecordAttachments(
  trx: Transaction<DB>,
  recordId: number,
  uploads: readonly Upload[],
  context: { actor: RecordActor; now: Date; uploadsDir: string },
): Promise<RecordAttachment[]> {
  if (uploads.length === 0) return [];
  checkAttachmentUploads(uploads);
  const row = await findRecordRow(trx, recordId);
  if (!row) throw notFound("信息");
  await requireEditableDraft(trx, row, context.actor, context.now);
  const last = await trx
    .selectFrom("record_attachments")
    .select((eb) => eb.fn.max("sort_order").as("last"))
    .where("record_id", "=", recordId)
    .executeTakeFirst();
  let order = Number(last?.last ?? 0);
  const at = context.now.toISOString();
  for (const upload of uploads) {
    const stored = await storeUpload(
      trx,
      context.uploadsDir,
      upload,
      recordAttachmentPolicy,
      context.now,
    );
    order += 1;
    await trx
      .insertInto("record_attachments")
      .values({
        record_id: recordId,
        file_id: stored.id,
        file_name: stored.safeName,
        sort_order: order,
        created_at: at,
        created_by: context.actor.id,
      })
      .execute();
    await logRecordEventOnly(trx, row, {
      action: "add_attachment",
      comment: `添加附件“${stored.safeName}”`,
      actor: context.actor,
      now: context.now,
    });
  }
  return listRecordAttachments(trx, recordId);
}

/** Removes an attachment from a draft (the stored file stays: it is content-addressed and may be shared). */
export async function removeRecordAttachment(
  db: Db,
  recordId: number,
  attachmentId: number,
  actor: RecordActor,
  now: Date,
): Promise<void> {
  await inRecordTransaction(db, async (trx) => {
    const row = await findRecordRow(trx, recordId);
    if (!row) throw notFound("信息");
    const attachment = await findRecordAttachment(trx, recordId, attachmentId);
    await requireEditableDraft(trx, row, actor, now);
    await trx.deleteFrom("record_attachments").where("id", "=", attachment.id).execute();
    await logRecordEventOnly(trx, row, {
      action: "remove_attachment",
      comment: `删除附件“${attachment.fileName}”`,
      actor,
      now,
    });
  });
}
