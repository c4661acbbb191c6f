// Public 双公示 pages under /services/publicity: both lists, each list with search and filters,
// and one page per entry. Only what may be published reaches these views (masked names).
import { usePage } from "../ui/page-context";
import { Pager } from "../ui/pager";
import { PENALTY_KIND_LABELS } from "./rules";
import type { LicenceEntry, Page, PenaltyEntry, PublicFilter } from "./store";
import {
  LICENCES_PATH,
  licenceFeedPath,
  licencePath,
  listHref,
  PENALTIES_PATH,
  PUBLICITY_PATH,
  penaltyFeedPath,
  penaltyPath,
} from "./urls";

export interface CatalogName {
  id: number;
  code: string;
  item: string;
}

const SECTION_LINKS = [
  { href: PUBLICITY_PATH, label: "双公示首页" },
  { href: LICENCES_PATH, label: "行政许可公示" },
  { href: PENALTIES_PATH, label: "行政处罚公示" },
];

function Intro() {
  const { path } = usePage();
  return (
    <nav class="publicity-nav" aria-label="双公示">
      <ul>
        {SECTION_LINKS.map((l) => (
          <li>
            <a href={l.href} aria-current={l.href === path ? "page" : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LicenceTable(props: { id: string; caption: string; entries: LicenceEntry[] }) {
  const captionId = `${props.id}-caption`;
  return (
    <section class="table-wrap" aria-labelledby={captionId} tabindex={0}>
      <table class="record-table">
        <caption id={captionId}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">行政相对人</th>
            <th scope="col">许可证编号</th>
            <th scope="col">许可内容</th>
            <th scope="col">决定日期</th>
            <th scope="col">有效期至</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>
                <a href={licencePath(e.id)}>{e.subjectName}</a>
              </td>
              <td>{e.number}</td>
              <td>{e.content}</td>
              <td class="nowrap">{e.decidedOn}</td>
              <td class="nowrap">{e.validTo ?? "长期"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PenaltyTable(props: { id: string; caption: string; entries: PenaltyEntry[] }) {
  const captionId = `${props.id}-caption`;
  return (
    <section class="table-wrap" aria-labelledby={captionId} tabindex={0}>
      <table class="record-table">
        <caption id={captionId}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">当事人</th>
            <th scope="col">决定书文号</th>
            <th scope="col">类别</th>
            <th scope="col">处罚内容</th>
            <th scope="col">决定日期</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>
                <a href={penaltyPath(e.id)}>{e.subjectName}</a>
              </td>
              <td>{e.number}</td>
              <td class="nowrap">{PENALTY_KIND_LABELS[e.kind]}</td>
              <td>{e.content}</td>
              <td class="nowrap">{e.decidedOn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PublicityHomePage(props: {
  licences: Page<LicenceEntry>;
  penalties: Page<PenaltyEntry>;
}) {
  return (
    <>
      <h1>双公示</h1>
      <p class="lead">
        本机关作出的行政许可、行政处罚和行政强制决定,自作出决定之日起按规定时限向社会公示;公示期满或依法信用修复后不再公示。
      </p>
      <Intro />
      <section aria-labelledby="licences-title">
        <h2 id="licences-title">行政许可公示</h2>
        <p class="result-count">正在公示 {props.licences.total} 条</p>
        {props.licences.total > 0 ? (
          <LicenceTable id="licences" caption="最新行政许可公示" entries={props.licences.entries} />
        ) : (
          <p>目前没有正在公示的行政许可。</p>
        )}
        <p>
          <a href={LICENCES_PATH}>查看全部行政许可公示</a> ·{" "}
          <a href={licenceFeedPath}>订阅(Atom)</a>
        </p>
      </section>
      <section aria-labelledby="penalties-title">
        <h2 id="penalties-title">行政处罚公示</h2>
        <p class="result-count">正在公示 {props.penalties.total} 条</p>
        {props.penalties.total > 0 ? (
          <PenaltyTable
            id="penalties"
            caption="最新行政处罚公示"
            entries={props.penalties.entries}
          />
        ) : (
          <p>目前没有正在公示的行政处罚。</p>
        )}
        <p>
          <a href={PENALTIES_PATH}>查看全部行政处罚公示</a> ·{" "}
          <a href={penaltyFeedPath}>订阅(Atom)</a>
        </p>
      </section>
    </>
  );
}

function FilterSelect(props: {
  name: string;
  label: string;
  value: string | number | undefined;
  options: { value: string | number; label: string }[];
}) {
  const id = `filter-${props.name}`;
  return (
    <label for={id}>
      {props.label}
      <select id={id} name={props.name}>
        <option value="">全部</option>
        {props.options.map((o) => (
          <option value={String(o.value)} selected={String(o.value) === String(props.value ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function FilterForm(props: {
  action: string;
  filter: PublicFilter;
  years: number[];
  catalog: CatalogName[];
  withKind: boolean;
  searchLabel: string;
}) {
  return (
    <form method="get" action={props.action} class="filter-form" aria-label="查询公示信息">
      <label for="filter-q">
        {props.searchLabel}
        <input type="search" id="filter-q" name="q" value={props.filter.q ?? ""} maxlength={100} />
      </label>
      <FilterSelect
        name="year"
        label="决定年份"
        value={props.filter.year}
        options={props.years.map((y) => ({ value: y, label: `${y}年` }))}
      />
      {props.withKind ? (
        <FilterSelect
          name="kind"
          label="类别"
          value={props.filter.kind}
          options={[
            { value: "penalty", label: PENALTY_KIND_LABELS.penalty },
            { value: "coercion", label: PENALTY_KIND_LABELS.coercion },
          ]}
        />
      ) : null}
      <FilterSelect
        name="catalogItemId"
        label="目录事项"
        value={props.filter.catalogItemId}
        options={props.catalog.map((c) => ({ value: c.id, label: c.item }))}
      />
      <button type="submit">查询</button>
      <a href={props.action}>清除条件</a>
    </form>
  );
}

export function LicenceListPage(props: {
  filter: PublicFilter;
  page: Page<LicenceEntry>;
  years: number[];
  catalog: CatalogName[];
}) {
  const { page, filter } = props;
  return (
    <>
      <h1>行政许可公示</h1>
      <p class="lead">
        正在公示的行政许可决定。许可有效期届满或公示期满后自动不再公示。
        <a href={licenceFeedPath}>订阅(Atom)</a>
      </p>
      <Intro />
      <FilterForm
        action={LICENCES_PATH}
        filter={filter}
        years={props.years}
        catalog={props.catalog}
        withKind={false}
        searchLabel="名称或许可证编号"
      />
      <p class="result-count">共 {page.total} 条</p>
      {page.total === 0 ? (
        <p>没有符合条件的行政许可公示,请减少查询条件后再试。</p>
      ) : (
        <LicenceTable
          id="licences"
          caption={`行政许可公示(共${page.total}条,第${page.page}/${page.pageCount}页)`}
          entries={page.entries}
        />
      )}
      <Pager
        page={page.page}
        count={page.pageCount}
        hrefOf={(p) => listHref(LICENCES_PATH, filter, p)}
      />
    </>
  );
}

export function PenaltyListPage(props: {
  filter: PublicFilter;
  page: Page<PenaltyEntry>;
  years: number[];
  catalog: CatalogName[];
}) {
  const { page, filter } = props;
  return (
    <>
      <h1>行政处罚公示</h1>
      <p class="lead">
        正在公示的行政处罚和行政强制决定。公示期满或依法信用修复后不再公示。
        <a href={penaltyFeedPath}>订阅(Atom)</a>
      </p>
      <Intro />
      <FilterForm
        action={PENALTIES_PATH}
        filter={filter}
        years={props.years}
        catalog={props.catalog}
        withKind
        searchLabel="名称或决定书文号"
      />
      <p class="result-count">共 {page.total} 条</p>
      {page.total === 0 ? (
        <p>没有符合条件的行政处罚公示,请减少查询条件后再试。</p>
      ) : (
        <PenaltyTable
          id="penalties"
          caption={`行政处罚公示(共${page.total}条,第${page.page}/${page.pageCount}页)`}
          entries={page.entries}
        />
      )}
      <Pager
        page={page.page}
        count={page.pageCount}
        hrefOf={(p) => listHref(PENALTIES_PATH, filter, p)}
      />
    </>
  );
}

function Row(props: { label: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value || "—"}</dd>
    </>
  );
}

export function LicenceEntryPage(props: { entry: LicenceEntry; catalogItem: string }) {
  const e = props.entry;
  return (
    <>
      <p>
        <a href={LICENCES_PATH}>← 返回行政许可公示</a>
      </p>
      <h1>行政许可公示:{e.subjectName}</h1>
      <dl class="publicity-entry">
        <Row label="许可证编号" value={e.number} />
        <Row label="行政相对人名称" value={e.subjectName} />
        <Row label="统一社会信用代码" value={e.creditCode} />
        <Row label="法定代表人(负责人)" value={e.legalRep} />
        <Row label="许可内容" value={e.content} />
        <Row label="许可决定日期" value={e.decidedOn} />
        <Row label="有效期自" value={e.validFrom} />
        <Row label="有效期至" value={e.validTo ?? "长期"} />
        <Row label="许可机关" value={e.authority} />
        <Row label="目录事项" value={props.catalogItem} />
        <Row label="公示日期" value={e.publishedOn} />
        <Row label="公示截止日期" value={e.publicityEndsOn ?? "许可有效期内"} />
      </dl>
    </>
  );
}

export function PenaltyEntryPage(props: { entry: PenaltyEntry; catalogItem: string }) {
  const e = props.entry;
  return (
    <>
      <p>
        <a href={PENALTIES_PATH}>← 返回行政处罚公示</a>
      </p>
      <h1>
        {PENALTY_KIND_LABELS[e.kind]}公示:{e.subjectName}
      </h1>
      <dl class="publicity-entry">
        <Row label="决定书文号" value={e.number} />
        <Row label="类别" value={PENALTY_KIND_LABELS[e.kind]} />
        <Row label="当事人名称" value={e.subjectName} />
        <Row label="统一社会信用代码" value={e.creditCode} />
        <Row label="法定代表人(负责人)" value={e.legalRep} />
        <Row label="违法事实" value={e.facts} />
        <Row label="处罚依据" value={e.basis} />
        <Row label="处罚内容" value={e.content} />
        <Row label="处罚决定日期" value={e.decidedOn} />
        <Row label="处罚机关" value={e.authority} />
        <Row label="目录事项" value={props.catalogItem} />
        <Row label="公示日期" value={e.publishedOn} />
        <Row label="公示截止日期" value={e.publicityEndsOn} />
      </dl>
    </>
  );
}
