// The form of a 行政复议 / 行政诉讼 record, with Chinese messages.
import { z } from "zod";
import { isoDateSchema, optionalText } from "../schema";
import { APPEAL_KINDS, APPEAL_RESULTS } from "./rules";

const optionalDate = z
  .string()
  .trim()
  .nullish()
  .transform((v) => v || undefined)
  .pipe(isoDateSchema.optional());

export const appealInputSchema = z.object({
  kind: z.enum(APPEAL_KINDS, { error: "请选择行政复议或行政诉讼" }),
  afterReview: z
    .string()
    .nullish()
    .transform((v) => v === "1" || v === "on"),
  filedOn: isoDateSchema,
  result: z.enum(APPEAL_RESULTS, { error: "请选择结果" }),
  decidedOn: optionalDate,
  authority: optionalText(100, "复议机关或人民法院"),
  note: optionalText(500, "备注"),
});
export type AppealInput = z.output<typeof appealInputSchema>;

/** Updating the outcome once it is known. */
export const appealOutcomeSchema = z.object({
  result: z.enum(APPEAL_RESULTS, { error: "请选择结果" }),
  decidedOn: optionalDate,
  note: optionalText(500, "备注"),
});
export type AppealOutcomeInput = z.output<typeof appealOutcomeSchema>;
