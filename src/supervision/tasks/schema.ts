// Forms of 督办 tasks, progress reports and trainings, with Chinese messages.
import { z } from "zod";
import { parseIsoDate } from "../../calendar/rules";
import { TASK_STATUSES } from "../labels";

const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine((v) => parseIsoDate(v) === v, `${label}应为 YYYY-MM-DD 格式的真实日期`);

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);

export const taskSchema = z.object({
  title: text("任务名称", 100),
  description: z.string().trim().max(2000, "任务要求不能超过2000字").default(""),
  dueOn: isoDate("完成期限"),
  unitIds: z
    .array(z.string().regex(/^[1-9]\d{0,9}$/, "请选择单位"))
    .min(1, "请至少选择一个承办单位")
    .transform((ids) => [...new Set(ids.map(Number))]),
});
export type TaskInput = z.output<typeof taskSchema>;

export const reportSchema = z.object({
  status: z.enum(TASK_STATUSES, { error: "请选择进展状态" }),
  reportedOn: isoDate("报告日期"),
  note: z.string().trim().max(2000, "进展说明不能超过2000字").default(""),
});
export type ReportInput = z.output<typeof reportSchema>;

export const trainingSchema = z.object({
  heldOn: isoDate("培训日期"),
  topic: text("培训主题", 200),
  organiser: text("组织单位", 100),
  hours: z
    .string({ error: "请填写学时" })
    .trim()
    .regex(/^\d{1,2}(\.\d)?$/, "学时应为数字,最多一位小数,例如 2 或 1.5")
    .transform(Number)
    .refine((h) => h > 0 && h <= 24, "学时应大于 0 且不超过 24"),
  userIds: z
    .array(z.string().regex(/^[1-9]\d{0,9}$/))
    .default([])
    .transform((ids) => [...new Set(ids.map(Number))]),
  /** One 单位编号:姓名 per line, for attendees without an account. */
  names: z.string().trim().max(5000, "参训人员名单过长").default(""),
});
export type TrainingInput = z.output<typeof trainingSchema>;
