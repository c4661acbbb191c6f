// /admin/records/due: per unit, records due soon and overdue, and catalog items with no record
// published in the chosen period (应公开未公开、栏目不更新).
import { ErrorSummary, Field } from "../../ui/forms";
import type { UnitDueGroup } from "../backoffice-due";
import type { Choice } from "../backoffice-queries";
import type { DueRecord } from "../deadlines";
import { recordStateLabels } from "../vocabulary";

export interface DuePageModel {
  from: string;
  to: string;
  today: string;
  unitId: number | undefined;
  units: Choice[];
  errors: Record<string, string>;
  groups: UnitDueGroup[];
}

const periodLabels = { from: "开始日期", to: "结束日期" };

export function DuePage(props: DuePageModel) {
  return (
    <section aria-labelledby="due-title">
      <h1 id="due-title">公开时限</h1>
      <p>
        今天是 {props.today}。应公开日期按成文日期和目录事项的公开时限、以工作日计算(条例第二十六条:
        自信息形成或者变更之日起20个工作日内公开,法律、法规另有规定的从其规定)。“即将到期”指3个工作日内到期。
      </p>
      <ErrorSummary errors={props.errors} labels={periodLabels} />
      <form method="get" action="/admin/records/due" class="filter-form" aria-label="统计期间">
        <Field name="from" label="开始日期" error={props.errors.from}>
          {(a) => <input type="date" value={props.from} {...a} />}
        </Field>
        <Field name="to" label="结束日期" error={props.errors.to}>
          {(a) => <input type="date" value={props.to} {...a} />}
        </Field>
        <Field name="unit" label="单位">
          {(a) => (
            <select {...a}>
              <option value="">全部单位</option>
              {props.units.map((u) => (
                <option value={String(u.id)} selected={props.unitId === u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">查看</button>
      </form>
      {Object.keys(props.errors).length > 0 ? null : props.groups.length === 0 ? (
        <p role="status">没有超期或即将到期的信息,期间内每个主动公开的目录事项都有发布的信息。</p>
      ) : (
        props.groups.map((g) => <UnitSection group={g} from={props.from} to={props.to} />)
      )}
    </section>
  );
}

function UnitSection(props: { group: UnitDueGroup; from: string; to: string }) {
  const { group } = props;
  const headingId = `unit-${group.unitId ?? "none"}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{group.name}</h2>
      <DueTable caption="已超期未公开" rows={group.overdue} kind="overdue" />
      <DueTable caption="即将到期" rows={group.dueSoon} kind="dueSoon" />
      {group.gaps.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption>
              {props.from} 至 {props.to} 没有发布信息的目录事项
            </caption>
            <thead>
              <tr>
                <th scope="col">目录事项</th>
                <th scope="col">公开主体</th>
                <th scope="col">公开时限</th>
                <th scope="col">最近发布日期</th>
                <th scope="col">应公开未公开的信息</th>
              </tr>
            </thead>
            <tbody>
              {group.gaps.map((g) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/records?tab=all&catalogItem=${g.catalogItemId}`}>
                      {g.category} · {g.item}
                    </a>
                  </th>
                  <td>{g.responsibleUnit}</td>
                  <td>{g.deadlineText}</td>
                  <td>{g.lastPublishedOn ?? "从未发布"}</td>
                  <td>{g.overdueRecords > 0 ? `${g.overdueRecords} 条已超期` : "无"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function DueTable(props: { caption: string; rows: DueRecord[]; kind: "overdue" | "dueSoon" }) {
  if (props.rows.length === 0) return null;
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">状态</th>
            <th scope="col">成文日期</th>
            <th scope="col">应公开日期</th>
            <th scope="col">{props.kind === "overdue" ? "已超期" : "剩余"}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/admin/records/${r.id}`}>{r.title}</a>
              </th>
              <td>{recordStateLabels[r.state]}</td>
              <td>{r.formedOn}</td>
              <td>{r.dueOn}</td>
              <td>
                {props.kind === "overdue"
                  ? `已超期 ${r.workdays} 个工作日`
                  : r.workdays === 0
                    ? "今天到期"
                    : `即将到期,还剩 ${r.workdays} 个工作日`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
