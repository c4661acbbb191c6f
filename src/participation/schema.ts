// Inputs of 公众参与, with Chinese messages.
import { z } from "zod";
import { isIsoDate } from "../requests/periods";
import { DISPOSITIONS, PARTICIPATION_METHODS, STAGE_STATUSES } from "./rules";

const text = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);

const optional = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}字`)
    .nullish()
    .transform((v) => v ?? "");

const date = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isIsoDate, `${label}应为 YYYY-MM-DD 格式的真实日期`);

const optionalId = (label: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: `${label}无效` });
        return z.NEVER;
      }
      return n;
    });

const checkbox = z
  .string()
  .nullish()
  .transform((v) => v === "1" || v === "on");

export const consultationInputSchema = z.object({
  title: text(200, "标题"),
  unitId: z.coerce.number({ error: "请选择承办单位" }).int().positive("请选择承办单位"),
  decisionItemId: optionalId("决策事项"),
  isMajor: checkbox,
  draftText: text(100_000, "草案正文"),
  draftRecordId: optionalId("草案所在的公开信息"),
  explanationHtml: optional(50_000, "起草说明"),
  opensOn: date("开始日期"),
  closesOn: date("截止日期"),
  shortPeriodReason: optional(500, "缩短期限的理由"),
  contactPhone: optional(50, "联系电话"),
  contactEmail: optional(100, "电子邮箱").refine(
    (v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    "电子邮箱格式不正确",
  ),
  contactAddress: optional(200, "通信地址"),
});
export type ConsultationInput = z.output<typeof consultationInputSchema>;

export const commentInputSchema = z.object({
  articleNo: z
    .string()
    .trim()
    .nullish()
    .transform((v, ctx) => {
      if (!v || v === "whole") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: "请选择意见针对的条款" });
        return z.NEVER;
      }
      return n;
    }),
  body: text(5000, "意见内容").refine((v) => v.length >= 5, "意见内容不少于5个字"),
  name: optional(50, "姓名"),
  showName: checkbox,
  contact: optional(100, "联系方式"),
});
export type CommentInput = z.output<typeof commentInputSchema>;

export const holdSchema = z.object({ reason: text(200, "不予公开的理由") });

export const answerSchema = z.object({
  disposition: z.enum(DISPOSITIONS, { error: "请选择采纳情况" }).nullish(),
  reason: optional(2000, "理由"),
  groupId: optionalId("意见分组"),
});

export const groupSchema = z.object({
  title: text(100, "分组名称"),
  disposition: z.enum(DISPOSITIONS, { error: "请选择采纳情况" }),
  reason: optional(2000, "理由"),
  templateId: optionalId("答复模板"),
});

export const feedbackSchema = z.object({
  summary: optional(5000, "反馈说明"),
  correctionReason: optional(500, "更正理由"),
});

export const templateSchema = z.object({
  title: text(100, "模板名称"),
  disposition: z.enum(DISPOSITIONS, { error: "请选择采纳情况" }),
  body: text(2000, "答复内容"),
});

export const feedbackSettingSchema = z.object({
  feedbackWorkdays: z.coerce
    .number({ error: "请填写工作日数" })
    .int("应为整数")
    .min(1, "至少1个工作日")
    .max(120, "不超过120个工作日"),
});

export const decisionInputSchema = z.object({
  year: z.coerce.number({ error: "请填写年度" }).int().min(2000, "年度无效").max(2100, "年度无效"),
  title: text(200, "决策事项名称"),
  unitId: z.coerce.number({ error: "请选择承办单位" }).int().positive("请选择承办单位"),
  isMajor: checkbox,
  note: optional(500, "备注"),
  stages: z.array(
    z.object({
      method: z.enum(PARTICIPATION_METHODS),
      status: z.enum(STAGE_STATUSES, { error: "请选择环节状态" }),
      on: z
        .string()
        .trim()
        .nullish()
        .transform((v) => v || null)
        .refine((v) => v === null || isIsoDate(v), "日期应为 YYYY-MM-DD 格式"),
    }),
  ),
});
export type DecisionInput = z.output<typeof decisionInputSchema>;
