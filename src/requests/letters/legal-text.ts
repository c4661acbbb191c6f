// The fixed legal wording of letters: how articles are cited, the 救济途径 sentence, dates in
// Chinese form and the reference line (文号). Pure.
import type { IsoDate } from "../../calendar/rules";
import { type ReplyResultKey, resultArticles } from "../results";
import { type LetterKind, REFERENCE_MARKS } from "./kinds";

export const REGULATION = "《中华人民共和国政府信息公开条例》";

/**
 * 救济途径 of a reply (条例第五十一条): 行政复议 within 60 days (《中华人民共和国行政复议法》) or
 * 行政诉讼 within 6 months (《中华人民共和国行政诉讼法》第四十六条), both from receipt of the reply.
 */
export const REMEDY_TEXT =
  "申请人对本答复不服的,可以依照《中华人民共和国行政复议法》和《中华人民共和国行政诉讼法》第四十六条的规定,自收到本答复之日起六十日内依法申请行政复议,或者自收到本答复之日起六个月内依法提起行政诉讼。";

/** The articles of the 条例 each letter other than a reply rests on. */
export const LETTER_ARTICLES: Record<Exclude<LetterKind, "reply">, readonly string[]> = {
  // 第三十一条: 收到申请之日; 第三十三条: the reply period.
  receipt: ["第三十一条", "第三十三条"],
  // 第三十条: one notice of everything to supplement, with a reasonable period.
  supplement: ["第三十条"],
  // 第三十三条第一款: one extension of at most 20 working days, notified to the applicant.
  extension: ["第三十三条第一款"],
  "consult-third-party": ["第三十二条"],
  "consult-agency": ["第三十四条"],
};

/**
 * Articles as a letter cites them: “《中华人民共和国政府信息公开条例》第十五条、第三十二条”; other
 * documents named in the list follow (“和《政府信息公开信息处理费管理办法》…”). No article at all
 * cites the regulation's relevant provisions, never a guessed number.
 */
export function citeArticles(articles: readonly string[]): string {
  const ofRegulation = articles.filter((a) => !a.startsWith("《"));
  const others = articles.filter((a) => a.startsWith("《"));
  const head = ofRegulation.length > 0 ? `${REGULATION}${ofRegulation.join("、")}` : "";
  const parts = [head, ...others].filter(Boolean);
  return parts.length > 0 ? parts.join("和") : `${REGULATION}有关条款`;
}

/** The citation of a letter: by kind, and for a reply by its result (results.ts). */
export function letterCitation(kind: LetterKind, result: ReplyResultKey | null): string {
  if (kind === "reply") return citeArticles(result ? resultArticles(result) : []);
  return citeArticles(LETTER_ARTICLES[kind]);
}

/** 2025-03-14 → “2025年3月14日”, the form 公文 use for dates. */
export function chineseDate(date: IsoDate): string {
  const [year, month, day] = date.split("-");
  return `${year}年${Number(month)}月${Number(day)}日`;
}

const SERIAL_NO = /^[A-Z]+-(\d{4})-(\d+)$/;

/**
 * The reference line (文号) of a letter: “依申复〔2025〕12号” from YSQ-2025-00012; a number in
 * another form (an imported ledger's) is kept whole.
 */
export function referenceLine(kind: LetterKind, applicationNo: string, fallbackYear: number) {
  const mark = `依申${REFERENCE_MARKS[kind]}`;
  const match = SERIAL_NO.exec(applicationNo);
  if (match) return `${mark}〔${match[1]}〕${Number(match[2])}号`;
  return `${mark}〔${fallbackYear}〕${applicationNo}号`;
}
