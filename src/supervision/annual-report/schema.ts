// Inputs of the annual report pages, with Chinese messages.
import { z } from "zod";
import type { TABLE_KEYS } from "./format";

/** Years a report can be prepared for: since the 条例 took effect (2008) up to the current one. */
export function yearSchema(currentYear: number) {
  return z.coerce
    .number({ error: "年份有误" })
    .int("年份有误")
    .min(2008, "年份有误:政府信息公开年度报告自2008年起编制")
    .max(currentYear, `年份有误:不能晚于${currentYear}年`);
}

/** 行政事业性收费 in 万元: up to four decimals (i.e. to the yuan). */
export const feeSchema = z.object({
  feeAmount: z
    .string({ error: "请填写收费金额" })
    .trim()
    .regex(/^\d{1,9}(\.\d{1,4})?$/, "收费金额应为不小于0的数字(单位:万元,最多4位小数)"),
});

const NARRATIVE_MAX = 20000;
const narrativeText = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(NARRATIVE_MAX, `${label}不能超过${NARRATIVE_MAX}字`);

export const narrativeSchema = z.object({
  overview: narrativeText("总体情况"),
  problems_improvements: narrativeText("存在的主要问题及改进情况"),
  other_matters: narrativeText("其他需要报告的事项"),
});
export type NarrativeInput = z.output<typeof narrativeSchema>;

/** A value entered over one computed cell (blank value removes the correction). */
export const correctionSchema = z
  .object({
    cell: z
      .string({ error: "请选择单元格" })
      .regex(
        /^(proactive|applications|review_litigation)\|[a-z0-9_.]+\|[a-z0-9_.]+$/,
        "请选择单元格",
      ),
    value: z
      .string()
      .trim()
      .regex(/^(\d{1,9}(\.\d{1,4})?)?$/, "数值应为不小于0的数字")
      .default(""),
    reason: z.string().trim().max(500, "理由不能超过500字").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.value !== "" && v.reason === "") {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "请说明更正理由" });
    }
  })
  .transform((v) => {
    const [table, row, column] = v.cell.split("|") as [string, string, string];
    return {
      table: table as (typeof TABLE_KEYS)[number],
      row,
      column,
      value: v.value === "" ? null : Number(v.value),
      reason: v.reason,
    };
  });
export type CorrectionInput = z.output<typeof correctionSchema>;
