// 留言咨询 and 回应关切: public pages, back office and the public API.
import type { Hono } from "hono";
import type { Api } from "../http/api";
import type { AppEnv } from "../http/types";
import { adminMessageRoutes } from "./admin-routes";
import { messageApiRoutes } from "./api";
import { publicMessageRoutes } from "./public-routes";

export function messageRoutes(app: Hono<AppEnv>, api: Api): void {
  publicMessageRoutes(app);
  adminMessageRoutes(app);
  messageApiRoutes(app, api);
}
