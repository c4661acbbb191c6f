// /admin/supervision/assessment: scores of every unit, one unit's sheet with evidence, the XLSX
// export, and the administrator's weight table.
import type { Context, Hono } from "hono";
import { requireRole } from "../../accounts/middleware";
import { todayInShanghai } from "../../calendar/rules";
import { AppError, badRequest, forbidden, notFound } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { renderBackOffice } from "../../ui/render";
import { rootUnitIdOf } from "../dashboard/service";
import { canEditWeights, canViewAssessment, scopeOf, supervisionRoles } from "../policy";
import { INDICATORS } from "./scoring";
import { loadAssessment } from "./service";
import { ASSESSMENT_PATH, AssessmentPage, UnitAssessmentPage, WeightsPage } from "./views";
import { loadWeights, saveWeights } from "./weights";
import { assessmentWorkbook } from "./xlsx";

function yearOf(c: Context<AppEnv>): number {
  const asked = c.req.query("year");
  if (!asked) return Number(todayInShanghai(c.get("deps").clock()).slice(0, 4));
  if (!/^(19|20|21)\d{2}$/.test(asked)) throw badRequest("考核年度应为四位数字的年份。");
  return Number(asked);
}

export function assessmentRoutes(app: Hono<AppEnv>): void {
  app.get(ASSESSMENT_PATH, async (c) => {
    const user = requireRole(c, ...supervisionRoles, "admin");
    const { db, clock } = c.get("deps");
    const root = await rootUnitIdOf(db);
    if (!canViewAssessment(user, root)) {
      if (canEditWeights(user)) return c.redirect(`${ASSESSMENT_PATH}/weights`, 303);
      return c.redirect(`${ASSESSMENT_PATH}/${user.unitId}`, 303);
    }
    const assessment = await loadAssessment(db, yearOf(c), clock());
    return renderBackOffice(
      c,
      `${assessment.year}年度考核`,
      <AssessmentPage assessment={assessment} canEditWeights={canEditWeights(user)} />,
    );
  });

  app.get(`${ASSESSMENT_PATH}/export.xlsx`, async (c) => {
    const user = requireRole(c, ...supervisionRoles);
    const { db, clock } = c.get("deps");
    if (!canViewAssessment(user, await rootUnitIdOf(db))) throw forbidden();
    const assessment = await loadAssessment(db, yearOf(c), clock());
    const bytes = await assessmentWorkbook(assessment);
    return c.body(bytes as unknown as ArrayBuffer, 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="assessment-${assessment.year}.xlsx"`,
    });
  });

  app.get(`${ASSESSMENT_PATH}/weights`, async (c) => {
    requireRole(c, "admin");
    const weights = await loadWeights(c.get("deps").db);
    const values = Object.fromEntries(INDICATORS.map((k) => [k, String(weights[k])]));
    const flash = c.req.query("saved") ? "已保存指标权重。" : undefined;
    return renderBackOffice(
      c,
      "考核指标权重",
      <WeightsPage values={values} errors={{}} flash={flash} />,
    );
  });

  app.post(`${ASSESSMENT_PATH}/weights`, async (c) => {
    const user = requireRole(c, "admin");
    const { db, clock } = c.get("deps");
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      INDICATORS.map((k) => [k, typeof body[k] === "string" ? (body[k] as string) : ""]),
    );
    try {
      await saveWeights(
        db,
        values,
        { id: user.id, name: user.username, ip: c.get("clientIp") },
        clock(),
      );
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderBackOffice(
        c,
        "考核指标权重",
        <WeightsPage values={values} errors={error.fields} />,
        400,
      );
    }
    return c.redirect(`${ASSESSMENT_PATH}/weights?saved=1`, 303);
  });

  app.get(`${ASSESSMENT_PATH}/:unitId{[0-9]+}`, async (c) => {
    const user = requireRole(c, ...supervisionRoles);
    const { db, clock } = c.get("deps");
    const unitId = Number(c.req.param("unitId"));
    const root = await rootUnitIdOf(db);
    const scope = scopeOf(user, root);
    if (!scope || (scope.kind === "unit" && scope.unitId !== unitId)) throw forbidden();
    const assessment = await loadAssessment(db, yearOf(c), clock(), { unitId });
    const unit = assessment.units[0];
    if (!unit) throw notFound("单位");
    return renderBackOffice(
      c,
      `${unit.unitName} ${assessment.year}年度考核`,
      <UnitAssessmentPage
        assessment={assessment}
        unit={unit}
        backHref={scope.kind === "all" ? `${ASSESSMENT_PATH}?year=${assessment.year}` : null}
      />,
    );
  });
}
