// 有效性 of a published record: 失效 or 废止 (by a later record) is recorded after publication.
import { conflict, forbidden, notFound } from "../http/errors";
import { syncSearchIndex } from "../search/indexer";
import { inRecordTransaction, type RecordActor, writeRecordChange } from "./changes";
import { fieldsOf } from "./fields";
import { resolveReferences } from "./references";
import { recordFieldsSchema, type ValidityChangeInput, validityChangeSchema } from "./schema";
import { type Db, findRecordRow, type RecordDetail, toRecordDetail } from "./store";
import { parseOrThrow } from "./validation";

/**
 * Changes the 有效性 of a published record (失效, or 废止 by a later record) by an approver or
 * administrator; the public pages and search show the new state at once.
 */
export async function changeValidity(
  db: Db,
  id: number,
  input: ValidityChangeInput,
  actor: RecordActor,
  now: Date,
): Promise<RecordDetail> {
  const change = parseOrThrow(validityChangeSchema, input);
  if (!actor.roles.includes("approver") && !actor.roles.includes("admin")) {
    throw forbidden("只有签发人或系统管理员可以变更已发布信息的有效性。");
  }
  return inRecordTransaction(db, async (trx) => {
    const row = await findRecordRow(trx, id);
    if (!row) throw notFound("信息");
    if (row.state !== "published")
      throw conflict("只有已发布的信息可以变更有效性,草稿请直接编辑。");
    const fields = parseOrThrow(recordFieldsSchema, { ...fieldsOf(row), ...change });
    await resolveReferences(trx, fields, row, null);
    const updated = await writeRecordChange(trx, row, {
      action: "change_validity",
      values: {
        validity: fields.validity,
        validity_changed_on:
          fields.validity === "inForce" ? null : (fields.validityChangedOn ?? null),
        repealed_by_record_id: fields.repealedByRecordId ?? null,
      },
      actor,
      now,
    });
    await syncSearchIndex(trx, updated.id);
    return toRecordDetail(updated);
  });
}
