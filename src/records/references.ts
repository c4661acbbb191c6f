// The database-side checks of a record's fields (the unit, catalog item and linked records exist
// and fit) and what follows from them: the catalog item's version and the 应公开日期.
import type { Insertable } from "kysely";
import { validationError } from "../http/errors";
import { calendarFor } from "./deadlines";
import { dueOnFor } from "./due-dates";
import type { RecordFields } from "./schema";
import { type Db, findRecordRow, type RecordRow } from "./store";
import type { RecordsTable } from "./tables";

type Resolved = Pick<
  Insertable<RecordsTable>,
  "unit_id" | "catalog_item_id" | "catalog_item_version" | "due_on"
>;

/**
 * Checks the references of `fields` (every problem at once, as a 400 with a field map) and
 * returns the columns derived from them. `current` is the stored record when editing one.
 */
export async function resolveReferences(
  db: Db,
  fields: RecordFields,
  current: RecordRow | null,
  defaultUnitId: number | null,
): Promise<Resolved> {
  const errors: Record<string, string> = {};
  const unitId = fields.unitId ?? current?.unit_id ?? defaultUnitId;
  if (
    unitId == null ||
    !(await db.selectFrom("units").select("id").where("id", "=", unitId).executeTakeFirst())
  ) {
    errors.unitId = "所属单位不存在";
  }
  const catalog = await resolveCatalogItem(db, fields.catalogItemId ?? null, current, errors);
  await checkLinkedRecords(db, fields, current?.id ?? null, errors);
  if (Object.keys(errors).length) throw validationError(errors);
  const calendar = await calendarFor(db);
  return {
    unit_id: unitId!,
    catalog_item_id: catalog?.id ?? null,
    catalog_item_version: catalog?.version ?? null,
    due_on: dueOnFor(catalog?.rule ?? null, fields.formedOn, calendar),
  };
}

// The version is the item's version when the record was filed under it, kept while it stays there.
async function resolveCatalogItem(
  db: Db,
  id: number | null,
  current: RecordRow | null,
  errors: Record<string, string>,
): Promise<{ id: number; version: number; rule: string | null } | null> {
  if (id === null) return null;
  const item = await db
    .selectFrom("catalog_items")
    .select(["id", "version", "deadline_rule", "is_active"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!item) {
    errors.catalogItemId = "目录事项不存在";
    return null;
  }
  const keeps = current?.catalog_item_id === id && current.catalog_item_version !== null;
  if (!keeps && item.is_active !== 1) errors.catalogItemId = "该目录事项已停用,不能再归入";
  return {
    id,
    version: keeps ? current.catalog_item_version! : item.version,
    rule: item.deadline_rule,
  };
}

async function checkLinkedRecords(
  db: Db,
  fields: RecordFields,
  selfId: number | null,
  errors: Record<string, string>,
): Promise<void> {
  if (fields.interpretsRecordId) {
    const policy = await findRecordRow(db, fields.interpretsRecordId);
    if (!policy || policy.id === selfId) errors.interpretsRecordId = "所解读的文件不存在";
    else if (policy.genre === "interpretation")
      errors.interpretsRecordId = "不能解读另一篇政策解读";
    else if (policy.state === "withdrawn") errors.interpretsRecordId = "所解读的文件已撤回";
  }
  if (fields.repealedByRecordId) {
    const by = await findRecordRow(db, fields.repealedByRecordId);
    if (!by || by.id === selfId) errors.repealedByRecordId = "废止该文件的信息不存在";
  }
}
