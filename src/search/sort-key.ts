// The one integer both engines order search results by, newest first.

const EPOCH_SECONDS = Date.UTC(2000, 0, 1) / 1000;
const ID_SLOTS = 2 ** 21;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/**
 * Seconds since 2000 × 2^21 + record id mod 2^21, so both engines can walk matches in index
 * order. Exact in a double until the year 2136.
 */
export function sortKeyOf(instant: string, recordId: number): number {
  const seconds = Math.floor(Date.parse(instant) / 1000) - EPOCH_SECONDS;
  return seconds * ID_SLOTS + (recordId % ID_SLOTS);
}

/**
 * The instant a record sorts by: published_at, unless its date in Shanghai is not the record's
 * published_on (a record imported with its original 发布日期), then the start of published_on.
 * Either way the key falls on published_on, so a year filter is also a sort-key range.
 */
export function sortInstantOf(publishedAt: string, publishedOn: string): string {
  const shanghaiDate = new Date(Date.parse(publishedAt) + SHANGHAI_OFFSET_MS)
    .toISOString()
    .slice(0, 10);
  return shanghaiDate === publishedOn ? publishedAt : `${publishedOn}T00:00:00+08:00`;
}

/**
 * Sort keys of records published (published_on) in `year`: [from, to). `from` reaches one
 * second early for keys moved down by a clash (see withFreeSortKey in indexer.ts).
 */
export function yearSortKeyRange(year: number): { from: number; to: number } {
  const start = (y: number) => sortKeyOf(`${String(y).padStart(4, "0")}-01-01T00:00:00+08:00`, 0);
  return { from: start(year) - ID_SLOTS, to: start(year + 1) };
}
