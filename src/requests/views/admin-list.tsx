// Back-office list of applications: filters, masked applicants, due dates and days left.
import { applicantKindLabels, channelLabels, clockStateLabels } from "../labels";
import type { ApplicationListItem, ListState } from "../service";

export interface AdminListModel {
  items: ApplicationListItem[];
  filters: { state?: ListState; year?: number; unitId?: number };
  units: { id: number; name: string }[];
  canRegister: boolean;
  today: string;
}

const stateOptions: [ListState | "", string][] = [
  ["", "全部"],
  ["awaiting_confirmation", "待确认"],
  ["in_progress", "办理中"],
  ["due_soon", "即将到期"],
  ["overdue", "已超期"],
  ["closed", "已办结"],
];

const badgeClass: Record<string, string> = {
  overdue: "badge badge-err",
  due_soon: "badge badge-warn",
  closed: "badge badge-ok",
};

export function AdminListPage(props: AdminListModel) {
  const unitName = new Map(props.units.map((u) => [u.id, u.name]));
  return (
    <>
      <h1>依申请公开</h1>
      {props.canRegister ? (
        <p>
          <a class="button" href="/admin/applications/new">
            登记申请(当面、口头、信函、传真)
          </a>
        </p>
      ) : null}
      <form method="get" action="/admin/applications" class="filter-form">
        <label for="filter-state">状态</label>
        <select id="filter-state" name="state">
          {stateOptions.map(([value, label]) => (
            <option value={value} selected={(props.filters.state ?? "") === value}>
              {label}
            </option>
          ))}
        </select>
        <label for="filter-year">年度</label>
        <input
          id="filter-year"
          name="year"
          type="text"
          inputmode="numeric"
          size={6}
          value={props.filters.year ? String(props.filters.year) : ""}
        />
        <label for="filter-unit">承办单位</label>
        <select id="filter-unit" name="unit">
          <option value="">全部</option>
          {props.units.map((u) => (
            <option value={String(u.id)} selected={props.filters.unitId === u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      <p>
        共 {props.items.length} 件(按 {props.today} 计算答复期限)。
      </p>
      {props.items.length === 0 ? (
        <p>没有符合条件的申请。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">政府信息公开申请列表</caption>
            <thead>
              <tr>
                <th scope="col">申请编号</th>
                <th scope="col">申请人</th>
                <th scope="col">渠道</th>
                <th scope="col">收到申请</th>
                <th scope="col">承办单位</th>
                <th scope="col">答复期限</th>
                <th scope="col">剩余工作日</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/applications/${item.id}`}>{item.applicationNo}</a>
                  </th>
                  <td>
                    {item.applicant.displayName}
                    <br />
                    <small>{applicantKindLabels[item.applicant.kind]}</small>
                  </td>
                  <td>{channelLabels[item.channel]}</td>
                  <td>{item.receivedOn ?? "待确认"}</td>
                  <td>{item.unitId ? (unitName.get(item.unitId) ?? "") : "未分办"}</td>
                  <td>{item.dueDate ?? "—"}</td>
                  <td>{daysLeftText(item)}</td>
                  <td>
                    <span class={badgeClass[item.clockState] ?? "badge"}>
                      {clockStateLabels[item.clockState]}
                    </span>
                    {item.isPaused ? <small> 暂停计时</small> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function daysLeftText(item: ApplicationListItem): string {
  if (item.clockState === "closed" || item.clockState === "awaiting_confirmation") return "—";
  if (!item.dueDate) return "暂停";
  return item.workdaysLeft < 0 ? `超期 ${-item.workdaysLeft}` : String(item.workdaysLeft);
}
