// The input of one timeline event, shared by the API (`POST /api/v1/applications/{id}/events`)
// and the case page forms. Shapes only: whether the step is allowed, and every legal limit
// (7 days for 补正, one extension of at most 20 days, a reason with 不予公开…), is decided by
// validateEvent in timeline.ts so there is one source of each rule.
import { z } from "zod";
import { isoDateSchema, optionalText } from "./schema";

const optionalDate = isoDateSchema.optional();
const note = optionalText(500, "备注");
const positiveId = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .positive(`${label}应为正整数`);

const base = { date: isoDateSchema, note };
const bare = <T extends string>(type: T) => z.object({ type: z.literal(type), ...base });

export const eventInputSchema = z.discriminatedUnion(
  "type",
  [
    bare("confirm"),
    z.object({
      type: z.literal("assign"),
      ...base,
      unitId: positiveId("承办单位"),
      handlerId: positiveId("承办人").optional(),
    }),
    z.object({
      type: z.literal("request_supplement"),
      ...base,
      items: z
        .array(z.string({ error: "补正事项应为文字" }).trim().min(1).max(500), {
          error: "请列明需要补正的事项",
        })
        .min(1, "请列明需要补正的事项")
        .max(30, "补正事项不能超过30项"),
      /** Defaults to 15 working days after the notice (a reasonable period, 条例第三十条). */
      dueOn: optionalDate,
    }),
    z.object({
      type: z.literal("supplement_received"),
      ...base,
      lateReason: optionalText(500, "逾期理由"),
    }),
    bare("supplement_expired"),
    ...(["consult_third_party", "consult_agency"] as const).map((type) =>
      z.object({
        type: z.literal(type),
        ...base,
        party: z
          .string({ error: "请填写被征求意见的一方" })
          .trim()
          .min(1, "请填写被征求意见的一方")
          .max(200, "名称不能超过200字"),
        deliveredOn: optionalDate,
        /** Chosen by the service (c1, c2, …) when left out. */
        consultationId: optionalText(40, "征求意见编号"),
      }),
    ),
    z.object({
      type: z.literal("consultation_answered"),
      ...base,
      consultationId: z.string({ error: "请选择征求意见" }).trim().min(1, "请选择征求意见"),
      answer: z.enum(["consent", "objection"], { error: "请选择同意公开或不同意公开" }),
    }),
    z.object({
      type: z.literal("fee_notice"),
      ...base,
      amountYuan: z.number({ error: "收费金额应为数字" }),
      deliveredOn: optionalDate,
    }),
    bare("fee_paid"),
    bare("fee_expired"),
    z.object({
      type: z.literal("extend"),
      ...base,
      days: z.number({ error: "延长的工作日数应为数字" }),
      reason: optionalText(500, "延期理由"),
    }),
    bare("ask_reasons"),
    z.object({ type: z.literal("set_reasonable_period"), ...base, dueOn: isoDateSchema }),
    z.object({
      type: z.literal("reply"),
      ...base,
      result: z.string({ error: "请选择答复结果" }).trim().min(1, "请选择答复结果"),
      /** The reasons stated in the letter; required where the result must state them. */
      reasons: optionalText(2000, "理由"),
    }),
    z.object({
      type: z.literal("deliver"),
      ...base,
      method: z.string({ error: "请选择送达方式" }).trim().min(1, "请选择送达方式"),
    }),
    bare("archive"),
    z.object({ type: z.literal("withdraw"), ...base, reason: optionalText(500, "撤回理由") }),
  ],
  { error: "未知的办理事件类型" },
);

export type EventInput = z.output<typeof eventInputSchema>;

const NUMBER_FIELDS = ["unitId", "handlerId", "days", "amountYuan"];

/**
 * A case-page form's fields as the event input: numbers from text, one 补正 item per line,
 * empty fields left out.
 */
export function eventInputFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf" || typeof value !== "string" || value.trim() === "") continue;
    if (NUMBER_FIELDS.includes(key)) out[key] = Number(value.trim());
    else if (key === "items") out.items = value.split(/\r?\n/).filter((line) => line.trim());
    else out[key] = value;
  }
  return out;
}
