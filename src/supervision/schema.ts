// Inputs of 监督考核 with Chinese messages: the dashboard period and unit filter (page and API).
import { z } from "zod";
import { parseIsoDate } from "../calendar/rules";

const isIsoDate = (v: string) => parseIsoDate(v) === v;

const optionalDate = (label: string) =>
  z
    .string({ error: `${label}应为 YYYY-MM-DD 格式` })
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isIsoDate(v), `${label}应为 YYYY-MM-DD 格式的真实日期`);

/** ?from=&to=&unit= as sent; defaults are filled in by `periodOf` with today. */
export const dashboardQuerySchema = z
  .object({
    from: optionalDate("开始日期"),
    to: optionalDate("结束日期"),
    unit: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^[1-9]\d{0,9}$/.test(v), "单位应为单位编号")
      .transform((v) => (v === undefined ? undefined : Number(v))),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "结束日期不能早于开始日期",
    path: ["to"],
  });
export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

export interface Period {
  from: string;
  to: string;
}

/** The period asked for; by default the whole current year (1 January to 31 December). */
export function periodOf(query: { from?: string; to?: string }, today: string): Period {
  const year = (query.from ?? query.to ?? today).slice(0, 4);
  return { from: query.from ?? `${year}-01-01`, to: query.to ?? `${year}-12-31` };
}
