// Full-text search over published records: 文号/索引号 first, then word matches by relevance
// (see rank.ts for the bounded-window design) or newest first, with highlighted snippets.
import { normalizeDocNo } from "../records/index-no";
import { revisionMemo } from "../ui/cache/revision-memo";
import { type Db, type MatchSpec, type SearchFilters, searchEngineOf } from "./engine";
import { findExactMatches } from "./exact";
import { containsAnyTerm, highlightSnippet, highlightText } from "./highlight";
import { parseSearchTerms } from "./query";
import { rankCandidates } from "./rank";
import { normalizeQuery } from "./segment";

export type SearchSort = "relevance" | "date";

export interface SearchOptions {
  q: string;
  catalogItemId?: number | null;
  /** 体裁 key (see records/genres.ts). */
  genre?: string | null;
  /** 发布机构 as stored on the record. */
  publisher?: string | null;
  /** Year of the 发布日期. */
  year?: number | null;
  sort?: SearchSort;
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  recordId: number;
  title: string;
  docNo: string | null;
  indexNo: string | null;
  publishedOn: string | null;
  genre: string;
  publisher: string;
  /** HTML: escaped text with matches in <mark>. */
  snippet: string;
  /** HTML: the escaped title with matches in <mark>. */
  titleHighlighted: string;
}

export interface SearchResult {
  /** Number of matches, at most MAX_RESULTS. */
  total: number;
  /** More than MAX_RESULTS records match ("1000 多条"); only the first MAX_RESULTS can be paged to. */
  totalCapped: boolean;
  hits: SearchHit[];
  /** The record whose 文号 or 索引号 is the query, listed first. */
  exactMatch: number | null;
  page: number;
  pageSize: number;
  sort: SearchSort;
}

export const MAX_RESULTS = 1000;
/** Matches ranked by relevance: the first ten pages of twenty. */
export const RANKED = 200;
export const MAX_PAGE_SIZE = 50;
const DEFAULT_PAGE_SIZE = 20;
const MAX_QUERY_LENGTH = 100;

/**
 * Searches published records. An empty query lists them newest first (filters still apply). A
 * 文号 or 索引号 query puts that record first (`exactMatch`). Nothing unpublished is returned: the
 * index holds published records only, and every query also requires records.state = 'published'.
 *
 * One walk fetches the newest MAX_RESULTS + 1 matches (no row is scored: see rank.ts); the total,
 * the relevance order and the page all come from that list.
 */
