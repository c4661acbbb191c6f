// 监督考核 in the back office (/admin/supervision/…) and its API. Each part registers its own
// routes; the annual report (annual-report/) registers separately.
import type { Hono } from "hono";
import type { Api } from "../http/api";
import type { AppEnv } from "../http/types";
import { assessmentRoutes } from "./assessment/routes";
import { dashboardRoutes } from "./dashboard/routes";
import { taskRoutes } from "./tasks/routes";

export function supervisionRoutes(app: Hono<AppEnv>, api: Api): void {
  dashboardRoutes(app, api);
  assessmentRoutes(app);
  taskRoutes(app);
}
