// sitemaps.org 0.9 documents: one <urlset> for a small site, or a <sitemapindex> of files of at
// most SITEMAP_MAX_URLS addresses each once the site outgrows one file.
import { XML_DECLARATION, xmlText } from "./xml";

/** The protocol's limit of addresses per file. */
export const SITEMAP_MAX_URLS = 50_000;

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export interface SitemapUrl {
  loc: string;
  /** YYYY-MM-DD or an ISO instant. */
  lastmod?: string | null;
}

export function renderUrlset(urls: readonly SitemapUrl[]): string {
  const body = urls.map((u) => {
    const lastmod = u.lastmod ? `<lastmod>${xmlText(u.lastmod)}</lastmod>` : "";
    return `<url><loc>${xmlText(u.loc)}</loc>${lastmod}</url>`;
  });
  return `${XML_DECLARATION}<urlset xmlns="${NS}">\n${body.join("\n")}\n</urlset>\n`;
}

export function renderSitemapIndex(locs: readonly string[]): string {
  const body = locs.map((loc) => `<sitemap><loc>${xmlText(loc)}</loc></sitemap>`);
  return `${XML_DECLARATION}<sitemapindex xmlns="${NS}">\n${body.join("\n")}\n</sitemapindex>\n`;
}

/**
 * How the addresses are laid out: everything in /sitemap.xml while it fits in one file;
 * otherwise an index of the pages file and `recordFiles` files of records.
 */
export function sitemapLayout(
  pageCount: number,
  recordCount: number,
  perFile = SITEMAP_MAX_URLS,
): { kind: "single" } | { kind: "index"; recordFiles: number } {
  if (pageCount + recordCount <= perFile) return { kind: "single" };
  return { kind: "index", recordFiles: Math.max(1, Math.ceil(recordCount / perFile)) };
}
