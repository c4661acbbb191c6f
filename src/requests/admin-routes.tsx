// Back office of 依申请公开: the list, staff registration, the case page with its event forms,
// and the audited full view of the applicant.
import type { Context, Hono } from "hono";
import { requireRole, requireUser } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import { todayInShanghai } from "../calendar/rules";
import { fieldErrors } from "../http/api";
import { AppError, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { listUnits } from "../org/store";
import { decryptBytes, personalDataKey } from "../platform/crypto";
import { fileResponse } from "../platform/files/serve";
import { readStoredFile } from "../platform/files/store";
import { renderBackOffice } from "../ui/render";
import { type ApplicantDetails, applicationKeys } from "./applicant-data";
import { loadCaseworkPanel } from "./casework-panel";
import { eventInputFromForm, eventInputSchema } from "./event-schema";
import { TIMELINE_EVENT_LABELS, type TimelineEventType } from "./events";
import { addEvent } from "./events-service";
import { registerApplication } from "./filing";
import {
  applicationInputFromForm,
  type FormValues,
  formErrorsOf,
  formValuesOf,
} from "./form-input";
import {
  applicationViewerRoles,
  type CaseActor,
  canApproveExtension,
  canHandleApplications,
  canRevealApplicant,
} from "./policy";
import { staffApplicationSchema } from "./schema";
import {
  getCaseView,
  LIST_STATES,
  type ListState,
  listApplications,
  openIdScan,
  revealApplicant,
} from "./service";
import { AdminListPage } from "./views/admin-list";
import { ApplicationForm } from "./views/application-form";
import { CasePage } from "./views/case-page";
import type { EventFormState } from "./views/event-forms";
import { SubmittedPage } from "./views/submitted";

function caseActorOf(c: Context<AppEnv>): CaseActor {
  return { ...actorOf(c), roles: requireUser(c).roles };
}

function idOf(c: Context<AppEnv>): number {
  const id = Number(c.req.param("id"));
  if (!Number.isInteger(id) || id <= 0) throw notFound("申请");
  return id;
}

export function adminApplicationRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/applications", async (c) => {
    const user = requireRole(c, ...applicationViewerRoles);
    const { db, clock } = c.get("deps");
    const q = c.req.query();
    const filters = {
      state: (LIST_STATES as readonly string[]).includes(q.state ?? "")
        ? (q.state as ListState)
        : undefined,
      year: /^\d{4}$/.test(q.year ?? "") ? Number(q.year) : undefined,
      unitId: /^\d+$/.test(q.unit ?? "") ? Number(q.unit) : undefined,
    };
    const [items, units] = [await listApplications(db, filters, clock()), await listUnits(db)];
    const model = {
      items,
      filters,
      units,
      canRegister: canHandleApplications(user),
      today: todayInShanghai(clock()),
    };
    return renderBackOffice(c, "依申请公开", <AdminListPage {...model} />);
  });

  app.get("/admin/applications/new", (c) => {
    requireRole(c, "applicationOfficer");
    return renderRegistration(c, {}, {});
  });

  app.post("/admin/applications/new", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock, config } = c.get("deps");
    const body = await c.req.parseBody();
    const values = formValuesOf(body);
    const parsed = staffApplicationSchema.safeParse(applicationInputFromForm(values));
    if (!parsed.success)
      return renderRegistration(c, values, formErrorsOf(fieldErrors(parsed.error), values), 400);
    const idScan =
      body.idScan instanceof File && body.idScan.size > 0
        ? { name: body.idScan.name, bytes: new Uint8Array(await body.idScan.arrayBuffer()) }
        : undefined;
    try {
      const filed = await registerApplication(db, parsed.data, caseActorOf(c), {
        keys: applicationKeys(config.secret),
        now: clock(),
        uploadsDir: config.uploadsDir,
        idScan,
      });
      return renderBackOffice(
        c,
        "申请已登记",
        <>
          <SubmittedPage
            number={filed.applicationNo}
            code={filed.queryCode}
            receivedOn={filed.receivedOn}
          />
          <p>
            请将申请编号和查询码告知申请人(可写入受理回执)。
            <a href={`/admin/applications/${filed.id}`}>进入办理页面</a>
          </p>
        </>,
      );
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      const errors = error.fields.file
        ? { idScan: error.message }
        : formErrorsOf(error.fields, values);
      return renderRegistration(c, values, errors, 400);
    }
  });

  app.get("/admin/applications/:id", async (c) => {
    requireRole(c, ...applicationViewerRoles);
    const recorded = c.req.query("recorded") as TimelineEventType | undefined;
    const flash =
      recorded && TIMELINE_EVENT_LABELS[recorded]
        ? `已记录:${TIMELINE_EVENT_LABELS[recorded]}。`
        : undefined;
    return renderCase(c, idOf(c), { flash });
  });

  app.post("/admin/applications/:id/events", async (c) => {
    requireRole(c, ...applicationViewerRoles);
    const { db, clock } = c.get("deps");
    const id = idOf(c);
    const values = formValuesOf(await c.req.parseBody());
    const parsed = eventInputSchema.safeParse(eventInputFromForm(values));
    const failed = (message: string, errors: Record<string, string> = {}): EventFormState => ({
      type: values.type ?? "",
      values,
      errors,
      message,
    });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      return renderCase(
        c,
        id,
        { failed: failed(Object.values(errors)[0] ?? "填写有误", errors) },
        400,
      );
    }
    try {
      await addEvent(db, id, parsed.data, { actor: caseActorOf(c), now: clock() });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "not_found" || error.status >= 500)
        throw error;
      return renderCase(c, id, { failed: failed(error.message, error.fields) }, error.status);
    }
    return c.redirect(`/admin/applications/${id}?recorded=${parsed.data.type}`, 303);
  });

  app.post("/admin/applications/:id/reveal", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock, config } = c.get("deps");
    const id = idOf(c);
    const revealed = await revealApplicant(
      db,
      id,
      caseActorOf(c),
      applicationKeys(config.secret),
      clock(),
    );
    return renderCase(c, id, { revealed });
  });

  app.get("/admin/applications/:id/id-scan", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock, config } = c.get("deps");
    const scan = await openIdScan(db, idOf(c), caseActorOf(c), clock());
    const stored = await readStoredFile(config.uploadsDir, scan.storagePath);
    const bytes = scan.encrypted ? decryptBytes(personalDataKey(config.secret), stored) : stored;
    const extension = scan.mediaType === "application/pdf" ? "pdf" : scan.mediaType.split("/")[1];
    return fileResponse({
      bytes,
      mediaType: scan.mediaType,
      fileName: `${scan.applicationNo}-身份证明.${extension}`,
      cache: "private",
    });
  });
}

