// Inputs of 留言 with Chinese messages: the public form, staff actions, templates, deadlines,
// ratings and concern links.
import { z } from "zod";
import { emailProblem, phoneProblem } from "../requests/identity";
import { optionalText } from "../requests/schema";
import { MAX_DEADLINE_WORKDAYS, MESSAGE_CATEGORIES, MIN_DEADLINE_WORKDAYS, RATINGS } from "./rules";

const requiredText = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);

const checkbox = z
  .string()
  .nullish()
  .transform((v) => v === "1" || v === "on");

/** The public form. Name and contact are optional; contact is needed only for a reply by phone or mail. */
/** Field-level checks, so a wrong phone is reported even when other fields fail too. */
const checked =
  (problem: (v: string) => string | null) => (v: string | undefined, ctx: z.RefinementCtx) => {
    const message = v ? problem(v) : null;
    if (message) ctx.addIssue({ code: "custom", message });
  };

export const messageInputSchema = z.object({
  category: z.enum(MESSAGE_CATEGORIES, { error: "请选择留言类别" }),
  subject: requiredText(100, "标题"),
  body: requiredText(3000, "留言内容"),
  name: optionalText(50, "姓名"),
  phone: optionalText(20, "联系电话")
    .transform((v) => v?.replace(/\s+/g, ""))
    .superRefine(checked(phoneProblem)),
  email: optionalText(254, "电子邮箱").superRefine(checked(emailProblem)),
  consentPublic: checkbox,
});
export type MessageInput = z.output<typeof messageInputSchema>;

export const idSchema = z.coerce.number({ error: "请选择" }).int().positive("请选择");

export const assignSchema = z.object({ unitId: idSchema });
export const transferSchema = z.object({ unitId: idSchema, reason: requiredText(500, "转办理由") });
export const replySchema = z.object({ replyText: requiredText(20000, "答复内容") });
export const returnSchema = z.object({ reason: requiredText(500, "退回理由") });
export const superviseSchema = z.object({ note: requiredText(500, "督办意见") });

export const templateSchema = z.object({
  title: requiredText(100, "模板名称"),
  category: z.enum(["", ...MESSAGE_CATEGORIES], { error: "请选择适用类别" }),
  body: requiredText(5000, "模板内容"),
  isActive: checkbox,
});
export type TemplateInput = z.output<typeof templateSchema>;

const workdays = (label: string) =>
  z.coerce
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(MIN_DEADLINE_WORKDAYS, `${label}至少${MIN_DEADLINE_WORKDAYS}个工作日`)
    .max(MAX_DEADLINE_WORKDAYS, `${label}不能超过${MAX_DEADLINE_WORKDAYS}个工作日`);

export const deadlinesSchema = z.object({
  inquiry: workdays("咨询答复期限"),
  suggestion: workdays("建议答复期限"),
  complaint: workdays("投诉答复期限"),
});

export const ratingSchema = z.object({
  rating: z.enum(RATINGS, { error: "请选择满意度" }),
  comment: optionalText(500, "评价意见"),
});

export const CONCERN_KINDS = ["record", "message", "consultation"] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

export const concernLinkSchema = z.object({
  kind: z.enum(CONCERN_KINDS, { error: "请选择关联类型" }),
  /** A record id, a consultation id, or a message id or 留言编号 (LY-2025-00012). */
  target: requiredText(30, "关联对象的编号"),
});
