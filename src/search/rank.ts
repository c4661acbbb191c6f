// Relevance ranking of a bounded candidate set.
//
// Why bounded: on 200,000 documents, matching with newest-first order took 1–2 ms, but scoring
// every match (FTS5 bm25, PostgreSQL ts_rank) took 90–400 ms on SQLite and 0.9–2.4 s on
// PostgreSQL for common two-character words such as 食品: the cost grows with the number of
// matches, and the target is p99 < 50 ms at 1,000,000 records. So relevance never scores every
// match. The engine returns the newest RELEVANCE_WINDOW matches (cheap: index order plus LIMIT)
// with a body score computed for those rows only; this module ranks them by
//   5 × share of query words in the title (+1 if the title holds the query as typed)
//   + 3 × share of query words in the 文号
//   + body score scaled to 0–1 within the window
//   + 0.25 × recency within the window,
// newest first on ties. Matches older than the window follow, newest first. A rare word (fewer
// matches than the window) is therefore ranked over all its matches; a common one over its newest.
import type { Candidate } from "./engine";
import type { TermGroup } from "./query";
import { foldText } from "./segment";

export const RELEVANCE_WINDOW = 500;

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

/** Candidate ids best first. `phrase` is the normalised query as typed (no spaces). */
export function rankCandidates(
  candidates: readonly Candidate[],
  groups: readonly TermGroup[],
  phrase: string,
): number[] {
  const newestFirst = [...candidates].sort((a, b) => b.sortKey - a.sortKey);
  const maxBody = Math.max(0, ...newestFirst.map((c) => c.bodyScore));
  const scored = newestFirst.map((c, i) => {
    const title = foldText(c.title).replace(/\s+/g, "");
    const inTitle = shareOfGroups(title, groups);
    const phraseBonus =
      inTitle === 1 && phrase.length > 1 && title.includes(phrase) ? TITLE_PHRASE_BONUS : 0;
    const inDocNo = c.docNo ? shareOfGroups(foldText(c.docNo), groups) : 0;
    const body = maxBody > 0 ? c.bodyScore / maxBody : 0;
    const recency = newestFirst.length > 1 ? 1 - i / (newestFirst.length - 1) : 1;
    const score =
      TITLE_WEIGHT * inTitle +
      phraseBonus +
      DOC_NO_WEIGHT * inDocNo +
      BODY_WEIGHT * body +
      RECENCY_WEIGHT * recency;
    return { id: c.recordId, sortKey: c.sortKey, score };
  });
  scored.sort((a, b) => b.score - a.score || b.sortKey - a.sortKey);
  return scored.map((s) => s.id);
}
