import type { Hono } from "hono";
import { sql } from "kysely";
import type { AppEnv } from "./types";

export function healthRoutes(app: Hono<AppEnv>): void {
  /** Reports whether the database answers; load balancers and the operator's monitoring use it. */
  app.get("/healthz", async (c) => {
    c.header("Cache-Control", "no-store");
    try {
      await sql`select 1`.execute(c.get("deps").db);
      return c.json({ status: "ok", database: "ok" });
    } catch {
      return c.json({ status: "error", database: "unreachable" }, 503);
    }
  });
}
