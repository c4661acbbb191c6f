// URLs of the dashboard and of the list behind one figure, carrying the period.
import type { Period } from "../schema";
import type { FigureKey } from "./figures";

export const DASHBOARD_PATH = "/admin/supervision";
export const ITEMS_PATH = "/admin/supervision/items";

export function drillHref(
  figure: FigureKey,
  period: Period,
  filter: { unit?: number | null; item?: number; result?: string } = {},
): string {
  const params = new URLSearchParams({ figure, from: period.from, to: period.to });
  if (filter.unit === null) params.set("unit", "none");
  else if (filter.unit !== undefined) params.set("unit", String(filter.unit));
  if (filter.item !== undefined) params.set("item", String(filter.item));
  if (filter.result) params.set("result", filter.result);
  return `${ITEMS_PATH}?${params}`;
}
