// The history of a record for the back office: its workflow events and its kept versions.
import { notFound } from "../http/errors";
import { type Db, listRecordEventRows, type RecordEvent } from "./store";
import type { RecordSnapshot, RecordVersion } from "./versions";

/** The workflow history of a record (who did what, when and why), oldest first. */
export function listRecordEvents(db: Db, recordId: number): Promise<RecordEvent[]> {
  return listRecordEventRows(db, recordId);
}

/** Every kept version of a record, oldest first. */
export async function listRecordVersions(db: Db, recordId: number): Promise<RecordVersion[]> {
  const rows = await db
    .selectFrom("record_versions")
    .selectAll()
    .where("record_id", "=", recordId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    recordId: r.record_id,
    version: r.version,
    snapshot: JSON.parse(r.snapshot) as RecordSnapshot,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

/** One kept version of a record (404 if there is none). */
export async function getRecordVersion(
  db: Db,
  recordId: number,
  version: number,
): Promise<RecordVersion> {
  const r = await db
    .selectFrom("record_versions")
    .selectAll()
    .where("record_id", "=", recordId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!r) throw notFound("该版本");
  return {
    recordId: r.record_id,
    version: r.version,
    snapshot: JSON.parse(r.snapshot) as RecordSnapshot,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
