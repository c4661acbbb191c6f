import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type AtomEntry, entryTagId, renderAtom } from "./atom";
import { checkXml } from "./xml-check";

const entry = (over: Partial<AtomEntry> = {}): AtomEntry => ({
  id: entryTagId("Gov.Example.CN", "2025-03-03", 7),
  title: "关于开展食品安全抽检工作的通知",
  updated: "2025-03-03T02:00:00.000Z",
  published: "2025-03-03T02:00:00.000Z",
  link: "https://gov.example.cn/records/7",
  summary: "各乡镇监管所",
  author: "县市场监督管理局",
  category: { term: "notice", label: "通知" },
  ...over,
});

const feed = (entries: AtomEntry[]) =>
  renderAtom({
    self: "https://gov.example.cn/feeds/records.atom",
    alternate: "https://gov.example.cn/disclosure/records",
    title: "全部主动公开信息",
    subtitle: "县市场监督管理局主动公开的政府信息",
    author: "县市场监督管理局",
    emptyUpdated: "2025-01-01T00:00:00.000Z",
    entries,
  });

describe("Atom feed", () => {
  it("an entry id is a tag: URI from the host, the publication date and the record id", () => {
    assert.equal(
      entryTagId("Gov.Example.CN", "2025-03-03", 7),
      "tag:gov.example.cn,2025-03-03:record/7",
    );
  });

  it("is well-formed with hostile text and takes the newest entry's time as its own", () => {
    const xml = feed([
      entry({ title: "<script>alert('x')</script> & 食品", summary: "a]]>b\u0001" }),
      entry({ id: "tag:x,2025:record/8", updated: "2025-04-01T00:00:00.000Z" }),
    ]);
    assert.deepEqual(checkXml(xml).errors, []);
    assert.ok(!xml.includes("<script>"));
    assert.match(xml, /&lt;script&gt;alert\(&apos;x&apos;\)&lt;\/script&gt; &amp; 食品/);
    assert.match(
      xml,
      /<feed [^>]*>\s*<id>[^<]+<\/id>[\s\S]*?<updated>2025-04-01T00:00:00.000Z<\/updated>/,
    );
  });

  it("an empty feed is still valid, with the given updated time", () => {
    const xml = feed([]);
    assert.deepEqual(checkXml(xml).errors, []);
    assert.match(xml, /<updated>2025-01-01T00:00:00.000Z<\/updated>/);
    assert.ok(!xml.includes("<entry>"));
  });
});
