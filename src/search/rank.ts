// Relevance ranking of a bounded candidate set.
//
// The problem: on 200,000 documents, matching with newest-first order took 1–2 ms, but scoring
// every match (FTS5 bm25, PostgreSQL ts_rank) took 90–400 ms on SQLite and 0.9–2.4 s on
// PostgreSQL for common two-character words such as 食品. The cost grows with the number of
// matches, and the target is p99 < 50 ms at 1,000,000 records. FTS5's bm25 cannot be bounded by a
// LIMIT either: it computes each term's IDF by walking every match of the term, on every query.
//
// The design: no engine scores rows. The engine walks the index newest first and stops after
// MAX_RESULTS + 1 matches, ids only (search.ts): that list gives the capped total ("1000 多条")
// and the date order. A second walk returns the newest RANKED (200) matches with their title,
// canonical 文号 and the body's top TF-IDF words, computed once at indexing (segment.ts
// topKeywords), ranked here; the other matches follow newest first. Reading those three columns
// for all 1,000 was two thirds of a search's time at a million records (measured in
// docs/PERFORMANCE.md), and the first ten pages are the ones people read. The score:
//   5 × share of query words in the title (+1 when the title holds the query as typed)
//   + 3 × share of query words in the 文号
//   + 1 × how high the query words stand among the body's top words (0–1)
//   + 0.25 × recency within the list,
// newest first on ties. A word with up to 200 matches is ranked over all of them; a commoner one
// over its newest 200. Both engines return the same lists, so SQLite and PostgreSQL rank
// identically.
import type { Candidate } from "./engine";
import type { TermGroup } from "./query";

const TITLE_WEIGHT = 5;
const TITLE_PHRASE_BONUS = 1;
const DOC_NO_WEIGHT = 3;
const BODY_WEIGHT = 1;
const RECENCY_WEIGHT = 0.25;

/** Share of groups (0–1) with an alternative whose tokens all occur in `folded`. */
function shareOfGroups(folded: string, groups: readonly TermGroup[]): number {
  let hits = 0;
  for (const alternatives of groups) {
    if (alternatives.some((tokens) => tokens.every((t) => folded.includes(t)))) hits++;
  }
  return groups.length === 0 ? 0 : hits / groups.length;
}

/** 1 for the first of the body's top words that contains `token`, falling towards 0; 0 if none. */
function tokenStanding(keywords: readonly string[], token: string): number {
  for (let i = 0; i < keywords.length; i++) {
    if (keywords[i]!.includes(token)) return 1 - i / keywords.length;
  }
  return 0;
}

/**
 * 0–1: how high the query words stand among the body's top words, each group by its best
 * alternative (an alternative by its weakest token), averaged over groups. A top word containing
 * the token counts, so 食品 scores on 食品药品.
 */
function keywordScore(keywords: readonly string[], groups: readonly TermGroup[]): number {
  if (groups.length === 0 || keywords.length === 0) return 0;
  let sum = 0;
  for (const alternatives of groups) {
    let best = 0;
    for (const tokens of alternatives) {
      let weakest = 1;
      for (const t of tokens) weakest = Math.min(weakest, tokenStanding(keywords, t));
      best = Math.max(best, weakest);
    }
    sum += best;
  }
  return sum / groups.length;
}

/**
 * Candidate ids best first. Candidates come newest first (as the engines return them); `phrase`
 * is the query folded as typed (no spaces).
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  groups: readonly TermGroup[],
  phrase: string,
): number[] {
  const newestFirst = [...candidates].sort((a, b) => b.sortKey - a.sortKey);
  const last = Math.max(1, newestFirst.length - 1);
  const scored = newestFirst.map((c, i) => {
    const inTitle = shareOfGroups(c.title, groups);
    const phraseBonus =
      inTitle === 1 && phrase.length > 1 && c.title.includes(phrase) ? TITLE_PHRASE_BONUS : 0;
    const inDocNo = c.docNo ? shareOfGroups(c.docNo, groups) : 0;
    const score =
      TITLE_WEIGHT * inTitle +
      phraseBonus +
      DOC_NO_WEIGHT * inDocNo +
      BODY_WEIGHT * keywordScore(c.bodyKeywords, groups) +
      RECENCY_WEIGHT * (1 - i / last);
    return { id: c.recordId, sortKey: c.sortKey, score };
  });
  scored.sort((a, b) => b.score - a.score || b.sortKey - a.sortKey);
  return scored.map((s) => s.id);
}
