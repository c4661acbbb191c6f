// The 公开时限 supervision page: the period asked for, and records and catalog gaps per unit.
// Pure. 条例第二十六条 (20 working days unless a law says otherwise).
import { type IsoDate, parseIsoDate } from "../calendar/rules";
import type { Choice } from "./backoffice-queries";
import type { CatalogGap, DueRecord, DueRecords } from "./deadlines";

export interface DuePeriod {
  from: string;
  to: string;
  /** Field errors; when present the period is not used. */
  errors: Record<string, string>;
}

/** The period from the query string; by default from 1 January of this year to today. */
export function duePeriodOf(query: Record<string, string>, today: IsoDate): DuePeriod {
  const from = (query.from ?? "").trim() || `${today.slice(0, 4)}-01-01`;
  const to = (query.to ?? "").trim() || today;
  const errors: Record<string, string> = {};
  if (parseIsoDate(from) !== from) errors.from = "开始日期应为有效日期,格式 YYYY-MM-DD";
  if (parseIsoDate(to) !== to) errors.to = "结束日期应为有效日期,格式 YYYY-MM-DD";
  if (!errors.from && !errors.to && from > to) errors.to = "结束日期不能早于开始日期";
  return { from, to, errors };
}

export interface UnitDueGroup {
  /** Unit id, or null for catalog items without a responsible unit chosen. */
  unitId: number | null;
  name: string;
  overdue: DueRecord[];
  dueSoon: DueRecord[];
  gaps: CatalogGap[];
}

/** The records and gaps grouped by unit, in the units' order; units with nothing are left out. */
export function groupDueByUnit(
  due: DueRecords,
  gaps: readonly CatalogGap[],
  units: readonly Choice[],
): UnitDueGroup[] {
  const groups = new Map<number | null, UnitDueGroup>();
  const groupOf = (unitId: number | null, fallback: string) => {
    let group = groups.get(unitId);
    if (!group) {
      const name = units.find((u) => u.id === unitId)?.label ?? fallback;
      group = { unitId, name, overdue: [], dueSoon: [], gaps: [] };
      groups.set(unitId, group);
    }
    return group;
  };
  for (const r of due.overdue) groupOf(r.unitId, `单位 ${r.unitId}`).overdue.push(r);
  for (const r of due.dueSoon) groupOf(r.unitId, `单位 ${r.unitId}`).dueSoon.push(r);
  for (const g of gaps) {
    groupOf(g.responsibleUnitId, "未指定负责单位的目录事项").gaps.push(g);
  }
  const order = (id: number | null) => {
    const i = units.findIndex((u) => u.id === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...groups.values()].sort((a, b) => order(a.unitId) - order(b.unitId));
}
