// Acceptance: a test kills the server with SIGKILL right after a 2xx write and finds the write
// after restart. On SQLite (WAL, synchronous=FULL), with the server as a real process.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { cleanUp, gongkai, HttpBrowser, type ServerProcess, startServer, tempDir } from "./helpers";

const initialPassword = "Initial-Passw0rd!";
const newPassword = "Changed-Passw0rd#2";
const kills = 5;

/** Every field of the settings form, with a unique site name. */
function settingsForm(siteName: string): Record<string, string> {
  return {
    siteName,
    hostOrganisation: "县市场监督管理局",
    contact: "",
    siteCode: "",
    icpNumber: "",
    policeRecordNumber: "",
    creditCode: "",
    indexNoPattern: "{creditCode}/{year}-{serial:5}",
  };
}

describe("SIGKILL right after an acknowledged write", () => {
  const dataDir = tempDir();
  const env = {
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_ADMIN_PASSWORD: initialPassword,
    GONGKAI_DEMO: "off",
    GONGKAI_LOG_LEVEL: "warn",
  };
  let server: ServerProcess;
  const browser = new HttpBrowser("http://127.0.0.1/");

  after(cleanUp);

  async function killNow(): Promise<void> {
    process.kill(server.pid, "SIGKILL");
    assert.equal((await server.exited).signal, "SIGKILL");
  }

  async function restart(): Promise<void> {
    server = await startServer(env);
    browser.base = server.url;
  }

  it("a password change answered 303 survives a SIGKILL", { timeout: 90_000 }, async () => {
    await restart();
    assert.equal(await browser.login("admin", initialPassword), "/account/password");
    await browser.get("/account/password");
    const res = await browser.post("/account/password", {
      current: initialPassword,
      password: newPassword,
      confirm: newPassword,
    });
    assert.equal(res.status, 303);
    await killNow();

    await restart();
    assert.equal(await new HttpBrowser(server.url).login("admin", newPassword), "/admin");
  });

  it(`${kills} settings saves, each killed at once, are all there after restart`, {
    timeout: 240_000,
  }, async (t) => {
    let found = 0;
    for (let i = 1; i <= kills; i++) {
      const siteName = `崩溃测试站点-${i}-${Date.now().toString(36)}`;
      // The session cookie set by the password change survives every restart.
      const { res: form } = await browser.get("/admin/settings");
      assert.equal(form.status, 200);
      const saved = await browser.post("/admin/settings", settingsForm(siteName));
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get("location"), "/admin/settings?saved=1");
      await killNow();

      await restart();
      const home = await (await fetch(server.url)).text();
      if (home.includes(siteName)) found++;
      else assert.fail(`after kill ${i} the site name ${siteName} is missing`);
    }
    t.diagnostic(`${kills} kills after a 303, ${found} writes found after restart`);
    await killNow();
  });

  it("afterwards the audit chain verifies and the database passes integrity_check", {
    timeout: 30_000,
  }, async () => {
    const verify = await gongkai(["audit", "verify"], { GONGKAI_DATA_DIR: dataDir });
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /审计日志校验通过/);

    const sqlite = new SQLite(join(dataDir, "gongkai.sqlite"), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      assert.equal(sqlite.pragma("integrity_check", { simple: true }), "ok");
      // Each acknowledged change wrote its audit entry in the same transaction.
      const count = (action: string) =>
        (
          sqlite.prepare("select count(*) as n from audit_log where action = ?").get(action) as {
            n: number;
          }
        ).n;
      assert.equal(count("settings.updated"), kills);
      assert.equal(count("user.password_changed"), 1);
    } finally {
      sqlite.close();
    }
  });
});
