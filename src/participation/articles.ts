// Splits a draft into the numbered units the public comments on: 第X条 when the draft has
// articles (法规、规章、规范性文件的通常体例), otherwise its paragraphs numbered 1, 2, 3 ….
// Pure: the same text always gives the same numbers, so a stored article_no stays meaningful.

export interface DraftArticle {
  /** The article number (第X条 → X) or the paragraph number. */
  no: number;
  /** How the unit is named on pages: "第三条" or "第3段". */
  label: string;
  text: string;
}

export interface DraftPart {
  kind: "heading" | "article";
  /** A chapter heading (第一章 总则) or a preamble line; articles carry their number. */
  text: string;
  article?: DraftArticle;
}

export interface SplitDraft {
  mode: "articles" | "paragraphs";
  /** Everything in order: headings/preamble and articles, for showing the draft. */
  parts: DraftPart[];
  articles: DraftArticle[];
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "三十五" → 35, "一百零二" → 102, "十" → 10, "12" → 12; null when it is not a numeral. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit = 0;
  let seenDigit = false;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
      seenDigit = true;
    } else {
      const unit = CN_UNITS[ch]!;
      // 十 alone at the start means 一十.
      total += (seenDigit ? digit : 1) * unit;
      digit = 0;
      seenDigit = false;
    }
  }
  return total + digit;
}

const ARTICLE = /^\s*第([零〇一二两三四五六七八九十百千\d]+)条(?:\s|　|$)?/;
const HEADING = /^\s*第[零〇一二两三四五六七八九十百千\d]+[章节编]/;

/** The draft's articles (第X条) if it has any, otherwise its non-empty paragraphs. */
export function splitDraft(text: string): SplitDraft {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (!lines.some((l) => ARTICLE.test(l))) {
    const articles = lines.map((line, i) => ({ no: i + 1, label: `第${i + 1}段`, text: line }));
    return {
      mode: "paragraphs",
      articles,
      parts: articles.map((a) => ({ kind: "article", text: a.text, article: a })),
    };
  }
  const parts: DraftPart[] = [];
  const articles: DraftArticle[] = [];
  let current: DraftArticle | null = null;
  for (const line of lines) {
    const match = ARTICLE.exec(line);
    const no = match ? parseChineseNumber(match[1]!) : null;
    if (match && no !== null && !articles.some((a) => a.no === no)) {
      current = { no, label: `第${match[1]}条`, text: line };
      articles.push(current);
      parts.push({ kind: "article", text: line, article: current });
    } else if (HEADING.test(line) || !current) {
      current = null;
      parts.push({ kind: "heading", text: line });
    } else {
      // A paragraph or item (（一）…) inside the article continues it.
      current.text = `${current.text}\n${line}`;
      parts[parts.length - 1]!.text = current.text;
    }
  }
  return { mode: "articles", parts, articles };
}

/** The label of a comment's target: an article, or 草案整体 when article_no is null. */
export function articleLabel(split: SplitDraft, no: number | null): string {
  if (no === null) return "草案整体";
  return (
    split.articles.find((a) => a.no === no)?.label ??
    `第${no}${split.mode === "articles" ? "条" : "段"}`
  );
}
