import type { Kysely } from "kysely";
import type { CurrentUser } from "../accounts/store";
import type { Config } from "../config";
import type { Engine } from "../db/database";
import type { DB } from "../db/schema";
import type { Logger } from "../platform/log";
import type { SiteSettings } from "../platform/settings";

/** What the app needs from the outside world; tests pass their own clock and database. */
export interface AppDeps {
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
  logger: Logger;
  /** The current instant. Routes and services take time from here, never from Date.now(). */
  clock: () => Date;
}

export interface AppVariables {
  deps: AppDeps;
  requestId: string;
  user: CurrentUser | null;
  /** How the user authenticated: a browser session cookie or an API bearer token. */
  authMethod: "session" | "token" | null;
  sessionId: string | null;
  csrfToken: string;
  site: SiteSettings;
  clientIp: string;
}

export interface AppEnv {
  Variables: AppVariables;
}
