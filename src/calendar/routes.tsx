import type { Context, Hono } from "hono";
import { requireRole } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import type { Api } from "../http/api";
import { fieldErrors } from "../http/api";
import type { AppEnv } from "../http/types";
import { renderBackOffice } from "../ui/render";
import { calendarApi } from "./api";
import { parseCalendarImport } from "./import-format";
import { MAX_IMPORT_BYTES, overrideFormSchema } from "./inputs";
import { yearGrids } from "./month-grid";
import { type IsoDate, parseIsoDate, todayInShanghai } from "./rules";
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from "./schema";
import {
  importYears,
  listImportedYears,
  listOverrides,
  loadWorkCalendar,
  missingScheduleYearsOf,
  removeOverride,
  saveOverride,
} from "./store";
import { CalendarPage, type CalendarPageModel } from "./views";

const TITLE = "工作日历";
type PageExtras = Partial<Omit<CalendarPageModel, "year" | "provisional" | "months">>;

/** The back-office calendar (系统管理员 only) and the public calendar API. */
export function calendarRoutes(app: Hono<AppEnv>, api: Api): void {
  calendarApi(api);

  app.get("/admin/calendar", async (c) => {
    requireRole(c, "admin");
    const q = c.req.query();
    const savedDate = parseIsoDate(q.saved ?? "");
    const removedDate = parseIsoDate(q.removed ?? "");
    const importedYears = (q.imported ?? "").split(",").filter((y) => /^\d{4}$/.test(y));
    const model = await pageModel(c, yearOf(q.year, c), {
      flash: savedDate
        ? `已保存 ${savedDate} 的更正。`
        : removedDate
          ? `已撤销 ${removedDate} 的更正。`
          : undefined,
    });
    model.justImported = model.importedYears.filter((y) => importedYears.includes(String(y.year)));
    return renderBackOffice(c, TITLE, <CalendarPage {...model} />);
  });

  app.post("/admin/calendar/overrides", async (c) => {
    requireRole(c, "admin");
    const { db, clock } = c.get("deps");
    const body = await c.req.parseBody();
    const parsed = overrideFormSchema.safeParse(body);
    if (!parsed.success) {
      const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
      const year = parseIsoDate(values.date ?? "") ? values.date!.slice(0, 4) : undefined;
      const model = await pageModel(c, yearOf(year, c), {
        overrideForm: { values, errors: fieldErrors(parsed.error) },
      });
      return renderBackOffice(c, TITLE, <CalendarPage {...model} />, 400);
    }
    await saveOverride(db, actorOf(c), parsed.data, clock());
    const { date } = parsed.data;
    return c.redirect(`/admin/calendar?year=${date.slice(0, 4)}&saved=${date}#overrides`, 303);
  });

  app.post("/admin/calendar/overrides/:date/remove", async (c) => {
    requireRole(c, "admin");
    const { db, clock } = c.get("deps");
    const date = parseIsoDate(c.req.param("date"));
    const removed = date ? await removeOverride(db, actorOf(c), date, clock()) : false;
    if (!date || !removed) return c.redirect("/admin/calendar#overrides", 303);
    return c.redirect(`/admin/calendar?year=${date.slice(0, 4)}&removed=${date}#overrides`, 303);
  });

  app.post("/admin/calendar/import", async (c) => {
    requireRole(c, "admin");
    const { db, clock } = c.get("deps");
    const body = await c.req.parseBody();
    const pasted = typeof body.text === "string" ? body.text : "";
    const upload = await uploadedText(body.file);
    const text = upload.text ?? pasted;
    const source = upload.text !== null && body.file instanceof File ? body.file.name : "粘贴内容";
    const result = upload.error
      ? { ok: false as const, errors: [upload.error] }
      : text.trim() === ""
        ? { ok: false as const, errors: ["请选择要上传的文件,或粘贴节假日安排的内容。"] }
        : parseCalendarImport(text);
    if (!result.ok) {
      const model = await pageModel(c, yearOf(undefined, c), {
        importErrors: result.errors,
        importText: pasted,
      });
      return renderBackOffice(c, TITLE, <CalendarPage {...model} />, 400);
    }
    await importYears(db, actorOf(c), result.years, clock(), source.slice(0, 100));
    const years = result.years.map((y) => y.year);
    return c.redirect(`/admin/calendar?year=${years[0]}&imported=${years.join(",")}#import`, 303);
  });
}

/** The text of an uploaded file, or why it cannot be used; text is null when nothing was uploaded. */
async function uploadedText(
  value: unknown,
): Promise<{ text: string | null; error?: undefined } | { text: null; error: string }> {
  if (!(value instanceof File) || value.size === 0) return { text: null };
  if (value.size > MAX_IMPORT_BYTES) return { text: null, error: "文件不能超过1MB。" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(await value.arrayBuffer()) };
  } catch {
    return { text: null, error: "文件不是 UTF-8 编码,请在编辑器中另存为 UTF-8 后再导入。" };
  }
}

/** The year asked for in the query, else the current year in Asia/Shanghai. */
function yearOf(text: string | undefined, c: Context<AppEnv>): number {
  const year = Number(text);
  if (/^\d{4}$/.test(text ?? "") && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR) {
    return year;
  }
  return Number(todayOf(c).slice(0, 4));
}

function todayOf(c: Context<AppEnv>): IsoDate {
  return todayInShanghai(c.get("deps").clock());
}

async function pageModel(
  c: Context<AppEnv>,
  year: number,
  extras: PageExtras,
): Promise<CalendarPageModel> {
  const { db } = c.get("deps");
  const today = todayOf(c);
  const [calendar, overrides, importedYears] = await Promise.all([
    loadWorkCalendar(db),
    listOverrides(db),
    listImportedYears(db),
  ]);
  return {
    year,
    provisional: calendar.isProvisional(`${year}-01-01`),
    missingYears: missingScheduleYearsOf(calendar, today),
    months: yearGrids(calendar, year, new Set(overrides.map((o) => o.date)), today),
    overrides,
    importedYears,
    ...extras,
  };
}
