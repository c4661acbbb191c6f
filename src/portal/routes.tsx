import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Api } from "../http/api";
import type { AppEnv } from "../http/types";
import { latestPublishedRecords } from "../records/public-store";
import { CARE_MODE_COOKIE, preferencesOf, SCRIPT_COOKIE, safeBackPath } from "../ui/preferences";
import { renderPortal } from "../ui/render";
import { HomePage, SectionPage } from "./views";

/** Section landing pages whose domain has not installed its own page yet. */
const plainSections = ["/interpretations"];

/** Newest published records on the home page; care mode keeps the page short. */
const LATEST_ON_HOME = 10;
const LATEST_ON_HOME_CARE = 5;

const ONE_YEAR = 365 * 24 * 3600;

/** Remembers a display preference (or forgets it) and goes back: 303, never cached. */
function rememberPreference(c: Context<AppEnv>, name: string, value: string | null): Response {
  if (value === null) deleteCookie(c, name, { path: "/" });
  else {
    setCookie(c, name, value, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      maxAge: ONE_YEAR,
      secure: c.get("deps").config.secureCookies,
    });
  }
  c.header("Cache-Control", "no-store");
  return c.redirect(safeBackPath(c.req.query("back")), 303);
}

export function portalRoutes(app: Hono<AppEnv>, _api: Api): void {
  // 关怀模式 and 简繁切换 are links, so they work without script (src/ui/preferences.ts).
  app.get("/preferences/care-mode", (c) =>
    rememberPreference(c, CARE_MODE_COOKIE, c.req.query("on") === "1" ? "1" : null),
  );
  app.get("/preferences/script", (c) =>
    rememberPreference(c, SCRIPT_COOKIE, c.req.query("to") === "t" ? "t" : null),
  );

  app.get("/", async (c) => {
    const { careMode } = preferencesOf(getCookie(c));
    const latest = await latestPublishedRecords(
      c.get("deps").db,
      careMode ? LATEST_ON_HOME_CARE : LATEST_ON_HOME,
    );
    return renderPortal(c, "首页", <HomePage latest={latest} />);
  });
  for (const href of plainSections) {
    app.get(href, (c) =>
      renderPortal(
        c,
        c.req.path === href ? href.slice(1) && sectionTitle(href) : "",
        <SectionPage href={href} />,
      ),
    );
  }
}

function sectionTitle(href: string): string {
  return (
    {
      "/disclosure": "政府信息公开",
      "/applications": "依申请公开",
      "/interpretations": "政策解读",
      "/interaction": "互动交流",
      "/services": "办事服务",
    }[href] ?? ""
  );
}
