// The compliance dashboard (合规看板) and the list behind one figure. Every number links to the
// items it counts; every chart has its data table beside it.
import { raw } from "hono/html";
import { ErrorSummary, Field } from "../../ui/forms";
import { Pager } from "../../ui/pager";
import type { Period } from "../schema";
import { SupervisionTabs } from "../subnav";
import type { DrillItem } from "./drilldown";
import { type FigureKey, figureLabels } from "./figures";
import { DASHBOARD_PATH, drillHref } from "./links";
import type { Dashboard, UnitFigures } from "./queries";

export interface DashboardPageModel {
  dashboard: Dashboard | null;
  period: Period;
  values: Record<string, string>;
  errors: Record<string, string>;
  units: { id: number; label: string }[];
  /** Whether the unit filter may be changed (the office and the auditor). */
  canChooseUnit: boolean;
  charts: { records: string; applications: string } | null;
}

const filterLabels = { from: "开始日期", to: "结束日期", unit: "单位" };

/** A count that links to its items, or a plain 0. */
function Count(props: { n: number; href: string }) {
  return props.n > 0 ? <a href={props.href}>{props.n}</a> : <>0</>;
}

export function DashboardPage(props: DashboardPageModel) {
  const d = props.dashboard;
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">监督考核</h1>
      <SupervisionTabs current={DASHBOARD_PATH} />
      <p>
        以下数字全部由系统中的信息、申请、留言、意见征集和双公示记录实时统计,点击数字可查看其背后的具体事项。
        应公开日期按目录事项的公开时限以工作日计算(条例第二十六条);申请答复期限见条例第三十三条。
      </p>
      <ErrorSummary errors={props.errors} labels={filterLabels} />
      <FilterForm {...props} />
      {d ? <DashboardBody {...props} dashboard={d} /> : null}
    </section>
  );
}

