// Builds the real app on a fresh test database, with a controllable clock and helpers to act as
// a browser (cookies + CSRF field) or an API client (bearer token).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { createApiToken } from "../../src/accounts/api-tokens";
import type { Role } from "../../src/accounts/roles";
import { createUser } from "../../src/accounts/service";
import { type Config, parseConfig } from "../../src/config";
import { createApp } from "../../src/http/app";
import type { AppEnv } from "../../src/http/types";
import { systemActor } from "../../src/platform/audit";
import { prepareDatabase } from "../../src/platform/bootstrap";
import { createLogger } from "../../src/platform/log";
import type { PageCache } from "../../src/ui/cache/page-cache";
import { createTestDatabase, type TestDatabase } from "./database";

export const testPassword = "Test-Passw0rd!";

export interface TestApp {
  app: Hono<AppEnv>;
  t: TestDatabase;
  config: Config;
  /** Moves the app's clock; starts at `start` (default 2025-03-03T02:00:00Z, a Monday 10:00 in Shanghai). */
  setNow(iso: string): void;
  now(): Date;
  /** Creates a user in the root unit (or `unitId`) with a known password and no forced change. */
  createUser(username: string, roles: Role[], unitId?: number): Promise<number>;
  /** A browser signed in as `username` (password `testPassword`). */
  login(username: string): Promise<Browser>;
  /** An anonymous browser. */
  browser(): Browser;
  /** An API token for `username`. */
  token(username: string): Promise<string>;
  rootUnitId(): Promise<number>;
  close(): Promise<void>;
}

/** A cookie jar plus the CSRF token scraped from the last HTML page, like a real browser form. */
export class Browser {
  private cookies = new Map<string, string>();
  csrf = "";
  constructor(private readonly app: Hono<AppEnv>) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await this.app.request(path, { ...init, headers });
    this.remember(res);
    return res;
  }

  /** GET a page; remembers its CSRF token. */
  async get(path: string): Promise<Response> {
    const res = await this.request(path);
    if ((res.headers.get("content-type") ?? "").includes("text/html")) {
      const html = await res.clone().text();
      const m = /name="_csrf" value="([^"]+)"/.exec(html);
      if (m?.[1]) this.csrf = m[1];
    }
    return res;
  }

  /** POST a form with the CSRF field, as the browser would after loading a page. */
  async post(
    path: string,
    fields: Record<string, string | string[]> | FormData = {},
  ): Promise<Response> {
    if (!this.csrf) await this.get("/");
    if (fields instanceof FormData) {
      if (!fields.has("_csrf")) fields.set("_csrf", this.csrf);
      return this.request(path, { method: "POST", body: fields });
    }
    const body = new URLSearchParams();
    body.set("_csrf", this.csrf);
    for (const [k, v] of Object.entries(fields)) {
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    }
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
  }
}

export interface TestAppOptions {
  start?: string;
  env?: Record<string, string>;
  /** A page cache, as the server has (off by default: tests change data behind the app's back). */
  pageCache?: PageCache;
}

/** The app on a fresh, prepared database (migrated, admin created, catalog seeded, no demo content). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const t = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "gongkai-data-"));
  const config: Config = {
    ...parseConfig({
      GONGKAI_DATA_DIR: dataDir,
      GONGKAI_DEMO: "0",
      GONGKAI_LOG_LEVEL: "silent",
      ...options.env,
    }),
    secret: "test-secret-test-secret-test-secret-0123",
    adminPassword: testPassword,
  };
  let now = new Date(options.start ?? "2025-03-03T02:00:00Z");
  const logger = createLogger("silent");
  await prepareDatabase(t.db, config, logger, now);
  const app = createApp(
    { db: t.db, engine: t.engine, config, logger, clock: () => now },
    { pageCache: options.pageCache },
  );
  const rootUnitId = async () =>
    (
      await t.db
        .selectFrom("units")
        .select("id")
        .where("parent_id", "is", null)
        .executeTakeFirstOrThrow()
    ).id;
  const harness: TestApp = {
    app,
    t,
    config,
    setNow: (iso) => {
      now = new Date(iso);
    },
    now: () => now,
    rootUnitId,
    createUser: async (username, roles, unitId) =>
      createUser(
        t.db,
        systemActor,
        {
          username,
          displayName: username,
          unitId: unitId ?? (await rootUnitId()),
          roles,
          password: testPassword,
          mustChangePassword: false,
        },
        now,
      ),
    browser: () => new Browser(app),
    login: async (username) => {
      const b = new Browser(app);
      await b.get("/login");
      const res = await b.post("/login", { username, password: testPassword });
      if (res.status !== 303) throw new Error(`login as ${username} failed: ${res.status}`);
      await b.get("/admin");
      return b;
    },
    token: async (username) => {
      const user = await t.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow();
      return (await createApiToken(t.db, user.id, "test", now)).token;
    },
    close: async () => {
      await t.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
