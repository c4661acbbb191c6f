// The outbox without an SMTP server: mail is filed as .eml files and shown at /admin/mail; rows
// are claimed once however many senders run; a dead sender's lease expires; retries give up.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/support/app";
import { connectDatabase, type Database } from "../../db/database";
import { personalDataKey } from "../crypto";
import { createLogger } from "../log";
import { enqueueMail } from "./outbox";
import { LEASE_MS, MAX_ATTEMPTS } from "./rules";
import { mailDir, sendDueMail } from "./sender";

describe("mail outbox", () => {
  let t: TestApp;
  let second: Database;
  const logger = createLogger("silent");
  const key = () => personalDataKey(t.config.secret);
  const send = (db = t.t.db, config = t.config) =>
    sendDueMail({ db, config, logger, now: t.now() });

  before(async () => {
    t = await createTestApp();
    second = connectDatabase({ databaseUrl: t.t.url, sqlitePath: t.t.sqlitePath ?? "" });
    await t.createUser("sysadmin", ["admin"]);
    await t.createUser("editor", ["editor"]);
  });
  after(async () => {
    await second.destroy();
    await t.close();
  });

  it("queues a logical mail once, with the recipient (and a sealed body) encrypted", async () => {
    const mail = {
      to: "wang.wu@example.com",
      subject: "测试邮件",
      text: "王五,您的查询码是 ABCD-EFGH",
      dedupeKey: "test:once",
      key: key(),
      sealed: true,
    };
    assert.equal(await enqueueMail(t.t.db, mail, t.now()), true);
    assert.equal(await enqueueMail(t.t.db, { ...mail, subject: "again" }, t.now()), false);
    const rows = await t.t.db.selectFrom("mail_outbox").selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.to_masked, "w***@example.com");
    assert.ok(!JSON.stringify(rows).includes("wang.wu@") && !JSON.stringify(rows).includes("ABCD"));
    await assert.rejects(
      enqueueMail(t.t.db, { ...mail, key: undefined, dedupeKey: "test:nokey" }, t.now()),
      /key/,
    );
  });

  it("without SMTP_URL files each mail as .eml and shows it at /admin/mail, masked", async () => {
    assert.equal(t.config.smtpUrl, null);
    const result = await send();
    assert.deepEqual(result, { sent: 0, filed: 1, retrying: 0, failed: 0 });
    const row = await t.t.db.selectFrom("mail_outbox").selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, "filed");
    const files = readdirSync(mailDir(t.config));
    assert.deepEqual(files, [row.file_name]);
    const eml = readFileSync(join(mailDir(t.config), row.file_name!), "utf8");
    assert.match(eml, /^To: wang\.wu@example\.com$/m);
    assert.match(eml, new RegExp(`^Message-ID: ${row.message_id!.replace(/[.]/g, "\\.")}`, "m"));
    assert.deepEqual(await send(), { sent: 0, filed: 0, retrying: 0, failed: 0 });

    const admin = await t.login("sysadmin");
    const list = await (await admin.get("/admin/mail")).text();
    assert.match(list, /w\*\*\*@example\.com/);
    assert.ok(!list.includes("wang.wu@"));
    assert.match(list, /已存为文件/);
    const view = await admin.get(`/admin/mail/${row.id}`);
    assert.equal(view.status, 200);
    assert.match(await view.text(), /您的查询码是 ABCD-EFGH/);
    const raw = await admin.get(`/admin/mail/${row.id}/eml`);
    assert.equal(raw.headers.get("content-type"), "message/rfc822");
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "mail")
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ["mail.download", "mail.view"]);
    const editor = await t.login("editor");
    assert.equal((await editor.get("/admin/mail")).status, 403);
    assert.equal((await editor.get(`/admin/mail/${row.id}`)).status, 403);
    assert.equal((await admin.get("/admin/mail/999999")).status, 404);
  });

  it("two senders racing over many rows deliver each exactly once", async () => {
    for (let i = 0; i < 30; i++) {
      await enqueueMail(
        t.t.db,
        {
          to: `p${i}@example.com`,
          subject: `批量 ${i}`,
          text: "正文",
          dedupeKey: `race:${i}`,
          key: key(),
        },
        t.now(),
      );
    }
    const [a, b] = await Promise.all([send(t.t.db), send(second.db)]);
    assert.equal(a.filed + b.filed, 30);
    const files = readdirSync(mailDir(t.config)).filter((f) => f.endsWith(".eml"));
    assert.equal(files.length, 31);
    const rows = await t.t.db
      .selectFrom("mail_outbox")
      .select(["status", "attempts"])
      .where("dedupe_key", "like", "race:%")
      .execute();
    assert.ok(rows.every((r) => r.status === "filed" && r.attempts === 1));
  });

  it("a crashed sender's lease expires and the mail is taken again", async () => {
    await enqueueMail(
      t.t.db,
      { to: "lease@example.com", subject: "租约", text: "x", dedupeKey: "lease", key: key() },
      t.now(),
    );
    // A sender claimed it and died.
    await t.t.db
      .updateTable("mail_outbox")
      .set({
        status: "sending",
        claim_token: "dead",
        claimed_at: t.now().toISOString(),
        attempts: 1,
      })
      .where("dedupe_key", "=", "lease")
      .execute();
    assert.equal((await send()).filed, 0, "still leased");
    t.setNow(new Date(t.now().getTime() + LEASE_MS + 1_000).toISOString());
    assert.equal((await send()).filed, 1);
    const row = await t.t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("dedupe_key", "=", "lease")
      .executeTakeFirstOrThrow();
    assert.equal(row.status, "filed");
    assert.equal(row.attempts, 2);
  });

  it("retries with backoff and gives up after the last attempt, visible as failed", async () => {
    // A port nothing listens on: connection refused at once.
    const smtp = { ...t.config, smtpUrl: "smtp://127.0.0.1:9" };
    await enqueueMail(
      t.t.db,
      { to: "fail@example.com", subject: "失败", text: "x", dedupeKey: "fail", key: key() },
      t.now(),
    );
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const result = await send(t.t.db, smtp);
      assert.equal(result.retrying + result.failed, 1, `attempt ${i}`);
      const row = await t.t.db
        .selectFrom("mail_outbox")
        .selectAll()
        .where("dedupe_key", "=", "fail")
        .executeTakeFirstOrThrow();
      assert.equal(row.attempts, i);
      assert.equal(row.status, i === MAX_ATTEMPTS ? "failed" : "pending");
      assert.ok(row.last_error);
      assert.equal((await send(t.t.db, smtp)).retrying, 0, "not before the backoff");
      t.setNow(new Date(Date.parse(row.next_attempt_at) + 1_000).toISOString());
    }
    t.setNow(new Date(t.now().getTime() + 86_400_000).toISOString());
    assert.deepEqual(await send(t.t.db, smtp), { sent: 0, filed: 0, retrying: 0, failed: 0 });
    const admin = await t.login("sysadmin");
    const list = await (await admin.get("/admin/mail?status=failed")).text();
    assert.match(list, /发送失败/);
    assert.match(list, /f\*\*\*@example\.com/);
    assert.ok(existsSync(mailDir(t.config)));
  });
});
