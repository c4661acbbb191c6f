import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import type { UnitKind } from "./tables";

type Db = Kysely<DB> | Transaction<DB>;

export const unitKindLabels: Record<UnitKind, string> = {
  bureau: "局机关",
  department: "股室",
  township_office: "乡镇监管所",
};

export async function createUnit(
  db: Db,
  input: { name: string; kind: UnitKind; parentId: number | null; sortOrder?: number },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto("units")
    .values({
      name: input.name,
      kind: input.kind,
      parent_id: input.parentId,
      sort_order: input.sortOrder ?? 0,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listUnits(db: Db) {
  return db.selectFrom("units").selectAll().orderBy("sort_order").orderBy("id").execute();
}

export async function rootUnit(db: Db) {
  return db
    .selectFrom("units")
    .selectAll()
    .where("parent_id", "is", null)
    .orderBy("id")
    .executeTakeFirst();
}

export async function findUnit(db: Db, id: number) {
  return db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateUnit(
  db: Db,
  id: number,
  input: { name: string; kind: UnitKind; parentId: number | null },
): Promise<void> {
  await db
    .updateTable("units")
    .set({ name: input.name, kind: input.kind, parent_id: input.parentId })
    .where("id", "=", id)
    .execute();
}

/** Everyone in the units, for showing each unit's people. */
export async function listUnitMembers(db: Db) {
  return db
    .selectFrom("users")
    .select(["id", "username", "display_name", "unit_id", "is_active"])
    .orderBy("username")
    .execute();
}
