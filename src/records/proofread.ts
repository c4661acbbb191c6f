// Proofreading a record before review (审核): typos, sensitive or inappropriate expressions,
// outdated names of bodies and rules, and encoding damage. Pure: the caller supplies the text
// and the dictionary (the shipped one is `proofreadDictionary`).
import { z } from "zod";
import data from "./data/proofread-dictionary.json" with { type: "json" };
import { findGarbledRuns, findPinyinAnnotations } from "./mojibake";

export const PROOFREAD_KINDS = ["typo", "sensitive", "outdated", "mojibake"] as const;
export type ProofreadKind = (typeof PROOFREAD_KINDS)[number];

export interface DictionaryEntry {
  /** The exact text to look for. */
  find: string;
  kind: ProofreadKind;
  /** Replacement text; absent when the passage must be rewritten or removed by a person. */
  suggestion?: string;
  /** Why it is flagged (required for sensitive and outdated entries). */
  reason?: string;
  /** Skip the match when the text just before it ends with one of these (次告知 after 一). */
  notPrecededBy?: string[];
  /** Skip the match when the text just after it starts with one of these. */
  notFollowedBy?: string[];
}

export interface ProofreadDictionary {
  source: string[];
  entries: DictionaryEntry[];
}

export interface ProofreadHit {
  /** UTF-16 offsets into the text, as String#slice takes them. */
  start: number;
  end: number;
  found: string;
  /** Replacement ("" = delete), or null when a person must decide. */
  suggestion: string | null;
  kind: ProofreadKind;
  reason: string;
  /** The hit with up to CONTEXT_CHARS characters either side, line breaks shown as spaces. */
  context: string;
}

const guard = z.array(z.string().min(1)).min(1).optional();

export const dictionaryEntrySchema = z
  .object({
    find: z.string().min(1),
    kind: z.enum(PROOFREAD_KINDS),
    suggestion: z.string().optional(),
    reason: z.string().min(1).optional(),
    notPrecededBy: guard,
    notFollowedBy: guard,
  })
  .strict()
  .refine((e) => e.suggestion !== e.find, { message: "建议写法与原文相同" })
  .refine((e) => e.kind === "typo" || e.kind === "mojibake" || e.reason !== undefined, {
    message: "敏感表述和过时名称必须写明原因",
  }) satisfies z.ZodType<DictionaryEntry>;

export const proofreadDictionarySchema = z
  .object({ source: z.array(z.string().min(1)).min(1), entries: z.array(dictionaryEntrySchema) })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    for (const entry of d.entries) {
      if (seen.has(entry.find)) ctx.addIssue({ code: "custom", message: `重复词条:${entry.find}` });
      seen.add(entry.find);
    }
  }) satisfies z.ZodType<ProofreadDictionary>;

/** The starter dictionary shipped in src/records/data/proofread-dictionary.json. */
export const proofreadDictionary: ProofreadDictionary = proofreadDictionarySchema.parse(data);

export const CONTEXT_CHARS = 12;

const DEFAULT_REASON: Record<ProofreadKind, string> = {
  typo: "疑似错别字",
  sensitive: "不宜公开的表述",
  outdated: "名称或依据已过时",
  mojibake: "乱码",
};

/**
 * Every passage of `text` a proofreader should look at, in text order. Where hits overlap the
 * one starting first (then the longest) wins, so "眼踪评" is reported once, not also as "眼踪".
 * Besides the dictionary it finds encoding damage and 18-digit 居民身份证号码 (条例第十五条).
 */
export function proofread(text: string, dictionary: ProofreadDictionary): ProofreadHit[] {
  type Candidate = Omit<ProofreadHit, "found" | "context">;
  const candidates: Candidate[] = [];
  for (const entry of dictionary.entries) {
    for (let at = text.indexOf(entry.find); at >= 0; at = text.indexOf(entry.find, at + 1)) {
      const end = at + entry.find.length;
      if (entry.notPrecededBy?.some((p) => text.endsWith(p, at))) continue;
      if (entry.notFollowedBy?.some((f) => text.startsWith(f, end))) continue;
      candidates.push({
        start: at,
        end,
        suggestion: entry.suggestion ?? null,
        kind: entry.kind,
        reason: entry.reason ?? DEFAULT_REASON[entry.kind],
      });
    }
  }
  const pinyin = findPinyinAnnotations(text);
  for (const span of [...pinyin, ...findGarbledRuns(text, pinyin)]) {
    candidates.push({ ...span, kind: "mojibake" });
  }
  candidates.push(...findIdNumbers(text));

  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: ProofreadHit[] = [];
  let reachedEnd = 0;
  for (const c of candidates) {
    if (c.start < reachedEnd) continue;
    hits.push({
      ...c,
      found: text.slice(c.start, c.end),
      context: contextOf(text, c.start, c.end),
    });
    reachedEnd = c.end;
  }
  return hits;
}

function contextOf(text: string, start: number, end: number): string {
  return text
    .slice(Math.max(0, start - CONTEXT_CHARS), Math.min(text.length, end + CONTEXT_CHARS))
    .replace(/\r?\n/g, " ");
}

const ID_NUMBER =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** 18-digit 居民身份证号码 with a valid GB 11643 check digit. */
function findIdNumbers(text: string): Omit<ProofreadHit, "found" | "context">[] {
  return [...text.matchAll(ID_NUMBER)]
    .filter((m) => {
      const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(m[0][i]), 0);
      return ID_CHECK[sum % 11] === m[0][17]!.toUpperCase();
    })
    .map((m) => ({
      start: m.index,
      end: m.index + 18,
      suggestion: null,
      kind: "sensitive" as const,
      reason: "疑似居民身份证号码:个人隐私,公开前应去除或遮盖(条例第十五条)",
    }));
}
