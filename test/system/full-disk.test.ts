// A full disk: the data folder on a small tmpfs is filled up while the server runs. Writes must
// fail with a clear Chinese message (503, no stack trace) and leave nothing half-written; when
// space returns the server works again without a restart, the database passes integrity_check
// and the audit chain verifies. Mounting a tmpfs needs root; elsewhere the test is skipped.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { cleanUp, gongkai, HttpBrowser, type ServerProcess, startServer } from "./helpers";

const initialPassword = "Initial-Passw0rd!";
const newPassword = "Changed-Passw0rd#2";

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

/** Mounts a tmpfs of `megabytes` at `dir`; false when this process may not mount. */
function mountTmpfs(dir: string, megabytes: number): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", dir], {
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
}

/** Writes a file until the disk is full; returns its path. */
function fillDisk(dir: string): string {
  const file = join(dir, "filler.bin");
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
  return file;
}

describe("a full disk under the data folder", () => {
  // Not a helpers tempDir: cleanUp() would try to delete it while it is still mounted.
  const mountPoint = mkdtempSync(join(tmpdir(), "gongkai-full-disk-"));
  const mounted = mountTmpfs(mountPoint, 48);
  const dataDir = join(mountPoint, "data");
  const env = {
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_ADMIN_PASSWORD: initialPassword,
    GONGKAI_DEMO: "off",
    GONGKAI_LOG_LEVEL: "warn",
  };
  let server: ServerProcess;
  const browser = new HttpBrowser("http://127.0.0.1/");

  after(async () => {
    await cleanUp();
    if (mounted) execFileSync("umount", ["-l", mountPoint], { stdio: "ignore" });
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it("refuses writes clearly while full, recovers when space returns, and loses nothing", {
    skip: mounted ? false : "mounting a tmpfs needs root (the CI job runs as root)",
    timeout: 120_000,
  }, async (t) => {
    mkdirSync(dataDir, { recursive: true });
    server = await startServer(env);
    browser.base = server.url;
    await browser.login("admin", initialPassword);
    await browser.get("/account/password");
    const changed = await browser.post("/account/password", {
      current: initialPassword,
      password: newPassword,
      confirm: newPassword,
    });
    assert.equal(changed.status, 303);
    await browser.get("/admin/settings");
    assert.equal(
      (await browser.post("/admin/settings", settingsForm("满盘前的站点名"))).status,
      303,
    );

    const filler = fillDisk(mountPoint);
    let refused = 0;
    for (let i = 0; i < 5; i++) {
      const res = await browser.request("/admin/settings", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: browser.csrf, ...settingsForm(`满盘时的站点名${i}`) }),
      });
      const html = await res.text();
      if (res.status === 303) continue; // SQLite may still find room in pages it already has
      assert.equal(res.status, 503, (server.stdout() + server.stderr()).slice(-1500));
      assert.match(html, /存储空间已满/);
      assert.doesNotMatch(html, /at \w+ \(|node_modules|SQLITE_/);
      refused++;
    }
    assert.ok(refused > 0, "at least one write was refused while the disk was full");
    const health = await fetch(`${server.url}healthz`);
    assert.equal(health.status, 200, "the server stays up and can still read");

    rmSync(filler);
    await browser.get("/admin/settings");
    const saved = await browser.post("/admin/settings", settingsForm("恢复后的站点名"));
    assert.equal(saved.status, 303);
    assert.match(await (await fetch(server.url)).text(), /恢复后的站点名/);
    t.diagnostic(`${refused} of 5 writes refused with 503 while full; recovered without restart`);

    await server.kill("SIGTERM");
    const verify = await gongkai(["audit", "verify"], { GONGKAI_DATA_DIR: dataDir });
    assert.equal(verify.code, 0, verify.stderr);
    const sqlite = new SQLite(join(dataDir, "gongkai.sqlite"), { readonly: true });
    try {
      assert.equal(sqlite.pragma("integrity_check", { simple: true }), "ok");
      const saves = sqlite
        .prepare("select count(*) as n from audit_log where action = 'settings.updated'")
        .get() as { n: number };
      assert.equal(saves.n, 2 + (5 - refused), "one audit entry per acknowledged save, no more");
    } finally {
      sqlite.close();
    }
  });
});
