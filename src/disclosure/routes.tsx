// The public portal of proactive disclosure: the 政府信息公开 专栏, record pages and downloads,
// search, feeds and sitemap, and the public read API. Everything it shows comes from
// records/public-store.ts, which only ever reads published records.
import type { Hono, MiddlewareHandler } from "hono";
import { listCatalogItems } from "../catalog/store";
import type { Api } from "../http/api";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import {
  countPublishedByCatalogItem,
  listPublishedRecords,
  loadPublicFacets,
  type PublicRecordFilter,
} from "../records/public-store";
import { releaseDueBeforeRead } from "../records/scheduled-release";
import type { Db } from "../records/store";
import { renderPortal } from "../ui/render";
import { publicApiRoutes } from "./api";
import { catalogOptionsOf, PAGE_SIZE } from "./choices";
import { feedRoutes } from "./feed-routes";
import { explainIndexNo } from "./guide";
import { filterOfQuery, listHref, pageOfQuery } from "./params";
import { recordRoutes } from "./record-routes";
import { searchRoutes } from "./search-routes";
import { annualReportFilter, disclosureRulesFilter } from "./sections";
import { BrowsePage } from "./views/browse-page";
import { GuidePage } from "./views/guide-page";
import { DisclosureHomePage, RecordListPage, type StatutoryGroup } from "./views/section-pages";

/** Paths whose reads first release scheduled records that are due (定时发布, lazily). */
const PUBLIC_READ_PATHS = [
  "/",
  "/disclosure",
  "/disclosure/*",
  "/records/*",
  "/files/*",
  "/search",
  "/feeds/*",
  "/sitemap.xml",
  "/sitemaps/*",
  "/api/v1/records",
  "/api/v1/records/*",
];

function releaseDueRecords(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") {
      const { db, clock } = c.get("deps");
      await releaseDueBeforeRead(db, clock());
    }
    await next();
  };
}

async function statutoryGroups(db: Db): Promise<StatutoryGroup[]> {
  const items = await listCatalogItems(db, { activeOnly: true });
  const countsByCatalogItem = await countPublishedByCatalogItem(
    db,
    items.map((i) => i.id),
  );
  const groups: StatutoryGroup[] = [];
  for (const i of items) {
    const entry = { id: i.id, item: i.item, count: countsByCatalogItem.get(i.id) ?? 0 };
    const last = groups.at(-1);
    if (last?.category === i.category) last.items.push(entry);
    else groups.push({ category: i.category, items: [entry] });
  }
  return groups;
}

/** One page of a list; a page past the last one is 404. */
async function pageOf(db: Db, filter: PublicRecordFilter, pageText: string | undefined) {
  const page = pageOfQuery(pageText);
  const { total, items } = await listPublishedRecords(db, filter, { page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) throw notFound();
  return { total, records: items, page, pageCount };
}

export function disclosureRoutes(app: Hono<AppEnv>, api: Api): void {
  for (const path of PUBLIC_READ_PATHS) app.use(path, releaseDueRecords());

  app.get("/disclosure", async (c) => {
    const groups = await statutoryGroups(c.get("deps").db);
    return renderPortal(c, "政府信息公开", <DisclosureHomePage groups={groups} />);
  });

  app.get("/disclosure/guide", (c) => {
    const site = c.get("site");
    const year = Number(c.get("deps").clock().toISOString().slice(0, 4));
    const indexNo = explainIndexNo(site.indexNoPattern, site.creditCode, year);
    return renderPortal(c, "信息公开指南", <GuidePage site={site} indexNo={indexNo} />);
  });

  app.get("/disclosure/records", async (c) => {
    const { db } = c.get("deps");
    const filter = filterOfQuery(c.req.query());
    const list = await pageOf(db, filter, c.req.query("page"));
    const facets = await loadPublicFacets(db);
    const catalogOptions = await catalogOptionsOf(db);
    return renderPortal(
      c,
      "信息公开目录",
      <BrowsePage filter={filter} facets={facets} catalogOptions={catalogOptions} {...list} />,
    );
  });

  const lists = [
    {
      path: "/disclosure/rules",
      title: "信息公开制度",
      lead: "本机关政务公开工作的制度规定(主题分类为“政务公开”的信息)。",
      emptyText: "暂无公开的制度文件。",
      filter: disclosureRulesFilter,
    },
    {
      path: "/disclosure/annual-reports",
      title: "信息公开年报",
      lead: "本机关每年1月31日前向社会公布上一年度政府信息公开工作年度报告(《条例》第四十九条)。",
      emptyText: "暂无公开的年度报告。",
      filter: annualReportFilter,
    },
  ];
  for (const list of lists) {
    app.get(list.path, async (c) => {
      const page = await pageOf(c.get("deps").db, list.filter, c.req.query("page"));
      return renderPortal(
        c,
        list.title,
        <RecordListPage
          title={list.title}
          lead={list.lead}
          emptyText={list.emptyText}
          hrefOf={(p) => listHref(list.path, {}, p)}
          {...page}
        />,
      );
    });
  }

  recordRoutes(app);
  searchRoutes(app);
  feedRoutes(app);
  publicApiRoutes(app, api);
}
