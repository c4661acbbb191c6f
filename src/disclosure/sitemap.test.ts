import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderSitemapIndex, renderUrlset, SITEMAP_MAX_URLS, sitemapLayout } from "./sitemap";
import { checkXml } from "./xml-check";

describe("sitemap", () => {
  it("one file while pages and records fit in 50,000 addresses", () => {
    assert.equal(SITEMAP_MAX_URLS, 50_000);
    assert.deepEqual(sitemapLayout(20, 49_980), { kind: "single" });
  });

  it("an index of the pages file and 50,000 records per file beyond that", () => {
    assert.deepEqual(sitemapLayout(20, 49_981), { kind: "index", recordFiles: 1 });
    assert.deepEqual(sitemapLayout(20, 50_001), { kind: "index", recordFiles: 2 });
    assert.deepEqual(sitemapLayout(2, 7, 4), { kind: "index", recordFiles: 2 });
  });

  it("urlset and index documents are well-formed with escaped addresses", () => {
    const set = renderUrlset([
      { loc: "https://a.cn/records/1?x=1&y=<2>", lastmod: "2025-03-03" },
      { loc: "https://a.cn/" },
    ]);
    assert.deepEqual(checkXml(set).errors, []);
    assert.match(set, /x=1&amp;y=&lt;2&gt;/);
    const index = renderSitemapIndex(["https://a.cn/sitemaps/pages.xml"]);
    assert.deepEqual(checkXml(index).errors, []);
    assert.deepEqual(checkXml(index).elements, ["sitemapindex", "sitemap", "loc"]);
  });
});
