import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { createTestApp, type TestApp, testPassword } from "../../test/support/app";
import { createTestDatabase, type TestDatabase } from "../../test/support/database";
import { type AuditActor, recordAudit, verifyAuditChain } from "./audit";
import { GENESIS_HASH } from "./audit-chain";

const actor: AuditActor = { id: null, name: "tester", ip: "127.0.0.1" };
const at = new Date("2025-03-03T02:00:00Z");

/** Lets a test play the attacker with direct database access: turns the append-only triggers off. */
async function disableAppendOnly(t: TestDatabase): Promise<void> {
  if (t.engine === "postgres") {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.db);
  } else {
    await sql`DROP TRIGGER audit_log_no_update`.execute(t.db);
    await sql`DROP TRIGGER audit_log_no_delete`.execute(t.db);
  }
}

async function withDatabase(fn: (t: TestDatabase) => Promise<void>): Promise<void> {
  const t = await createTestDatabase();
  try {
    await fn(t);
  } finally {
    await t.destroy();
  }
}

async function recordThree(t: TestDatabase): Promise<number[]> {
  for (const action of ["one", "two", "three"]) {
    await recordAudit(t.db, actor, { action, objectType: "test", detail: `${action} 说明` }, at);
  }
  const rows = await t.db.selectFrom("audit_log").select("id").orderBy("id").execute();
  return rows.map((r) => r.id);
}

describe("audit chain in the database", () => {
  it("each entry links to the one before it, and the whole chain verifies", async () => {
    await withDatabase(async (t) => {
      await recordThree(t);
      const rows = await t.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
      assert.equal(rows[0]!.prev_hash, GENESIS_HASH);
      assert.equal(rows[1]!.prev_hash, rows[0]!.hash);
      assert.equal(rows[2]!.prev_hash, rows[1]!.hash);
      assert.deepEqual(await verifyAuditChain(t.db), { ok: true, entries: 3 });
    });
  });

  it("an empty log verifies", async () => {
    await withDatabase(async (t) => {
      assert.deepEqual(await verifyAuditChain(t.db), { ok: true, entries: 0 });
    });
  });

  it("a row changed behind the application's back is reported by its id", async () => {
    await withDatabase(async (t) => {
      const [, second] = await recordThree(t);
      await disableAppendOnly(t);
      await t.db
        .updateTable("audit_log")
        .set({ detail: "改写" })
        .where("id", "=", second!)
        .execute();
      assert.deepEqual(await verifyAuditChain(t.db), {
        ok: false,
        entries: 1,
        brokenId: second,
        reason: "content_changed",
      });
    });
  });

  it("a deleted row breaks the link of the row after it", async () => {
    await withDatabase(async (t) => {
      const [, second, third] = await recordThree(t);
      await disableAppendOnly(t);
      await t.db.deleteFrom("audit_log").where("id", "=", second!).execute();
      assert.deepEqual(await verifyAuditChain(t.db), {
        ok: false,
        entries: 1,
        brokenId: third,
        reason: "link_broken",
      });
    });
  });

  it("verification walks past its batch size", async () => {
    await withDatabase(async (t) => {
      const ids = await recordThree(t);
      assert.deepEqual(await verifyAuditChain(t.db, 2), { ok: true, entries: 3 });
      await disableAppendOnly(t);
      await t.db
        .updateTable("audit_log")
        .set({ actor_name: "x" })
        .where("id", "=", ids[2]!)
        .execute();
      const result = await verifyAuditChain(t.db, 2);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.brokenId, ids[2]);
    });
  });

  it("50 concurrent recordAudit calls still form one unbroken chain", async () => {
    await withDatabase(async (t) => {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          recordAudit(t.db, actor, { action: "concurrent", objectType: "test", objectId: i }, at),
        ),
      );
      assert.deepEqual(await verifyAuditChain(t.db), { ok: true, entries: 50 });
      const objects = await t.db.selectFrom("audit_log").select("object_id").execute();
      assert.equal(new Set(objects.map((o) => o.object_id)).size, 50);
    });
  });

  it("an audit entry written in a transaction that rolls back disappears with the change", async () => {
    await withDatabase(async (t) => {
      await assert.rejects(
        t.db.transaction().execute(async (trx) => {
          await recordAudit(trx, actor, { action: "doomed", objectType: "test" }, at);
          throw new Error("the change failed");
        }),
        /the change failed/,
      );
      assert.deepEqual(await t.db.selectFrom("audit_log").select("id").execute(), []);
    });
  });
});

/** The rows of the audit table as the auditor sees them. */
function auditTable(html: string) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => {
    const cells = [...row[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!);
    return { id: cells[0], actor: cells[2], action: cells[3], ip: cells[5] };
  });
}

describe("the audit log page", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.createUser("watcher", ["auditor"]);
    await t.createUser("boss", ["admin"]);
    await t.createUser("clerk", ["editor"]);
    const b = t.browser();
    await b.get("/login");
    await b.post("/login", { username: "clerk", password: "wrong-password" });
    await b.post("/login", { username: "clerk", password: testPassword });
  });
  after(() => t.close());

  it("the auditor reads the audit log", async () => {
    const watcher = await t.login("watcher");
    const res = await watcher.get("/admin/audit");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<td>login\.failed<\/td>/);
    assert.match(html, /<td>user\.created<\/td>/);
  });

  it("the auditor filters by action and by actor", async () => {
    const watcher = await t.login("watcher");
    const failed = auditTable(await (await watcher.get("/admin/audit?action=login.f")).text());
    assert.equal(failed.length, 1);
    assert.deepEqual(
      failed.map((r) => r.action),
      ["login.failed"],
    );
    const byClerk = auditTable(await (await watcher.get("/admin/audit?actor=clerk")).text());
    assert.deepEqual(
      byClerk.map((r) => `${r.actor} ${r.action}`),
      ["clerk login.succeeded", "clerk login.failed"],
    );
    const nothing = await (await watcher.get("/admin/audit?from=2030-01-01")).text();
    assert.match(nothing, /没有符合条件的记录/);
  });

  it("the 系统管理员 cannot read the audit log (三员分立)", async () => {
    const boss = await t.login("boss");
    assert.equal((await boss.get("/admin/audit")).status, 403);
    assert.doesNotMatch(await (await boss.get("/admin")).text(), /href="\/admin\/audit"/);
  });

  it("other staff cannot read the audit log either", async () => {
    const clerk = await t.login("clerk");
    assert.equal((await clerk.get("/admin/audit")).status, 403);
  });
});
