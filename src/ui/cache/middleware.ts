// HTTP side of the public page cache (page-cache.ts): serves stored pages to anonymous visitors
// and stores the pages that renderDocument marked as shareable. Only GET/HEAD, outside /api/,
// from requests whose cookies are all display preferences or the CSRF seed: a session cookie, or
// any cookie we do not know, means the page may be personal and the cache is not used at all.

import type { RequestListener } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { parse as parseCookies } from "hono/utils/cookie";
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

/** What decides whether and under which key a request may use the cache. */
interface CacheRequest {
  method: string;
  /** Path and query as sent (no fragment reaches the server). */
  pathAndQuery: string;
  cookie: string | undefined;
  authorization: string | undefined;
}

/** The cache key of a request, or null when it must not use the cache at all. */
function cacheKeyOf(req: CacheRequest): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (req.pathAndQuery.startsWith("/api/") || req.authorization) return null;
  if (!revisionIsReliable()) return null;
  const cookies = req.cookie ? parseCookies(req.cookie) : {};
  for (const name of Object.keys(cookies)) if (!SHAREABLE_COOKIES.has(name)) return null;
  return pageCacheKey(req.pathAndQuery, {
    ...preferencesOf(cookies),
    textSize: cookies[TEXT_SIZE_COOKIE] ?? "",
  });
}

function keyOf(c: Context<AppEnv>): string | null {
  const url = c.req.url;
  return cacheKeyOf({
    method: c.req.method,
    // Without parsing a URL.
    pathAndQuery: url.slice(url.indexOf("/", url.indexOf("//") + 2)),
    cookie: c.req.header("cookie"),
    authorization: c.req.header("authorization"),
  });
}

interface StoredResponse {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The answer from a stored page: 304 on a matching ETag, else the bytes in the wanted encoding. */
function storedResponse(
  cache: PageCache,
  entry: CachedPage,
  state: "hit" | "miss",
  ifNoneMatch: string | undefined,
  acceptEncoding: string | undefined,
): StoredResponse {
  const headers: Record<string, string> = {
    ...entry.headers,
    "content-type": entry.contentType,
    etag: entry.etag,
    "cache-control": "no-cache",
    vary: "Accept-Encoding, Cookie",
    "x-page-cache": state,
  };
  if (ifNoneMatch === entry.etag) return { status: 304, headers, body: null };
  // A miss answers uncompressed: compressing costs more CPU than rendering, and most pages
  // stored (a record page) are never asked for again. The first hit that wants it compresses.
  const encoding = state === "hit" ? chooseEncoding(acceptEncoding) : "identity";
  if (encoding !== "identity" && !entry.br) {
    const before = entry.bytes;
    compressPage(entry);
    cache.resized(entry, before);
  }
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  const body = encoding === "br" ? entry.br! : encoding === "gzip" ? entry.gzip! : entry.identity;
  headers["content-length"] = String(body.length);
  return { status: 200, headers, body };
}

function respond(
  c: Context<AppEnv>,
  cache: PageCache,
  entry: CachedPage,
  state: "hit" | "miss",
): Response {
  const { status, headers, body } = storedResponse(
    cache,
    entry,
    state,
    c.req.header("if-none-match"),
    c.req.header("accept-encoding"),
  );
  // A plain header object and a Buffer body: @hono/node-server writes both straight to the
  // socket, without building a WHATWG Headers.
  return new Response(body, { status, headers });
}

/**
 * The server's first look at a request, before Hono: a stored page is written straight to the
 * socket, as a bare node:http server would (no Request, Response or middleware), and anything
 * else goes on to `next`, the app. The app's own middleware below still serves hits to
 * `app.request()` and stores what it renders.
 */
export function servePageCacheHits(
  cache: PageCache,
  clock: () => Date,
  bypass: (now: Date) => boolean,
  next: RequestListener,
): RequestListener {
  return (req, res) => {
    const now = clock();
    const key = bypass(now)
      ? null
      : cacheKeyOf({
          method: req.method ?? "GET",
          pathAndQuery: req.url ?? "/",
          cookie: req.headers.cookie,
          authorization: req.headers.authorization,
        });
    const hit = key === null ? null : cache.get(key, contentRevision(), now.getTime());
    if (!hit) {
      next(req, res);
      return;
    }
    const { status, headers, body } = storedResponse(
      cache,
      hit,
      "hit",
      req.headers["if-none-match"],
      req.headers["accept-encoding"],
    );
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : (body ?? undefined));
  };
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
