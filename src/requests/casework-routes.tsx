import type { Hono } from "hono";
import type { Api } from "../http/api";
import type { AppEnv } from "../http/types";
import { appealRoutes } from "./appeals/routes";
import { ledgerRoutes } from "./ledger/routes";
import { letterRoutes } from "./letters/routes";

/**
 * 依申请公开 casework in the back office: letters and templates, reply attachments, 行政复议 /
 * 行政诉讼 records and the 台账. Installed before applicationRoutes so that
 * /admin/applications/ledger is not taken for a case id.
 */
export function caseworkRoutes(app: Hono<AppEnv>, _api: Api): void {
  ledgerRoutes(app);
  letterRoutes(app);
  appealRoutes(app);
}
