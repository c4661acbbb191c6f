// The documents sent with a reply (予以公开, 部分公开): uploaded by the 经办人, stored through the
// uploads platform (checked, metadata stripped, content-addressed) and listed in the letter's 附件.
import { forbidden, notFound } from "../../http/errors";
import { recordAudit } from "../../platform/audit";
import { recordAttachmentPolicy } from "../../platform/files/policies";
import { storeUpload, type Upload } from "../../platform/files/store";
import { type CaseActor, canHandleApplications } from "../policy";
import { type Db, findApplication, inTransaction } from "../store";

export interface ReplyAttachment {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

/** The reply attachments of a case, in upload order. */
export async function listReplyAttachments(db: Db, applicationId: number) {
  const rows = await db
    .selectFrom("application_attachments as a")
    .innerJoin("files as f", "f.id", "a.file_id")
    .select(["a.id", "a.file_name", "a.created_at", "f.media_type", "f.size"])
    .where("a.application_id", "=", applicationId)
    .orderBy("a.id")
    .execute();
  return rows.map(
    (r): ReplyAttachment => ({
      id: r.id,
      fileName: r.file_name,
      mediaType: r.media_type,
      size: r.size,
      createdAt: r.created_at,
    }),
  );
}

/** Stores one upload (recordAttachmentPolicy) and links it to the case; audited. */
export async function addReplyAttachment(
  db: Db,
  applicationId: number,
  upload: Upload,
  ctx: { actor: CaseActor; now: Date; uploadsDir: string },
): Promise<ReplyAttachment> {
  if (!canHandleApplications(ctx.actor)) throw forbidden("只有依申请公开经办人可以上传答复附件。");
  return inTransaction(db, async (trx) => {
    const row = await findApplication(trx, applicationId);
    if (!row) throw notFound("申请");
    const stored = await storeUpload(trx, ctx.uploadsDir, upload, recordAttachmentPolicy, ctx.now);
    const { id } = await trx
      .insertInto("application_attachments")
      .values({
        application_id: applicationId,
        file_id: stored.id,
        file_name: stored.safeName,
        created_at: ctx.now.toISOString(),
        created_by: ctx.actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "application.add_reply_attachment",
        objectType: "application",
        objectId: applicationId,
        detail: `${row.application_no} 上传答复附件:${stored.safeName}`,
      },
      ctx.now,
    );
    return {
      id,
      fileName: stored.safeName,
      mediaType: stored.mediaType,
      size: stored.size,
      createdAt: ctx.now.toISOString(),
    };
  });
}

/** Unlinks an attachment from the case (the stored file stays, it may be shared); audited. */
export async function removeReplyAttachment(
  db: Db,
  applicationId: number,
  attachmentId: number,
  ctx: { actor: CaseActor; now: Date },
): Promise<void> {
  if (!canHandleApplications(ctx.actor)) throw forbidden("只有依申请公开经办人可以删除答复附件。");
  await inTransaction(db, async (trx) => {
    const row = await findApplication(trx, applicationId);
    const attachment = await trx
      .selectFrom("application_attachments")
      .select(["id", "file_name"])
      .where("id", "=", attachmentId)
      .where("application_id", "=", applicationId)
      .executeTakeFirst();
    if (!row || !attachment) throw notFound("答复附件");
    await trx.deleteFrom("application_attachments").where("id", "=", attachmentId).execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "application.remove_reply_attachment",
        objectType: "application",
        objectId: applicationId,
        detail: `${row.application_no} 删除答复附件:${attachment.file_name}`,
      },
      ctx.now,
    );
  });
}

/** The stored file of one attachment, for download by staff. */
export async function findReplyAttachmentFile(db: Db, applicationId: number, attachmentId: number) {
  const file = await db
    .selectFrom("application_attachments as a")
    .innerJoin("files as f", "f.id", "a.file_id")
    .select(["a.file_name", "f.media_type", "f.storage_path", "f.sha256"])
    .where("a.id", "=", attachmentId)
    .where("a.application_id", "=", applicationId)
    .executeTakeFirst();
  if (!file) throw notFound("答复附件");
  return file;
}
