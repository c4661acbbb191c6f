// Paths of the public 双公示 pages and feeds.
import type { PublicFilter } from "./store";

export const PUBLICITY_PATH = "/services/publicity";
export const LICENCES_PATH = "/services/publicity/licences";
export const PENALTIES_PATH = "/services/publicity/penalties";
export const licenceFeedPath = "/services/publicity/licences/feed.atom";
export const penaltyFeedPath = "/services/publicity/penalties/feed.atom";

export const licencePath = (id: number) => `${LICENCES_PATH}/${id}`;
export const penaltyPath = (id: number) => `${PENALTIES_PATH}/${id}`;

/** A list URL with its filters and page, dropping empty values. */
export function listHref(base: string, filter: PublicFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.year) params.set("year", String(filter.year));
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.catalogItemId) params.set("catalogItemId", String(filter.catalogItemId));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
