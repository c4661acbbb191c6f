// /admin/supervision (the compliance dashboard), /admin/supervision/items (the items behind one
// figure) and GET /api/v1/dashboard (the same figures as JSON).
import type { Hono } from "hono";
import { z } from "zod";
import { requireRole, requireUser } from "../../accounts/middleware";
import { todayInShanghai } from "../../calendar/rules";
import { type Api, fieldErrors } from "../../http/api";
import { badRequest } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { renderBackOffice } from "../../ui/render";
import { supervisionRoles } from "../policy";
import { dashboardQuerySchema, periodOf } from "../schema";
import { warmCharts } from "./charts";
import { listFigureItems } from "./drilldown";
import { isFigureKey } from "./figures";
import { DASHBOARD_PATH, ITEMS_PATH } from "./links";
import { safeResultLabel } from "./queries";
import { dashboardCharts, dashboardFor, unitChoices, unitFilterFor } from "./service";
import { DashboardPage, ItemsPage } from "./views";

const PAGE_SIZE = 100;

export function dashboardRoutes(app: Hono<AppEnv>, api: Api): void {
  app.use(`${DASHBOARD_PATH}/*`, async (_c, next) => {
    warmCharts();
    await next();
  });
  app.use(DASHBOARD_PATH, async (_c, next) => {
    warmCharts();
    await next();
  });

  app.get(DASHBOARD_PATH, async (c) => {
    const user = requireRole(c, ...supervisionRoles);
    const { db, clock } = c.get("deps");
    const values = c.req.query();
    const parsed = dashboardQuerySchema.safeParse(values);
    const units = await unitChoices(db);
    if (!parsed.success) {
      const { canChooseUnit } = await unitFilterFor(db, user, undefined);
      const period = periodOf({}, todayInShanghai(clock()));
      return renderBackOffice(
        c,
        "监督考核",
        <DashboardPage
          dashboard={null}
          period={period}
          values={values}
          errors={fieldErrors(parsed.error)}
          units={units}
          canChooseUnit={canChooseUnit}
          charts={null}
        />,
        400,
      );
    }
    const result = await dashboardFor(db, user, parsed.data, clock());
    return renderBackOffice(
      c,
      "监督考核",
      <DashboardPage
        dashboard={result.dashboard}
        period={result.period}
        values={values}
        errors={{}}
        units={units}
        canChooseUnit={result.canChooseUnit}
        charts={await dashboardCharts(result.dashboard)}
      />,
    );
  });

  app.get(ITEMS_PATH, async (c) => {
    const user = requireRole(c, ...supervisionRoles);
    const { db, clock } = c.get("deps");
    const q = c.req.query();
    const figure = q.figure ?? "";
    if (!isFigureKey(figure)) throw badRequest("请选择要查看的统计项。");
    const unitAsked = q.unit === "none" ? null : q.unit;
    const parsed = dashboardQuerySchema.safeParse({
      from: q.from,
      to: q.to,
      unit: unitAsked ?? undefined,
    });
    if (!parsed.success) throw badRequest(Object.values(fieldErrors(parsed.error)).join(";"));
    const today = todayInShanghai(clock());
    const period = periodOf(parsed.data, today);
    const filter = await unitFilterFor(db, user, parsed.data.unit);
    const unit = unitAsked === null && filter.canChooseUnit ? null : filter.unitId;
    const item = /^[1-9]\d{0,9}$/.test(q.item ?? "") ? Number(q.item) : undefined;
    const items = await listFigureItems(db, {
      figure,
      period,
      today,
      unit,
      catalogItemId: item,
      resultKey: q.result,
    });
    const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
    const page = Math.min(pageCount, Math.max(1, Number(q.page) || 1));
    const units = await unitChoices(db);
    const itemRow = item
      ? await db
          .selectFrom("catalog_items")
          .select(["category", "item"])
          .where("id", "=", item)
          .executeTakeFirst()
      : undefined;
    const here = new URL(c.req.url);
    return renderBackOffice(
      c,
      "监督考核明细",
      <ItemsPage
        figure={figure}
        period={period}
        unitName={
          unit === null
            ? "未分办或未指定单位"
            : unit === undefined
              ? null
              : (units.find((u) => u.id === unit)?.label ?? null)
        }
        itemLabel={itemRow ? `${itemRow.category} · ${itemRow.item}` : null}
        resultLabel={
          figure === "applications.result" && q.result ? safeResultLabel(q.result) : null
        }
        items={items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        total={items.length}
        page={page}
        pageCount={pageCount}
        hrefOf={(p) => {
          const params = new URLSearchParams(here.search);
          params.set("page", String(p));
          return `${ITEMS_PATH}?${params}`;
        }}
        backHref={`${DASHBOARD_PATH}?${new URLSearchParams({ from: period.from, to: period.to, ...(typeof unit === "number" ? { unit: String(unit) } : {}) })}`}
      />,
    );
  });

  api.route(
    {
      method: "get",
      path: "/api/v1/dashboard",
      summary: "监督考核合规看板的统计数字(按单位、按目录事项)",
      tag: "监督考核",
      auth: "token",
      query: dashboardQuerySchema,
      response: dashboardResponseSchema,
      description:
        "from/to 为 YYYY-MM-DD,默认本年1月1日至12月31日;unit 为单位编号。单位的信息员、审核人只能看到本单位的数字。",
    },
    async (c, { query }) => {
      const user = requireUser(c);
      const { db, clock } = c.get("deps");
      const { dashboard } = await dashboardFor(db, user, query, clock());
      return c.json(dashboard);
    },
  );
}

const recordCounts = z.object({
  due: z.number(),
  onTime: z.number(),
  late: z.number(),
  overdue: z.number(),
  pending: z.number(),
});
const applicationCounts = z.object({
  received: z.number(),
  onTime: z.number(),
  overdue: z.number(),
  extended: z.number(),
});
const unitFigures = z.object({
  unitId: z.number().nullable(),
  unitName: z.string(),
  records: recordCounts,
  catalogGaps: z.number(),
  applications: applicationCounts,
  consultationsNoFeedback: z.number(),
  messagesLate: z.number(),
  messagesOverdue: z.number(),
  policiesNoInterpretation: z.number(),
  publicityLate: z.number(),
});
const dashboardResponseSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  today: z.string(),
  unitId: z.number().optional(),
  totals: unitFigures,
  units: z.array(unitFigures),
  catalogItems: z.array(
    z.object({
      catalogItemId: z.number(),
      label: z.string(),
      responsibleUnitId: z.number().nullable(),
      records: recordCounts,
      isGap: z.boolean(),
      lastPublishedOn: z.string().nullable(),
    }),
  ),
  applicationResults: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
});
