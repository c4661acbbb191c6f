import type { Api } from "../http/api";
import {
  addWorkdaysQuerySchema,
  addWorkdaysResultSchema,
  calendarDaySchema,
  dayParamsSchema,
} from "./inputs";
import { addCalendarDays, type IsoDate, type WorkCalendar } from "./rules";
import { loadWorkCalendar } from "./store";

/** The public working-day API: anyone may ask whether a day is a 工作日 and count working days. */
export function calendarApi(api: Api): void {
  api.route(
    {
      method: "get",
      path: "/api/v1/calendar/days/:date",
      summary: "查询某一天是否为工作日",
      description:
        "按国务院办公厅节假日安排(含管理员导入和更正)判断。没有官方安排的年份只按周末推算,provisional 为 true。",
      tag: "calendar",
      auth: "public",
      params: dayParamsSchema,
      response: calendarDaySchema,
    },
    async (c, { params }) => {
      const calendar = await loadWorkCalendar(c.get("deps").db);
      return c.json(calendar.day(params.date));
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/calendar/add-workdays",
      summary: "计算某日之后第 N 个工作日",
      description:
        "起算日当天不计入(民法典第二百零一条)。days=0 返回起算日本身。计算经过没有官方安排的年份时 provisional 为 true。",
      tag: "calendar",
      auth: "public",
      query: addWorkdaysQuerySchema,
      response: addWorkdaysResultSchema,
    },
    async (c, { query }) => {
      const calendar = await loadWorkCalendar(c.get("deps").db);
      const date = calendar.addWorkdays(query.from, query.days);
      return c.json({
        from: query.from,
        days: query.days,
        date,
        provisional: crossesProvisionalYear(calendar, query.from, date),
      });
    },
  );
}

/** Whether any day counted after `from` up to `to` (or `from` itself when equal) lies in a year without a schedule. */
function crossesProvisionalYear(calendar: WorkCalendar, from: IsoDate, to: IsoDate): boolean {
  const first = from === to ? from : addCalendarDays(from, 1);
  for (let year = Number(first.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    if (calendar.isProvisional(`${year}-01-01`)) return true;
  }
  return false;
}
