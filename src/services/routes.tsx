// 办事服务: public pages (landing, guides, one-time notice, case lookup, Atom feed), the back
// office (/admin/services/guides, /admin/services/cases) and the JSON API (api.ts).
import type { Context, Hono } from "hono";
import { hasRole, requireRole } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import { listCatalogItems } from "../catalog/store";
import { entryTagId, renderAtom } from "../disclosure/atom";
import { attachmentPath, parseUrlId, publicOrigin } from "../disclosure/urls";
import type { Api } from "../http/api";
import { AppError, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { spreadsheetImportPolicy } from "../platform/files/policies";
import { checkUpload } from "../platform/files/sniff";
import { recordActorOf } from "../records/api";
import { listRecordAttachments } from "../records/attachments";
import { findPublishedRecord } from "../records/public-store";
import { renderBackOffice, renderDocument, renderPortal } from "../ui/render";
import { CasesAdminPage, GuideAdminList, GuideFormPage, GuideVersionsList } from "./admin-views";
import { serviceApiRoutes } from "./api";
import { lookupServiceCase } from "./case-lookup";
import { caseKeys, importServiceCases, listServiceCases } from "./case-service";
import { caseTemplateXlsx, readCaseSheet } from "./case-sheet";
import {
  formErrorsOf,
  formValuesOfGuide,
  type GuideFormValues,
  guideInputFromForm,
} from "./guide-form";
import { createGuide, getGuide, listGuides, listGuideVersions, updateGuide } from "./guide-service";
import { findPublishedGuide, listPublishedGuides, type PublicGuide } from "./guide-store";
import { NoticePage } from "./notice-view";
import { caseManagerRoles, caseViewerRoles, guideEditorRoles, guideViewerRoles } from "./policy";
import { GUIDES_FEED_PATH, guidePath } from "./urls";
import { CaseLookupPage, type FileLinks, GuideListPage, GuidePage, ServicesLanding } from "./views";

const FEED_SIZE = 50;

const textFields = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

async function publishedGuideOf(c: Context<AppEnv>): Promise<PublicGuide> {
  const id = parseUrlId(c.req.param("id"));
  const guide = id === null ? undefined : await findPublishedGuide(c.get("deps").db, id);
  if (!guide) throw notFound("办事指南");
  return guide;
}

export function serviceRoutes(app: Hono<AppEnv>, api: Api): void {
  publicRoutes(app);
  guideAdminRoutes(app);
  caseAdminRoutes(app);
  serviceApiRoutes(app, api);
}

function publicRoutes(app: Hono<AppEnv>): void {
  app.get("/services", (c) => renderPortal(c, "办事服务", <ServicesLanding />));

  app.get("/services/guides", async (c) =>
    renderPortal(
      c,
      "办事指南",
      <GuideListPage guides={await listPublishedGuides(c.get("deps").db)} />,
    ),
  );

  app.get(GUIDES_FEED_PATH, async (c) => {
    const { db, clock } = c.get("deps");
    const site = c.get("site");
    const origin = publicOrigin(c);
    const host = new URL(origin).hostname;
    const guides = await listPublishedGuides(db, { newestFirst: true, limit: FEED_SIZE });
    const xml = renderAtom({
      self: `${origin}${GUIDES_FEED_PATH}`,
      alternate: `${origin}/services/guides`,
      title: `${site.siteName}:办事指南`,
      subtitle: `${site.hostOrganisation}发布的办事指南`,
      author: site.hostOrganisation,
      emptyUpdated: clock().toISOString(),
      entries: guides.map((g) => ({
        // The record's tag id: the same entry as in the records feeds.
        id: entryTagId(host, g.publishedOn ?? g.updatedAt.slice(0, 10), g.id),
        title: g.title,
        updated: g.updatedAt,
        published: g.publishedAt,
        link: `${origin}${guidePath(g.id)}`,
        summary: g.summary,
        author: g.publisher,
        category: { term: "serviceGuide", label: "办事指南" },
      })),
    });
    return c.body(xml, 200, {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "no-cache",
    });
  });

  app.get("/services/guides/:id{[0-9]+}", async (c) => {
    const guide = await publishedGuideOf(c);
    const record = await findPublishedRecord(c.get("deps").db, guide.id);
    const files: FileLinks = new Map(
      (record?.attachments ?? []).map((a) => [a.id, { href: attachmentPath(a), name: a.fileName }]),
    );
    return renderPortal(c, guide.title, <GuidePage guide={guide} files={files} />);
  });

  app.get("/services/guides/:id{[0-9]+}/notice", async (c) => {
    const guide = await publishedGuideOf(c);
    return renderDocument(c, <NoticePage guide={guide} />);
  });

  // POST with CSRF rather than GET: the applicant's name must not end up in the address bar,
  // browser history, server logs or a Referer header; and the answer is never cached.
  app.get("/services/cases", async (c) => {
    const res = await renderPortal(c, "办件进度查询", <CaseLookupPage values={{}} errors={{}} />);
    res.headers.set("Cache-Control", "no-store");
    return res;
  });

  app.post("/services/cases", async (c) => {
    const { db, clock, config } = c.get("deps");
    const values = textFields(await c.req.parseBody());
    const caseNo = (values.caseNo ?? "").trim();
    const applicant = (values.applicant ?? "").trim();
    const errors: Record<string, string> = {};
    if (!caseNo) errors.caseNo = "请填写受理号";
    if (!applicant) errors.applicant = "请填写申请人";
    const page = async (extra: object, status = 200) => {
      const res = await renderPortal(
        c,
        "办件进度查询",
        <CaseLookupPage values={{ caseNo }} errors={errors} {...extra} />,
        status,
      );
      res.headers.set("Cache-Control", "no-store");
      return res;
    };
    if (!caseNo || !applicant) return page({}, 400);
    try {
      const status = await lookupServiceCase(
        db,
        { caseNo, applicant, clientIp: c.get("clientIp") },
        caseKeys(config.secret),
        clock(),
      );
      return page({ status });
    } catch (error) {
      if (
        !(error instanceof AppError) ||
        (error.code !== "not_found" && error.code !== "rate_limited")
      )
        throw error;
      if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
      return page({ message: error.message }, error.status);
    }
  });
}

async function catalogChoices(c: Context<AppEnv>) {
  const items = await listCatalogItems(c.get("deps").db, { activeOnly: true });
  return items.map((i) => ({ id: i.id, label: `${i.code} ${i.item}` }));
}

function catalogIdOf(values: GuideFormValues): number | null {
  const id = Number(values.catalogItemId);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function guideAdminRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/services/guides", async (c) => {
    const user = requireRole(c, ...guideViewerRoles);
    const guides = await listGuides(c.get("deps").db);
    return renderBackOffice(
      c,
      "办事指南",
      <GuideAdminList guides={guides} canEdit={hasRole(user, ...guideEditorRoles)} />,
    );
  });

  const renderForm = async (
    c: Context<AppEnv>,
    values: GuideFormValues,
    errors: Record<string, string>,
    options: { id?: number; version?: number; status?: number } = {},
  ) => {
    const { db } = c.get("deps");
    const versions = options.id ? await listGuideVersions(db, options.id) : [];
    const guide = options.id ? await getGuide(db, options.id) : null;
    return renderBackOffice(
      c,
      options.id ? "编辑办事指南" : "新建办事指南",
      <>
        <GuideFormPage
          action={
            options.id ? `/admin/services/guides/${options.id}` : "/admin/services/guides/new"
          }
          title={options.id ? `编辑办事指南:${values.itemName ?? ""}` : "新建办事指南"}
          values={values}
          errors={errors}
          catalogItems={await catalogChoices(c)}
          version={options.version}
          recordId={options.id}
        />
        {options.id ? (
          <GuideVersionsList
            versions={versions}
            id={options.id}
            published={guide?.state === "published"}
          />
        ) : null}
      </>,
      options.status,
    );
  };

  app.get("/admin/services/guides/new", async (c) => {
    requireRole(c, ...guideEditorRoles);
    return renderForm(c, { feeCharged: "0" }, {});
  });

  app.post("/admin/services/guides/new", async (c) => {
    requireRole(c, ...guideEditorRoles);
    const { db, clock } = c.get("deps");
    const values = textFields(await c.req.parseBody());
    try {
      const guide = await createGuide(
        db,
        guideInputFromForm(values, new Map()),
        { catalogItemId: catalogIdOf(values) },
        recordActorOf(c),
        clock(),
      );
      return c.redirect(`/admin/services/guides/${guide.id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderForm(c, values, formErrorsOf(error.fields), { status: 400 });
    }
  });

  app.get("/admin/services/guides/:id{[0-9]+}", async (c) => {
    requireRole(c, ...guideViewerRoles);
    const { db } = c.get("deps");
    const id = Number(c.req.param("id"));
    const guide = await getGuide(db, id);
    const names = new Map((await listRecordAttachments(db, id)).map((a) => [a.id, a.fileName]));
    const values = {
      ...formValuesOfGuide(guide.data, names),
      catalogItemId: guide.catalogItemId ? String(guide.catalogItemId) : "",
    };
    return renderForm(c, values, {}, { id, version: guide.version });
  });

  app.post("/admin/services/guides/:id{[0-9]+}", async (c) => {
    requireRole(c, ...guideEditorRoles);
    const { db, clock } = c.get("deps");
    const id = Number(c.req.param("id"));
    const values = textFields(await c.req.parseBody());
    const ids = new Map((await listRecordAttachments(db, id)).map((a) => [a.fileName, a.id]));
    const expected = Number(values.version);
    try {
      await updateGuide(
        db,
        id,
        guideInputFromForm(values, ids),
        { catalogItemId: catalogIdOf(values) },
        recordActorOf(c),
        clock(),
        Number.isInteger(expected) && expected > 0 ? expected : undefined,
      );
      return c.redirect(`/admin/services/guides/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderForm(c, values, formErrorsOf(error.fields), {
        id,
        version: expected,
        status: 400,
      });
    }
  });
}

