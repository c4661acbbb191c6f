import type { UnitKind } from "./tables";

/** What the tree rules need to know about a unit. */
export interface UnitNode {
  id: number;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

/** A unit with the units directly below it. */
export type UnitTree<T extends UnitNode> = T & { children: UnitTree<T>[] };

/**
 * True when `parentId` is `unitId` itself or lies below it: making it the parent would cut the
 * unit and its subtree off the tree. A pre-existing loop in the data also counts as a cycle.
 */
export function wouldCreateCycle(
  units: readonly UnitNode[],
  unitId: number,
  parentId: number | null,
): boolean {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const seen = new Set<number>();
  for (let cursor = parentId; cursor !== null; cursor = parentOf.get(cursor) ?? null) {
    if (cursor === unitId || seen.has(cursor)) return true;
    seen.add(cursor);
  }
  return false;
}

/**
 * Where a new or changed unit may sit (局机关 at the top, 股室 and 乡镇监管所 below it).
 * `unit.id` is null for a new unit. Returns Chinese errors keyed by form field, or null.
 */
export function checkUnitPlacement(
  units: readonly UnitNode[],
  unit: { id: number | null; name: string; kind: UnitKind; parentId: number | null },
): Record<string, string> | null {
  const others = units.filter((u) => u.id !== unit.id);
  const errors: Record<string, string> = {};
  if (unit.kind === "bureau") {
    if (unit.parentId !== null) errors.parentId = "局机关是单位树的顶层,不能设置上级单位";
    else if (others.some((u) => u.parentId === null)) {
      errors.kind = "已有顶层的局机关,不能再建第二个顶层单位";
    }
  } else if (unit.parentId === null) {
    errors.parentId = "请选择上级单位";
  }
  if (unit.parentId !== null && !errors.parentId) {
    if (!units.some((u) => u.id === unit.parentId)) errors.parentId = "所选上级单位不存在";
    else if (unit.id !== null && wouldCreateCycle(units, unit.id, unit.parentId)) {
      errors.parentId = "不能把单位移到它自己或它的下级单位之下";
    }
  }
  if (others.some((u) => u.parentId === unit.parentId && u.name === unit.name)) {
    errors.name = "同一上级单位下已有同名单位";
  }
  return Object.keys(errors).length ? errors : null;
}

/** Nests units under their parents, keeping the given order among siblings. */
export function buildUnitTree<T extends UnitNode>(units: readonly T[]): UnitTree<T>[] {
  const nodes = new Map<number, UnitTree<T>>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: UnitTree<T>[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    // A unit whose parent is missing is shown at the top rather than lost.
    if (parent && !wouldCreateCycle(units, unit.id, unit.parentId)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The tree in display order with each unit's depth, e.g. for an indented <select>. */
export function flattenUnitTree<T extends UnitNode>(
  tree: readonly UnitTree<T>[],
  depth = 0,
): { unit: UnitTree<T>; depth: number }[] {
  return tree.flatMap((node) => [
    { unit: node, depth },
    ...flattenUnitTree(node.children, depth + 1),
  ]);
}
