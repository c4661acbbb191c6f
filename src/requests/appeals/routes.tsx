// /admin/applications/{id}/appeals: the 行政复议 / 行政诉讼 records of a case.
import type { Context, Hono } from "hono";
import { requireRole, requireUser } from "../../accounts/middleware";
import { fieldErrors } from "../../http/api";
import { AppError } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { renderBackOffice } from "../../ui/render";
import { caseActorOf, idParam } from "../casework-http";
import { applicationViewerRoles, canHandleApplications } from "../policy";
import { getCaseView } from "../service";
import { similarDisclosedApplications } from "../similar-requests";
import { appealInputSchema, appealOutcomeSchema } from "./schema";
import { listAppeals, recordAppeal, updateAppealOutcome } from "./service";
import { AppealsPage } from "./views";

const textFields = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

export function appealRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/applications/:id/appeals", async (c) => {
    requireRole(c, ...applicationViewerRoles);
    const flash = c.req.query("saved") ? "已保存复议诉讼记录。" : undefined;
    return renderAppeals(c, idParam(c, "id", "申请"), {}, {}, flash);
  });

  app.post("/admin/applications/:id/appeals", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock } = c.get("deps");
    const id = idParam(c, "id", "申请");
    const values = textFields(await c.req.parseBody());
    const parsed = appealInputSchema.safeParse(values);
    if (!parsed.success)
      return renderAppeals(c, id, values, fieldErrors(parsed.error), undefined, 400);
    try {
      await recordAppeal(db, id, parsed.data, { actor: caseActorOf(c), now: clock() });
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderAppeals(c, id, values, error.fields, undefined, 400);
    }
    return c.redirect(`/admin/applications/${id}/appeals?saved=1`, 303);
  });

  app.post("/admin/applications/:id/appeals/:appealId", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock } = c.get("deps");
    const id = idParam(c, "id", "申请");
    const appealId = idParam(c, "appealId", "复议诉讼记录");
    const parsed = appealOutcomeSchema.safeParse(textFields(await c.req.parseBody()));
    const fail = (errors: Record<string, string>) =>
      renderAppeals(c, id, {}, errors, undefined, 400);
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    try {
      await updateAppealOutcome(db, id, appealId, parsed.data, {
        actor: caseActorOf(c),
        now: clock(),
      });
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return fail(error.fields);
    }
    return c.redirect(`/admin/applications/${id}/appeals?saved=1`, 303);
  });
}

async function renderAppeals(
  c: Context<AppEnv>,
  id: number,
  values: Record<string, string>,
  errors: Record<string, string>,
  flash?: string,
  status = 200,
) {
  const { db, clock } = c.get("deps");
  const view = await getCaseView(db, id, clock());
  return renderBackOffice(
    c,
    `复议诉讼 ${view.application.applicationNo}`,
    <AppealsPage
      applicationId={id}
      applicationNo={view.application.applicationNo}
      appeals={await listAppeals(db, id)}
      similar={await similarDisclosedApplications(db, id)}
      canEdit={canHandleApplications(requireUser(c))}
      values={values}
      errors={errors}
      flash={flash}
    />,
    status,
  );
}
