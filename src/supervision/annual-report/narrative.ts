// Drafts of the narrative sections 一、五、六 of the annual report from its figures (条例第五十条).
// Pure: the office edits the draft before finalising; nothing here claims more than the numbers.
import type { NarrativeKey, ReportTables } from "./format";

export type Narrative = Record<NarrativeKey, string>;

const n = (tables: ReportTables, table: keyof ReportTables, row: string, column: string) =>
  tables[table][row]?.[column] ?? 0;

/** The draft text of each narrative section, paragraphs separated by line breaks. */
export function draftNarrative(year: number, unitName: string, tables: ReportTables): Narrative {
  const app = (row: string) => n(tables, "applications", row, "total");
  const docs = (column: string) => n(tables, "proactive", "art20_1.normative_documents", column);
  const decisions = (row: string) => n(tables, "proactive", row, "decisions_this_year");
  const review = (column: string) => n(tables, "review_litigation", "count", column);
  const appeals =
    review("admin_review.total") +
    review("litigation_direct.total") +
    review("litigation_after_review.total");
  const corrected =
    review("admin_review.corrected") +
    review("litigation_direct.corrected") +
    review("litigation_after_review.corrected");
  const overview = [
    `${year}年,${unitName}认真贯彻《中华人民共和国政府信息公开条例》,坚持以公开为常态、不公开为例外,扎实做好政府信息公开工作。现将本年度政府信息公开工作情况报告如下。`,
    `主动公开方面,本年制发行政规范性文件${docs("issued_this_year")}件,废止${docs("repealed_this_year")}件,现行有效${docs("in_force")}件;公开行政许可决定${decisions("art20_5.administrative_licensing")}件、行政处罚决定${decisions("art20_6.administrative_penalty")}件、行政强制决定${decisions("art20_6.administrative_coercion")}件。`,
    `依申请公开方面,本年新收政府信息公开申请${app("new_received")}件,上年结转${app("carried_over_from_last_year")}件,办结${app("results.total")}件,其中予以公开${app("results.disclosed")}件、部分公开${app("results.partially_disclosed")}件、不予公开${app("results.not_disclosed")}件、无法提供${app("results.unable_to_provide")}件、不予处理${app("results.not_processed")}件、其他处理${app("results.other")}件,结转下年度继续办理${app("carried_to_next_year")}件。`,
    `监督保障方面,本年因政府信息公开引起行政复议、行政诉讼共${appeals}件${corrected > 0 ? `,其中结果被纠正${corrected}件` : ""}。`,
  ];
  const problems = [
    corrected > 0
      ? `本年度有${corrected}件政府信息公开行政复议、行政诉讼结果被纠正,反映出依申请公开答复的规范性仍需提高。下一步将逐案分析原因,加强答复文书的法制审核。`
      : "本年度政府信息公开工作仍存在公开内容的针对性和解读的深度有待提高等问题。",
    "下一步,将进一步完善政府信息公开工作机制,加强工作人员业务培训,提升政府信息公开工作质量。",
  ];
  const feeUnpaid = app("results.other.fee_unpaid");
  const other = [
    feeUnpaid > 0
      ? `按照《政府信息公开信息处理费管理办法》(国办函〔2020〕109号),本年度有${feeUnpaid}件申请因申请人逾期未缴纳信息处理费而不再处理。`
      : "按照《政府信息公开信息处理费管理办法》(国办函〔2020〕109号),本年度没有因申请人逾期未缴纳信息处理费而不再处理的申请。",
    "本年度无其他需要报告的事项。",
  ];
  return {
    overview: overview.join("\n"),
    problems_improvements: problems.join("\n"),
    other_matters: other.join("\n"),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Plain text (one paragraph per line) as HTML paragraphs; text that already has tags is kept. */
export function narrativeHtmlOf(text: string): string {
  if (/<\/?(p|h[2-4]|ul|ol|table|strong|em|br)\b/i.test(text)) return text;
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");
}
