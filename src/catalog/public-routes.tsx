import type { Hono } from "hono";
import type { Api } from "../http/api";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { renderPortal } from "../ui/render";
import { CatalogItemPage, CatalogTablePage } from "./public-views";
import { parseId } from "./schema";
import { foodDrugCatalog } from "./shipped-catalog";
import { findCatalogItem, listCatalogItems, listPublishedRecordsOfItem } from "./store";

/** Published records listed per page on an item's page. */
export const RECORDS_PER_PAGE = 20;

/** The public 标准目录 (/disclosure/catalog) and each adopted item's published records. */
export function publicCatalogRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/disclosure/catalog", async (c) => {
    const items = await listCatalogItems(c.get("deps").db, { activeOnly: true });
    const page = <CatalogTablePage title={foodDrugCatalog.title} rows={items} />;
    return renderPortal(c, "标准目录", page);
  });

  app.get("/disclosure/catalog/:id{[0-9]+}", async (c) => {
    const { db } = c.get("deps");
    const id = parseId(c.req.param("id"));
    const item = id === null ? undefined : await findCatalogItem(db, id);
    if (!item?.isActive) throw notFound("目录事项");
    const pageText = c.req.query("page") ?? "1";
    const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 0;
    if (page === 0) throw notFound();
    const { records, total } = await listPublishedRecordsOfItem(
      db,
      item.id,
      page,
      RECORDS_PER_PAGE,
    );
    const pageCount = Math.max(1, Math.ceil(total / RECORDS_PER_PAGE));
    if (page > pageCount) throw notFound();
    return renderPortal(
      c,
      item.item,
      <CatalogItemPage
        item={item}
        records={records}
        page={page}
        pageCount={pageCount}
        total={total}
      />,
    );
  });
}
