// Saving a draft from the back-office form: the record's fields and any new attachments in one
// transaction, all or nothing. Every problem (fields and refused files) is reported at once.
import { fieldErrors } from "../http/api";
import { AppError, validationError } from "../http/errors";
import type { Upload } from "../platform/files/store";
import { addRecordAttachments, checkAttachmentUploads } from "./attachments";
import { inRecordTransaction, type RecordActor } from "./changes";
import { type RecordInput, recordFieldsSchema } from "./schema";
import { createRecord, updateRecord } from "./service";
import type { Db, RecordDetail } from "./store";

export interface DraftContext {
  actor: RecordActor;
  now: Date;
  uploadsDir: string;
}

// The field errors and the upload refusals together, before anything is written.
function precheck(input: RecordInput, uploads: readonly Upload[]): void {
  const errors: Record<string, string> = {};
  const parsed = recordFieldsSchema.safeParse(input);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  try {
    checkAttachmentUploads(uploads);
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    Object.assign(errors, error.fields);
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** Drafts a record with its attachments (信息员); a refused file means no record and no file. */
export async function createDraft(
  db: Db,
  input: RecordInput,
  uploads: readonly Upload[],
  context: DraftContext,
): Promise<RecordDetail> {
  precheck(input, uploads);
  return inRecordTransaction(db, async (trx) => {
    const record = await createRecord(trx, input, context.actor, context.now);
    await addRecordAttachments(trx, record.id, uploads, context);
    return record;
  });
}

/**
 * Saves the whole form over a draft and adds its new attachments; refused when the draft changed
 * since the form was loaded (`expectedVersion`) or is no longer a draft.
 */
export async function updateDraft(
  db: Db,
  id: number,
  input: RecordInput,
  uploads: readonly Upload[],
  context: DraftContext & { expectedVersion?: number },
): Promise<RecordDetail> {
  precheck(input, uploads);
  return inRecordTransaction(db, async (trx) => {
    const { actor, now, expectedVersion } = context;
    const record = await updateRecord(trx, id, input, actor, now, expectedVersion);
    await addRecordAttachments(trx, record.id, uploads, context);
    return record;
  });
}
