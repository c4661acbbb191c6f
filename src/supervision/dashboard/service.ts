// The dashboard for one viewer: the period and unit filter checked against the viewer's scope
// (policy.ts), the figures, and the charts drawn from them.
import { todayInShanghai } from "../../calendar/rules";
import { forbidden } from "../../http/errors";
import { listUnits, rootUnit } from "../../org/store";
import { allowedUnitFilter, type SupervisionUser, scopeOf } from "../policy";
import { type DashboardQuery, type Period, periodOf } from "../schema";
import { stackedBarChart } from "./charts";
import { type Dashboard, type Db, loadDashboard } from "./queries";

export async function rootUnitIdOf(db: Db): Promise<number> {
  return (await rootUnit(db))?.id ?? 0;
}

/** The unit filter the viewer may use, or a 403 when they see no figures at all. */
export async function unitFilterFor(
  db: Db,
  user: SupervisionUser,
  requested: number | undefined,
): Promise<{ unitId: number | undefined; canChooseUnit: boolean }> {
  const scope = scopeOf(user, await rootUnitIdOf(db));
  const filter = allowedUnitFilter(scope, requested);
  if (!filter) throw forbidden("您的角色无权查看监督考核。");
  return { unitId: filter.unitId, canChooseUnit: scope?.kind === "all" };
}

export async function dashboardFor(
  db: Db,
  user: SupervisionUser,
  query: DashboardQuery,
  now: Date,
): Promise<{ dashboard: Dashboard; period: Period; canChooseUnit: boolean }> {
  const today = todayInShanghai(now);
  const period = periodOf(query, today);
  const { unitId, canChooseUnit } = await unitFilterFor(db, user, query.unit);
  const dashboard = await loadDashboard(db, { period, today, unitId });
  return { dashboard, period, canChooseUnit };
}

export async function unitChoices(db: Db): Promise<{ id: number; label: string }[]> {
  return (await listUnits(db)).map((u) => ({ id: u.id, label: u.name }));
}

/** The two charts of the dashboard page as inline SVG. */
export async function dashboardCharts(
  d: Dashboard,
): Promise<{ records: string; applications: string }> {
  const units = d.units;
  const records = await stackedBarChart({
    id: "chart-records",
    label: `各单位应公开信息:按时公开、逾期公开、逾期未公开、未到期未公开(${d.period.from} 至 ${d.period.to})`,
    categories: units.map((u) => u.unitName),
    series: [
      { name: "按时公开", values: units.map((u) => u.records.onTime), color: "#2e7d32" },
      { name: "逾期公开", values: units.map((u) => u.records.late), color: "#b26a00" },
      { name: "逾期未公开", values: units.map((u) => u.records.overdue), color: "#b42318" },
      { name: "未到期未公开", values: units.map((u) => u.records.pending), color: "#6b7280" },
    ],
  });
  const applications = await stackedBarChart({
    id: "chart-results",
    label: `期间内收到的申请按答复结果(${d.period.from} 至 ${d.period.to})`,
    categories: d.applicationResults.map((r) => r.label),
    series: [{ name: "件数", values: d.applicationResults.map((r) => r.count), color: "#1f5fa8" }],
  });
  return { records, applications };
}
