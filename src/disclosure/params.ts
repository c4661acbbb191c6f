// The filters of the public lists from GET parameters. Pages are lenient (a value that makes no
// sense is ignored, as a visitor may have edited the address); the API is strict (schemas.ts).
import { isGenre } from "../records/genres";
import type { PublicRecordFilter } from "../records/public-store";
import { VALIDITIES } from "../records/vocabulary";
import { parseUrlId } from "./urls";

/** Names of the GET parameters, the same on the pages and in the API. */
export type FilterParam = "catalogItemId" | "topic" | "publisher" | "genre" | "year" | "validity";

const MAX_TEXT = 100;

function textParam(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text && text.length <= MAX_TEXT ? text : undefined;
}

export function yearParam(value: string | undefined): number | undefined {
  return value && /^(19|20|21)\d{2}$/.test(value) ? Number(value) : undefined;
}

/** The filter a page's query asks for; unknown or malformed values are left out. */
export function filterOfQuery(query: Record<string, string | undefined>): PublicRecordFilter {
  const filter: PublicRecordFilter = {};
  const item = parseUrlId(query.catalogItemId);
  if (item !== null) filter.catalogItemId = item;
  const topic = textParam(query.topic);
  if (topic) filter.topic = topic;
  const publisher = textParam(query.publisher);
  if (publisher) filter.publisher = publisher;
  if (query.genre && isGenre(query.genre)) filter.genre = query.genre;
  const year = yearParam(query.year);
  if (year !== undefined) filter.year = year;
  if ((VALIDITIES as readonly (string | undefined)[]).includes(query.validity)) {
    filter.validity = query.validity;
  }
  return filter;
}

/** The page number asked for (1 when absent or malformed). */
export function pageOfQuery(value: string | undefined): number {
  const page = parseUrlId(value);
  return page !== null && page <= 100_000 ? page : 1;
}

/** The address of a list page with `filter` and `page`, parameters in a fixed order. */
export function listHref(
  base: string,
  filter: PublicRecordFilter & { q?: string; sort?: string },
  page = 1,
): string {
  const params = new URLSearchParams();
  const entries: [string, string | number | undefined][] = [
    ["q", filter.q],
    ["catalogItemId", filter.catalogItemId],
    ["topic", filter.topic],
    ["genre", filter.genre],
    ["publisher", filter.publisher],
    ["year", filter.year],
    ["validity", filter.validity],
    ["sort", filter.sort],
  ];
  for (const [name, value] of entries) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}
