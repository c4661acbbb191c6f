// A search box's text as index terms: every word must match (AND); a word matches as itself or as
// the smaller words it splits into, because a word can segment differently inside a longer text.
import { dictionaryParts, searchModeParts, segmentQuery } from "./segment";

/** Ways one query word can match: any alternative (OR), each a list of tokens that must all occur. */
export type TermGroup = string[][];

export interface SearchTerms {
  /** All groups must match (AND). Empty when the query has no searchable word. */
  groups: TermGroup[];
  /** Strings to mark in titles and snippets, longest first. */
  highlights: string[];
}

// Function words that would only make a query slower and narrower; kept if the query is only these.
const STOP_WORDS = new Set([
  "的",
  "了",
  "和",
  "与",
  "及",
  "或",
  "之",
  "在",
  "是",
  "对",
  "等",
  "把",
  "被",
  "于",
  "以",
  "为",
]);
const MAX_GROUPS = 12;

/** Parses a query into AND-groups of alternatives (食品安全 → 食品安全 | 食品 & 安全). */
export function parseSearchTerms(query: string): SearchTerms {
  const words = [...new Set(segmentQuery(query))];
  const content = words.filter((w) => !STOP_WORDS.has(w));
  const chosen = (content.length > 0 ? content : words).slice(0, MAX_GROUPS);
  const groups = chosen.map(alternativesOf);
  return { groups, highlights: highlightsOf(groups) };
}

function alternativesOf(word: string): TermGroup {
  const alternatives: TermGroup = [[word]];
  const seen = new Set([word]);
  for (const parts of [coverOf(word, searchModeParts(word)), dictionaryParts(word)]) {
    const key = parts?.join(" ");
    if (!parts || parts.length < 2 || !key || seen.has(key)) continue;
    seen.add(key);
    alternatives.push(parts);
  }
  return alternatives;
}

/**
 * The longest non-overlapping sub-words that cover `word` left to right (中华人民共和国政府 →
 * 中华 人民 共和国 政府), or null if some character is not covered.
 */
function coverOf(word: string, parts: readonly string[]): string[] | null {
  const candidates = [...new Set(parts)]
    .filter((p) => p !== word)
    .sort((a, b) => b.length - a.length);
  const cover: string[] = [];
  let i = 0;
  while (i < word.length) {
    const next = candidates.find((p) => word.startsWith(p, i));
    if (!next) return null;
    cover.push(next);
    i += next.length;
  }
  return cover;
}

function highlightsOf(groups: readonly TermGroup[]): string[] {
  const all = [...new Set(groups.flat(2))];
  const long = all.filter((t) => [...t].length > 1);
  // Marking every 号 or 市 in a snippet helps nobody once longer words are marked.
  return (long.length > 0 ? long : all).sort((a, b) => b.length - a.length);
}
