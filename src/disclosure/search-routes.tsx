// GET /search: the search page over published records (search/search.ts does the searching).
import type { Hono } from "hono";
import type { AppEnv } from "../http/types";
import { loadPublicFacets } from "../records/public-store";
import { searchRecords } from "../search/search";
import { renderPortal } from "../ui/render";
import { catalogOptionsOf, PAGE_SIZE } from "./choices";
import { filterOfQuery, pageOfQuery } from "./params";
import { type SearchForm, SearchPage } from "./views/search-page";

export function searchRoutes(app: Hono<AppEnv>): void {
  app.get("/search", async (c) => {
    const { db } = c.get("deps");
    const query = c.req.query();
    const filter = filterOfQuery(query);
    const form: SearchForm = {
      q: (query.q ?? "").trim().slice(0, 100),
      catalogItemId: filter.catalogItemId,
      genre: filter.genre,
      publisher: filter.publisher,
      year: filter.year,
      sort: query.sort === "date" ? "date" : "relevance",
    };
    const { q, sort, ...filters } = form;
    const asked = q !== "" || Object.values(filters).some((v) => v !== undefined);
    const result = asked
      ? await searchRecords(db, {
          ...filters,
          q,
          sort,
          page: pageOfQuery(query.page),
          pageSize: PAGE_SIZE,
        })
      : null;
    const facets = await loadPublicFacets(db);
    const catalogOptions = await catalogOptionsOf(db);
    const title = form.q ? `搜索“${form.q}”` : "站内搜索";
    return renderPortal(
      c,
      title,
      <SearchPage form={form} facets={facets} catalogOptions={catalogOptions} result={result} />,
    );
  });
}
