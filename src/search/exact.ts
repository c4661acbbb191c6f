// 文号 and 索引号 typed into the search box find their record directly, ahead of full-text hits.
// 条例第十二条: the 目录 lists each record's 索引号; a 文号 follows GB/T 9704-2012 7.2.4.
import { looksLikeIndexNo, normalizeDocNo, normalizeIndexNo } from "../records/index-no";
import type { Db, SearchFilters } from "./engine";

/** Stored forms of a 文号: canonical (渑市监文〔2020〕53号) and from 〔 on (〔2020〕53号). */
export function docNoForms(docNo: string | null): { norm: string | null; tail: string | null } {
  if (!docNo || docNo.trim() === "") return { norm: null, tail: null };
  const canonical = normalizeDocNo(docNo);
  if (!canonical) return { norm: docNo.normalize("NFKC").replace(/\s+/g, ""), tail: null };
  const at = canonical.indexOf("〔");
  return { norm: canonical, tail: at >= 0 ? canonical.slice(at) : null };
}

/** Stored and queried form of an 索引号: half-width, no spaces, upper case. */
export function indexNoForm(indexNo: string | null): string | null {
  if (!indexNo) return null;
  const form = normalizeIndexNo(indexNo).toUpperCase();
  return form === "" ? null : form;
}

const MAX_EXACT = 10;

/**
 * Published records whose 文号 or 索引号 is the query, newest first. A query in the default 索引号
 * shape, or any query without spaces that contains a digit, is tried as an 索引号 (an indexed
 * equality look-up, so site-specific 索引号 patterns work without being listed); a 文号 is
 * recognised by `normalizeDocNo`, and a bare 〔2020〕53号 matches every issuer's.
 */
export async function findExactMatches(
  db: Db,
  query: string,
  filters: SearchFilters,
): Promise<number[]> {
  const docNo = normalizeDocNo(query);
  const single = /\d/.test(query) && !/\S\s+\S/.test(query.trim());
  const indexNo = single || looksLikeIndexNo(query) ? indexNoForm(query) : null;
  if (!docNo && !indexNo) return [];
  let q = db
    .selectFrom("record_search as m")
    .innerJoin("records as r", "r.id", "m.record_id")
    .select("m.record_id")
    .where("r.state", "=", "published")
    .where((eb) => {
      const ors = [];
      if (docNo?.startsWith("〔")) ors.push(eb("m.doc_no_tail", "=", docNo));
      else if (docNo) ors.push(eb("m.doc_no_norm", "=", docNo));
      if (indexNo) ors.push(eb("m.index_no_norm", "=", indexNo));
      return eb.or(ors);
    });
  if (filters.catalogItemId !== undefined)
    q = q.where("m.catalog_item_id", "=", filters.catalogItemId);
  if (filters.genre !== undefined) q = q.where("m.genre", "=", filters.genre);
  if (filters.publisher !== undefined) q = q.where("m.publisher", "=", filters.publisher);
  if (filters.year !== undefined) q = q.where("m.year", "=", filters.year);
  const rows = await q.orderBy("m.sort_key", "desc").limit(MAX_EXACT).execute();
  return rows.map((r) => r.record_id);
}
