import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { buildEntry, chooseEncoding, PageCache, pageCacheKey } from "./page-cache";

const plain = { careMode: false, script: "s", textSize: "" } as const;

describe("pageCacheKey", () => {
  it("separates every display variant and keeps the query", () => {
    const keys = new Set([
      pageCacheKey("/", plain),
      pageCacheKey("/", { ...plain, careMode: true }),
      pageCacheKey("/", { ...plain, script: "t" }),
      pageCacheKey("/", { careMode: true, script: "t", textSize: "" }),
      pageCacheKey("/", { ...plain, textSize: "l" }),
      pageCacheKey("/?page=2", plain),
      pageCacheKey("/search?q=a", plain),
      pageCacheKey("/search?q=b", plain),
    ]);
    assert.equal(keys.size, 8);
  });
  it("does not cache very long URLs", () => {
    assert.equal(pageCacheKey(`/search?q=${"x".repeat(2000)}`, plain), null);
  });
});

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    assert.equal(chooseEncoding("gzip, deflate, br, zstd"), "br");
    assert.equal(chooseEncoding("gzip"), "gzip");
    assert.equal(chooseEncoding("br;q=0, gzip;q=0.5"), "gzip");
    assert.equal(chooseEncoding("identity"), "identity");
    assert.equal(chooseEncoding(undefined), "identity");
  });
});

describe("PageCache", () => {
  const page = (key: string, size: number, revision = 1, at = 0) =>
    buildEntry(key, "政".repeat(size), "text/html; charset=UTF-8", revision, at);

  it("stores the page pre-encoded and compressed", () => {
    const e = page("k", 1000);
    assert.equal(e.identity.toString("utf8"), "政".repeat(1000));
    assert.deepEqual(gunzipSync(e.gzip!), e.identity);
    assert.deepEqual(brotliDecompressSync(e.br!), e.identity);
    assert.ok(e.br!.length < e.identity.length / 10);
    assert.match(e.etag, /^W\/"[\w-]+"$/);
  });

  it("misses on another revision and after the TTL", () => {
    const cache = new PageCache({ ttlMs: 60_000 });
    cache.set(page("a", 10, 5, 1000));
    assert.ok(cache.get("a", 5, 60_999));
    assert.equal(cache.get("a", 6, 2000), undefined, "a bumped revision makes it stale");
    assert.equal(cache.size, 0, "stale entries are dropped");
    cache.set(page("a", 10, 5, 1000));
    assert.equal(cache.get("a", 5, 61_000), undefined, "expired");
    assert.equal(cache.bytes, 0);
  });

  it("evicts the least recently used entries beyond its byte bound", () => {
    const one = page("x", 3000).bytes;
    const cache = new PageCache({ maxBytes: one * 4.5 });
    for (const k of ["a", "b", "c", "d"]) cache.set(page(k, 3000));
    assert.ok(cache.get("a", 1, 0), "a is used again, so b is now the oldest");
    cache.set(page("e", 3000));
    assert.equal(cache.size, 4);
    assert.ok(cache.bytes <= cache.maxBytes);
    assert.equal(cache.get("b", 1, 0), undefined);
    for (const k of ["a", "c", "d", "e"]) assert.ok(cache.get(k, 1, 0), k);
  });

  it("replaces an entry under the same key and refuses one page too big for it", () => {
    const cache = new PageCache({ maxBytes: 100_000 });
    cache.set(page("a", 100));
    const before = cache.bytes;
    cache.set(page("a", 100));
    assert.equal(cache.bytes, before);
    cache.set(buildEntry("huge", Math.random().toString(36).repeat(4000), "text/html", 1, 0));
    assert.equal(cache.get("huge", 1, 0), undefined);
  });
});
