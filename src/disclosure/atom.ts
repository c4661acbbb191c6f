// Atom 1.0 (RFC 4287) feeds of published records: built as text, every value through xmlText.
import { XML_DECLARATION, xmlText } from "./xml";

export interface AtomEntry {
  /** A tag: URI that never changes (see entryTagId). */
  id: string;
  title: string;
  /** ISO instant of the last change. */
  updated: string;
  published: string | null;
  /** Absolute URL of the record page. */
  link: string;
  summary: string;
  author: string;
  category: { term: string; label: string } | null;
}

export interface AtomFeed {
  /** Absolute URL of the feed itself (also its id). */
  self: string;
  /** Absolute URL of the matching page. */
  alternate: string;
  title: string;
  subtitle: string;
  author: string;
  /** Used as the feed's updated time when there is no entry. */
  emptyUpdated: string;
  entries: AtomEntry[];
}

/**
 * The entry id of a record: `tag:{host},{date}:record/{id}` (RFC 4151), with the date the record
 * was published, so the id stays the same when the record is edited.
 */
export function entryTagId(host: string, date: string, recordId: number): string {
  return `tag:${host.toLowerCase()},${date}:record/${recordId}`;
}

function entryXml(e: AtomEntry): string {
  const lines = [
    "  <entry>",
    `    <id>${xmlText(e.id)}</id>`,
    `    <title type="text">${xmlText(e.title)}</title>`,
    `    <updated>${xmlText(e.updated)}</updated>`,
    e.published ? `    <published>${xmlText(e.published)}</published>` : "",
    `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
    `    <author><name>${xmlText(e.author)}</name></author>`,
    e.category
      ? `    <category term="${xmlText(e.category.term)}" label="${xmlText(e.category.label)}"/>`
      : "",
    `    <summary type="text">${xmlText(e.summary)}</summary>`,
    "  </entry>",
  ];
  return lines.filter((l) => l !== "").join("\n");
}

/** The feed document; `updated` is the newest entry's. */
export function renderAtom(feed: AtomFeed): string {
  const updated =
    feed.entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? feed.emptyUpdated;
  return [
    XML_DECLARATION.trimEnd(),
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlText(feed.self)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`,
    `  <updated>${xmlText(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ].join("\n");
}
