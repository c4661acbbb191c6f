/**
 * One row per published record in the search index (both engines). The words themselves live
 * elsewhere: in the FTS5 table record_search_fts on SQLite (rowid = sort_key), in the `tsv` column
 * of this table on PostgreSQL. Only src/search/engine-*.ts touch those.
 */
export interface RecordSearchTable {
  record_id: number;
  /** Newest-first order as one integer (see sort-key.ts). */
  sort_key: number;
  published_at: string;
  /** The title folded for matching (NFKC, lower case, no spaces), for ranking (see foldForMatch). */
  title_norm: string;
  catalog_item_id: number | null;
  genre: string;
  publisher: string;
  /** The body's top TF-IDF words, best first, space-separated (see topKeywords). */
  body_keywords: string;
  /** Year of published_on (发布日期); the sort key falls in it too (sort-key.ts). */
  year: number;
  /** 文号 in canonical form (渑市监文〔2020〕53号), for exact look-up. */
  doc_no_norm: string | null;
  /** The 文号 from 〔 on (〔2020〕53号), for a query that omits the issuer's code. */
  doc_no_tail: string | null;
  /** 索引号 half-width, without spaces, upper case. */
  index_no_norm: string | null;
}

export interface SearchTables {
  record_search: RecordSearchTable;
}
