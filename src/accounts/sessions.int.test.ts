import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp, testPassword } from "../../test/support/app";
import { sha256Hex } from "../platform/tokens";
import { sessionCookie } from "./middleware";

const minutes = (t: TestApp, n: number) =>
  t.setNow(new Date(t.now().getTime() + n * 60_000).toISOString());

/** A request carrying only the given session cookie, as another browser or process would send it. */
const withCookie = (t: TestApp, sid: string, path = "/admin") =>
  t.app.request(path, { headers: { cookie: `${sessionCookie}=${sid}` } });

describe("sessions", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.createUser("clerk", ["editor"]);
  });
  after(() => t.close());

  it("a session idle for more than 30 minutes ends and its row is deleted", async () => {
    const b = await t.login("clerk");
    const sid = b.cookie(sessionCookie)!;
    minutes(t, 31);
    const res = await b.get("/admin");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/login?next=%2Fadmin");
    const row = await t.t.db
      .selectFrom("sessions")
      .select("user_id")
      .where("id_hash", "=", sha256Hex(sid))
      .executeTakeFirst();
    assert.equal(row, undefined);
    assert.equal(b.cookie(sessionCookie), undefined, "the dead cookie is cleared");
  });

  it("activity keeps a session alive: each request restarts the 30 idle minutes", async () => {
    const b = await t.login("clerk");
    for (let i = 0; i < 4; i++) {
      minutes(t, 25);
      assert.equal((await b.get("/admin")).status, 200, `after ${(i + 1) * 25} minutes`);
    }
  });

  it("a session stores only the hash of its id", async () => {
    const b = await t.login("clerk");
    const sid = b.cookie(sessionCookie)!;
    const rows = await t.t.db.selectFrom("sessions").select("id_hash").execute();
    assert.ok(rows.some((r) => r.id_hash === sha256Hex(sid)));
    assert.ok(rows.every((r) => r.id_hash !== sid));
  });

  it("logging out ends the session everywhere: the same cookie from another browser is refused", async () => {
    const b = await t.login("clerk");
    const sid = b.cookie(sessionCookie)!;
    assert.equal((await withCookie(t, sid)).status, 200, "the copied cookie works before logout");
    const out = await b.post("/logout");
    assert.equal(out.status, 303);
    assert.equal(out.headers.get("location"), "/login");
    const elsewhere = await withCookie(t, sid);
    assert.equal(elsewhere.status, 303);
    assert.equal(elsewhere.headers.get("location"), "/login?next=%2Fadmin");
    const other = t.browser();
    const copied = await other.request("/admin/tokens", {
      headers: { cookie: `${sessionCookie}=${sid}` },
    });
    assert.equal(copied.headers.get("location"), "/login?next=%2Fadmin%2Ftokens");
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select(["actor_name", "ip"])
      .where("action", "=", "logout")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.actor_name),
      ["clerk"],
    );
  });

  it("the session id changes at login, and the id the browser brought is dead", async () => {
    const b = await t.login("clerk");
    const first = b.cookie(sessionCookie)!;
    const res = await b.post("/login", { username: "clerk", password: testPassword });
    assert.equal(res.status, 303);
    const second = b.cookie(sessionCookie)!;
    assert.ok(second);
    assert.notEqual(second, first);
    assert.equal((await withCookie(t, first)).status, 303);
    assert.equal((await withCookie(t, second)).status, 200);
  });
});

describe("session idle limit setting", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { GONGKAI_SESSION_IDLE_MINUTES: "5" } });
    await t.createUser("clerk", ["editor"]);
  });
  after(() => t.close());

  it("the idle limit follows GONGKAI_SESSION_IDLE_MINUTES", async () => {
    const b = await t.login("clerk");
    minutes(t, 4);
    assert.equal((await b.get("/admin")).status, 200);
    minutes(t, 6);
    assert.equal((await b.get("/admin")).status, 303);
  });
});