function FilterForm(props: DashboardPageModel) {
  return (
    <form method="get" action={DASHBOARD_PATH} class="filter-form" aria-label="统计期间和单位">
      <Field name="from" label="开始日期" error={props.errors.from}>
        {(a) => <input type="date" value={props.values.from ?? props.period.from} {...a} />}
      </Field>
      <Field name="to" label="结束日期" error={props.errors.to}>
        {(a) => <input type="date" value={props.values.to ?? props.period.to} {...a} />}
      </Field>
      {props.canChooseUnit ? (
        <Field name="unit" label="单位" error={props.errors.unit}>
          {(a) => (
            <select {...a}>
              <option value="">全部单位</option>
              {props.units.map((u) => (
                <option value={String(u.id)} selected={props.values.unit === String(u.id)}>
                  {u.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <button type="submit">查看</button>
    </form>
  );
}

function DashboardBody(props: DashboardPageModel & { dashboard: Dashboard }) {
  const d = props.dashboard;
  const p = d.period;
  const scope = d.unitId === undefined ? undefined : d.unitId;
  const t = d.totals;
  return (
    <>
      <p role="status">
        统计期间 {p.from} 至 {p.to}(截至 {d.today})
        {d.unitId !== undefined ? `,单位:${d.units[0]?.unitName ?? ""}` : ",全部单位"}。
      </p>
      <section aria-labelledby="dash-summary">
        <h2 id="dash-summary">概况</h2>
        <ul class="figure-list">
          {(
            [
              ["records.due", t.records.due],
              ["records.onTime", t.records.onTime],
              ["records.late", t.records.late],
              ["records.overdue", t.records.overdue],
              ["catalog.gaps", t.catalogGaps],
              ["applications.received", t.applications.received],
              ["applications.onTime", t.applications.onTime],
              ["applications.overdue", t.applications.overdue],
              ["applications.extended", t.applications.extended],
              ["consultations.noFeedback", t.consultationsNoFeedback],
              ["messages.late", t.messagesLate],
              ["messages.overdue", t.messagesOverdue],
              ["policies.noInterpretation", t.policiesNoInterpretation],
              ["publicity.late", t.publicityLate],
            ] as [FigureKey, number][]
          ).map(([key, n]) => (
            <li>
              <span class="figure-label">{figureLabels[key]}</span>{" "}
              <strong class="figure-value">
                <Count n={n} href={drillHref(key, p, { unit: scope })} />
              </strong>
            </li>
          ))}
        </ul>
      </section>
      <RecordsChart {...props} />
      <UnitTable dashboard={d} />
      <CatalogTable dashboard={d} />
      <ApplicationsChart {...props} />
    </>
  );
}

function RecordsChart(props: DashboardPageModel & { dashboard: Dashboard }) {
  const d = props.dashboard;
  return (
    <section aria-labelledby="dash-records-chart">
      <h2 id="dash-records-chart">各单位主动公开时限</h2>
      <div class="chart-pair">
        {props.charts ? <div class="chart-box">{raw(props.charts.records)}</div> : null}
        <div class="table-wrap">
          <table>
            <caption>各单位应公开信息(图表数据)</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">按时公开</th>
                <th scope="col">逾期公开</th>
                <th scope="col">逾期未公开</th>
                <th scope="col">未到期未公开</th>
              </tr>
            </thead>
            <tbody>
              {d.units.map((u) => (
                <tr>
                  <th scope="row">{u.unitName}</th>
                  <td>{u.records.onTime}</td>
                  <td>{u.records.late}</td>
                  <td>{u.records.overdue}</td>
                  <td>{u.records.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function ApplicationsChart(props: DashboardPageModel & { dashboard: Dashboard }) {
  const d = props.dashboard;
  const p = d.period;
  const scope = d.unitId;
  return (
    <section aria-labelledby="dash-results">
      <h2 id="dash-results">依申请公开答复结果</h2>
      <div class="chart-pair">
        {props.charts && d.applicationResults.length > 0 ? (
          <div class="chart-box">{raw(props.charts.applications)}</div>
        ) : null}
        {d.applicationResults.length === 0 ? (
          <p>期间内收到的申请尚无办结的。</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>期间内收到的申请按答复结果(图表数据)</caption>
              <thead>
                <tr>
                  <th scope="col">答复结果</th>
                  <th scope="col">件数</th>
                </tr>
              </thead>
              <tbody>
                {d.applicationResults.map((r) => (
                  <tr>
                    <th scope="row">{r.label}</th>
                    <td>
                      <Count
                        n={r.count}
                        href={drillHref("applications.result", p, { unit: scope, result: r.key })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

const unitColumns: [FigureKey, string, (f: UnitFigures) => number][] = [
  ["records.due", "应公开", (f) => f.records.due],
  ["records.onTime", "按时公开", (f) => f.records.onTime],
  ["records.late", "逾期公开", (f) => f.records.late],
  ["records.overdue", "逾期未公开", (f) => f.records.overdue],
  ["catalog.gaps", "栏目不更新", (f) => f.catalogGaps],
  ["applications.received", "收到申请", (f) => f.applications.received],
  ["applications.onTime", "按时答复", (f) => f.applications.onTime],
  ["applications.overdue", "超期", (f) => f.applications.overdue],
  ["applications.extended", "延期", (f) => f.applications.extended],
  ["consultations.noFeedback", "征集无反馈", (f) => f.consultationsNoFeedback],
  ["messages.late", "留言逾期答复", (f) => f.messagesLate],
  ["messages.overdue", "留言超期未答", (f) => f.messagesOverdue],
  ["policies.noInterpretation", "政策无解读", (f) => f.policiesNoInterpretation],
  ["publicity.late", "双公示逾期", (f) => f.publicityLate],
];

function UnitTable(props: { dashboard: Dashboard }) {
  const d = props.dashboard;
  return (
    <section aria-labelledby="dash-units">
      <h2 id="dash-units">按单位</h2>
      <div class="table-wrap">
        <table class="dashboard-table">
          <caption>各单位统计(点击数字查看明细)</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              {unitColumns.map(([, label]) => (
                <th scope="col">{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.units.map((u) => (
              <tr>
                <th scope="row">{u.unitName}</th>
                {unitColumns.map(([key, , of]) => (
                  <td>
                    <Count n={of(u)} href={drillHref(key, d.period, { unit: u.unitId })} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {d.unitId === undefined ? (
            <tfoot>
              <tr>
                <th scope="row">合计</th>
                {unitColumns.map(([key, , of]) => (
                  <td>
                    <Count n={of(d.totals)} href={drillHref(key, d.period)} />
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}

function CatalogTable(props: { dashboard: Dashboard }) {
  const d = props.dashboard;
  const unit = d.unitId;
  return (
    <section aria-labelledby="dash-catalog">
      <h2 id="dash-catalog">按目录事项</h2>
      <div class="table-wrap">
        <table class="dashboard-table">
          <caption>各目录事项应公开信息及栏目更新情况</caption>
          <thead>
            <tr>
              <th scope="col">目录事项</th>
              <th scope="col">应公开</th>
              <th scope="col">按时公开</th>
              <th scope="col">逾期公开</th>
              <th scope="col">逾期未公开</th>
              <th scope="col">未到期未公开</th>
              <th scope="col">期间内未更新</th>
            </tr>
          </thead>
          <tbody>
            {d.catalogItems.map((item) => {
              const f = { unit, item: item.catalogItemId };
              return (
                <tr>
                  <th scope="row">{item.label}</th>
                  <td>
                    <Count n={item.records.due} href={drillHref("records.due", d.period, f)} />
                  </td>
                  <td>
                    <Count
                      n={item.records.onTime}
                      href={drillHref("records.onTime", d.period, f)}
                    />
                  </td>
                  <td>
                    <Count n={item.records.late} href={drillHref("records.late", d.period, f)} />
                  </td>
                  <td>
                    <Count
                      n={item.records.overdue}
                      href={drillHref("records.overdue", d.period, f)}
                    />
                  </td>
                  <td>
                    <Count
                      n={item.records.pending}
                      href={drillHref("records.pending", d.period, f)}
                    />
                  </td>
                  <td>
                    {item.isGap ? (
                      <a href={drillHref("catalog.gaps", d.period, { item: item.catalogItemId })}>
                        未更新
                        {item.lastPublishedOn ? `(最近 ${item.lastPublishedOn})` : "(从未发布)"}
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface ItemsPageModel {
  figure: FigureKey;
  period: Period;
  unitName: string | null;
  itemLabel: string | null;
  resultLabel: string | null;
  items: DrillItem[];
  total: number;
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
  backHref: string;
}

export function ItemsPage(props: ItemsPageModel) {
  const what = [
    figureLabels[props.figure],
    props.resultLabel,
    props.unitName,
    props.itemLabel,
  ].filter(Boolean);
  return (
    <section aria-labelledby="items-title">
      <p>
        <a href={props.backHref}>← 返回监督考核</a>
      </p>
      <h1 id="items-title">{what.join(" · ")}</h1>
      <p role="status">
        统计期间 {props.period.from} 至 {props.period.to},共 {props.total} 项。
      </p>
      {props.items.length === 0 ? (
        <p>没有符合条件的事项。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>明细</caption>
            <thead>
              <tr>
                <th scope="col">事项</th>
                <th scope="col">单位</th>
                <th scope="col">情况</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr>
                  <th scope="row">
                    <a href={i.href}>{i.title}</a>
                  </th>
                  <td>{i.unitName}</td>
                  <td>{i.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.pageCount > 1 ? (
        <Pager page={props.page} count={props.pageCount} hrefOf={props.hrefOf} />
      ) : null}
    </section>
  );
}
