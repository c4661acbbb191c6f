import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../http/types";
import { BackOfficeLayout, PortalLayout } from "./layout";
import { type PageContext, PageContextProvider } from "./page-context";

function pageContextOf(c: Context<AppEnv>): PageContext {
  return {
    csrfToken: c.get("csrfToken"),
    user: c.get("user"),
    site: c.get("site"),
    path: c.req.path,
  };
}

/** Renders any JSX tree with the page context available, as a full HTML document. */
export async function renderDocument(
  c: Context<AppEnv>,
  tree: Child,
  status = 200,
): Promise<Response> {
  const element = <PageContextProvider value={pageContextOf(c)}>{tree}</PageContextProvider>;
  const html = await element.toString();
  c.header("Cache-Control", c.get("user") ? "private, no-store" : "no-cache");
  return c.html(`<!doctype html>${html}`, status as 200);
}

export function renderPortal(c: Context<AppEnv>, title: string, content: Child, status = 200) {
  return renderDocument(c, <PortalLayout title={title}>{content}</PortalLayout>, status);
}

export function renderBackOffice(c: Context<AppEnv>, title: string, content: Child, status = 200) {
  return renderDocument(c, <BackOfficeLayout title={title}>{content}</BackOfficeLayout>, status);
}
