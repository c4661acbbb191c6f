import { z } from "zod";
import { parseIsoDate } from "./rules";
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from "./schema";

/** Largest `days` the add-workdays endpoint accepts (about 14 years of working days). */
export const MAX_API_WORKDAYS = 3650;
/** Imported files larger than this are certainly not a holiday schedule. */
export const MAX_IMPORT_BYTES = 1_000_000;

function isDateBetween(text: string, minYear: number, maxYear: number): boolean {
  if (parseIsoDate(text) === null) return false;
  const year = Number(text.slice(0, 4));
  return year >= minYear && year <= maxYear;
}

const API_DATE_MESSAGE = "日期应为 YYYY-MM-DD 格式的真实日期(1900–2999年),例如 2025-10-08";

/** A date in an API path or query: a real 'YYYY-MM-DD' date within a sane range. */
export const apiDateSchema = z
  .string({ error: API_DATE_MESSAGE })
  .refine((text) => isDateBetween(text, 1900, 2999), API_DATE_MESSAGE);

const DAYS_MESSAGE = `days 应为 0 到 ${MAX_API_WORKDAYS} 之间的整数`;

export const dayParamsSchema = z.object({ date: apiDateSchema });

export const addWorkdaysQuerySchema = z.object({
  from: apiDateSchema,
  days: z
    .string({ error: DAYS_MESSAGE })
    .regex(/^\d{1,4}$/, DAYS_MESSAGE)
    .transform(Number)
    .refine((n) => n <= MAX_API_WORKDAYS, DAYS_MESSAGE),
});

export const calendarDaySchema = z.object({
  date: z.string(),
  workday: z.boolean(),
  name: z.string().nullable(),
  provisional: z.boolean(),
});

export const addWorkdaysResultSchema = z.object({
  from: z.string(),
  days: z.number().int(),
  date: z.string(),
  provisional: z.boolean(),
});

export const overrideFieldLabels = {
  date: "日期",
  workday: "这一天",
  name: "名称",
  reason: "更正理由",
} as const;

const OVERRIDE_DATE_MESSAGE = `请填写 YYYY-MM-DD 格式的真实日期(${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}年)`;

/** The back-office form that adds or corrects one day. */
export const overrideFormSchema = z.object({
  date: z
    .string({ error: OVERRIDE_DATE_MESSAGE })
    .trim()
    .refine((t) => isDateBetween(t, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR), OVERRIDE_DATE_MESSAGE),
  workday: z
    .enum(["1", "0"], { error: "请选择工作日或休息日" })
    .transform((value) => value === "1"),
  name: z
    .string()
    .trim()
    .max(50, "名称不能超过50个字")
    .optional()
    .transform((value) => (value ? value : null)),
  reason: z
    .string({ error: "请填写更正理由" })
    .trim()
    .min(1, "请填写更正理由")
    .max(200, "更正理由不能超过200个字"),
});

export type OverrideForm = z.output<typeof overrideFormSchema>;
