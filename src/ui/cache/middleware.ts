// HTTP side of the public page cache (page-cache.ts): serves stored pages to anonymous visitors
// and stores the pages that renderDocument marked as shareable. Only GET/HEAD, outside /api/,
// from requests whose cookies are all display preferences or the CSRF seed: a session cookie, or
// any cookie we do not know, means the page may be personal and the cache is not used at all.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { TEXT_SIZE_COOKIE } from "../../disclosure/text-size";
import { csrfCookie } from "../../http/csrf";
import type { AppEnv } from "../../http/types";
import { CARE_MODE_COOKIE, preferencesOf, SCRIPT_COOKIE } from "../preferences";
import {
  buildPlainEntry,
  type CachedPage,
  chooseEncoding,
  compressPage,
  PageCache,
  pageCacheKey,
} from "./page-cache";
import { bumpContentRevision, contentRevision, revisionIsReliable } from "./revision";

/** Set by renderDocument on a page anyone may be shown; removed here before the response leaves. */
export const CACHEABLE_MARK = "x-gongkai-shareable";

/** Cookies that never make a page personal. */
const SHAREABLE_COOKIES = new Set([csrfCookie, CARE_MODE_COOKIE, SCRIPT_COOKIE, TEXT_SIZE_COOKIE]);
/** Headers of the rendered response that the cached representation replaces. */
const replaced = new Set(["content-length", "content-encoding", CACHEABLE_MARK]);
/** Headers not stored with an entry: per response, or set by `respond` itself. */
const notStored = new Set([
  ...replaced,
  "set-cookie",
  "x-request-id",
  "content-type",
  "etag",
  "cache-control",
  "vary",
  "x-page-cache",
]);
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * After a successful change (a POST that published a record, saved settings, filed an
 * application…) every cached page is stale. Over-invalidation (a login also bumps) is cheap;
 * a missed one would show outdated content.
 */
export function bumpRevisionOnChange(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (unsafeMethods.has(c.req.method) && c.res.status < 400) bumpContentRevision();
  };
}

function keyOf(c: Context<AppEnv>): string | null {
  const method = c.req.method;
  if (method !== "GET" && method !== "HEAD") return null;
  if (c.req.path.startsWith("/api/") || c.req.header("authorization")) return null;
  if (!revisionIsReliable()) return null;
  const cookies = getCookie(c);
  for (const name of Object.keys(cookies)) if (!SHAREABLE_COOKIES.has(name)) return null;
  const url = c.req.url;
  const prefs = preferencesOf(cookies);
  // Path and query as sent (no fragment reaches the server), without parsing a URL.
  return pageCacheKey(url.slice(url.indexOf("/", url.indexOf("//") + 2)), {
    ...prefs,
    textSize: cookies[TEXT_SIZE_COOKIE] ?? "",
  });
}

function respond(
  c: Context<AppEnv>,
  cache: PageCache,
  entry: CachedPage,
  state: "hit" | "miss",
): Response {
  // A plain header object and a Buffer body: @hono/node-server writes both straight to the
  // socket, without building a WHATWG Headers or Response on a hit.
  const headers: Record<string, string> = {
    ...entry.headers,
    "content-type": entry.contentType,
    etag: entry.etag,
    "cache-control": "no-cache",
    vary: "Accept-Encoding, Cookie",
    "x-page-cache": state,
  };
  if (c.req.header("if-none-match") === entry.etag)
    return new Response(null, { status: 304, headers });
  // A miss answers uncompressed: compressing costs more CPU than rendering, and most pages
  // stored (a record page) are never asked for again. The first hit that wants it compresses.
  const encoding = state === "hit" ? chooseEncoding(c.req.header("accept-encoding")) : "identity";
  if (encoding !== "identity" && !entry.br) {
    const before = entry.bytes;
    compressPage(entry);
    cache.resized(entry, before);
  }
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  const body = encoding === "br" ? entry.br! : encoding === "gzip" ? entry.gzip! : entry.identity;
  headers["content-length"] = String(body.length);
  return new Response(body, { status: 200, headers });
}

/** Whether the rendered response may be stored: marked, 200, and it sets no cookie of its own. */
function storable(res: Response): boolean {
  if (res.status !== 200 || res.headers.get(CACHEABLE_MARK) !== "1") return false;
  if (/no-store|private/i.test(res.headers.get("cache-control") ?? "")) return false;
  return res.headers.getSetCookie().every((line) => line.startsWith(`${csrfCookie}=`));
}

/**
 * Installed before request ids, logging, security headers, site settings, CSRF and the session
 * lookup (src/http/app.tsx): a hit runs none of them and sends stored bytes. The headers those
 * add to a rendered page are stored with the entry and sent again on a hit.
 *
 * Without a cache (tests built on createTestApp change data behind the app's back, through
 * services) the middleware only removes the mark.
 */
export function pageCacheMiddleware(
  cache: PageCache | null,
  clock: () => Date,
  /** True when stored pages must not be served now (a scheduled record has fallen due). */
  bypass: (now: Date) => boolean = () => false,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = cache && !bypass(clock()) ? keyOf(c) : null;
    if (key === null || !cache) {
      await next();
      c.res.headers.delete(CACHEABLE_MARK);
      return;
    }
    // The revision before rendering: a change committed while we render makes this entry stale.
    const revision = contentRevision();
    // The app's clock, so tests that move time also age the cache.
    const hit = cache.get(key, revision, clock().getTime());
    if (hit) return respond(c, cache, hit, "hit");
    await next();
    const res = c.res;
    if (!storable(res)) {
      res.headers.delete(CACHEABLE_MARK);
      return;
    }
    const entry = buildPlainEntry(
      key,
      Buffer.from(await res.arrayBuffer()),
      res.headers.get("content-type") ?? "text/html; charset=UTF-8",
      revision,
      clock().getTime(),
    );
    for (const [name, value] of res.headers) {
      if (!notStored.has(name)) entry.headers[name] = value;
    }
    cache.set(entry);
    const fresh = respond(c, cache, entry, "miss");
    // Keep this response's own headers (request id, the CSRF seed cookie the first visit gets,
    // so the browser's later forms work); the cached copy itself has none of them.
    for (const [name, value] of res.headers) {
      if (name === "set-cookie" || fresh.headers.has(name) || replaced.has(name)) continue;
      fresh.headers.set(name, value);
    }
    for (const line of res.headers.getSetCookie()) fresh.headers.append("Set-Cookie", line);
    c.res = undefined;
    c.res = fresh;
  };
}

export { PageCache };
