// The `gongkai` command line as an operator runs it (`node bin/gongkai.js …`), on SQLite.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { parseConfig } from "../../src/config";
import { connectDatabase } from "../../src/db/database";
import { prepareDatabase } from "../../src/platform/bootstrap";
import { createLogger } from "../../src/platform/log";
import { sha256Hex } from "../../src/platform/tokens";
import { cleanUp, gongkai, HttpBrowser, type ServerProcess, startServer, tempDir } from "./helpers";

const adminPassword = "Initial-Passw0rd!";
const newAdminPassword = "Changed-Passw0rd#2";

const envFor = (dataDir: string) => ({ GONGKAI_DATA_DIR: dataDir, GONGKAI_LOG_LEVEL: "warn" });

function openReadOnly(dataDir: string): SQLite.Database {
  return new SQLite(join(dataDir, "gongkai.sqlite"), { readonly: true, fileMustExist: true });
}

function rows<T>(dataDir: string, query: string): T[] {
  const sqlite = openReadOnly(dataDir);
  try {
    return sqlite.prepare(query).all() as T[];
  } finally {
    sqlite.close();
  }
}

function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) {
      out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  }
  return out;
}

/** Prepares a data directory in-process the way a first start does (root unit 局机关, admin). */
async function preparedDataDir(): Promise<string> {
  const dataDir = tempDir();
  const config = {
    ...parseConfig({ GONGKAI_DATA_DIR: dataDir, GONGKAI_DEMO: "off" }),
    secret: "x".repeat(40),
    adminPassword,
  };
  mkdirSync(config.uploadsDir, { recursive: true });
  const database = connectDatabase(config);
  try {
    await prepareDatabase(database.db, config, createLogger("silent"), new Date());
  } finally {
    await database.destroy();
  }
  return dataDir;
}

describe("gongkai migrate", () => {
  after(cleanUp);

  it("creates the schema on an empty directory and is idempotent", {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const first = await gongkai(["migrate"], envFor(dataDir));
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /已执行迁移:\d{4}_\d{2}_\d{2}_\d{4}_/);
    const second = await gongkai(["migrate"], envFor(dataDir));
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /数据库已是最新版本/);
    const tables = rows<{ name: string }>(
      dataDir,
      "select name from sqlite_master where type = 'table' and name = 'audit_log'",
    );
    assert.equal(tables.length, 1);
  });
});

