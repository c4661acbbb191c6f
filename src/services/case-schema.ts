// A service case (办件) as the licensing system reports it, by API or one spreadsheet row.
import { z } from "zod";
import { parseIsoDate } from "../calendar/rules";
import {
  CASE_NO_PATTERN,
  CASE_STEPS,
  caseStepOf,
  normaliseCaseNo,
  stepProblems,
} from "./case-rules";

const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine((v) => parseIsoDate(v) === v, `${label}应为有效日期,格式 YYYY-MM-DD`);

export const caseNoSchema = z
  .string({ error: "请填写受理号" })
  .transform(normaliseCaseNo)
  .refine((v) => CASE_NO_PATTERN.test(v), "受理号应为4至40位字母、数字、短横线或下划线");

const stepSchema = z.object({
  step: z.string({ error: "请填写环节" }).transform((v, ctx) => {
    const step = caseStepOf(v);
    if (step) return step;
    ctx.addIssue({
      code: "custom",
      message: `环节应为 ${CASE_STEPS.join("、")} 或 受理、审查、现场核查、决定、制证、送达`,
    });
    return z.NEVER;
  }),
  on: isoDate("环节日期"),
  note: z.string().trim().max(200, "环节说明不能超过200字").default(""),
});

/** 统一社会信用代码: 18 characters (GB 32100-2015). */
const creditCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v === "" || /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v), "统一社会信用代码应为18位")
  .transform((v) => (v === "" ? null : v));

export const serviceCaseSchema = z
  .object({
    /** The guide's id (its record id) or its 事项编码: one of them. */
    guideId: z.number().int().positive().nullish(),
    itemCode: z.string().trim().max(60, "事项编码不能超过60字").nullish(),
    itemName: z.string().trim().max(80, "事项名称不能超过80字").nullish(),
    applicantName: z
      .string({ error: "请填写申请人" })
      .trim()
      .min(1, "请填写申请人")
      .max(100, "申请人不能超过100字"),
    creditCode: creditCodeSchema.nullish(),
    steps: z.array(stepSchema, { error: "环节应为列表" }).max(CASE_STEPS.length, "环节过多"),
    result: z.string().trim().max(200, "办理结果不能超过200字").default(""),
    promisedOn: isoDate("承诺办结日期").nullish(),
    wantsStatusMail: z.boolean().default(false),
    email: z
      .string()
      .trim()
      .max(200)
      .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "电子邮箱格式不正确")
      .nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.guideId && !v.itemCode) {
      ctx.addIssue({ code: "custom", path: ["itemCode"], message: "请填写事项编码或指南编号" });
    }
    for (const problem of stepProblems(v.steps)) {
      ctx.addIssue({ code: "custom", path: ["steps"], message: problem });
    }
    if (v.wantsStatusMail && !v.email) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "订阅办理进度邮件须填写电子邮箱" });
    }
  });

export type ServiceCaseInput = z.input<typeof serviceCaseSchema>;
export type ServiceCaseFields = z.output<typeof serviceCaseSchema>;
