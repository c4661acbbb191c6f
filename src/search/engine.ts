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
}

/** A match, with what relevance ranking needs. */
export interface Candidate {
  recordId: number;
  sortKey: number;
  /** Folded title (foldForMatch). */
  title: string;
  /** Canonical 文号, lower case. */
  docNo: string | null;
  /** The body's top TF-IDF words, best first. */
  bodyKeywords: string[];
}

export interface SearchEngine {
  /** Adds records; their previous entries, if any, must have been removed. */
  index(db: Db, entries: readonly SearchEntry[]): Promise<void>;
  remove(db: Db, recordId: number): Promise<void>;
  clear(db: Db): Promise<void>;
  /**
   * The newest `limit` matches, newest first: a walk in index order that stops at the limit. No
   * row is scored; the caller counts, ranks and pages these (see rank.ts).
   */
  newestMatches(db: Db, spec: MatchSpec, limit: number): Promise<Candidate[]>;
  /** The same walk returning record ids only (date order needs nothing else). */
  newestMatchIds(db: Db, spec: MatchSpec, limit: number): Promise<number[]>;
}

export function searchEngineOf(db: Db): SearchEngine {
  return engineOf(db) === "postgres" ? postgresEngine : sqliteEngine;
}
