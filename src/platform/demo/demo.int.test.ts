// First start with GONGKAI_DEMO on: the demo site, accounts, records and cases, loaded once
// through the real services; with GONGKAI_DEMO off nothing of it.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database";
import { verifyPassword } from "../../accounts/passwords";
import { type Config, parseConfig } from "../../config";
import { demoNotice } from "../../records/demo-notice";
import { creditCodeProblem } from "../../requests/identity";
import { searchRecords } from "../../search/search";
import { verifyAuditChain } from "../audit";
import { prepareDatabase } from "../bootstrap";
import { createLogger } from "../log";
import { loadSiteSettings } from "../settings";
import { DEMO_MARK } from "./record-bodies";
import { DEMO_CREDIT_CODE, demoAccounts, demoUnits } from "./site";

// A Monday, 10:00 in Shanghai.
const FIRST_START = new Date("2026-03-02T02:00:00Z");
const logger = createLogger("silent");

function configFor(dataDir: string, demo: boolean): Config {
  return {
    ...parseConfig({
      GONGKAI_DATA_DIR: dataDir,
      GONGKAI_DEMO: demo ? "1" : "0",
      GONGKAI_LOG_LEVEL: "silent",
    }),
    secret: "demo-test-secret-demo-test-secret-0123456",
  };
}

