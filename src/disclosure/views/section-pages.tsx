// The 政府信息公开 专栏 landing page and its simple lists (信息公开制度, 信息公开年报).
import type { PublicRecordSummary } from "../../records/public-store";
import { Pager } from "../../ui/pager";
import { ALL_RECORDS_FEED_PATH, catalogFeedPath, catalogItemPath } from "../urls";
import { DisclosureNav, RecordTable } from "./common";

export interface StatutoryGroup {
  /** 一级事项 */
  category: string;
  items: { id: number; item: string; count: number }[];
}

const parts = [
  {
    href: "/disclosure/guide",
    label: "信息公开指南",
    text: "信息的分类和编排、索引号、获取方式,依申请公开的办理程序和联系方式。",
  },
  {
    href: "/disclosure/rules",
    label: "信息公开制度",
    text: "本机关政务公开工作制度、保密审查和依申请公开办理等规定。",
  },
  {
    href: "/disclosure/records",
    label: "信息公开目录",
    text: "按目录事项、主题分类、发布机构、年份和有效性浏览全部主动公开信息。",
  },
  {
    href: "/disclosure/annual-reports",
    label: "信息公开年报",
    text: "本机关每年1月31日前公布的上一年度政府信息公开工作年度报告。",
  },
  {
    href: "/applications",
    label: "依申请公开",
    text: "在线提交政府信息公开申请,查询办理进度。",
  },
];

export function DisclosureHomePage(props: { groups: StatutoryGroup[] }) {
  return (
    <>
      <h1>政府信息公开</h1>
      <p class="lead">
        本机关依照《中华人民共和国政府信息公开条例》和基层政务公开标准目录,主动公开政府信息,受理政府信息公开申请。
      </p>
      <DisclosureNav />
      <ul class="section-grid">
        {parts.map((p) => (
          <li>
            <a href={p.href}>
              <strong>{p.label}</strong>
              <span>{p.text}</span>
            </a>
          </li>
        ))}
      </ul>
      <section id="statutory" aria-labelledby="statutory-title">
        <h2 id="statutory-title">法定主动公开内容</h2>
        <p>
          按<a href="/disclosure/catalog">标准目录</a>
          的事项列出本机关主动公开的信息,括号内为已公开的条数。
        </p>
        {props.groups.length === 0 ? <p>标准目录尚未发布。</p> : null}
        {props.groups.map((g) => (
          <div class="statutory-group">
            <h3>{g.category}</h3>
            <ul>
              {g.items.map((i) => (
                <li>
                  <a href={catalogItemPath(i.id)}>{i.item}</a>({i.count})
                  <a class="feed-link" href={catalogFeedPath(i.id)}>
                    订阅<span class="visually-hidden">“{i.item}”的更新(Atom)</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <p>
          <a href={ALL_RECORDS_FEED_PATH}>订阅全部主动公开信息(Atom)</a>
        </p>
      </section>
    </>
  );
}

/** A list of published records under a heading, paged (信息公开制度, 信息公开年报). */
export function RecordListPage(props: {
  title: string;
  lead: string;
  records: PublicRecordSummary[];
  total: number;
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
  emptyText: string;
}) {
  return (
    <>
      <h1>{props.title}</h1>
      <p class="lead">{props.lead}</p>
      <DisclosureNav />
      {props.total === 0 ? (
        <p>{props.emptyText}</p>
      ) : (
        <RecordTable
          id="list"
          caption={`${props.title}(共${props.total}条,第${props.page}/${props.pageCount}页)`}
          records={props.records}
        />
      )}
      <Pager page={props.page} count={props.pageCount} hrefOf={props.hrefOf} />
    </>
  );
}
