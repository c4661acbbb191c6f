// 座谈会 / 听证会 / 实地走访: public pages under /interaction/meetings, the back office under
// /admin/meetings and the read-only API under /api/v1/meetings.
import type { Hono } from "hono";
import type { Api } from "../../http/api";
import type { AppEnv } from "../../http/types";
import { adminMeetingRoutes } from "./admin-routes";
import { meetingApiRoutes } from "./api";
import { publicMeetingRoutes } from "./public-routes";

export function meetingRoutes(app: Hono<AppEnv>, api: Api): void {
  publicMeetingRoutes(app);
  adminMeetingRoutes(app);
  meetingApiRoutes(app, api);
}
