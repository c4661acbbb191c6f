// The letters of a case (条例第三十条至第三十六条) and the template each one is written from.
import { REPLY_RESULT_KEYS, type ReplyResultKey, resultLabel } from "../results";

/** The letters the system writes, as they appear in URLs (/admin/applications/{id}/letters/{kind}). */
export const LETTER_KINDS = [
  "receipt",
  "supplement",
  "extension",
  "consult-third-party",
  "consult-agency",
  "reply",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const letterKindLabels: Record<LetterKind, string> = {
  receipt: "受理回执",
  supplement: "补正告知书",
  extension: "延期答复告知书",
  "consult-third-party": "征求第三方意见函",
  "consult-agency": "征求其他机关意见函",
  reply: "答复告知书",
};

/** One template per letter, and one 答复告知书 per reply result of annual-report table 三. */
export type LetterTemplateKey =
  | "receipt"
  | "supplement"
  | "extension"
  | "consult_third_party"
  | "consult_agency"
  | `reply:${ReplyResultKey}`;

const FIXED_KEYS = [
  "receipt",
  "supplement",
  "extension",
  "consult_third_party",
  "consult_agency",
] as const satisfies readonly LetterTemplateKey[];

/** Every template key, in the order the template list shows them. */
export const LETTER_TEMPLATE_KEYS: readonly LetterTemplateKey[] = [
  ...FIXED_KEYS,
  ...REPLY_RESULT_KEYS.map((k) => `reply:${k}` as const),
];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === "string" && (LETTER_KINDS as readonly string[]).includes(value);
}

export function isLetterTemplateKey(value: unknown): value is LetterTemplateKey {
  return typeof value === "string" && (LETTER_TEMPLATE_KEYS as readonly string[]).includes(value);
}

/** The template a letter is written from; a reply needs its result. */
export function templateKeyOf(kind: Exclude<LetterKind, "reply">): LetterTemplateKey;
export function templateKeyOf(kind: "reply", result: ReplyResultKey): LetterTemplateKey;
export function templateKeyOf(kind: LetterKind, result?: ReplyResultKey): LetterTemplateKey {
  switch (kind) {
    case "receipt":
    case "supplement":
    case "extension":
      return kind;
    case "consult-third-party":
      return "consult_third_party";
    case "consult-agency":
      return "consult_agency";
    case "reply":
      if (!result) throw new RangeError("答复告知书须有答复结果");
      return `reply:${result}`;
    default: {
      const unknown: never = kind;
      throw new RangeError(`未知的文书:${String(unknown)}`);
    }
  }
}

/** The letter kind a template belongs to. */
export function letterKindOfTemplate(key: LetterTemplateKey): LetterKind {
  if (key.startsWith("reply:")) return "reply";
  if (key === "consult_third_party") return "consult-third-party";
  if (key === "consult_agency") return "consult-agency";
  return key as LetterKind;
}

/** The reply result of a 答复告知书 template, or null for the other letters. */
export function resultOfTemplate(key: LetterTemplateKey): ReplyResultKey | null {
  return key.startsWith("reply:") ? (key.slice("reply:".length) as ReplyResultKey) : null;
}

/** How the template list names a template: “答复告知书:不予公开(保护第三方合法权益)”. */
export function templateLabel(key: LetterTemplateKey): string {
  const result = resultOfTemplate(key);
  return result ? `答复告知书:${resultLabel(result)}` : letterKindLabels[letterKindOfTemplate(key)];
}

/** The character of the reference line (文号) for each letter: 依申复〔2025〕12号. */
export const REFERENCE_MARKS: Record<LetterKind, string> = {
  receipt: "受",
  supplement: "补",
  extension: "延",
  "consult-third-party": "征",
  "consult-agency": "征",
  reply: "复",
};
