import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Config } from "./config";
import { connectDatabase, type Database } from "./db/database";
import { createApp } from "./http/app";
import { prepareDatabase } from "./platform/bootstrap";
import { jobs } from "./platform/jobs/registry";
import { startScheduler } from "./platform/jobs/scheduler";
import { createLogger, type Logger } from "./platform/log";
import { enableScheduledReleaseMemo, releaseMayBeDue } from "./records/scheduled-release";
import { enableSearchWindowCache } from "./search/search";
import { loadSegmenter } from "./search/segment";
import { servePageCacheHits } from "./ui/cache/middleware";
import { PageCache } from "./ui/cache/page-cache";
import { listenForRevisions } from "./ui/cache/revision";
import { enableRevisionMemos } from "./ui/cache/revision-memo";

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/** Opens the database, prepares it, and serves the app until closed. */
export async function startServer(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const database = connectDatabase(config);
  const lines = await prepareDatabase(database.db, config, logger, new Date());
  // Other processes' content changes reach this one's page cache by LISTEN/NOTIFY (PostgreSQL).
  const revisions = config.databaseUrl
    ? await listenForRevisions(config.databaseUrl, (error) =>
        logger.warn("content revision listener", { error: String(error) }),
      )
    : null;
  // Paging through a search reuses its ranked ids, under the page cache's freshness rules.
  const caching = config.pageCacheMiB > 0;
  if (caching) enableSearchWindowCache();
  enableRevisionMemos();
  enableScheduledReleaseMemo();
  const pageCache = caching ? new PageCache({ maxBytes: config.pageCacheMiB * 2 ** 20 }) : null;
  const clock = () => new Date();
  const app = createApp(
    { db: database.db, engine: database.engine, config, logger, clock },
    { pageCache: pageCache ?? undefined },
  );
  // The word dictionaries (~0.4 s) now, not inside the first visitor's search.
  loadSegmenter();
  // Stored public pages go out before Hono sees the request (ui/cache/middleware.ts).
  const appListener = getRequestListener(app.fetch, { hostname: config.host });
  const server = createServer(
    pageCache ? servePageCacheHits(pageCache, clock, releaseMayBeDue, appListener) : appListener,
  );
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}/`;
  for (const line of lines) process.stdout.write(`${line}\n`);
  // 定时发布, the mail sender and housekeeping (src/platform/jobs/registry.ts), safe with several
  // processes on one database.
  const scheduler = startScheduler({
    db: database.db,
    config: { ...config, port },
    clock: () => new Date(),
    logger,
    jobs,
  });
  logger.info("listening", { url, database: database.engine });
  return {
    url,
    database,
    close: async () => {
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await revisions?.close();
      await database.destroy();
    },
  };
}
