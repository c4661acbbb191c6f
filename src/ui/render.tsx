import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { Child } from "hono/jsx";
import { csrfField } from "../http/csrf";
import type { AppEnv } from "../http/types";
import { CACHEABLE_MARK } from "./cache/middleware";
import { htmlToTraditional } from "./chinese-script";
import { BackOfficeLayout, PortalLayout } from "./layout";
import { type PageContext, PageContextProvider } from "./page-context";
import { defaultPreferences, isPublicPath, preferencesOf } from "./preferences";

function pageContextOf(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url);
  const prefs = isPublicPath(c.req.path) ? preferencesOf(getCookie(c)) : defaultPreferences;
  return {
    csrfToken: c.get("csrfToken"),
    user: c.get("user"),
    site: c.get("site"),
    path: c.req.path,
    here: `${url.pathname}${url.search}`,
    ...prefs,
  };
}

const csrfInput = `name="${csrfField}"`;

/**
 * Renders any JSX tree with the page context available, as a full HTML document. Public pages
 * are converted to traditional characters when the visitor chose 繁體, and are offered to the
 * page cache (src/ui/cache/) unless they could be personal: a signed-in visitor, or a form
 * carrying the visitor's CSRF token. Routes that set cookies or `no-store` are refused there.
 */
export async function renderDocument(
  c: Context<AppEnv>,
  tree: Child,
  status = 200,
): Promise<Response> {
  const page = pageContextOf(c);
  const element = <PageContextProvider value={page}>{tree}</PageContextProvider>;
  let html = `<!doctype html>${await element.toString()}`;
  const isPublic = isPublicPath(page.path);
  if (isPublic && page.script === "t") html = htmlToTraditional(html);
  c.header("Cache-Control", page.user ? "private, no-store" : "no-cache");
  if (isPublic && !page.user && status === 200 && !html.includes(csrfInput)) {
    c.header(CACHEABLE_MARK, "1");
  }
  return c.html(html, status as 200);
}

export function renderPortal(c: Context<AppEnv>, title: string, content: Child, status = 200) {
  return renderDocument(c, <PortalLayout title={title}>{content}</PortalLayout>, status);
}

export function renderBackOffice(c: Context<AppEnv>, title: string, content: Child, status = 200) {
  return renderDocument(c, <BackOfficeLayout title={title}>{content}</BackOfficeLayout>, status);
}
