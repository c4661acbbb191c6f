// SQL both engines share: filters over the plain record_search table `m`, the guard against stale
// rows, and listing without words. Each engine passes its own join to records (`guard`).
import { type RawBuilder, sql } from "kysely";
import type { Db, MatchSpec } from "./engine";

/**
 * Conditions over `record_search m` joined to `records r`. The records join is the second guard
 * (the index holds published records only): a stale row of a record no longer published never
 * shows, counts or ranks.
 */
export function commonConditions(spec: MatchSpec): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`r.state = 'published'`];
  const { catalogItemId, genre, publisher, year } = spec.filters;
  if (catalogItemId !== undefined) where.push(sql`m.catalog_item_id = ${catalogItemId}`);
  if (genre !== undefined) where.push(sql`m.genre = ${genre}`);
  if (publisher !== undefined) where.push(sql`m.publisher = ${publisher}`);
  if (year !== undefined) where.push(sql`m.year = ${year}`);
  if (spec.beforeSortKey !== undefined) where.push(sql`m.sort_key < ${spec.beforeSortKey}`);
  if (spec.excludeIds.length > 0) {
    where.push(sql`m.record_id not in (${sql.join(spec.excludeIds.map((id) => sql`${id}`))})`);
  }
  return where;
}

/** Rows of record_search newest first, for a query without words (only filters). */
export async function newestWithoutWords(
  db: Db,
  guard: RawBuilder<unknown>,
  spec: MatchSpec,
  offset: number,
  limit: number,
): Promise<number[]> {
  const { rows } = await sql<{ record_id: number }>`
    select m.record_id from record_search m ${guard}
    where ${sql.join(commonConditions(spec), sql` and `)}
    order by m.sort_key desc limit ${limit} offset ${offset}`.execute(db);
  return rows.map((r) => r.record_id);
}

export async function countWithoutWords(
  db: Db,
  guard: RawBuilder<unknown>,
  spec: MatchSpec,
  cap: number,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from (
      select 1 from record_search m ${guard}
      where ${sql.join(commonConditions(spec), sql` and `)} limit ${cap}
    ) capped`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
