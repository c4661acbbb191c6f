import type { Kysely, Transaction } from "kysely";
import { lockSequence } from "../db/dialect";
import type { DB } from "../db/schema";
import { type AuditActor, recordAudit } from "../platform/audit";
import { buildUnitTree, checkUnitPlacement, type UnitNode, type UnitTree } from "./rules";
import type { UnitInput } from "./schema";
import {
  createUnit,
  findUnit,
  listUnitMembers,
  listUnits,
  unitKindLabels,
  updateUnit,
} from "./store";

export type UnitResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

/** Units as the tree rules see them, read under the tree lock so two moves cannot form a loop. */
async function lockedTree(trx: Transaction<DB>): Promise<UnitNode[]> {
  await lockSequence(trx, "units");
  return (await listUnits(trx)).map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    parentId: u.parent_id,
  }));
}

/** Adds a unit to the tree (audited), or returns the placement errors. */
export async function addUnit(
  db: Kysely<DB>,
  actor: AuditActor,
  input: UnitInput,
  now: Date,
): Promise<UnitResult> {
  return db.transaction().execute(async (trx) => {
    const errors = checkUnitPlacement(await lockedTree(trx), { id: null, ...input });
    if (errors) return { ok: false, errors };
    const id = await createUnit(trx, input, now);
    await recordAudit(
      trx,
      actor,
      {
        action: "unit.created",
        objectType: "unit",
        objectId: id,
        detail: `${input.name}(${unitKindLabels[input.kind]})`,
      },
      now,
    );
    return { ok: true, id };
  });
}

/** Renames, re-kinds or moves a unit (audited); null when there is no such unit. */
export async function changeUnit(
  db: Kysely<DB>,
  actor: AuditActor,
  id: number,
  input: UnitInput,
  now: Date,
): Promise<UnitResult | null> {
  return db.transaction().execute(async (trx) => {
    const units = await lockedTree(trx);
    const before = await findUnit(trx, id);
    if (!before) return null;
    const errors = checkUnitPlacement(units, { id, ...input });
    if (errors) return { ok: false, errors };
    await updateUnit(trx, id, input);
    const nameOf = (unitId: number | null) =>
      unitId === null ? "无" : (units.find((u) => u.id === unitId)?.name ?? String(unitId));
    const changes = [
      before.name !== input.name ? `名称:${before.name} → ${input.name}` : "",
      before.kind !== input.kind
        ? `类型:${unitKindLabels[before.kind]} → ${unitKindLabels[input.kind]}`
        : "",
      before.parent_id !== input.parentId
        ? `上级:${nameOf(before.parent_id)} → ${nameOf(input.parentId)}`
        : "",
    ].filter(Boolean);
    await recordAudit(
      trx,
      actor,
      {
        action: "unit.updated",
        objectType: "unit",
        objectId: id,
        detail: changes.join(";") || "未改动",
      },
      now,
    );
    return { ok: true, id };
  });
}

export interface UnitPerson {
  id: number;
  username: string;
  displayName: string;
  isActive: boolean;
}

export type UnitEntry = UnitNode & { people: UnitPerson[] };

/** The unit tree with each unit's people, for the back office. */
export async function loadUnitDirectory(db: Kysely<DB>): Promise<UnitTree<UnitEntry>[]> {
  const [units, members] = await Promise.all([listUnits(db), listUnitMembers(db)]);
  return buildUnitTree(
    units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      parentId: u.parent_id,
      people: members
        .filter((m) => m.unit_id === u.id)
        .map((m) => ({
          id: m.id,
          username: m.username,
          displayName: m.display_name,
          isActive: m.is_active === 1,
        })),
    })),
  );
}
