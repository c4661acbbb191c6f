// SQLite: FTS5 over the pre-segmented text, rowid = sort_key. FTS5 walks a term's rowids in
// order, so "newest N matches" stops after N rows instead of finding and sorting every match.
import { type RawBuilder, sql } from "kysely";
import type { Candidate, Db, MatchSpec, SearchEngine, SearchEntry } from "./engine";
import {
  type CandidateRow,
  candidateColumns,
  commonConditions,
  newestWithoutWords,
  toCandidate,
} from "./engine-shared";
import type { TermGroup } from "./query";
import { yearSortKeyRange } from "./sort-key";

/** FTS5 query syntax: every token quoted, alternatives OR-ed, groups AND-ed. */
export function toFts5Query(groups: readonly TermGroup[]): string {
  const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;
  const alternatives = (group: TermGroup) =>
    group.map((tokens) => `(${tokens.map(quote).join(" AND ")})`).join(" OR ");
  return groups.map((group) => `(${alternatives(group)})`).join(" AND ");
}

// Rows per INSERT: 12 parameters each, well under SQLite's limit of 32,766.
const BATCH = 200;

// The guard reads records' state from the (id, state) index: the row itself holds the body, and
// reaching `state` behind it would mean reading its overflow pages.
const guard = sql`cross join records r indexed by records_id_state_idx on r.id = m.record_id`;

// CROSS JOIN keeps the FTS table as the outer loop: rows come in rowid order and LIMIT stops early.
function matching(spec: MatchSpec, groups: readonly TermGroup[]): RawBuilder<unknown> {
  const where = [sql`record_search_fts match ${toFts5Query(groups)}`, ...commonConditions(spec)];
  if (spec.filters.year !== undefined) {
    // The year as a rowid range, which FTS5 seeks to instead of walking every newer match.
    const { from, to } = yearSortKeyRange(spec.filters.year);
    where.push(sql`record_search_fts.rowid >= ${from} and record_search_fts.rowid < ${to}`);
  }
  return sql`from record_search_fts
    cross join record_search m on m.sort_key = record_search_fts.rowid ${guard}
    where ${sql.join(where, sql` and `)}`;
}

async function walk<Row>(
  db: Db,
  columns: RawBuilder<unknown>,
  spec: MatchSpec,
  limit: number,
): Promise<Row[]> {
  if (!spec.groups) return newestWithoutWords<Row>(db, guard, columns, spec, limit);
  const { rows } = await sql<Row>`select ${columns} ${matching(spec, spec.groups)}
    order by record_search_fts.rowid desc limit ${limit}`.execute(db);
  return rows;
}

export const sqliteEngine: SearchEngine = {
  async index(db: Db, entries: readonly SearchEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      await db
        .insertInto("record_search")
        .values(batch.map((e) => e.row))
        .execute();
      const rows = batch.map(
        ({ row, text }) => sql`(${row.sort_key}, ${text.title}, ${text.docNo}, ${text.body})`,
      );
      await sql`insert into record_search_fts (rowid, title, doc_no, body) values ${sql.join(rows)}`.execute(
        db,
      );
    }
  },

  async remove(db: Db, recordId: number): Promise<void> {
    const row = await db
      .selectFrom("record_search")
      .select("sort_key")
      .where("record_id", "=", recordId)
      .executeTakeFirst();
    if (!row) return;
    await sql`delete from record_search_fts where rowid = ${row.sort_key}`.execute(db);
    await db.deleteFrom("record_search").where("record_id", "=", recordId).execute();
  },

  async clear(db: Db): Promise<void> {
    await sql`insert into record_search_fts (record_search_fts) values ('delete-all')`.execute(db);
    await db.deleteFrom("record_search").execute();
  },

  async newestMatches(db: Db, spec: MatchSpec, limit: number): Promise<Candidate[]> {
    return (await walk<CandidateRow>(db, candidateColumns, spec, limit)).map(toCandidate);
  },

  async newestMatchIds(db: Db, spec: MatchSpec, limit: number): Promise<number[]> {
    return (await walk<{ record_id: number }>(db, sql`m.record_id`, spec, limit)).map(
      (r) => r.record_id,
    );
  },
};
