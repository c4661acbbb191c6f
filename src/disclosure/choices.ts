// Shared by the list and search pages: the page size and the catalog items offered as filters.
import { listCatalogItems } from "../catalog/store";
import type { Db } from "../records/store";

/** Records per page of every public list. */
export const PAGE_SIZE = 20;

export interface CatalogOption {
  id: number;
  label: string;
}

/** The adopted catalog items as filter choices, in table order. */
export async function catalogOptionsOf(db: Db): Promise<CatalogOption[]> {
  const items = await listCatalogItems(db, { activeOnly: true });
  return items.map((i) => ({ id: i.id, label: i.item }));
}
