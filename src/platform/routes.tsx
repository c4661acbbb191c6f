import type { Hono } from "hono";
import { requireRole } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import type { Api } from "../http/api";
import { fieldErrors } from "../http/api";
import type { AppEnv } from "../http/types";
import { renderBackOffice } from "../ui/render";
import { recordAudit } from "./audit";
import { listAuditEntries } from "./audit-store";
import { AuditLogPage } from "./audit-views";
import { loadSiteSettings, saveSiteSettings, siteSettingsSchema } from "./settings";
import { SiteSettingsPage } from "./settings-views";
import { forgetSiteSettings } from "./site-cache";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD (0000-00-00 or 2025-02-30 are not). */
function isCalendarDate(value: string | undefined): value is string {
  if (!value || !isoDate.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

export function platformRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/admin/audit", async (c) => {
    requireRole(c, "auditor");
    const q = c.req.query();
    const filter = {
      action: q.action?.trim().slice(0, 64) || undefined,
      actor: q.actor?.trim().slice(0, 64) || undefined,
      objectType: q.objectType?.trim().slice(0, 64) || undefined,
      from: isCalendarDate(q.from) ? q.from : undefined,
      to: isCalendarDate(q.to) ? q.to : undefined,
    };
    const before = /^\d{1,12}$/.test(q.before ?? "") ? Number(q.before) : null;
    const page = await listAuditEntries(c.get("deps").db, filter, before);
    const query = new URLSearchParams(
      Object.entries(filter).filter((e): e is [string, string] => !!e[1]),
    ).toString();
    return renderBackOffice(
      c,
      "审计日志",
      <AuditLogPage rows={page.rows} filter={filter} nextBefore={page.nextBefore} query={query} />,
    );
  });

  app.get("/admin/settings", async (c) => {
    requireRole(c, "admin");
    const values = await loadSiteSettings(c.get("deps").db);
    return renderBackOffice(
      c,
      "站点设置",
      <SiteSettingsPage values={values} saved={c.req.query("saved") === "1"} />,
    );
  });

  app.post("/admin/settings", async (c) => {
    requireRole(c, "admin");
    const { db, clock } = c.get("deps");
    const body = await c.req.parseBody();
    const parsed = siteSettingsSchema.safeParse(body);
    if (!parsed.success) {
      const values = {
        ...(await loadSiteSettings(db)),
        ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])),
      };
      return renderBackOffice(
        c,
        "站点设置",
        <SiteSettingsPage values={values} errors={fieldErrors(parsed.error)} />,
        400,
      );
    }
    await db.transaction().execute(async (trx) => {
      await saveSiteSettings(trx, parsed.data);
      await recordAudit(
        trx,
        actorOf(c),
        { action: "settings.updated", objectType: "site_settings", detail: "站点设置已修改" },
        clock(),
      );
    });
    forgetSiteSettings();
    return c.redirect("/admin/settings?saved=1", 303);
  });
}