describe("gongkai user, token and audit on a running installation", () => {
  let dataDir: string;
  let server: ServerProcess;

  before(async () => {
    dataDir = tempDir();
    server = await startServer({
      ...envFor(dataDir),
      GONGKAI_ADMIN_PASSWORD: adminPassword,
      GONGKAI_DEMO: "off",
    });
  });
  after(cleanUp);

  it("user add prints an initial password that must be changed at first login", {
    timeout: 60_000,
  }, async () => {
    const result = await gongkai(
      ["user", "add", "--username", "u1", "--name", "张三", "--unit", "局机关", "--role", "editor"],
      envFor(dataDir),
    );
    assert.equal(result.code, 0, result.stderr);
    const password = /初始密码:([A-Za-z0-9_-]{10,})/.exec(result.stdout)?.[1];
    assert.ok(password, result.stdout);
    const [user] = rows<{ display_name: string; unit: string; role: string; must: number }>(
      dataDir,
      `select display_name, units.name as unit, role, must_change_password as must
         from users join units on units.id = users.unit_id
         join user_roles on user_roles.user_id = users.id where username = 'u1'`,
    );
    assert.deepEqual(user, { display_name: "张三", unit: "局机关", role: "editor", must: 1 });
    assert.equal(await new HttpBrowser(server.url).login("u1", password), "/account/password");
  });

  it("user add refuses one account holding both admin and auditor", {
    timeout: 60_000,
  }, async () => {
    const result = await gongkai(
      [
        "user",
        "add",
        "--username",
        "both",
        "--name",
        "李四",
        "--role",
        "admin",
        "--role",
        "auditor",
      ],
      envFor(dataDir),
    );
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /三员分立/);
    assert.equal(rows(dataDir, "select id from users where username = 'both'").length, 0);
  });

  it("token create prints a gk_ token once; the database keeps only its hash", {
    timeout: 60_000,
  }, async () => {
    const result = await gongkai(["token", "create", "--user", "u1"], envFor(dataDir));
    assert.equal(result.code, 0, result.stderr);
    const token = result.stdout.trim();
    assert.match(token, /^gk_[A-Za-z0-9_-]{40,}$/);
    const stored = rows<Record<string, unknown>>(dataDir, "select * from api_tokens");
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.token_hash, sha256Hex(token));
    assert.ok(!JSON.stringify(stored).includes(token), "the plain token is not stored");

    // The running server accepts it; a made-up token is refused.
    const ok = await fetch(`${server.url}api/v1/openapi.json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(ok.status, 200);
    const bad = await fetch(`${server.url}api/v1/openapi.json`, {
      headers: { authorization: `Bearer gk_${"x".repeat(43)}` },
    });
    assert.equal(bad.status, 401);
  });

  it("audit verify passes on an untouched installation", { timeout: 60_000 }, async () => {
    const result = await gongkai(["audit", "verify"], envFor(dataDir));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /审计日志校验通过,共 \d+ 条/);
  });

  it("backup while the server writes, restored into a new directory, gives the same data", {
    timeout: 120_000,
  }, async (t) => {
    mkdirSync(join(dataDir, "uploads", "2025", "03"), { recursive: true });
    writeFileSync(join(dataDir, "uploads", "notice.txt"), "关于公开政府信息的通知\n");
    writeFileSync(
      join(dataDir, "uploads", "2025", "03", "scan.bin"),
      createHash("sha256").update("scan").digest(),
    );

    const browser = new HttpBrowser(server.url);
    assert.equal(await browser.login("admin", adminPassword), "/account/password");
    await browser.get("/account/password");
    const changed = await browser.post("/account/password", {
      current: adminPassword,
      password: newAdminPassword,
      confirm: newAdminPassword,
    });
    assert.equal(changed.status, 303);
    await browser.get("/admin/settings");

    // Write version n into two settings in one transaction, as fast as the server takes it.
    let acknowledged = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const n = acknowledged + 1;
        const res = await browser.post("/admin/settings", {
          siteName: `备份测试-${n}`,
          hostOrganisation: `主办单位-${n}`,
          contact: "",
          siteCode: "",
          icpNumber: "",
          policeRecordNumber: "",
          creditCode: "",
          indexNoPattern: "{creditCode}/{year}-{serial:5}",
        });
        assert.equal(res.status, 303);
        acknowledged = n;
      }
    })();
    let failed: unknown = null;
    writer.catch((error) => {
      failed = error;
    });
    while (acknowledged < 3 && !failed) await new Promise((r) => setTimeout(r, 10));
    const before = acknowledged;
    const file = join(tempDir(), "gongkai-backup.tar.gz");
    const backup = await gongkai(["backup", file], envFor(dataDir));
    const during = acknowledged - before;
    writing = false;
    await writer;
    assert.equal(backup.code, 0, backup.stderr);
    t.diagnostic(`${before} saves before the backup, ${during} while it ran`);

    const restoredDir = join(tempDir(), "restored");
    const restore = await gongkai(["restore", file], envFor(restoredDir));
    assert.equal(restore.code, 0, restore.stderr);

    // A consistent snapshot: both settings of one version, and exactly that many audit entries.
    const settings = (dir: string) =>
      Object.fromEntries(
        rows<{ key: string; value: string }>(dir, "select key, value from site_settings").map(
          (r) => [r.key, r.value],
        ),
      );
    const restored = settings(restoredDir);
    const version = Number(/^备份测试-(\d+)$/.exec(restored.siteName ?? "")?.[1]);
    assert.ok(version >= before && version <= acknowledged, `version ${version}`);
    assert.equal(restored.hostOrganisation, `主办单位-${version}`);
    assert.equal(
      rows(restoredDir, "select id from audit_log where action = 'settings.updated'").length,
      version,
    );
    const source = settings(dataDir);
    assert.deepEqual(restored, {
      ...source,
      siteName: `备份测试-${version}`,
      hostOrganisation: `主办单位-${version}`,
    });

    const users = (dir: string) =>
      rows(
        dir,
        `select users.*, group_concat(role) as roles from users
           left join user_roles on user_roles.user_id = users.id group by users.id order by users.id`,
      );
    assert.deepEqual(users(restoredDir), users(dataDir));

    const verify = await gongkai(["audit", "verify"], envFor(restoredDir));
    assert.equal(verify.code, 0, verify.stderr);
    assert.deepEqual(
      fileHashes(join(restoredDir, "uploads")),
      fileHashes(join(dataDir, "uploads")),
    );
    assert.equal(Object.keys(fileHashes(join(restoredDir, "uploads"))).length, 2);
  });

  it("restore refuses a directory that already has a database", { timeout: 60_000 }, async () => {
    const file = join(tempDir(), "again.tar.gz");
    assert.equal((await gongkai(["backup", file], envFor(dataDir))).code, 0);
    const result = await gongkai(["restore", file], envFor(dataDir));
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /已存在/);
  });
});

describe("gongkai audit verify on a tampered log", () => {
  after(cleanUp);

  it("exits non-zero and names the changed entry", { timeout: 90_000 }, async () => {
    const dataDir = await preparedDataDir();
    for (const username of ["u2", "u3"]) {
      const added = await gongkai(
        ["user", "add", "--username", username, "--role", "reviewer"],
        envFor(dataDir),
      );
      assert.equal(added.code, 0, added.stderr);
    }
    const sqlite = new SQLite(join(dataDir, "gongkai.sqlite"));
    const ids = (
      sqlite.prepare("select id from audit_log order by id").all() as { id: number }[]
    ).map((r) => r.id);
    assert.ok(ids.length >= 3, `${ids.length} audit entries`);
    const target = ids[1]!;
    sqlite.exec("DROP TRIGGER audit_log_no_update");
    sqlite.prepare("update audit_log set detail = ? where id = ?").run("篡改后的内容", target);
    sqlite.close();

    const result = await gongkai(["audit", "verify"], envFor(dataDir));
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, new RegExp(`第 ${target} 条`));
    assert.match(result.stderr, /被修改/);
  });
});
