import type { Hono } from "hono";
import type { Api } from "../http/api";
import type { AppEnv } from "../http/types";
import { latestPublishedRecords } from "../records/public-store";
import { renderPortal } from "../ui/render";
import { HomePage, SectionPage } from "./views";

/** Section landing pages whose domain has not installed its own page yet. */
const plainSections = ["/interpretations", "/interaction", "/services"];

/** Newest published records on the home page. */
const LATEST_ON_HOME = 10;

export function portalRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/", async (c) => {
    const latest = await latestPublishedRecords(c.get("deps").db, LATEST_ON_HOME);
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
