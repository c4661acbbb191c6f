// Chinese word segmentation for the search index and for queries. Both engines index the same
// space-separated tokens made here, so SQLite and PostgreSQL match exactly the same words.
import { createRequire } from "node:module";
import { Jieba, TfIdf } from "@node-rs/jieba";
import { Converter, type ConverterFunction } from "opencc-js/t2cn";

const require = createRequire(import.meta.url);

// jieba's dictionary is 5 MB and takes ~0.3 s to load: one shared instance, made on first use.
let jieba: Jieba | null = null;
let tfIdf: TfIdf | null = null;
let toSimplified: ConverterFunction | null = null;

function dictionaries(): typeof import("@node-rs/jieba/dict") {
  // Required here, not imported: the module reads the dictionary files (5 MB) as it loads.
  return require("@node-rs/jieba/dict") as typeof import("@node-rs/jieba/dict");
}

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dictionaries().dict);
  return jieba;
}

/**
 * Traditional → simplified. The Hong Kong preset also reads Taiwan and OpenCC-standard forms
 * (許可, 衞生, 裡面) and, unlike the Taiwan one, leaves simplified text alone (显著 stays 显著).
 */
export function toSimplifiedChinese(text: string): string {
  toSimplified ??= Converter({ from: "hk", to: "cn" });
  return toSimplified(text);
}

/** Longer runs (hashes, base64 in extracted text) are noise and only bloat the index. */
const MAX_TOKEN_LENGTH = 32;
const NOT_TOKEN_CHARS = /[^\p{L}\p{N}\p{M}]+/u;

/** Full-width to half-width and compatibility forms (NFKC), then lower case. */
export function foldText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Text folded for substring matching against query tokens: `foldText` without whitespace. */
export function foldForMatch(text: string): string {
  return foldText(text).replace(/\s+/g, "");
}

/** Splits jieba's words on anything that is not a letter, digit or mark ("9704-2012" → 9704, 2012). */
function cleanTokens(words: readonly string[]): string[] {
  return words
    .join(" ")
    .split(NOT_TOKEN_CHARS)
    .filter((t) => t !== "" && t.length <= MAX_TOKEN_LENGTH);
}

/** Index tokens of a text (search mode: 食品安全 → 食品 安全 食品安全), space-separated. */
export function segmentForIndex(text: string): string {
  if (text.trim() === "") return "";
  return cleanTokens(segmenter().cutForSearch(foldText(text), true)).join(" ");
}

/** The text of a query as the index sees it: NFKC, simplified, lower case. */
export function normalizeQuery(text: string): string {
  return foldText(toSimplifiedChinese(text.normalize("NFKC")));
}

/** Query words (precise mode: 食品经营许可 → 食品 经营 许可), after `normalizeQuery`. */
export function segmentQuery(text: string): string[] {
  const q = normalizeQuery(text);
  if (q.trim() === "") return [];
  return cleanTokens(segmenter().cut(q, true));
}

/** How search mode splits one word (食品安全 → 食品 安全 食品安全), for query fallbacks. */
export function searchModeParts(word: string): string[] {
  return cleanTokens(segmenter().cutForSearch(word, true));
}

/** How precise mode without the HMM splits one word (unknown words fall apart into characters). */
export function dictionaryParts(word: string): string[] {
  return cleanTokens(segmenter().cut(word, false));
}

/**
 * The `count` words that best characterise a text by TF-IDF (jieba's IDF table), best first:
 * what a record is about, computed once at indexing so ranking needs no per-query body scoring.
 */
export function topKeywords(text: string, count = 12): string[] {
  if (text.trim() === "") return [];
  tfIdf ??= TfIdf.withDict(dictionaries().idf);
  const words = tfIdf.extractKeywords(segmenter(), foldText(text), count).map((k) => k.keyword);
  return cleanTokens(words);
}

/** Loads the dictionaries now (about 0.4 s) instead of on the first search. */
export function loadSegmenter(): void {
  segmenter();
  toSimplifiedChinese("");
}