export async function searchRecords(db: Db, options: SearchOptions): Promise<SearchResult> {
  const q = options.q.trim().slice(0, MAX_QUERY_LENGTH);
  const filters = filtersOf(options);
  const pageSize = clamp(options.pageSize ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  // Pages past MAX_RESULTS come back empty.
  const page = clamp(options.page ?? 1, 1, MAX_RESULTS);
  const sort: SearchSort = q === "" ? "date" : (options.sort ?? "relevance");
  const base = { page, pageSize, sort };
  // A 文号 is searched in its canonical form, so 渑市监文[2020]053 matches the indexed 〔2020〕53号.
  const text = normalizeDocNo(q) ?? q;
  const terms = parseSearchTerms(text);
  if (q !== "" && terms.groups.length === 0) {
    return { ...base, total: 0, totalCapped: false, hits: [], exactMatch: null };
  }

  const groups = q === "" ? null : terms.groups;
  const { exact, ordered, found } = await matchWindow({ db, q, text, groups, filters, sort });
  const matched = exact.length + found;
  const offset = (page - 1) * pageSize;
  const ids = [...exact, ...ordered].slice(offset, offset + pageSize);
  return {
    ...base,
    total: Math.min(matched, MAX_RESULTS),
    totalCapped: matched > MAX_RESULTS,
    hits: await loadHits(db, ids, terms.highlights),
    exactMatch: exact[0] ?? null,
  };
}

interface MatchWindow {
  exact: number[];
  /** Word matches in display order, at most MAX_RESULTS - exact.length. */
  ordered: number[];
  /** Word matches found, up to one more than `ordered` holds. */
  found: number;
}

/**
 * The ordered result ids of recent queries, so paging through one query (page 2, 3, … 20) does
 * not walk and rank the same 1,000 matches again for every page. Kept under the page cache's
 * freshness rules (ui/cache/revision-memo.ts), and only while the server has the page cache on
 * (enableSearchWindowCache). The ids are only an order: every page's records are read again
 * with state = 'published' (loadHits).
 */
let windowsEnabled = false;

export function enableSearchWindowCache(): void {
  windowsEnabled = true;
}

interface WindowQuery {
  q: string;
  text: string;
  groups: MatchSpec["groups"];
  filters: SearchFilters;
  sort: SearchSort;
  db: Db;
}

const matchWindow = revisionMemo<WindowQuery, MatchWindow>(
  ({ q, filters, sort }) => JSON.stringify([q, filters, sort]),
  (query) => computeWindow(query),
  { maxEntries: 256, ttlMs: 60_000, active: () => windowsEnabled },
);

async function computeWindow({
  db,
  q,
  text,
  groups,
  filters,
  sort,
}: WindowQuery): Promise<MatchWindow> {
  const exact = q === "" ? [] : await findExactMatches(db, q, filters);
  const spec: MatchSpec = { groups, filters, excludeIds: exact };
  // One more than can be shown, to know whether there are more.
  const room = MAX_RESULTS - exact.length;
  const engine = searchEngineOf(db);
  const matchIds = await engine.newestMatchIds(db, spec, room + 1);
  const window = matchIds.slice(0, room);
  if (sort !== "relevance" || !groups) return { exact, ordered: window, found: matchIds.length };
  // Relevance orders the newest RANKED matches (see rank.ts); the rest follow newest first.
  const head = await engine.newestMatches(db, spec, Math.min(RANKED, window.length));
  const ranked = rankCandidates(head, groups, normalizeQuery(text).replace(/\s+/g, ""));
  const inHead = new Set(ranked);
  const ordered = [...ranked, ...window.filter((id) => !inHead.has(id))];
  return { exact, ordered, found: matchIds.length };
}

async function loadHits(
  db: Db,
  ids: readonly number[],
  terms: readonly string[],
): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("records")
    .select([
      "id",
      "title",
      "doc_no",
      "index_no",
      "published_on",
      "genre",
      "publisher",
      "summary",
      "body_text",
    ])
    .where("id", "in", ids)
    .where("state", "=", "published")
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const withoutBodyMatch = rows
    .filter((r) => !containsAnyTerm(r.body_text, terms))
    .map((r) => r.id);
  const attachments = await attachmentTextsMatching(db, withoutBodyMatch, terms);
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const source = attachments.get(id) ?? (r.body_text.trim() !== "" ? r.body_text : r.summary);
    return [
      {
        recordId: r.id,
        title: r.title,
        docNo: r.doc_no,
        indexNo: r.index_no,
        publishedOn: r.published_on,
        genre: r.genre,
        publisher: r.publisher,
        snippet: highlightSnippet(source, terms),
        titleHighlighted: highlightText(r.title, terms),
      },
    ];
  });
}

/** For records whose body does not show the words, the first attachment text that does. */
async function attachmentTextsMatching(
  db: Db,
  recordIds: readonly number[],
  terms: readonly string[],
) {
  const found = new Map<number, string>();
  if (recordIds.length === 0) return found;
  const rows = await db
    .selectFrom("record_attachments as a")
    .innerJoin("files as f", "f.id", "a.file_id")
    .select(["a.record_id", "f.text_content"])
    .where("a.record_id", "in", recordIds)
    .where("f.text_content", "is not", null)
    .orderBy("a.sort_order")
    .orderBy("a.id")
    .execute();
  for (const r of rows) {
    if (!found.has(r.record_id) && r.text_content && containsAnyTerm(r.text_content, terms)) {
      found.set(r.record_id, r.text_content);
    }
  }
  return found;
}

function filtersOf(options: SearchOptions): SearchFilters {
  const filters: SearchFilters = {};
  if (options.catalogItemId != null) filters.catalogItemId = options.catalogItemId;
  if (options.genre) filters.genre = options.genre;
  if (options.publisher) filters.publisher = options.publisher;
  if (options.year != null) filters.year = options.year;
  return filters;
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.trunc(n))) : min;
}
