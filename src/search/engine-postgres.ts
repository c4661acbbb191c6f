// PostgreSQL: one weighted tsvector per record (title A, 文号 B, body D) under a GIN index. The
// tsvector and tsquery are built here from jieba's tokens and cast directly, bypassing PostgreSQL's
// text parser, so matching does not depend on the server's locale and equals SQLite's token for token.
import { type RawBuilder, sql } from "kysely";
import type { Candidate, Db, MatchSpec, SearchEngine, SearchEntry } from "./engine";
import { commonConditions, countWithoutWords, newestWithoutWords } from "./engine-shared";
import type { TermGroup } from "./query";

// tsvector limits: positions go up to 16383 (larger ones are clamped) and a lexeme keeps 256.
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;

// Rows per INSERT: 12 parameters each, well under PostgreSQL's limit of 65,535.
const BATCH = 200;

type Weight = "A" | "B" | "C" | "D";

function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** A tsvector literal of segmented fields, each token with its position and its field's weight. */
export function toTsvectorLiteral(fields: readonly { text: string; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { text, weight } of fields) {
    for (const token of text.split(" ")) {
      if (token === "") continue;
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(token) ?? [];
      if (list.length === 0) positions.set(token, list);
      if (list.length < MAX_POSITIONS_PER_LEXEME)
        list.push(weight === "D" ? `${position}` : `${position}${weight}`);
    }
  }
  return [...positions].map(([token, list]) => `${quoteLexeme(token)}:${list.join(",")}`).join(" ");
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

function matching(spec: MatchSpec, groups: readonly TermGroup[]): RawBuilder<unknown> {
  const where = [sql`m.tsv @@ ${toTsqueryLiteral(groups)}::tsquery`, ...commonConditions(spec)];
  return sql`from record_search m ${guard} where ${sql.join(where, sql` and `)}`;
}

function tsvectorOf({ text }: SearchEntry): string {
  return toTsvectorLiteral([
    { text: text.title, weight: "A" },
    { text: text.docNo, weight: "B" },
    { text: text.body, weight: "D" },
  ]);
}

export const postgresEngine: SearchEngine = {
  async index(db: Db, entries: readonly SearchEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH) {
      const rows = entries.slice(i, i + BATCH).map((e) => {
        const r = e.row;
        return sql`(${r.record_id}, ${r.sort_key}, ${r.published_at}, ${r.title}, ${r.catalog_item_id},
          ${r.genre}, ${r.publisher}, ${r.year}, ${r.doc_no_norm}, ${r.doc_no_tail}, ${r.index_no_norm},
          ${tsvectorOf(e)}::tsvector)`;
      });
      await sql`insert into record_search (record_id, sort_key, published_at, title, catalog_item_id,
          genre, publisher, year, doc_no_norm, doc_no_tail, index_no_norm, tsv)
        values ${sql.join(rows)}`.execute(db);
    }
  },

  async remove(db: Db, recordId: number): Promise<void> {
    await db.deleteFrom("record_search").where("record_id", "=", recordId).execute();
  },

  async clear(db: Db): Promise<void> {
    await db.deleteFrom("record_search").execute();
  },

  async newest(db: Db, spec: MatchSpec, offset: number, limit: number): Promise<number[]> {
    if (!spec.groups) return newestWithoutWords(db, guard, spec, offset, limit);
    const { rows } = await sql<{
      record_id: number;
    }>`select m.record_id ${matching(spec, spec.groups)}
      order by m.sort_key desc limit ${limit} offset ${offset}`.execute(db);
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
    // The LIMIT sits in a subquery so ts_rank runs on `limit` rows only, never on every match.
    // Weights {D,C,B,A} = {1,0,0,0}: body only; title and 文号 matches are scored in rank.ts.
    const query = toTsqueryLiteral(spec.groups);
    const { rows } = await sql<CandidateRow>`
      select c.record_id, c.sort_key, c.title, c.doc_no_norm,
        ts_rank('{1,0,0,0}'::real[], s.tsv, ${query}::tsquery, 1) as score
      from (select m.record_id, m.sort_key, m.title, m.doc_no_norm ${matching(spec, spec.groups)}
        order by m.sort_key desc limit ${limit}) c
      join record_search s on s.record_id = c.record_id`.execute(db);
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