function renderRegistration(
  c: Context<AppEnv>,
  values: FormValues,
  errors: Record<string, string>,
  status = 200,
) {
  return renderBackOffice(
    c,
    "登记申请",
    <>
      <h1>登记申请</h1>
      <p class="lead">
        当面、口头、信函或传真提出的申请,由经办人按申请人提供的内容登记,并填写真实的收到日期(条例第二十九条、第三十一条)。
      </p>
      <ApplicationForm action="/admin/applications/new" staff values={values} errors={errors} />
    </>,
    status,
  );
}

async function renderCase(
  c: Context<AppEnv>,
  id: number,
  extras: {
    flash?: string;
    failed?: EventFormState;
    revealed?: ApplicantDetails & { idScanFileId: number | null };
  },
  status = 200,
) {
  const user = requireUser(c);
  const { db, clock } = c.get("deps");
  const view = await getCaseView(db, id, clock());
  const units = (await listUnits(db)).map((u) => ({ id: u.id, name: u.name }));
  return renderBackOffice(
    c,
    `申请 ${view.application.applicationNo}`,
    <CasePage
      view={view}
      units={units}
      today={todayInShanghai(clock())}
      canHandle={canHandleApplications(user)}
      canReveal={canRevealApplicant(user)}
      canApproveExtension={canApproveExtension(user)}
      casework={await loadCaseworkPanel(db, view, user)}
      {...extras}
    />,
    status,
  );
}
