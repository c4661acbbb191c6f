// Made-up values for the template preview, so an administrator sees a whole letter before saving.
import { type ReplyResultKey, resultLabel } from "../results";
import { type LetterTemplateKey, letterKindOfTemplate, resultOfTemplate } from "./kinds";
import { chineseDate, letterCitation, REMEDY_TEXT } from "./legal-text";
import type { PlaceholderValues } from "./placeholders";

/** Values of a fictitious case for the preview of template `key`. */
export function sampleValues(key: LetterTemplateKey, organisation: string): PlaceholderValues {
  const kind = letterKindOfTemplate(key);
  const result: ReplyResultKey | null = resultOfTemplate(key);
  return {
    申请人: "张某某",
    通信地址: "某省某县某某路1号",
    申请编号: "YSQ-2025-00012",
    申请内容: "2024年度食品安全监督抽检计划",
    收到日期: chineseDate("2025-03-03"),
    答复期限: chineseDate("2025-03-31"),
    依据条款: letterCitation(kind, result),
    救济途径: REMEDY_TEXT,
    本机关: organisation,
    日期: chineseDate("2025-03-14"),
    答复结果: result ? resultLabel(result) : "",
    理由: "(此处为答复时填写的理由和依据)",
    补正事项: "1.请说明所需信息的时间范围;\n2.请说明所需信息的具体名称或者文号。",
    补正期限: chineseDate("2025-03-24"),
    延长天数: "20",
    延期理由: "所需信息涉及的档案数量较多,需要调取、核对",
    被征求意见方: kind === "consult-agency" ? "县卫生健康委员会" : "某某食品有限公司",
    征求意见期限: chineseDate("2025-04-01"),
  };
}
