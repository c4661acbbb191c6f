// The standard catalog the project ships (src/catalog/data/food-drug-catalog.json), validated on load.

import { type ShippedCatalog, type ShippedCatalogItem, shippedCatalogSchema } from "./catalog-item";
import data from "./data/food-drug-catalog.json" with { type: "json" };

/** Parses and checks catalog data (the shipped file, or a replacement a deployment supplies). */
export function parseShippedCatalog(json: unknown): ShippedCatalog {
  return shippedCatalogSchema.parse(json);
}

/** The shipped 食品药品监管领域 catalog: 9 table rows (FD-01…FD-09) and 5 unverified candidates. */
export const foodDrugCatalog: ShippedCatalog = parseShippedCatalog(data);

/** The shipped rows that appear in a catalog table (not the unverified candidates), in 序号 order. */
export function tableItems(catalog: ShippedCatalog = foodDrugCatalog): ShippedCatalogItem[] {
  return catalog.items
    .filter((item) => !item.candidate)
    .sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
}

/** A shipped row by its code ("FD-05"), or undefined. */
export function findShippedItem(
  code: string,
  catalog: ShippedCatalog = foodDrugCatalog,
): ShippedCatalogItem | undefined {
  return catalog.items.find((item) => item.code === code);
}
