// 体裁 (genre) of a record: a closed list, stored as the English key, shown with its label.

export const GENRES = [
  "notice",
  "announcement",
  "publicity",
  "normativeDocument",
  "policyDocument",
  "interpretation",
  "planAndSummary",
  "workNews",
  "licence",
  "penalty",
  "concernResponse",
  "policyQa",
  "serviceGuide",
  "annualReport",
  "other",
] as const;
export type Genre = (typeof GENRES)[number];

export const genreLabels: Record<Genre, string> = {
  notice: "通知",
  announcement: "公告",
  publicity: "公示",
  normativeDocument: "规范性文件",
  policyDocument: "其他政策文件",
  interpretation: "政策解读",
  planAndSummary: "计划总结",
  workNews: "工作动态",
  licence: "许可信息",
  penalty: "处罚信息",
  concernResponse: "回应关切",
  policyQa: "政策问答",
  serviceGuide: "办事指南",
  annualReport: "信息公开年报",
  other: "其他",
};

/**
 * Genres that may be marked as needing an interpretation (政策解读), released together with it:
 * 国办发〔2016〕80号 asks that policy documents and their interpretations be organised, reviewed
 * and released together (同步组织、同步审签、同步部署).
 */
export const POLICY_GENRES: readonly Genre[] = ["normativeDocument", "policyDocument"];

export function isGenre(value: string): value is Genre {
  return (GENRES as readonly string[]).includes(value);
}

/** The label of a stored genre key (the key itself for a value no longer in the list). */
export function genreLabel(value: string): string {
  return isGenre(value) ? genreLabels[value] : value;
}
