// The figures of the compliance dashboard (监督考核): one key per figure, its label, and what it
// counts. Every figure is computed from records, cases and events; none is typed in.
export const RECORD_FIGURES = ["due", "onTime", "late", "overdue", "pending"] as const;
export type RecordFigure = (typeof RECORD_FIGURES)[number];

export const APPLICATION_FIGURES = ["received", "onTime", "overdue", "extended"] as const;
export type ApplicationFigure = (typeof APPLICATION_FIGURES)[number];

/** Every drill-down key: `${area}.${figure}`, plus `applications.result` with `result=`. */
export const FIGURE_KEYS = [
  "records.due",
  "records.onTime",
  "records.late",
  "records.overdue",
  "records.pending",
  "catalog.gaps",
  "applications.received",
  "applications.onTime",
  "applications.overdue",
  "applications.extended",
  "applications.result",
  "consultations.noFeedback",
  "messages.late",
  "messages.overdue",
  "policies.noInterpretation",
  "publicity.late",
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export function isFigureKey(value: string): value is FigureKey {
  return (FIGURE_KEYS as readonly string[]).includes(value);
}

export const figureLabels: Record<FigureKey, string> = {
  "records.due": "应公开信息(应公开日期在期间内)",
  "records.onTime": "按时公开",
  "records.late": "逾期公开",
  "records.overdue": "逾期未公开",
  "records.pending": "未到期未公开",
  "catalog.gaps": "期间内未更新的目录事项(栏目不更新)",
  "applications.received": "收到申请",
  "applications.onTime": "按时答复",
  "applications.overdue": "超期(逾期答复或超期未答复)",
  "applications.extended": "延期答复",
  "applications.result": "按答复结果",
  "consultations.noFeedback": "意见征集未公开采纳情况反馈",
  "messages.late": "留言逾期答复",
  "messages.overdue": "留言超期未答复",
  "policies.noInterpretation": "政策文件发布时无解读",
  "publicity.late": "双公示逾期公示",
};
