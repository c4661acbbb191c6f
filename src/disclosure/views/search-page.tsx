// 站内搜索: the query box, filters and sort in one GET form, results with highlighted words.
import { GENRES, genreLabels } from "../../records/genres";
import type { PublicFacets } from "../../records/public-store";
import type { SearchResult, SearchSort } from "../../search/search";
import { Pager } from "../../ui/pager";
import type { CatalogOption } from "../choices";
import { genreLabel } from "../labels";
import { listHref } from "../params";
import { recordPath } from "../urls";
import { FilterSelect, MarkedText } from "./common";

export interface SearchForm {
  q: string;
  catalogItemId?: number;
  genre?: string;
  publisher?: string;
  year?: number;
  sort: SearchSort;
}

function SearchFormView(props: {
  form: SearchForm;
  facets: PublicFacets;
  catalogOptions: CatalogOption[];
}) {
  const { form, facets } = props;
  return (
    <search>
      <form method="get" action="/search" class="search-form">
        <div class="search-box">
          <label for="search-q">搜索关键词、文号或索引号</label>
          <input id="search-q" type="search" name="q" value={form.q} maxlength={100} />
          <button type="submit">搜索</button>
        </div>
        <div class="filter-form">
          <FilterSelect
            idPrefix="search"
            name="catalogItemId"
            label="目录事项"
            value={form.catalogItemId}
            options={props.catalogOptions.map((o) => ({ value: o.id, label: o.label }))}
          />
          <FilterSelect
            idPrefix="search"
            name="genre"
            label="体裁"
            value={form.genre}
            options={GENRES.map((g) => ({ value: g, label: genreLabels[g] }))}
          />
          <FilterSelect
            idPrefix="search"
            name="publisher"
            label="发布机构"
            value={form.publisher}
            options={facets.publishers.map((p) => ({ value: p, label: p }))}
          />
          <FilterSelect
            idPrefix="search"
            name="year"
            label="发布年份"
            value={form.year}
            options={facets.years.map((y) => ({ value: y, label: `${y}年` }))}
          />
          <label for="search-sort">
            排序
            <select id="search-sort" name="sort">
              <option value="relevance" selected={form.sort === "relevance"}>
                相关度
              </option>
              <option value="date" selected={form.sort === "date"}>
                发布日期
              </option>
            </select>
          </label>
        </div>
      </form>
    </search>
  );
}

function Hits(props: { result: SearchResult }) {
  const { result } = props;
  return (
    <ol class="search-results" start={(result.page - 1) * result.pageSize + 1}>
      {result.hits.map((h) => (
        <li>
          <h2>
            <a href={recordPath(h.recordId)}>
              <MarkedText html={h.titleHighlighted} />
            </a>
          </h2>
          {h.recordId === result.exactMatch ? (
            <p class="badge badge-ok">文号或索引号完全匹配</p>
          ) : null}
          <p class="hit-meta">
            {[h.docNo, genreLabel(h.genre), h.publisher, h.publishedOn].filter(Boolean).join(" · ")}
          </p>
          <p class="hit-snippet">
            <MarkedText html={h.snippet} />
          </p>
        </li>
      ))}
    </ol>
  );
}

export function SearchPage(props: {
  form: SearchForm;
  facets: PublicFacets;
  catalogOptions: CatalogOption[];
  /** Null before anything was asked. */
  result: SearchResult | null;
}) {
  const { form, result } = props;
  const pageCount = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 0;
  const { sort, ...filter } = form;
  return (
    <>
      <h1>站内搜索</h1>
      <SearchFormView form={form} facets={props.facets} catalogOptions={props.catalogOptions} />
      {result === null ? (
        <p class="hint">可输入标题或正文中的词语(如“食品”“许可”),也可直接输入文号或索引号。</p>
      ) : result.total === 0 ? (
        <div class="no-results">
          <p>
            <strong>没有找到{form.q ? `与“${form.q}”相关的` : "符合条件的"}信息。</strong>
          </p>
          <p>请检查输入的文字,换用更短或更常用的词语,或减少筛选条件后再试。</p>
        </div>
      ) : (
        <>
          <p class="result-count">
            找到 {result.totalCapped ? `${result.total} 多` : result.total} 条信息
          </p>
          <Hits result={result} />
          <Pager
            page={result.page}
            count={pageCount}
            hrefOf={(p) => listHref("/search", { ...filter, sort }, p)}
          />
        </>
      )}
    </>
  );
}
