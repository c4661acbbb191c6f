// The public 标准目录 page (the table as the standard lays it out) and an item's page with the
// records published under it.
import type { Child } from "hono/jsx";
import { Pager } from "../ui/pager";
import type { CatalogItem, Flag } from "./catalog-item";
import { CatalogItemColumns } from "./item-columns";
import type { PublishedRecordLink } from "./store";

/** An item as the public table shows it. */
export interface PublicCatalogRow extends CatalogItem {
  id: number;
}

/** Consecutive items of one 一级事项: one <tbody>, its category cell spanning the rows. */
export function groupByCategory<T extends { category: string }>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last[0]?.category === item.category) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

function Tick(props: { flag: Flag; label?: string }) {
  if (props.flag !== true) {
    return (
      <td class="tick">
        <span class="visually-hidden">否</span>
      </td>
    );
  }
  return (
    <td class="tick">
      <span aria-hidden="true">√</span>
      <span class="visually-hidden">是</span>
      {props.label ? <span class="tick-label">{props.label}</span> : null}
    </td>
  );
}

function Lines(props: { entries: string[]; separator: "、" | "line" }): Child {
  if (props.separator === "、") return <>{props.entries.join("、")}</>;
  return (
    <>
      {props.entries.map((e, i) => (
        <>
          {i > 0 ? <br /> : null}
          {e}
        </>
      ))}
    </>
  );
}

function CatalogHead() {
  return (
    <thead>
      <tr>
        <th scope="col" rowspan={2}>
          序号
        </th>
        <th scope="colgroup" colspan={2}>
          公开事项
        </th>
        {["公开内容(要素)", "公开依据", "公开时限", "公开主体", "公开渠道和载体"].map((h) => (
          <th scope="col" rowspan={2}>
            {h}
          </th>
        ))}
        {["公开对象", "公开方式", "公开层级"].map((h) => (
          <th scope="colgroup" colspan={2}>
            {h}
          </th>
        ))}
      </tr>
      <tr>
        {["一级事项", "二级事项", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"].map(
          (h) => (
            <th scope="col">{h}</th>
          ),
        )}
      </tr>
    </thead>
  );
}

function CatalogRow(props: { row: PublicCatalogRow; categoryRows: number }) {
  const { row } = props;
  return (
    <tr id={`item-${row.id}`}>
      <td>{row.seq ?? ""}</td>
      {props.categoryRows > 0 ? (
        <th scope="rowgroup" rowspan={props.categoryRows}>
          {row.category}
        </th>
      ) : null}
      <th scope="row">
        <a href={`/disclosure/catalog/${row.id}`}>{row.item}</a>
      </th>
      <td>
        <Lines entries={row.elements} separator="、" />
      </td>
      <td>
        <Lines entries={row.legalBasis} separator="line" />
      </td>
      <td>{row.deadline.text}</td>
      <td>{row.responsibleUnit}</td>
      <td>
        <Lines entries={row.channels} separator="、" />
      </td>
      <Tick flag={row.audience.wholeSociety} />
      <Tick flag={row.audience.specificGroup} label={row.audience.specificGroupName} />
      <Tick flag={row.mode.proactive} />
      <Tick flag={row.mode.onApplication} />
      <Tick flag={row.level.county} />
      <Tick flag={row.level.township} />
    </tr>
  );
}

export function CatalogTablePage(props: { title: string; rows: PublicCatalogRow[] }) {
  const groups = groupByCategory(props.rows);
  return (
    <>
      <h1>标准目录</h1>
      <p class="lead">
        本机关按照基层政务公开标准目录主动公开政府信息。点击“二级事项”可查看该事项下已公开的信息。
      </p>
      {props.rows.length === 0 ? (
        <p>目录尚未发布。</p>
      ) : (
        <>
          <p class="hint">表格较宽,在手机上可左右滑动查看。</p>
          <section
            class="table-wrap catalog-table-wrap"
            aria-labelledby="catalog-caption"
            tabindex={0}
          >
            <table class="catalog-table">
              <caption id="catalog-caption">
                {props.title}(共{props.rows.length}项)
              </caption>
              <CatalogHead />
              {groups.map((group) => (
                <tbody>
                  {group.map((row, i) => (
                    <CatalogRow row={row} categoryRows={i === 0 ? group.length : 0} />
                  ))}
                </tbody>
              ))}
            </table>
          </section>
        </>
      )}
    </>
  );
}

export function CatalogItemPage(props: {
  item: PublicCatalogRow;
  records: PublishedRecordLink[];
  page: number;
  pageCount: number;
  total: number;
}) {
  const { item } = props;
  return (
    <>
      <p class="no-print">
        <a href="/disclosure/catalog">返回标准目录</a>
      </p>
      <h1>{item.item}</h1>
      <p class="lead">
        {item.category} · 已公开信息 {props.total} 条
      </p>
      <section aria-labelledby="records-title">
        <h2 id="records-title">已公开的信息</h2>
        {props.records.length === 0 ? (
          <p>该事项下暂无已公开的信息。</p>
        ) : (
          <RecordTable records={props.records} />
        )}
        <Pager
          page={props.page}
          count={props.pageCount}
          hrefOf={(p) =>
            p === 1 ? `/disclosure/catalog/${item.id}` : `/disclosure/catalog/${item.id}?page=${p}`
          }
        />
      </section>
      <section aria-labelledby="columns-title">
        <h2 id="columns-title">目录内容</h2>
        <CatalogItemColumns item={item} />
      </section>
    </>
  );
}

function RecordTable(props: { records: PublishedRecordLink[] }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">文号</th>
            <th scope="col">发布日期</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((r) => (
            <tr>
              <td>
                <a href={`/records/${r.id}`}>{r.title}</a>
              </td>
              <td>{r.docNo ?? ""}</td>
              <td>{r.publishedOn ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
