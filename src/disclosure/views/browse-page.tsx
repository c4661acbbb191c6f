// 信息公开目录: every published record, filtered by GET parameters in a form that needs no script.
import type {
  PublicFacets,
  PublicRecordFilter,
  PublicRecordSummary,
} from "../../records/public-store";
import { VALIDITIES, validityLabels } from "../../records/vocabulary";
import { Pager } from "../../ui/pager";
import type { CatalogOption } from "../choices";
import { listHref } from "../params";
import { DisclosureNav, FilterSelect, RecordTable } from "./common";

function FilterForm(props: {
  filter: PublicRecordFilter;
  facets: PublicFacets;
  catalogOptions: CatalogOption[];
}) {
  const { filter, facets } = props;
  const texts = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <form method="get" action="/disclosure/records" class="filter-form" aria-label="筛选信息">
      <FilterSelect
        idPrefix="filter"
        name="catalogItemId"
        label="目录事项"
        value={filter.catalogItemId}
        options={props.catalogOptions.map((o) => ({ value: o.id, label: o.label }))}
      />
      <FilterSelect
        idPrefix="filter"
        name="topic"
        label="主题分类"
        value={filter.topic}
        options={texts(facets.topics)}
      />
      <FilterSelect
        idPrefix="filter"
        name="publisher"
        label="发布机构"
        value={filter.publisher}
        options={texts(facets.publishers)}
      />
      <FilterSelect
        idPrefix="filter"
        name="year"
        label="发布年份"
        value={filter.year}
        options={facets.years.map((y) => ({ value: y, label: `${y}年` }))}
      />
      <FilterSelect
        idPrefix="filter"
        name="validity"
        label="有效性"
        value={filter.validity}
        options={VALIDITIES.map((v) => ({ value: v, label: validityLabels[v] }))}
      />
      <button type="submit">筛选</button>
      <a href="/disclosure/records">清除条件</a>
    </form>
  );
}

export function BrowsePage(props: {
  filter: PublicRecordFilter;
  facets: PublicFacets;
  catalogOptions: CatalogOption[];
  records: PublicRecordSummary[];
  total: number;
  page: number;
  pageCount: number;
}) {
  const { filter } = props;
  return (
    <>
      <h1>信息公开目录</h1>
      <p class="lead">本机关主动公开的全部信息,按发布日期由新到旧排列。</p>
      <DisclosureNav />
      <FilterForm filter={filter} facets={props.facets} catalogOptions={props.catalogOptions} />
      <p class="result-count">共 {props.total} 条信息</p>
      {props.total === 0 ? (
        <p>没有符合条件的信息,请减少筛选条件后再试。</p>
      ) : (
        <RecordTable
          id="records"
          caption={`信息公开目录(共${props.total}条,第${props.page}/${props.pageCount}页)`}
          records={props.records}
          showGenre
        />
      )}
      <Pager
        page={props.page}
        count={props.pageCount}
        hrefOf={(p) => listHref("/disclosure/records", filter, p)}
      />
    </>
  );
}
