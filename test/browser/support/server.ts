// The real server for browser journeys: the built server, as `npm start` runs it
// on a free port (PORT=0, URL read from its stdout), SQLite in a fresh temp data directory.
// Built on the system tests' process helpers, so both kinds of test start servers the same way.
import { rmSync } from "node:fs";
import {
  cleanUp,
  type ServerProcess,
  startServer as spawnServer,
  tempDir,
} from "../../system/helpers";

/** The value of GONGKAI_ADMIN_PASSWORD: `admin` logs in with it once and must then change it. */
export const initialAdminPassword = "Chushi-Mima-2024";

export interface TestServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:40123/ */
  url: string;
  adminPassword: string;
  dataDir: string;
  /** What the server printed so far, stdout (JSON log lines) then stderr; shown after a 5xx. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** GONGKAI_DEMO: load demo content into the empty database (default true). */
  demo?: boolean;
}

/** Starts a server with a fresh database; `stop()` kills it and deletes its data directory. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = tempDir("gongkai-browser-");
  let proc: ServerProcess;
  try {
    proc = await spawnServer(
      {
        GONGKAI_DATA_DIR: dataDir,
        GONGKAI_ADMIN_PASSWORD: initialAdminPassword,
        GONGKAI_DEMO: options.demo === false ? "0" : "1",
        GONGKAI_LOG_LEVEL: "warn",
      },
      60_000,
    );
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: proc.url,
    adminPassword: initialAdminPassword,
    dataDir,
    output: () => `${proc.stdout()}${proc.stderr()}`,
    async stop() {
      await proc.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Kills every server this process started and deletes their data directories. */
export const stopAllServers = cleanUp;
