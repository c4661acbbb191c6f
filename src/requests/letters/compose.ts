// A letter ready to print or to write as DOCX: the template filled with the case's values and laid
// out as 公文 — title, reference line (文号), paragraphs, 附件 list and the signature block. Pure.

import type { LetterTemplateText } from "./default-templates";
import type { LetterKind } from "./kinds";
import { fillPlaceholders, type PlaceholderValues } from "./placeholders";
import { chinesePunctuation } from "./punctuation";

export interface LetterParagraph {
  text: string;
  /** Body paragraphs are indented two characters; the addressee line is not. */
  indent: boolean;
}

export interface LetterContent {
  kind: LetterKind;
  title: string;
  /** 文号-style reference line, e.g. 依申复〔2025〕12号. */
  reference: string;
  paragraphs: LetterParagraph[];
  /** 附件 names, listed after the body (a reply's disclosed documents). */
  attachments: string[];
  /** Signature block: the bureau and the date in Chinese form. */
  organisation: string;
  dateText: string;
  /** Suggested file name without extension: YSQ-2025-00012-答复告知书. */
  fileName: string;
}

export interface LetterParts {
  kind: LetterKind;
  template: LetterTemplateText;
  values: PlaceholderValues;
  reference: string;
  attachments?: readonly string[];
  fileName: string;
}

/**
 * Fills the template (values are never expanded twice), splits it into paragraphs and gives the
 * text the full-width punctuation of 公文.
 */
export function composeLetter(parts: LetterParts): LetterContent {
  const filled = chinesePunctuation(fillPlaceholders(parts.template.body, parts.values));
  const lines = filled
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return {
    kind: parts.kind,
    title: chinesePunctuation(fillPlaceholders(parts.template.title, parts.values)),
    reference: parts.reference,
    paragraphs: lines.map((text, i) => ({ text, indent: !(i === 0 && /[:\uff1a]$/.test(text)) })),
    attachments: [...(parts.attachments ?? [])],
    organisation: parts.values.本机关 ?? "",
    dateText: parts.values.日期 ?? "",
    fileName: parts.fileName,
  };
}

/** The 附件 lines as 公文 write them: “附件:1.…” then “2.…” aligned under the first. */
export function attachmentLines(names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const lines =
    names.length === 1
      ? [`附件:${names[0]}`]
      : names.map((name, i) => `${i === 0 ? "附件:" : "\u3000\u3000\u3000"}${i + 1}.${name}`);
  return lines.map(chinesePunctuation);
}
