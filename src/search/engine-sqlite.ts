// SQLite: FTS5 over the pre-segmented text, rowid = sort_key. FTS5 walks a term's rowids in
// order, so "newest N matches" stops after N rows instead of sorting every match, and bm25 is
// computed only for the rows returned.
import { type RawBuilder, sql } from "kysely";
import type { Candidate, Db, MatchSpec, SearchEngine, SearchEntry } from "./engine";
import { commonConditions, countWithoutWords, newestWithoutWords } from "./engine-shared";
import type { TermGroup } from "./query";

/** FTS5 query syntax: every token quoted, alternatives OR-ed, groups AND-ed. */
export function toFts5Query(groups: readonly TermGroup[]): string {
  const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;
  const alternatives = (group: TermGroup) =>
    group.map((tokens) => `(${tokens.map(quote).join(" AND ")})`).join(" OR ");
  return groups.map((group) => `(${alternatives(group)})`).join(" AND ");
}

// Rows per INSERT: 11 parameters each, well under SQLite's limit of 32,766.
const BATCH = 200;

// The guard reads records' state from the (id, state) index: the row itself holds the body, and
// reaching `state` behind it would mean reading its overflow pages.
const guard = sql`cross join records r indexed by records_id_state_idx on r.id = m.record_id`;

// CROSS JOIN keeps the FTS table as the outer loop: rows come in rowid order and LIMIT stops early.
function matching(spec: MatchSpec, groups: readonly TermGroup[]): RawBuilder<unknown> {
  const where = [sql`record_search_fts match ${toFts5Query(groups)}`, ...commonConditions(spec)];
  return sql`from record_search_fts
    cross join record_search m on m.sort_key = record_search_fts.rowid ${guard}
    where ${sql.join(where, sql` and `)}`;
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

  async newest(db: Db, spec: MatchSpec, offset: number, limit: number): Promise<number[]> {
    if (!spec.groups) return newestWithoutWords(db, guard, spec, offset, limit);
    const { rows } = await sql<{
      record_id: number;
    }>`select m.record_id ${matching(spec, spec.groups)}
      order by record_search_fts.rowid desc limit ${limit} offset ${offset}`.execute(db);
    return rows.map((r) => r.record_id);
  },

  async count(db: Db, spec: MatchSpec, cap: number): Promise<number> {
    if (!spec.groups) return countWithoutWords(db, guard, spec, cap);
    const { rows } = await sql<{ n: number }>`select count(*) as n from (
      select 1 ${matching(spec, spec.groups)} limit ${cap}) capped`.execute(db);
    return Number(rows[0]?.n ?? 0);
  },

  async candidates(db: Db, spec: MatchSpec, limit: number): Promise<Candidate[]> {
    if (!spec.groups) return [];
    // Column weights title 0, 文号 0, body 1: title and 文号 matches are scored in rank.ts.
    const { rows } = await sql<CandidateRow>`
      select m.record_id, m.sort_key, m.title, m.doc_no_norm, -bm25(record_search_fts, 0.0, 0.0, 1.0) as score
      ${matching(spec, spec.groups)} order by record_search_fts.rowid desc limit ${limit}`.execute(
      db,
    );
    return rows.map(toCandidate);
  },
};

interface CandidateRow {
  record_id: number;
  sort_key: number;
  title: string;
  doc_no_norm: string | null;
  score: number;
}

function toCandidate(r: CandidateRow): Candidate {
  return {
    recordId: r.record_id,
    sortKey: Number(r.sort_key),
    title: r.title,
    docNo: r.doc_no_norm,
    bodyScore: Math.max(0, Number(r.score)),
  };
}
