// Inputs of the 双公示 pages and API, with Chinese messages. The API takes every field as text and
// leaves the real checks to rules.ts, so the API and a spreadsheet refuse the same things.
import { z } from "zod";
import { MAX_PERIOD_MONTHS, PERIOD_KINDS } from "./rules";

const text = z
  .string({ error: "应为文本" })
  .max(5000, { error: "内容过长" })
  .nullish()
  .transform((v) => v ?? undefined);

const subjectShape = {
  subjectName: text,
  subjectType: text,
  creditCode: text,
  legalRep: text,
  decidedOn: text,
  authority: text,
  catalogItem: text,
};

/** PUT /api/v1/publicity/licences/{licenceNo}: the key is in the path. */
export const licenceBodySchema = z.object({
  ...subjectShape,
  content: text,
  validFrom: text,
  validTo: text,
});

/** PUT /api/v1/publicity/penalties/{decisionNo}. */
export const penaltyBodySchema = z.object({
  ...subjectShape,
  kind: z
    .enum(["penalty", "coercion"], { error: "应为 penalty(行政处罚)或 coercion(行政强制)" })
    .optional(),
  minor: z.boolean({ error: "应为 true 或 false" }).optional(),
  facts: text,
  basis: text,
  content: text,
});

const MAX_BATCH = 1000;

export const licenceBatchSchema = z.object({
  entries: z
    .array(licenceBodySchema.extend({ licenceNo: text }))
    .min(1, { error: "entries 不能为空" })
    .max(MAX_BATCH, { error: `一次最多${MAX_BATCH}条` }),
});

export const penaltyBatchSchema = z.object({
  entries: z
    .array(penaltyBodySchema.extend({ decisionNo: text }))
    .min(1, { error: "entries 不能为空" })
    .max(MAX_BATCH, { error: `一次最多${MAX_BATCH}条` }),
});

export const keyParams = (name: "licenceNo" | "decisionNo") =>
  z.object({
    [name]: z.string().min(1, { error: "编号不能为空" }).max(100, { error: "编号过长" }),
  });

export const importResultSchema = z.object({
  counts: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  entries: z.array(
    z.object({
      number: z.string(),
      id: z.number(),
      action: z.enum(["created", "updated", "unchanged"]),
    }),
  ),
});

const pageNumber = z.coerce
  .number({ error: "页码应为数字" })
  .int({ error: "页码应为整数" })
  .min(1, { error: "页码应从1开始" })
  .max(10000, { error: "页码过大" })
  .catch(1);

/** Public list filters; a bad value falls back to "no filter" rather than an error page. */
export const publicFilterSchema = z.object({
  q: z
    .string()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v?.trim() || undefined),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  kind: z.enum(["penalty", "coercion"]).optional().catch(undefined),
  catalogItemId: z.coerce.number().int().positive().optional().catch(undefined),
  page: pageNumber.optional().default(1),
});

export type PublicFilterInput = z.output<typeof publicFilterSchema>;

/** The 公示期 settings form: one mode and month count per kind. */
export function parsePeriodForm(body: Record<string, unknown>) {
  return PERIOD_KINDS.map((kind) => {
    const mode = body[`${kind}_mode`] === "validity" ? ("validity" as const) : ("fixed" as const);
    const months = Number(String(body[`${kind}_months`] ?? "").trim());
    return { kind, mode, months };
  });
}

export const MAX_MONTHS = MAX_PERIOD_MONTHS;
