// The forms of 座谈会 / 听证会 / 实地走访, with Chinese messages.
import { z } from "zod";
import { sanitizeBody } from "../../records/sanitize";
import { phoneProblem } from "../../requests/identity";
import { seedProblem } from "./draw";
import { instantOfShanghaiInput, MAX_QUOTA, MEETING_KINDS, SELECTION_RULES } from "./rules";

const requiredText = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}字`)
    .nullish()
    .transform((v) => v || "");

/** A datetime-local value in Beijing time → an ISO instant. */
const beijingTime = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .transform((value, ctx) => {
      const iso = instantOfShanghaiInput(value);
      if (iso) return iso;
      ctx.addIssue({
        code: "custom",
        message: `${label}格式有误,例如 2026-12-01T09:30`,
        input: value,
      });
      return z.NEVER;
    });

export const meetingInputSchema = z.object({
  kind: z.enum(MEETING_KINDS, { error: "请选择座谈会、听证会或实地走访" }),
  topic: requiredText(200, "主题"),
  startsAt: beijingTime("开始时间"),
  endsAt: beijingTime("结束时间"),
  place: requiredText(200, "地点"),
  organiser: requiredText(100, "组织单位"),
  howToJoin: optionalText(2000, "参加方式"),
  eligibility: optionalText(1000, "报名条件"),
  signupOpensAt: beijingTime("报名开始时间"),
  signupClosesAt: beijingTime("报名截止时间"),
  quota: z.coerce
    .number({ error: "名额应为整数" })
    .int("名额应为整数")
    .min(1, "名额至少为1")
    .max(MAX_QUOTA, `名额不能超过${MAX_QUOTA}`),
  selection: z.enum(SELECTION_RULES, { error: "请选择先到先得或随机抽取" }),
  decisionId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? Number(v) : null))
    .pipe(
      z.number({ error: "关联决策编号应为整数" }).int("关联决策编号应为整数").positive().nullable(),
    ),
});
export type MeetingInput = z.output<typeof meetingInputSchema>;

export const signupInputSchema = z.object({
  name: requiredText(50, "姓名"),
  phone: z
    .string({ error: "请填写联系电话" })
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().min(1, "请填写联系电话"))
    .superRefine((v, ctx) => {
      const problem = phoneProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem, input: v });
    }),
  organisation: optionalText(100, "所在单位"),
  statement: optionalText(2000, "意见要点"),
});
export type SignupInput = z.output<typeof signupInputSchema>;

/** Staff may type a seed (e.g. a public lottery number); left empty, the system draws one. */
export const seedInputSchema = z.object({
  seed: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .superRefine((v, ctx) => {
      const problem = v === null ? null : seedProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem, input: v });
    }),
});

export const resultsInputSchema = z.object({
  minutesHtml: z
    .string()
    .max(200_000, "会议纪要过长")
    .nullish()
    .transform((v) => sanitizeBody(v ?? "")),
  outcome: optionalText(5000, "结果和采纳情况"),
});
export type ResultsInput = z.output<typeof resultsInputSchema>;
