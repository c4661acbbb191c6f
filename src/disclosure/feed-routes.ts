// Dissemination (传播): Atom feeds of published records (all, per catalog item, per 体裁) and the
// sitemap. Both read only published records, so a withdrawn record leaves them at once.
import type { Context, Hono } from "hono";
import { findCatalogItem, listCatalogItems } from "../catalog/store";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { isGenre } from "../records/genres";
import {
  countPublishedRecords,
  latestPublishedRecords,
  listPublishedRecordStamps,
  type PublicRecordFilter,
} from "../records/public-store";
import { portalSections } from "../ui/layout";
import { type AtomEntry, entryTagId, renderAtom } from "./atom";
import { genreLabel } from "./labels";
import {
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_MAX_URLS,
  type SitemapUrl,
  sitemapLayout,
} from "./sitemap";
import {
  ALL_RECORDS_FEED_PATH,
  catalogFeedPath,
  catalogItemPath,
  genreFeedPath,
  parseUrlId,
  publicOrigin,
  recordPath,
} from "./urls";

/** Entries per feed: the newest published records. */
export const FEED_SIZE = 50;

const ATOM_TYPE = "application/atom+xml; charset=utf-8";
const XML_TYPE = "application/xml; charset=utf-8";

/** The portal's own pages listed in the sitemap besides the records. */
const DISCLOSURE_PAGES = [
  "/disclosure/guide",
  "/disclosure/rules",
  "/disclosure/records",
  "/disclosure/annual-reports",
  "/disclosure/catalog",
];

async function sendFeed(
  c: Context<AppEnv>,
  feed: { path: string; alternate: string; title: string; filter: PublicRecordFilter },
): Promise<Response> {
  const { db, clock } = c.get("deps");
  const site = c.get("site");
  const origin = publicOrigin(c);
  const host = new URL(origin).hostname;
  const records = await latestPublishedRecords(db, FEED_SIZE, feed.filter);
  const entries = records.map(
    (r): AtomEntry => ({
      id: entryTagId(host, r.publishedOn ?? r.formedOn, r.id),
      title: r.title,
      updated: r.updatedAt,
      published: r.publishedAt,
      link: `${origin}${recordPath(r.id)}`,
      summary: r.summary,
      author: r.publisher,
      category: { term: r.genre, label: genreLabel(r.genre) },
    }),
  );
  const xml = renderAtom({
    self: `${origin}${feed.path}`,
    alternate: `${origin}${feed.alternate}`,
    title: `${site.siteName}:${feed.title}`,
    subtitle: `${site.hostOrganisation}主动公开的政府信息`,
    author: site.hostOrganisation,
    emptyUpdated: clock().toISOString(),
    entries,
  });
  return c.body(xml, 200, { "Content-Type": ATOM_TYPE, "Cache-Control": "no-cache" });
}

function sendXml(c: Context<AppEnv>, xml: string): Response {
  return c.body(xml, 200, { "Content-Type": XML_TYPE, "Cache-Control": "no-cache" });
}

async function pageUrls(c: Context<AppEnv>): Promise<SitemapUrl[]> {
  const origin = publicOrigin(c);
  const items = await listCatalogItems(c.get("deps").db, { activeOnly: true });
  const paths = [
    ...portalSections.map((s) => s.href),
    ...DISCLOSURE_PAGES,
    ...items.map((i) => catalogItemPath(i.id)),
  ];
  return paths.map((p) => ({ loc: `${origin}${p}` }));
}

async function recordUrls(c: Context<AppEnv>, offset: number, limit: number) {
  const origin = publicOrigin(c);
  const stamps = await listPublishedRecordStamps(c.get("deps").db, offset, limit);
  return stamps.map((s) => ({ loc: `${origin}${recordPath(s.id)}`, lastmod: s.updatedAt }));
}

export function feedRoutes(app: Hono<AppEnv>): void {
  app.get(ALL_RECORDS_FEED_PATH, (c) =>
    sendFeed(c, {
      path: ALL_RECORDS_FEED_PATH,
      alternate: "/disclosure/records",
      title: "全部主动公开信息",
      filter: {},
    }),
  );

  app.get("/feeds/catalog/:file", async (c) => {
    const id = parseUrlId(/^(\d+)\.atom$/.exec(c.req.param("file"))?.[1]);
    const item = id === null ? undefined : await findCatalogItem(c.get("deps").db, id);
    if (!item?.isActive) throw notFound("订阅");
    return sendFeed(c, {
      path: catalogFeedPath(item.id),
      alternate: catalogItemPath(item.id),
      title: item.item,
      filter: { catalogItemId: item.id },
    });
  });

  app.get("/feeds/genre/:file", (c) => {
    const genre = /^([A-Za-z]+)\.atom$/.exec(c.req.param("file"))?.[1];
    if (!genre || !isGenre(genre)) throw notFound("订阅");
    return sendFeed(c, {
      path: genreFeedPath(genre),
      alternate: `/search?genre=${genre}`,
      title: genreLabel(genre),
      filter: { genre },
    });
  });

  app.get("/sitemap.xml", async (c) => {
    const pages = await pageUrls(c);
    const count = await countPublishedRecords(c.get("deps").db);
    const layout = sitemapLayout(pages.length, count);
    if (layout.kind === "single") {
      return sendXml(c, renderUrlset([...pages, ...(await recordUrls(c, 0, count))]));
    }
    const origin = publicOrigin(c);
    const files = Array.from(
      { length: layout.recordFiles },
      (_, i) => `${origin}/sitemaps/records-${i + 1}.xml`,
    );
    return sendXml(c, renderSitemapIndex([`${origin}/sitemaps/pages.xml`, ...files]));
  });

  app.get("/sitemaps/:file", async (c) => {
    const file = c.req.param("file");
    if (file === "pages.xml") return sendXml(c, renderUrlset(await pageUrls(c)));
    const n = parseUrlId(/^records-(\d+)\.xml$/.exec(file)?.[1]);
    const count = await countPublishedRecords(c.get("deps").db);
    const files = Math.max(1, Math.ceil(count / SITEMAP_MAX_URLS));
    if (n === null || n > files) throw notFound();
    return sendXml(
      c,
      renderUrlset(await recordUrls(c, (n - 1) * SITEMAP_MAX_URLS, SITEMAP_MAX_URLS)),
    );
  });
}