describe("demo content on first start", () => {
  let t: TestDatabase;
  let dataDir: string;
  let lines: string[];
  const db = () => t.db;
  const recordsInIdOrder = () => db().selectFrom("records").selectAll().orderBy("id").execute();
  /** Records of the core demo story (the other domains' seeders add guides, responses, …). */
  const coreStoryRecords = async () =>
    (await recordsInIdOrder()).filter(
      (r) => !["serviceGuide", "concernResponse", "policyQa", "annualReport"].includes(r.genre),
    );
  const userId = async (username: string) =>
    (
      await db()
        .selectFrom("users")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow()
    ).id;

  before(async () => {
    t = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), "gongkai-demo-"));
    lines = await prepareDatabase(db(), configFor(dataDir, true), logger, FIRST_START);
  });
  after(async () => {
    await t.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("marks the site as a demo and uses an obviously fake but valid 统一社会信用代码", async () => {
    const settings = await loadSiteSettings(db());
    assert.equal(settings.siteName, "渑池县市场监督管理局政务公开(演示站点)");
    assert.equal(settings.hostOrganisation, "渑池县市场监督管理局");
    assert.match(settings.contact, /演示/);
    assert.equal(settings.creditCode, DEMO_CREDIT_CODE);
    assert.equal(creditCodeProblem(DEMO_CREDIT_CODE), null);
    assert.deepEqual(
      [settings.siteCode, settings.icpNumber, settings.policeRecordNumber],
      ["", "", ""],
    );
  });

  it("creates the units under 局机关", async () => {
    const units = await db().selectFrom("units").selectAll().orderBy("id").execute();
    const root = units.find((u) => u.parent_id === null)!;
    assert.equal(root.name, "局机关");
    assert.deepEqual(
      units.filter((u) => u.parent_id === root.id).map((u) => [u.name, u.kind]),
      demoUnits.map((u) => [u.name, u.kind]),
    );
  });

  it("creates one demo account per role, all sharing the password announced once, all must-change", async () => {
    const announced = lines.filter((l) => l.includes("演示账号"));
    assert.equal(announced.length, 1);
    const password = /初始密码:([\w-]+)/.exec(announced[0]!)?.[1];
    assert.ok(password, announced[0]);
    assert.ok(!lines.some((l) => l.startsWith("已创建管理员账号") && l.includes(password)));
    for (const account of demoAccounts) {
      assert.match(announced[0]!, new RegExp(account.username));
      const user = await db()
        .selectFrom("users")
        .selectAll()
        .where("username", "=", account.username)
        .executeTakeFirstOrThrow();
      const roles = await db()
        .selectFrom("user_roles")
        .select("role")
        .where("user_id", "=", user.id)
        .execute();
      assert.deepEqual(
        roles.map((r) => r.role),
        [account.role],
      );
      assert.equal(user.must_change_password, 1);
      assert.equal(await verifyPassword(user.password_hash, password), true, account.username);
    }
  });

  it("publishes the fixture notice first, with its real 文号, 成文日期 and 索引号 serial 00001", async () => {
    const [first] = await recordsInIdOrder();
    assert.ok(first);
    assert.equal(first.title, demoNotice.title);
    assert.equal(first.doc_no, "渑市监文〔2020〕53号");
    assert.equal(first.formed_on, "2020-08-26");
    assert.equal(first.publisher, "渑池县市场监督管理局");
    assert.equal(first.genre, "notice");
    assert.equal(first.state, "published");
    assert.equal(first.index_no, `${DEMO_CREDIT_CODE}/2020-00001`);
    assert.ok(first.published_on! > first.formed_on);
    const published = await db()
      .selectFrom("records")
      .select("id")
      .where("state", "=", "published")
      .orderBy("published_at")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    assert.equal(published.id, first.id);
  });

  it("keeps the notice's original text, its typos dismissed with a reason rather than edited", async () => {
    const [first] = await recordsInIdOrder();
    for (const typo of demoNotice.knownTypos) assert.ok(first!.body_text.includes(typo.found));
    assert.ok(!first!.body_text.includes(DEMO_MARK));
    const dismissed = await db()
      .selectFrom("proofread_dismissals")
      .selectAll()
      .where("record_id", "=", first!.id)
      .execute();
    assert.deepEqual(
      dismissed.map((d) => d.found),
      demoNotice.knownTypos.map((t) => t.found),
    );
    assert.ok(dismissed.every((d) => d.reason.includes("照录原件")));
  });

  it("finds the fixture notice in the search index by its 文号", async () => {
    const [first] = await recordsInIdOrder();
    const result = await searchRecords(db(), { q: demoNotice.docNo });
    assert.equal(result.exactMatch, first!.id);
    assert.equal(result.hits[0]?.recordId, first!.id);
  });

  it("has records drafted, approved and signed by three different demo accounts", async () => {
    const editor = await userId("demo-editor");
    const reviewer = await userId("demo-reviewer");
    const approver = await userId("demo-approver");
    const records = await recordsInIdOrder();
    assert.ok(records.every((r) => r.created_by === editor));
    const events = await db().selectFrom("record_events").selectAll().execute();
    const actorsOf = (action: string) =>
      new Set(events.filter((e) => e.action === action).map((e) => e.actor_id));
    assert.deepEqual(actorsOf("approve"), new Set([reviewer]));
    assert.deepEqual(actorsOf("sign"), new Set([approver]));
  });

  it("covers the genres and catalog items, with one withdrawn record and one waiting for review", async () => {
    const records = await recordsInIdOrder();
    const states = records.map((r) => r.state);
    assert.equal(states.filter((s) => s === "withdrawn").length, 1);
    assert.equal(states.filter((s) => s === "in_review").length, 1);
    assert.equal(states.filter((s) => s === "published").length, records.length - 2);
    const withdrawn = records.find((r) => r.state === "withdrawn")!;
    assert.match(withdrawn.withdraw_reason ?? "", /个人信息/);
    const genres = new Set(records.filter((r) => r.state === "published").map((r) => r.genre));
    for (const genre of [
      "notice",
      "announcement",
      "penalty",
      "licence",
      "normativeDocument",
      "interpretation",
    ]) {
      assert.ok(genres.has(genre), genre);
    }
    const codes = await db()
      .selectFrom("records")
      .innerJoin("catalog_items", "catalog_items.id", "records.catalog_item_id")
      .select("catalog_items.code")
      .where("records.state", "=", "published")
      .execute();
    const published = new Set(codes.map((c) => c.code));
    // The core story's items; the service-guide demo adds the 办事指南 items (FD-01, FD-03).
    for (const code of ["FD-02", "FD-05", "FD-07", "FD-09"]) assert.ok(published.has(code), code);
  });

  it("releases the 规范性文件 and its 政策解读 together", async () => {
    const records = await recordsInIdOrder();
    const policy = records.find((r) => r.genre === "normativeDocument")!;
    const interpretation = records.find((r) => r.genre === "interpretation")!;
    assert.equal(policy.needs_interpretation, 1);
    assert.equal(interpretation.interprets_record_id, policy.id);
    assert.equal(interpretation.state, "published");
    assert.equal(interpretation.published_at, policy.published_at);
  });

  it("dates the other records in 2024–2025, published after they were formed and on time", async () => {
    const records = (await coreStoryRecords()).filter(
      (r) => r.published_on && r.doc_no !== demoNotice.docNo,
    );
    assert.ok(records.length >= 7);
    for (const r of records) {
      assert.ok(r.published_on! > r.formed_on, r.title);
      assert.match(r.formed_on, /^202[45]-/);
      assert.match(r.published_on!, /^202[45]-/);
      assert.equal(r.published_late, 0, r.title);
    }
    const serials2025 = records
      .filter((r) => r.published_on!.startsWith("2025"))
      .map((r) => r.index_no!.slice(-5))
      .sort();
    assert.equal(serials2025[0], "00001");
  });

  it("ends every demo body but the fixture notice with (演示数据)", async () => {
    const records = (await recordsInIdOrder()).slice(1);
    for (const r of records) assert.ok(r.body_text.trimEnd().endsWith(DEMO_MARK), r.title);
  });

  it("files three demo applications: open in time, waiting for a 补正, answered 予以公开", async () => {
    const rows = await db().selectFrom("applications").selectAll().orderBy("id").execute();
    assert.equal(rows.length, 3);
    const phases = rows.map((r) => r.phase).sort();
    assert.deepEqual(phases, ["awaiting_supplement", "delivered", "open"]);
    const replied = rows.find((r) => r.phase === "delivered")!;
    assert.equal(replied.result_key, "results.disclosed");
    const open = rows.find((r) => r.phase === "open")!;
    assert.ok(open.due_date! > "2026-03-02", open.due_date!);
    const announced = lines.filter((l) => l.includes("演示申请"));
    assert.equal(announced.length, 1);
    for (const r of rows) assert.ok(announced[0]!.includes(r.application_no));
  });

  it("never stores a real-looking identity number for the demo applicants", async () => {
    const rows = await db().selectFrom("applications").selectAll().execute();
    // Hex hashes can hold 18 digits in a row by chance; they are not identity numbers.
    const text = JSON.stringify(rows, (key, value) => (key.endsWith("_hash") ? undefined : value));
    assert.doesNotMatch(text, /\d{17}[\dX]/);
  });

  it("leaves an audit chain that verifies, the demo history in time order", async () => {
    const check = await verifyAuditChain(db());
    assert.equal(check.ok, true);
    // The core story is replayed in time order; the other domains' demo seeders add their own
    // content afterwards, each with its own dates.
    const core = (await coreStoryRecords()).map((r) => String(r.id));
    const entries = await db()
      .selectFrom("audit_log")
      .select(["at", "action"])
      .where((eb) =>
        eb.or([
          eb.and([eb("action", "like", "record.%"), eb("object_id", "in", core)]),
          eb("action", "like", "application.%"),
        ]),
      )
      .orderBy("id")
      .execute();
    const times = entries.map((e) => e.at);
    assert.deepEqual(times, [...times].sort());
  });

  it("adds nothing and announces nothing when the database is prepared again", async () => {
    const count = async (table: "records" | "users" | "units" | "applications" | "audit_log") =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tables = ["records", "users", "units", "applications", "audit_log"] as const;
    const beforeCounts = await Promise.all(tables.map(count));
    const again = await prepareDatabase(
      db(),
      configFor(dataDir, true),
      logger,
      new Date("2026-03-03T02:00:00Z"),
    );
    assert.deepEqual(again, []);
    assert.deepEqual(await Promise.all(tables.map(count)), beforeCounts);
  });
});

describe("first start with GONGKAI_DEMO off", () => {
  let t: TestDatabase;
  let dataDir: string;
  let lines: string[];

  before(async () => {
    t = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), "gongkai-demo-"));
    lines = await prepareDatabase(t.db, configFor(dataDir, false), logger, FIRST_START);
  });
  after(async () => {
    await t.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("loads the catalog but no demo site, accounts, records or applications", async () => {
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /管理员账号 admin/);
    const users = await t.db.selectFrom("users").select("username").execute();
    assert.deepEqual(
      users.map((u) => u.username),
      ["admin"],
    );
    assert.equal((await t.db.selectFrom("records").select("id").execute()).length, 0);
    assert.equal((await t.db.selectFrom("applications").select("id").execute()).length, 0);
    assert.equal((await t.db.selectFrom("units").select("id").execute()).length, 1);
    const settings = await loadSiteSettings(t.db);
    assert.doesNotMatch(settings.siteName, /演示/);
    assert.equal(settings.creditCode, "");
    assert.ok((await t.db.selectFrom("catalog_items").select("id").execute()).length > 0);
  });
});
