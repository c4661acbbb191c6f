// SQL both engines share: filters over the plain record_search table `m`, the guard against stale
// rows, and listing without words. Each engine passes its own join to records (`guard`).
import { type RawBuilder, sql } from "kysely";
import type { Candidate, Db, MatchSpec } from "./engine";

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
  if (spec.excludeIds.length > 0) {
    where.push(sql`m.record_id not in (${sql.join(spec.excludeIds.map((id) => sql`${id}`))})`);
  }
  return where;
}

/**
 * Rows of record_search newest first for a query without words (only filters): `columns` of
 * `record_search m`, e.g. candidateColumns.
 */
export async function newestWithoutWords<Row>(
  db: Db,
  guard: RawBuilder<unknown>,
  columns: RawBuilder<unknown>,
  spec: MatchSpec,
  limit: number,
): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select ${columns} from record_search m ${guard}
    where ${sql.join(commonConditions(spec), sql` and `)}
    order by m.sort_key desc limit ${limit}`.execute(db);
  return rows;
}

/** Columns a candidate needs, from `record_search m`. */
export const candidateColumns = sql`m.record_id, m.sort_key, m.title_norm, m.doc_no_norm, m.body_keywords`;

export interface CandidateRow {
  record_id: number;
  sort_key: number;
  title_norm: string;
  doc_no_norm: string | null;
  body_keywords: string;
}

export function toCandidate(r: CandidateRow): Candidate {
  return {
    recordId: r.record_id,
    sortKey: Number(r.sort_key),
    title: r.title_norm,
    docNo: r.doc_no_norm?.toLowerCase() ?? null,
    bodyKeywords: r.body_keywords === "" ? [] : r.body_keywords.split(" "),
  };
}
