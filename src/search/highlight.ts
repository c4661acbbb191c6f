// Highlighted titles and snippets: the text is HTML-escaped first, then matches are wrapped in
// <mark>, so nothing from a record's text can become markup.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Folds case and full-width forms one UTF-16 unit at a time, so positions in the folded text are
 * positions in the original (NFKC could change lengths).
 */
function foldSameLength(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000A-Z]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000) return " ";
    return (code > 0xff ? String.fromCharCode(code - 0xfee0) : c).toLowerCase();
  });
}

type Range = [start: number, end: number];

function matchRanges(folded: string, terms: readonly string[]): Range[] {
  const ranges: Range[] = [];
  for (const term of terms) {
    if (term === "") continue;
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      ranges.push([at, at + term.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function markRanges(text: string, ranges: readonly Range[]): string {
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/** The whole text, escaped, with every occurrence of `terms` (lower-case, half-width) marked. */
export function highlightText(text: string, terms: readonly string[]): string {
  return markRanges(text, matchRanges(foldSameLength(text), terms));
}

/**
 * About `length` characters around the first match (or the start of the text when nothing
 * matches), whitespace collapsed, "…" where cut, escaped and marked.
 */
export function highlightSnippet(text: string, terms: readonly string[], length = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const folded = foldSameLength(flat);
  const first = matchRanges(folded, terms)[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 4));
  const end = Math.min(flat.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  if (isLowSurrogate(flat, start)) start += 1;
  const cut = isLowSurrogate(flat, end) ? end - 1 : end;
  const body = markRanges(flat.slice(start, cut), matchRanges(folded.slice(start, cut), terms));
  return `${start > 0 ? "…" : ""}${body}${cut < flat.length ? "…" : ""}`;
}

/** Whether any of `terms` occurs in `text` (same folding as the highlighter). */
export function containsAnyTerm(text: string, terms: readonly string[]): boolean {
  const folded = foldSameLength(text);
  return terms.some((t) => t !== "" && folded.includes(t));
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
