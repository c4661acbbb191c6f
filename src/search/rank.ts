// Relevance ranking of a bounded candidate set.
//
// The problem: on 200,000 documents, matching with newest-first order took 1–2 ms, but scoring
// every match (FTS5 bm25, PostgreSQL ts_rank) took 90–400 ms on SQLite and 0.9–2.4 s on
// PostgreSQL for common two-character words such as 食品. The cost grows with the number of
// matches, and the target is p99 < 50 ms at 1,000,000 records. FTS5's bm25 cannot be bounded by a
// LIMIT either: it computes each term's IDF by walking every match of the term, on every query.
//
// The design: no engine scores rows. The engine walks the index newest first and stops after
// MAX_RESULTS + 1 matches (search.ts), returning with each its title, canonical 文号 and the
// body's top TF-IDF words, computed once at indexing (segment.ts topKeywords). That one list
// gives the capped total ("1000 多条"), the date order, and, ranked here, the relevance order:
//   5 × share of query words in the title (+1 when the title holds the query as typed)
//   + 3 × share of query words in the 文号
//   + 1 × how high the query words stand among the body's top words (0–1)
//   + 0.25 × recency within the list,
// newest first on ties. A word with up to 1,000 matches is ranked over all of them; a commoner
// one over its newest 1,000, which is also all that can be paged to. Both engines return the same
// list, so SQLite and PostgreSQL rank identically.
import type { Candidate } from "./engine";
import type { TermGroup } from "./query";
import { foldText } from "./segment";

const TITLE_WEIGHT = 5;
const TITLE_PHRASE_BONUS = 1;
const DOC_NO_WEIGHT = 3;
const BODY_WEIGHT = 1;
const RECENCY_WEIGHT = 0.25;

/** Share of groups (0–1) with an alternative whose tokens all occur in `folded`. */
function shareOfGroups(folded: string, groups: readonly TermGroup[]): number {
  if (groups.length === 0) return 0;
  const hits = groups.filter((alternatives) =>
    alternatives.some((tokens) => tokens.every((t) => folded.includes(t))),
  );
  return hits.length / groups.length;
}

/**
 * 0–1: for each group, how high its best alternative stands among the body's top words (first
 * word 1, last just above 0, absent 0; a top word containing the token counts, so 食品 scores on
 * 食品药品), averaged over groups.
 */
function keywordScore(keywords: readonly string[], groups: readonly TermGroup[]): number {
  if (groups.length === 0 || keywords.length === 0) return 0;
  const tokenScore = (token: string) => {
    const at = keywords.findIndex((k) => k.includes(token));
    return at < 0 ? 0 : 1 - at / keywords.length;
  };
  const groupScore = (alternatives: TermGroup) =>
    Math.max(...alternatives.map((tokens) => Math.min(...tokens.map(tokenScore))));
  return groups.reduce((sum, g) => sum + groupScore(g), 0) / groups.length;
}

/** Candidate ids best first. `phrase` is the normalised query as typed (no spaces). */
export function rankCandidates(
  candidates: readonly Candidate[],
  groups: readonly TermGroup[],
  phrase: string,
): number[] {
  const newestFirst = [...candidates].sort((a, b) => b.sortKey - a.sortKey);
  const scored = newestFirst.map((c, i) => {
    const title = foldText(c.title).replace(/\s+/g, "");
    const inTitle = shareOfGroups(title, groups);
    const phraseBonus =
      inTitle === 1 && phrase.length > 1 && title.includes(phrase) ? TITLE_PHRASE_BONUS : 0;
    const inDocNo = c.docNo ? shareOfGroups(foldText(c.docNo), groups) : 0;
    const recency = newestFirst.length > 1 ? 1 - i / (newestFirst.length - 1) : 1;
    const score =
      TITLE_WEIGHT * inTitle +
      phraseBonus +
      DOC_NO_WEIGHT * inDocNo +
      BODY_WEIGHT * keywordScore(c.bodyKeywords, groups) +
      RECENCY_WEIGHT * recency;
    return { id: c.recordId, sortKey: c.sortKey, score };
  });
  scored.sort((a, b) => b.score - a.score || b.sortKey - a.sortKey);
  return scored.map((s) => s.id);
}
