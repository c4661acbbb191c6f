// Loads the shipped 标准目录 on the first start of every database: it is product data, not demo
// content. The table rows are active; the candidate rows are loaded deactivated and marked 未核实,
// so an administrator sees them, checks them and activates the ones the bureau adopts.
import type { Transaction } from "kysely";
import type { DB } from "../db/schema";
import { type AuditActor, recordAudit, systemActor } from "../platform/audit";
import type { Seeder } from "../platform/seed";
import type { ShippedCatalog, ShippedCatalogItem } from "./catalog-item";
import { foodDrugCatalog, tableItems } from "./shipped-catalog";
import { type CatalogItemContent, insertCatalogContent, standardColumnsOf } from "./store";

function contentOfShipped(item: ShippedCatalogItem): CatalogItemContent {
  return {
    ...standardColumnsOf(item),
    code: item.code,
    responsibleUnitId: null,
    verification: item.verified,
    candidate: item.candidate,
    missingFields: item.missingFields,
    unverifiedFields: item.unverifiedFields,
    notes: item.notes,
    source: item.source,
  };
}

/** Inserts every row of a shipped catalog that is not in the database yet (matched by code). */
export async function loadShippedCatalog(
  trx: Transaction<DB>,
  catalog: ShippedCatalog,
  actor: AuditActor,
  now: Date,
): Promise<number> {
  const existing = new Set(
    (await trx.selectFrom("catalog_items").select("code").execute()).map((r) => r.code),
  );
  const ordered = [...tableItems(catalog), ...catalog.items.filter((i) => i.candidate)];
  let added = 0;
  for (const [index, item] of ordered.entries()) {
    if (existing.has(item.code)) continue;
    const options = { isActive: !item.candidate, sortOrder: index + 1 };
    await insertCatalogContent(trx, contentOfShipped(item), options, actor, now);
    added += 1;
  }
  const candidates = ordered.filter((i) => i.candidate).length;
  await recordAudit(
    trx,
    actor,
    {
      action: "catalog.seed",
      objectType: "catalog",
      detail: `载入《${catalog.title}》${added}个事项(其中候选事项${candidates}个,未启用)`,
    },
    now,
  );
  return added;
}

export const catalogSeeder: Seeder = {
  name: "catalog:food-drug",
  demo: false,
  async run(ctx) {
    const added = await ctx.db
      .transaction()
      .execute((trx) => loadShippedCatalog(trx, foodDrugCatalog, systemActor, ctx.now));
    ctx.logger.info("catalog seeded", { items: added });
  },
};