function caseAdminRoutes(app: Hono<AppEnv>): void {
  const renderCases = async (
    c: Context<AppEnv>,
    errors: Record<string, string> = {},
    summary?: Parameters<typeof CasesAdminPage>[0]["summary"],
    status = 200,
  ) => {
    const user = requireRole(c, ...caseViewerRoles);
    const { db, config } = c.get("deps");
    const cases = await listServiceCases(db, caseKeys(config.secret));
    return renderBackOffice(
      c,
      "办件",
      <CasesAdminPage
        cases={cases}
        canImport={hasRole(user, ...caseManagerRoles)}
        errors={errors}
        summary={summary}
      />,
      status,
    );
  };

  app.get("/admin/services/cases", (c) => renderCases(c));

  app.get("/admin/services/cases/template.xlsx", async (c) => {
    requireRole(c, ...caseViewerRoles);
    return c.body(await caseTemplateXlsx(), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="service-cases.xlsx"`,
    });
  });

  app.post("/admin/services/cases/import", async (c) => {
    requireRole(c, ...caseManagerRoles);
    const { db, clock, config } = c.get("deps");
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) {
      return renderCases(c, { file: "请选择要导入的表格文件" }, undefined, 400);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const check = checkUpload(file.name, bytes, spreadsheetImportPolicy);
    if (!check.ok) return renderCases(c, { file: check.message }, undefined, 400);
    const sheet = await readCaseSheet(check.kind === "csv" ? "csv" : "xlsx", bytes);
    if (!sheet.ok) return renderCases(c, { file: sheet.errors.join("\n") }, undefined, 400);
    try {
      const summary = await importServiceCases(db, sheet.rows, {
        keys: caseKeys(config.secret),
        actor: actorOf(c),
        now: clock(),
        fileName: check.safeName,
      });
      return renderCases(c, {}, summary);
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderCases(c, error.fields, undefined, 400);
    }
  });
}
