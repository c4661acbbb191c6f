// First start, restart and bad configuration, with the server as a real process.
// Runs on the database engine of the test run: SQLite in the data directory, or a fresh
// PostgreSQL database when DATABASE_URL=postgres://… is set.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { connectDatabase } from "../../src/db/database";
import { createTestDatabase, type TestDatabase, testEngine } from "../support/database";
import {
  builtServer,
  cleanUp,
  HttpBrowser,
  runNode,
  type ServerProcess,
  startServer,
  tempDir,
} from "./helpers";

// Any initial password (the admin's, and the demo accounts' when demo content is on).
const passwordLine = /初始密码/g;
const adminPasswordLine = /管理员账号 admin,初始密码/g;

describe("first start on an empty data directory", () => {
  let pgDatabase: TestDatabase | null = null;
  let dataDir: string;
  let env: Record<string, string>;
  let server: ServerProcess;
  let adminPassword = "";
  let browser: HttpBrowser;
  let firstCsrf = "";
  let firstSecret = "";

  before(async () => {
    dataDir = tempDir();
    env = { GONGKAI_DATA_DIR: dataDir };
    if (testEngine() === "postgres") {
      pgDatabase = await createTestDatabase();
      env.DATABASE_URL = pgDatabase.url!;
    }
  });

  after(async () => {
    await cleanUp();
    await pgDatabase?.destroy();
  });

  async function usernames(): Promise<string[]> {
    const database = connectDatabase({
      databaseUrl: env.DATABASE_URL ?? null,
      sqlitePath: join(dataDir, "gongkai.sqlite"),
    });
    try {
      const rows = await database.db
        .selectFrom("users")
        .select("username")
        .orderBy("username")
        .execute();
      return rows.map((r) => r.username);
    } finally {
      await database.destroy();
    }
  }

  it("answers /healthz within 10 seconds and prints the admin's initial password once", {
    timeout: 60_000,
  }, async (t) => {
    // Waits longer than the promise so that a slow start fails this test only, not the ones after.
    server = await startServer(env);
    t.diagnostic(`ready after ${server.readyMs} ms`);
    const res = await fetch(`${server.url}healthz`);
    assert.deepEqual(await res.json(), { status: "ok", database: "ok" });
    const lines = server.stdout().match(adminPasswordLine) ?? [];
    assert.equal(lines.length, 1, server.stdout());
    adminPassword =
      /管理员账号 admin,初始密码:([A-Za-z0-9_-]{10,})/.exec(server.stdout())?.[1] ?? "";
    assert.ok(adminPassword, "the password is on the line");
    assert.ok(server.readyMs <= 10_000, `/healthz answered after ${server.readyMs} ms`);
  });

  it("serves the Chinese portal home page", { timeout: 30_000 }, async () => {
    const res = await fetch(server.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    const html = await res.text();
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /政府信息公开/);
    assert.match(html, /县市场监督管理局/);
  });

  it("the admin signs in with the printed password and must change it first", {
    timeout: 30_000,
  }, async () => {
    browser = new HttpBrowser(server.url);
    assert.equal(await browser.login("admin", adminPassword), "/account/password");
    const admin = await browser.request("/admin");
    assert.equal(admin.status, 303);
    assert.equal(admin.headers.get("location"), "/account/password");
    const { res, html } = await browser.get("/account/password");
    assert.equal(res.status, 200);
    assert.match(html, /修改密码/);
    firstCsrf = browser.csrf;
  });

  it("without GONGKAI_SECRET the data directory gets a secret file readable by the owner only", async () => {
    const file = join(dataDir, "secret");
    assert.equal(statSync(file).mode & 0o777, 0o600);
    firstSecret = readFileSync(file, "utf8");
    assert.ok(firstSecret.trim().length >= 32);
  });

  it("SIGTERM stops the server cleanly", { timeout: 30_000 }, async () => {
    assert.deepEqual(await server.kill("SIGTERM"), { code: 0, signal: null });
  });

  it("a second start reuses the secret, creates no second admin and prints no password", {
    timeout: 60_000,
  }, async () => {
    server = await startServer(env);
    assert.equal(readFileSync(join(dataDir, "secret"), "utf8"), firstSecret);
    assert.equal(statSync(join(dataDir, "secret")).mode & 0o777, 0o600);
    assert.doesNotMatch(server.stdout(), passwordLine);
    assert.doesNotMatch(server.stdout(), /已创建管理员账号/);
    const names = await usernames();
    assert.equal(names.filter((n) => n === "admin").length, 1);
    assert.deepEqual(names, [...new Set(names)].sort(), "no account was created twice");

    // The new process signs with the same secret: the same browser (whose session survived the
    // restart) gets the same form token.
    browser.base = server.url;
    browser.csrf = "";
    const { res } = await browser.get("/account/password");
    assert.equal(res.status, 200);
    assert.equal(browser.csrf, firstCsrf);
    // And the first password is still the admin's.
    assert.equal(
      await new HttpBrowser(server.url).login("admin", adminPassword),
      "/account/password",
    );
    await server.kill("SIGTERM");
  });
});

describe("configuration", () => {
  after(cleanUp);

  it("PORT=abc exits non-zero with one stderr line naming PORT, touching nothing", {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const result = await runNode([builtServer()], {
      PORT: "abc",
      GONGKAI_DATA_DIR: dataDir,
    });
    assert.notEqual(result.code, 0);
    const lines = result.stderr.split("\n").filter((l) => l !== "");
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /\bPORT\b/);
    assert.deepEqual(readdirSync(dataDir), []);
  });

  it("with GONGKAI_SECRET set no secret file is written", { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const server = await startServer({
      GONGKAI_DATA_DIR: dataDir,
      GONGKAI_SECRET: "s".repeat(40),
      GONGKAI_DEMO: "off",
      GONGKAI_LOG_LEVEL: "warn",
    });
    assert.equal(existsSync(join(dataDir, "secret")), false);
    await server.kill("SIGTERM");
  });
});
