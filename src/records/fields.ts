// The editable fields of a record between their input form (camelCase) and their columns.
import type { Insertable } from "kysely";
import { bodyTextOf, sanitizeBody } from "./sanitize";
import type { RecordFields, RecordInput } from "./schema";
import type { RecordRow } from "./store";
import type { RecordsTable } from "./tables";

/** The stored columns of the editable fields (body sanitised on the way in). */
export function columnsOf(fields: RecordFields, publisher: string) {
  const bodyHtml = sanitizeBody(fields.bodyHtml);
  const inForce = fields.validity === "inForce";
  return {
    title: fields.title,
    doc_no: fields.docNo,
    publisher: fields.publisher || publisher,
    formed_on: fields.formedOn,
    topic: fields.topic,
    genre: fields.genre,
    openness: fields.openness,
    validity: fields.validity,
    validity_changed_on: inForce ? null : (fields.validityChangedOn ?? null),
    repealed_by_record_id: fields.repealedByRecordId ?? null,
    keywords: fields.keywords,
    summary: fields.summary,
    body_html: bodyHtml,
    body_text: bodyTextOf(bodyHtml),
    needs_interpretation: fields.needsInterpretation ? 1 : 0,
    interprets_record_id: fields.interpretsRecordId ?? null,
    interpretation_kind: fields.interpretationKind ?? null,
    video_url: fields.interpretationKind === "video" ? (fields.videoUrl ?? null) : null,
  } satisfies Partial<Insertable<RecordsTable>>;
}

/** The editable fields of a stored record, as an editor would send them. */
export function fieldsOf(row: RecordRow): RecordInput {
  return {
    title: row.title,
    docNo: row.doc_no,
    publisher: row.publisher,
    unitId: row.unit_id,
    formedOn: row.formed_on,
    topic: row.topic,
    genre: row.genre as RecordInput["genre"],
    openness: row.openness as RecordInput["openness"],
    validity: row.validity as RecordInput["validity"],
    validityChangedOn: row.validity_changed_on,
    repealedByRecordId: row.repealed_by_record_id,
    keywords: row.keywords,
    catalogItemId: row.catalog_item_id,
    summary: row.summary,
    bodyHtml: row.body_html,
    needsInterpretation: row.needs_interpretation === 1,
    interpretsRecordId: row.interprets_record_id,
    interpretationKind: row.interpretation_kind as RecordInput["interpretationKind"],
    videoUrl: row.video_url,
  };
}
