import { serve } from "@hono/node-server";
import type { Config } from "./config";
import { connectDatabase, type Database } from "./db/database";
import { createApp } from "./http/app";
import { prepareDatabase } from "./platform/bootstrap";
import { createLogger, type Logger } from "./platform/log";
import { publishDueScheduledRecords } from "./records/service";

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
  const app = createApp({
    db: database.db,
    engine: database.engine,
    config,
    logger,
    clock: () => new Date(),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}/`;
  for (const line of lines) process.stdout.write(`${line}\n`);
  const timer = startScheduledPublishing(database, logger);
  logger.info("listening", { url, database: database.engine });
  return {
    url,
    database,
    close: async () => {
      clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.destroy();
    },
  };
}

/**
 * Publishes records whose scheduled time has come, every 30 seconds. Safe with several server
 * processes: each record is published under the records lock, exactly once.
 */
function startScheduledPublishing(database: Database, logger: Logger): NodeJS.Timeout {
  const timer = setInterval(() => {
    publishDueScheduledRecords(database.db, new Date()).then(
      (result) => {
        if (result.published.length || result.refused.length) {
          logger.info("scheduled publishing", {
            published: result.published.length,
            refused: result.refused.length,
          });
        }
      },
      (err: unknown) => logger.error("scheduled publishing failed", { error: String(err) }),
    );
  }, 30_000);
  timer.unref();
  return timer;
}
