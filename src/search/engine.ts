// One interface, two engines (SQLite FTS5 and PostgreSQL GIN). Engine-specific SQL lives only in
// engine-sqlite.ts and engine-postgres.ts; everything else in search/ is engine-neutral.
import type { Kysely, Transaction } from "kysely";
import { engineOf } from "../db/dialect";
import type { DB } from "../db/schema";
import { postgresEngine } from "./engine-postgres";
import { sqliteEngine } from "./engine-sqlite";
import type { TermGroup } from "./query";
import type { RecordSearchTable } from "./tables";

export type Db = Kysely<DB> | Transaction<DB>;

/** What the index holds for one published record. */
export interface SearchEntry {
  /** The plain record_search columns. */
  row: RecordSearchTable;
  /** `segmentForIndex` output of each text field; body includes summary, keywords, attachments. */
  text: { title: string; docNo: string; body: string };
}

export interface SearchFilters {
  catalogItemId?: number;
  genre?: string;
  publisher?: string;
  year?: number;
}

/** Which index rows a query wants: matching `groups` (null: every row) under `filters`. */
export interface MatchSpec {
  groups: readonly TermGroup[] | null;
  filters: SearchFilters;
  /** Records already shown first (exact 文号/索引号 matches). */
  excludeIds: readonly number[];
  /** Only rows older than this sort key (paging past the relevance window). */
  beforeSortKey?: number;
}

/** A match considered for relevance ranking, with the engine's body score (higher is better). */
export interface Candidate {
  recordId: number;
  sortKey: number;
  title: string;
  /** Canonical 文号. */
  docNo: string | null;
  bodyScore: number;
}

export interface SearchEngine {
  /** Adds records; their previous entries, if any, must have been removed. */
  index(db: Db, entries: readonly SearchEntry[]): Promise<void>;
  remove(db: Db, recordId: number): Promise<void>;
  clear(db: Db): Promise<void>;
  /** Matching record ids, newest first. */
  newest(db: Db, spec: MatchSpec, offset: number, limit: number): Promise<number[]>;
  /** Number of matches, counting no further than `cap`. */
  count(db: Db, spec: MatchSpec, cap: number): Promise<number>;
  /** The newest `limit` matches with their body scores, in no particular order. */
  candidates(db: Db, spec: MatchSpec, limit: number): Promise<Candidate[]>;
}

export function searchEngineOf(db: Db): SearchEngine {
  return engineOf(db) === "postgres" ? postgresEngine : sqliteEngine;
}
