// The public page cache (issue 9): rendered anonymous pages held as ready-to-send bytes, plain,
// gzip and brotli, so a hit costs neither a render, a database query nor a string encoding.
// Pure data structure here; the HTTP side is middleware.ts. Design: ARCHITECTURE.md "Page cache".
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface CachedPage {
  key: string;
  /** The content revision the page was rendered at (revision.ts). */
  revision: number;
  /** Date.now() when stored; the entry lives `ttlMs` from here. */
  storedAt: number;
  contentType: string;
  etag: string;
  /** The rendered response's other headers (security headers…), sent again on every hit. */
  headers: Record<string, string>;
  identity: Buffer;
  /** Null until compressPage has run (a miss stores the plain bytes only, see below). */
  gzip: Buffer | null;
  br: Buffer | null;
  bytes: number;
}

export interface PageCacheOptions {
  /** Bound on the bytes held (plain + gzip + brotli of every entry). */
  maxBytes?: number;
  /** Time-based changes (a consultation closing, a publicity period ending) show within this. */
  ttlMs?: number;
}

export interface PageVariant {
  careMode: boolean;
  script: "s" | "t";
  /** The record page's 字号 cookie (src/disclosure/text-size.ts), or "" when unset. */
  textSize: string;
}

/** Longer URLs are not cached: they are not links anyone shares, and keys stay small. */
const MAX_URL_LENGTH = 1024;

/**
 * The cache key: path and query exactly as requested (GET and HEAD share it) and the display
 * variant, since the same URL renders differently in care mode, in traditional characters and
 * at another 字号.
 */
export function pageCacheKey(pathAndQuery: string, variant: PageVariant): string | null {
  if (pathAndQuery.length > MAX_URL_LENGTH) return null;
  return `${variant.careMode ? "c" : "-"}${variant.script}${variant.textSize || "-"} ${pathAndQuery}`;
}

export type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts (a `q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return "identity";
}

const brotliOptions = (size: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 9,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});

const entryBytes = (key: string, identity: Buffer, gz: Buffer | null, br: Buffer | null) =>
  identity.length + (gz?.length ?? 0) + (br?.length ?? 0) + key.length * 2 + 200;

/**
 * The plain entry a miss stores: no compression on the request's path. Compressing a 30 KB page
 * (gzip 9 + brotli 9) costs ~8 ms of CPU, which on uncached pages (every record page is a miss)
 * was most of the request; compressPage does it on the first hit that wants it.
 */
export function buildPlainEntry(
  key: string,
  body: Buffer,
  contentType: string,
  revision: number,
  now: number,
): CachedPage {
  const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  return {
    key,
    revision,
    storedAt: now,
    contentType,
    etag,
    headers: {},
    identity: body,
    gzip: null,
    br: null,
    bytes: entryBytes(key, body, null, null),
  };
}

/**
 * Adds the gzip and brotli bytes, once, on the first hit that asks for them: a page visited once
 * (most record pages) never pays for compression, a popular one pays once.
 */
export function compressPage(entry: CachedPage): void {
  if (entry.gzip && entry.br) return;
  entry.gzip = gzipSync(entry.identity, { level: 9 });
  entry.br = brotliCompressSync(entry.identity, brotliOptions(entry.identity.length));
  entry.bytes = entryBytes(entry.key, entry.identity, entry.gzip, entry.br);
}

/** Compresses at once (tests, and callers that want every representation up front). */
export function buildEntry(
  key: string,
  body: string,
  contentType: string,
  revision: number,
  now: number,
): CachedPage {
  const identity = Buffer.from(body, "utf8");
  const gzip = gzipSync(identity, { level: 9 });
  const br = brotliCompressSync(identity, brotliOptions(identity.length));
  const etag = `W/"${createHash("sha256").update(identity).digest("base64url").slice(0, 22)}"`;
  return {
    key,
    revision,
    storedAt: now,
    contentType,
    etag,
    headers: {},
    identity,
    gzip,
    br,
    bytes: entryBytes(key, identity, gzip, br),
  };
}

/** Least-recently-used by bytes, with a time to live and a content revision. */
export class PageCache {
  readonly maxBytes: number;
  readonly ttlMs: number;
  // A Map iterates in insertion order: re-inserting on each hit keeps the oldest use first.
  private readonly entries = new Map<string, CachedPage>();
  private total = 0;
  hits = 0;
  misses = 0;

  constructor(options: PageCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  /** A fresh entry: same revision, younger than the TTL. A stale one is dropped. */
  get(key: string, revision: number, now: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses += 1;
      return undefined;
    }
    this.entries.delete(key);
    if (entry.revision !== revision || now - entry.storedAt >= this.ttlMs) {
      this.total -= entry.bytes;
      this.misses += 1;
      return undefined;
    }
    this.entries.set(key, entry);
    this.hits += 1;
    return entry;
  }

  set(entry: CachedPage): void {
    if (entry.bytes > this.maxBytes / 4) return; // one huge page must not flush everything
    const old = this.entries.get(entry.key);
    if (old) {
      this.entries.delete(entry.key);
      this.total -= old.bytes;
    }
    this.entries.set(entry.key, entry);
    this.total += entry.bytes;
    for (const [key, oldest] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(key);
      this.total -= oldest.bytes;
    }
  }

  /** An entry grew after it was stored (compressPage): count its new size, evict if needed. */
  resized(entry: CachedPage, oldBytes: number): void {
    if (this.entries.get(entry.key) !== entry) return;
    this.total += entry.bytes - oldBytes;
    for (const [key, oldest] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(key);
      this.total -= oldest.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
