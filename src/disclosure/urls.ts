// Stable public URLs of the portal: pages, feeds and the sitemap link with these, never by hand.
import type { Context } from "hono";
import type { AppEnv } from "../http/types";

export const recordPath = (id: number) => `/records/${id}`;
export const recordPrintPath = (id: number) => `/records/${id}/print`;
export const catalogItemPath = (id: number) => `/disclosure/catalog/${id}`;
export const attachmentPath = (a: { id: number; fileName: string }) =>
  `/files/${a.id}/${encodeURIComponent(a.fileName)}`;
export const catalogFeedPath = (itemId: number) => `/feeds/catalog/${itemId}.atom`;
export const genreFeedPath = (genre: string) => `/feeds/genre/${genre}.atom`;
export const ALL_RECORDS_FEED_PATH = "/feeds/records.atom";

/** The largest id PostgreSQL's `integer` holds: a larger one in a URL can match nothing. */
export const MAX_ID = 2_147_483_647;

/** A positive id from URL text, or null (404) for anything else. */
export function parseUrlId(text: string | undefined): number | null {
  if (!text || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/**
 * scheme://host of the site as the visitor reached it, for absolute links in feeds and the
 * sitemap. Behind a TLS-terminating proxy (secure cookies on) the scheme is https.
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const secure = c.get("deps").config.secureCookies;
  return `${secure ? "https:" : url.protocol}//${url.host}`;
}
