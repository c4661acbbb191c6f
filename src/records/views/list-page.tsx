// /admin/records: the work queues as tabs, filters, and the table of records.

import {
  type ListFilters,
  type ListRow,
  type ListTab,
  listTabs,
  PAGE_SIZE,
} from "../backoffice-list";
import type { CatalogChoiceGroup, Choice } from "../backoffice-queries";
import { GENRES, genreLabels } from "../genres";
import { beijingTime } from "./common";

export interface ListPageModel {
  tab: ListTab;
  tabs: ListTab[];
  filters: ListFilters;
  catalogGroups: CatalogChoiceGroup[];
  units: Choice[];
  rows: ListRow[];
  total: number;
  page: number;
  canCreate: boolean;
  notice?: string;
}

function queryOf(tab: ListTab, filters: ListFilters, page = 1): string {
  const q = new URLSearchParams({ tab });
  if (filters.catalogItemId) q.set("catalogItem", String(filters.catalogItemId));
  if (filters.genre) q.set("genre", filters.genre);
  if (filters.unitId) q.set("unit", String(filters.unitId));
  if (page > 1) q.set("page", String(page));
  return `/admin/records?${q}`;
}

export function RecordListPage(props: ListPageModel) {
  const { tab, filters } = props;
  return (
    <section aria-labelledby="records-title">
      <h1 id="records-title">信息发布</h1>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      {props.canCreate ? (
        <p>
          <a class="button" href="/admin/records/new">
            起草新信息
          </a>
        </p>
      ) : null}
      <nav class="pager" aria-label="信息分类">
        <ul>
          {props.tabs.map((t) => (
            <li>
              <a href={queryOf(t, filters)} aria-current={t === tab ? "page" : undefined}>
                {listTabs[t].label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Filters {...props} />
      <RecordTable {...props} />
      <Pages {...props} />
    </section>
  );
}

function Filters(props: ListPageModel) {
  const { filters } = props;
  return (
    <form method="get" action="/admin/records" class="filter-form" aria-label="筛选">
      <input type="hidden" name="tab" value={props.tab} />
      <label>
        目录事项
        <select name="catalogItem">
          <option value="">全部</option>
          {props.catalogGroups.map((g) => (
            <optgroup label={g.category}>
              {g.items.map((i) => (
                <option value={String(i.id)} selected={filters.catalogItemId === i.id}>
                  {i.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        体裁
        <select name="genre">
          <option value="">全部</option>
          {GENRES.map((g) => (
            <option value={g} selected={filters.genre === g}>
              {genreLabels[g]}
            </option>
          ))}
        </select>
      </label>
      <label>
        单位
        <select name="unit">
          <option value="">全部</option>
          {props.units.map((u) => (
            <option value={String(u.id)} selected={filters.unitId === u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">筛选</button>
    </form>
  );
}

function RecordTable(props: ListPageModel) {
  if (props.rows.length === 0) return <p>没有符合条件的信息。</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>
          {listTabs[props.tab].label}(共 {props.total} 条)
        </caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">体裁</th>
            <th scope="col">目录事项</th>
            <th scope="col">状态</th>
            <th scope="col">应公开日期</th>
            <th scope="col">更新时间</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/admin/records/${r.id}`}>{r.title}</a>
                {r.docNo ? <div>{r.docNo}</div> : null}
              </th>
              <td>{r.genre}</td>
              <td>{r.catalogItem || "(未归入目录)"}</td>
              <td>{r.state}</td>
              <td>
                {r.dueOn ?? "—"}
                {r.dueText ? (
                  <div>
                    <span
                      class={r.dueText.startsWith("即将") ? "badge badge-warn" : "badge badge-err"}
                    >
                      {r.dueText}
                    </span>
                  </div>
                ) : null}
              </td>
              <td>{beijingTime(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pages(props: ListPageModel) {
  const count = Math.ceil(props.total / PAGE_SIZE);
  if (count <= 1) return null;
  const pages = Array.from({ length: count }, (_, i) => i + 1).filter(
    (p) => p === 1 || p === count || Math.abs(p - props.page) <= 3,
  );
  return (
    <nav class="pager" aria-label="分页">
      <ul>
        {pages.map((p) => (
          <li>
            <a
              href={queryOf(props.tab, props.filters, p)}
              aria-current={p === props.page ? "page" : undefined}
            >
              第 {p} 页
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
