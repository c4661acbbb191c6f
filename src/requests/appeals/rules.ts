// 行政复议 and 行政诉讼 over a case (条例第五十一条), as table 四 of the annual report counts them:
// three column groups (复议, 未经复议直接起诉, 复议后起诉) × four results. Pure.

export const APPEAL_KINDS = ["review", "litigation"] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const appealKindLabels: Record<AppealKind, string> = {
  review: "行政复议",
  litigation: "行政诉讼",
};

/** Results in the order of table 四: 维持, 纠正, 其他结果, 尚未审结. */
export const APPEAL_RESULTS = ["upheld", "corrected", "other", "pending"] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

export const appealResultLabels: Record<AppealResult, string> = {
  upheld: "维持",
  corrected: "纠正",
  other: "其他结果",
  pending: "尚未审结",
};

/** The column groups of table 四 (annual-report-format.json review_litigation_table). */
export type AppealColumnGroup = "admin_review" | "litigation_direct" | "litigation_after_review";

export const appealGroupLabels: Record<AppealColumnGroup, string> = {
  admin_review: "行政复议",
  litigation_direct: "行政诉讼(未经复议直接起诉)",
  litigation_after_review: "行政诉讼(复议后起诉)",
};

export interface AppealFacts {
  kind: AppealKind;
  /** Litigation only: brought after a 行政复议. */
  afterReview: boolean;
  result: AppealResult;
}

/** The column group of table 四 an appeal counts in. */
export function appealColumnGroup(appeal: Omit<AppealFacts, "result">): AppealColumnGroup {
  if (appeal.kind === "review") return "admin_review";
  return appeal.afterReview ? "litigation_after_review" : "litigation_direct";
}

/** The table 四 column key, e.g. “admin_review.corrected”, “litigation_direct.pending”. */
export function appealColumnKey(appeal: AppealFacts): string {
  return `${appealColumnGroup(appeal)}.${appeal.result}`;
}

/** “复议-纠正”, “诉讼-维持”, “复议后诉讼-尚未审结”: how a ledger writes one appeal. */
export function appealLedgerText(appeal: AppealFacts): string {
  const kind = appeal.kind === "review" ? "复议" : appeal.afterReview ? "复议后诉讼" : "诉讼";
  return `${kind}-${appealResultLabels[appeal.result]}`;
}

const RESULT_WORDS: Record<string, AppealResult> = {
  维持: "upheld",
  结果维持: "upheld",
  纠正: "corrected",
  结果纠正: "corrected",
  其他: "other",
  其他结果: "other",
  尚未审结: "pending",
  未审结: "pending",
  审理中: "pending",
};

const KIND_WORDS: Record<string, { kind: AppealKind; afterReview: boolean }> = {
  复议: { kind: "review", afterReview: false },
  行政复议: { kind: "review", afterReview: false },
  诉讼: { kind: "litigation", afterReview: false },
  行政诉讼: { kind: "litigation", afterReview: false },
  直接起诉: { kind: "litigation", afterReview: false },
  复议后诉讼: { kind: "litigation", afterReview: true },
  复议后起诉: { kind: "litigation", afterReview: true },
};

export type AppealCellResult = { ok: true; appeals: AppealFacts[] } | { ok: false; error: string };

/**
 * Reads a ledger's 复议诉讼 cell: empty, or entries such as “复议-维持”, “诉讼-纠正”,
 * “复议后诉讼-尚未审结”, separated by “;”, “,” or “、”. A 诉讼 in the same cell as a 复议 was
 * brought after it.
 */
export function parseAppealCell(cell: string): AppealCellResult {
  const text = cell.normalize("NFKC").replace(/\s+/g, "");
  if (text === "" || text === "无" || text === "-" || text === "/")
    return { ok: true, appeals: [] };
  const appeals: AppealFacts[] = [];
  for (const part of text.split(/[;,、]+/).filter(Boolean)) {
    const match =
      /^(.+?)[-—–:()]*(维持|结果维持|纠正|结果纠正|其他结果|其他|尚未审结|未审结|审理中)\)?$/.exec(
        part,
      );
    const kind = match ? KIND_WORDS[match[1]!] : undefined;
    if (!match || !kind) {
      return {
        ok: false,
        error: `复议诉讼“${part}”无法识别,应写作“复议-维持”“诉讼-纠正”“复议后诉讼-尚未审结”等(结果为维持、纠正、其他结果或尚未审结)`,
      };
    }
    appeals.push({ ...kind, result: RESULT_WORDS[match[2]!]! });
  }
  const hasReview = appeals.some((a) => a.kind === "review");
  return {
    ok: true,
    appeals: appeals.map((a) =>
      a.kind === "litigation" && hasReview ? { ...a, afterReview: true } : a,
    ),
  };
}
