import type { Hono } from "hono";
import type { Api } from "../http/api";
import type { AppEnv } from "../http/types";
import { adminApplicationRoutes } from "./admin-routes";
import { applicationApi } from "./api";
import { publicApplicationRoutes } from "./public-routes";

/** 依申请公开: public pages, the back office and the JSON API. */
export function applicationRoutes(app: Hono<AppEnv>, api: Api): void {
  applicationApi(api);
  publicApplicationRoutes(app);
  adminApplicationRoutes(app);
}
