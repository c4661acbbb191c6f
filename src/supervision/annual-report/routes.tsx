// Routes of the annual report: back office /admin/reports/annual[/:year], the public page
// /disclosure/annual-reports/:year and the token API GET /api/v1/reports/annual/{year}.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { requireRole } from "../../accounts/middleware";
import { todayInShanghai } from "../../calendar/rules";
import { type Api, fieldErrors } from "../../http/api";
import { AppError } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { recordActorOf } from "../../records/api";
import { renderBackOffice, renderPortal } from "../../ui/render";
import { writeAnnualReportDocx } from "./docx";
import { annualReportEditorRoles, annualReportViewerRoles, canEditAnnualReport } from "./policy";
import { correctionSchema, feeSchema, narrativeSchema, yearSchema } from "./schema";
import {
  annualReportTables,
  finaliseReport,
  loadAnnualReport,
  loadFrozenReport,
  loadPublishedReport,
  saveCorrection,
  saveFeeAmount,
  saveNarrative,
} from "./service";
import { listReportRows } from "./store";
import { AnnualReportListPage, AnnualReportPage, PublicAnnualReportPage } from "./views";

const EDITORS = annualReportEditorRoles;
const VIEWERS = annualReportViewerRoles;

const currentYear = (c: Context<AppEnv>) =>
  Number(todayInShanghai(c.get("deps").clock()).slice(0, 4));

function yearOf(c: Context<AppEnv>): number {
  const parsed = yearSchema(currentYear(c)).safeParse(c.req.param("year"));
  if (!parsed.success) throw new AppError("not_found", "没有该年度的报告。");
  return parsed.data;
}

const textFields = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

async function renderYear(
  c: Context<AppEnv>,
  year: number,
  values: Record<string, string> = {},
  errors: Record<string, string> = {},
  status = 200,
) {
  const user = requireRole(c, ...VIEWERS);
  const view = await loadAnnualReport(c.get("deps").db, year);
  const flash = c.req.query("saved")
    ? "已保存。"
    : c.req.query("finalised")
      ? "已定稿。"
      : undefined;
  return renderBackOffice(
    c,
    view.title,
    <AnnualReportPage
      view={view}
      canEdit={canEditAnnualReport(user)}
      values={values}
      errors={errors}
      flash={flash}
    />,
    status,
  );
}

function docxResponse(c: Context<AppEnv>, bytes: Uint8Array, year: number) {
  const name = encodeURIComponent(`${year}年政府信息公开工作年度报告.docx`);
  return c.body(new Uint8Array(bytes), 200, {
    "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Content-Disposition": `attachment; filename="annual-report-${year}.docx"; filename*=UTF-8''${name}`,
  });
}

/** A POST that parses a form, runs a change, and re-renders with field errors on refusal. */
function postChange<T>(
  app: Hono<AppEnv>,
  path: string,
  parse: (values: Record<string, string>) => z.ZodSafeParseResult<T>,
  run: (c: Context<AppEnv>, year: number, input: T) => Promise<unknown>,
  done = "saved",
) {
  app.post(`/admin/reports/annual/:year/${path}`, async (c) => {
    requireRole(c, ...EDITORS);
    const year = yearOf(c);
    const values = textFields(await c.req.parseBody());
    const parsed = parse(values);
    if (!parsed.success) return renderYear(c, year, values, fieldErrors(parsed.error), 400);
    try {
      await run(c, year, parsed.data);
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderYear(c, year, values, error.fields, 400);
    }
    return c.redirect(`/admin/reports/annual/${year}?${done}=1`, 303);
  });
}

export function annualReportRoutes(app: Hono<AppEnv>, api: Api): void {
  app.get("/admin/reports/annual", async (c) => {
    requireRole(c, ...VIEWERS);
    const rows = await listReportRows(c.get("deps").db);
    const now = currentYear(c);
    const years = [...new Set([now, now - 1, now - 2, ...rows.map((r) => r.year)])].sort(
      (a, b) => b - a,
    );
    const entries = years.map((year) => {
      const row = rows.find((r) => r.year === year);
      return { year, state: (row ? row.state : "none") as "none" | "draft" | "finalised" };
    });
    return renderBackOffice(
      c,
      "政府信息公开工作年度报告",
      <AnnualReportListPage years={entries} />,
    );
  });

  app.get("/admin/reports/annual/:year", (c) => renderYear(c, yearOf(c)));

  app.get("/admin/reports/annual/:year/report.docx", async (c) => {
    requireRole(c, ...VIEWERS);
    const year = yearOf(c);
    const frozen = await loadFrozenReport(c.get("deps").db, year);
    return docxResponse(c, await writeAnnualReportDocx(frozen), year);
  });

  const ctxOf = (c: Context<AppEnv>) => ({ actor: recordActorOf(c), now: c.get("deps").clock() });
  postChange(
    app,
    "fee",
    (v) => feeSchema.safeParse(v),
    (c, year, input) => saveFeeAmount(c.get("deps").db, year, input.feeAmount, ctxOf(c)),
  );
  postChange(
    app,
    "narrative",
    (v) => narrativeSchema.safeParse(v),
    (c, year, input) => saveNarrative(c.get("deps").db, year, input, ctxOf(c)),
  );
  postChange(
    app,
    "corrections",
    (v) => correctionSchema.safeParse(v),
    (c, year, input) => saveCorrection(c.get("deps").db, year, input, ctxOf(c)),
  );
  postChange(
    app,
    "finalise",
    () => z.object({}).safeParse({}),
    (c, year) =>
      finaliseReport(c.get("deps").db, year, {
        ...ctxOf(c),
        uploadsDir: c.get("deps").config.uploadsDir,
      }),
    "finalised",
  );

  app.get("/disclosure/annual-reports/:year", async (c) => {
    const report = await loadPublishedReport(c.get("deps").db, yearOf(c));
    return renderPortal(c, report.title, <PublicAnnualReportPage report={report} />);
  });

  app.get("/disclosure/annual-reports/:year/report.docx", async (c) => {
    const year = yearOf(c);
    const report = await loadPublishedReport(c.get("deps").db, year);
    return docxResponse(c, await writeAnnualReportDocx(report), year);
  });

  const cells = z.record(z.string(), z.record(z.string(), z.number()));
  api.route(
    {
      method: "get",
      path: "/api/v1/reports/annual/:year",
      summary: "政府信息公开工作年度报告的三张表",
      description:
        "按国办公开办函〔2021〕30号格式的行、列键返回表二(proactive)、表三(applications)、表四(review_litigation)。已定稿的返回定稿内容(finalised 为 true),否则按现有数据实时计算。需要审核人、签发人或审计员角色。",
      tag: "reports",
      auth: "token",
      params: z.object({
        year: z.coerce.number({ error: "年份有误" }).int("年份有误").min(2008, "年份有误"),
      }),
      response: z.object({
        year: z.number(),
        finalised: z.boolean(),
        tables: z.object({ proactive: cells, applications: cells, review_litigation: cells }),
      }),
    },
    async (c, { params }) => {
      requireRole(c, ...VIEWERS);
      if (params.year > currentYear(c)) throw new AppError("not_found", "没有该年度的报告。");
      return c.json(await annualReportTables(c.get("deps").db, params.year));
    },
  );
}
