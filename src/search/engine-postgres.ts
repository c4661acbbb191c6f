// PostgreSQL: one tsvector of distinct words per record (title, 文号, body) under a GIN index.
// The tsvector and tsquery are built here from jieba's tokens and cast directly, bypassing
// PostgreSQL's text parser, so matching does not depend on the server's locale and equals SQLite's
// token for token. No positions or weights: ranking reads titles, not the tsvector (rank.ts), and
// without them the tsvector is about half the size, so the row-by-row newest-first walk is faster.
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
import type { RecordSearchTable } from "./tables";

// Rows per INSERT: 13 parameters each, well under PostgreSQL's limit of 65,535.
const BATCH = 200;

function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** A tsvector literal of the distinct tokens of space-separated texts. */
export function toTsvectorLiteral(texts: readonly string[]): string {
  const tokens = new Set(texts.flatMap((t) => t.split(" ")));
  tokens.delete("");
  return [...tokens].map(quoteLexeme).join(" ");
}

/** A tsquery literal: alternatives OR-ed, groups AND-ed. */
export function toTsqueryLiteral(groups: readonly TermGroup[]): string {
  return groups
    .map(
      (alternatives) =>
        `(${alternatives.map((tokens) => `(${tokens.map(quoteLexeme).join(" & ")})`).join(" | ")})`,
    )
    .join(" & ");
}

const guard = sql`join records r on r.id = m.record_id`;

// Unlike SQLite, no sort-key range for a year: the (year, sort_key) index already gives that walk,
// and an added range made the planner misjudge the row count (bitmap scan, 10× slower at 200k).
function matching(spec: MatchSpec, groups: readonly TermGroup[]): RawBuilder<unknown> {
  const where = [sql`m.tsv @@ ${toTsqueryLiteral(groups)}::tsquery`, ...commonConditions(spec)];
  return sql`from record_search m ${guard} where ${sql.join(where, sql` and `)}`;
}

function tsvectorOf({ text }: SearchEntry): string {
  return toTsvectorLiteral([text.title, text.docNo, text.body]);
}

async function walk<Row>(
  db: Db,
  columns: RawBuilder<unknown>,
  spec: MatchSpec,
  limit: number,
): Promise<Row[]> {
  if (!spec.groups) return newestWithoutWords<Row>(db, guard, columns, spec, limit);
  const { rows } = await sql<Row>`select ${columns} ${matching(spec, spec.groups)}
    order by m.sort_key desc limit ${limit}`.execute(db);
  return rows;
}

export const postgresEngine: SearchEngine = {
  async index(db: Db, entries: readonly SearchEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const columns = Object.keys(entries[0]!.row) as (keyof RecordSearchTable)[];
    for (let i = 0; i < entries.length; i += BATCH) {
      const rows = entries.slice(i, i + BATCH).map((e) => {
        const values = columns.map((c) => sql`${e.row[c]}`);
        return sql`(${sql.join(values)}, ${tsvectorOf(e)}::tsvector)`;
      });
      await sql`insert into record_search (${sql.join(columns.map((c) => sql.ref(c)))}, tsv)
        values ${sql.join(rows)}`.execute(db);
    }
  },

  async remove(db: Db, recordId: number): Promise<void> {
    await db.deleteFrom("record_search").where("record_id", "=", recordId).execute();
  },

  async clear(db: Db): Promise<void> {
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
