import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp, testPassword } from "../../test/support/app";

describe("login", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.createUser("clerk", ["editor"]);
  });
  after(() => t.close());

  it("the sixth wrong password meets a locked account, and failures and the lock are audited", async () => {
    const b = t.browser();
    await b.get("/login");
    for (let i = 1; i <= 5; i++) {
      const res = await b.post("/login", { username: "clerk", password: "wrong-password" });
      assert.equal(res.status, 401);
    }
    const sixth = await b.post("/login", { username: "clerk", password: testPassword });
    assert.equal(sixth.status, 401);
    assert.match(await sixth.text(), /已被锁定/);
    const actions = (
      await t.t.db
        .selectFrom("audit_log")
        .select("action")
        .where("actor_name", "=", "clerk")
        .orderBy("id")
        .execute()
    ).map((r) => r.action);
    assert.equal(actions.filter((a) => a === "login.failed").length, 5);
    assert.ok(actions.includes("user.locked"));
    assert.ok(actions.includes("login.refused_locked"));
  });

  it("the lock holds for 15 minutes and then ends", async () => {
    const lockedAt = t.now().getTime();
    t.setNow(new Date(lockedAt + 14 * 60_000).toISOString());
    const early = t.browser();
    await early.get("/login");
    const refused = await early.post("/login", { username: "clerk", password: testPassword });
    assert.equal(refused.status, 401);
    assert.match(await refused.text(), /已被锁定/);
    t.setNow(new Date(lockedAt + 16 * 60_000).toISOString());
    const b = await t.login("clerk");
    const res = await b.get("/admin");
    assert.equal(res.status, 200);
  });

  it("wrong passwords sent all at once still lock the account after five", async () => {
    await t.createUser("racer", ["editor"]);
    const attempts = Array.from({ length: 8 }, async () => {
      const b = t.browser();
      await b.get("/login");
      return b.post("/login", { username: "racer", password: "wrong-password" });
    });
    assert.ok((await Promise.all(attempts)).every((r) => r.status === 401));
    const row = await t.t.db
      .selectFrom("users")
      .select(["locked_until", "failed_logins"])
      .where("username", "=", "racer")
      .executeTakeFirstOrThrow();
    assert.ok(row.locked_until, "eight concurrent failures lock the account");
    assert.equal(row.failed_logins, 0, "failures after the lock do not count towards the next one");
    const b = t.browser();
    await b.get("/login");
    const res = await b.post("/login", { username: "racer", password: testPassword });
    assert.match(await res.text(), /已被锁定/);
  });

  it("a form post without the CSRF field is refused", async () => {
    const res = await t.app.request("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "username=clerk&password=x",
    });
    assert.equal(res.status, 403);
  });
});

describe("login throttling per client address", () => {
  let t: TestApp;
  before(async () => {
    // Behind a trusted proxy the client address comes from X-Forwarded-For.
    t = await createTestApp({ env: { GONGKAI_TRUST_PROXY: "1" } });
    await t.createUser("clerk", ["editor"]);
  });
  after(() => t.close());

  async function loginFrom(address: string, username: string, password: string) {
    const b = t.browser();
    await b.get("/login");
    return b.request("/login", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": `10.0.0.1, ${address}`,
      },
      body: new URLSearchParams({ _csrf: b.csrf, username, password }),
    });
  }

  it("the 31st attempt from one address within 15 minutes gets 429 in Chinese, even with the right password", async () => {
    for (let i = 1; i <= 30; i++) {
      const res = await loginFrom("203.0.113.7", `guess${i}`, "wrong-password");
      assert.equal(res.status, 401, `attempt ${i}`);
    }
    const res = await loginFrom("203.0.113.7", "clerk", testPassword);
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get("retry-after")) > 0);
    assert.match(await res.text(), /登录尝试过于频繁,请15分钟后再试/);
    const row = await t.t.db
      .selectFrom("users")
      .select("failed_logins")
      .where("username", "=", "clerk")
      .executeTakeFirstOrThrow();
    assert.equal(row.failed_logins, 0, "a throttled attempt never reaches the account");
  });

  it("another address is not throttled", async () => {
    assert.equal((await loginFrom("198.51.100.2", "clerk", testPassword)).status, 303);
  });

  it("the throttled address may try again in the next window", async () => {
    t.setNow(new Date(t.now().getTime() + 15 * 60_000).toISOString());
    assert.equal((await loginFrom("203.0.113.7", "clerk", testPassword)).status, 303);
  });

  it("each failed attempt is audited with the client address", async () => {
    const rows = await t.t.db
      .selectFrom("audit_log")
      .select("ip")
      .where("action", "=", "login.failed")
      .execute();
    assert.equal(rows.length, 30);
    assert.ok(rows.every((r) => r.ip === "203.0.113.7"));
  });
});

describe("login answers", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.createUser("clerk", ["editor"]);
    const gone = await t.createUser("gone", ["editor"]);
    await t.t.db.updateTable("users").set({ is_active: 0 }).where("id", "=", gone).execute();
  });
  after(() => t.close());

  it("an unknown account, a deactivated account and a wrong password get the same answer", async () => {
    const answers: string[] = [];
    for (const [username, password] of [
      ["nobody", testPassword],
      ["gone", testPassword],
      ["clerk", "wrong-password"],
    ] as const) {
      const b = t.browser();
      await b.get("/login");
      const res = await b.post("/login", { username, password });
      assert.equal(res.status, 401, username);
      answers.push(
        /<div class="error-summary" role="alert"><p>([^<]+)<\/p>/.exec(await res.text())?.[1] ?? "",
      );
    }
    assert.deepEqual(answers, Array(3).fill("用户名或密码不正确。"));
  });

  it("a successful login is audited and lands on the page asked for, never on another site", async () => {
    const b = t.browser();
    await b.get("/login?next=/admin/tokens");
    const res = await b.post("/login", {
      username: "clerk",
      password: testPassword,
      next: "/admin/tokens",
    });
    assert.equal(res.headers.get("location"), "/admin/tokens");
    const evil = t.browser();
    await evil.get("/login");
    const away = await evil.post("/login", {
      username: "clerk",
      password: testPassword,
      next: "//evil.example/",
    });
    assert.equal(away.headers.get("location"), "/admin");
    const rows = await t.t.db
      .selectFrom("audit_log")
      .select(["actor_name", "object_type"])
      .where("action", "=", "login.succeeded")
      .execute();
    assert.deepEqual(rows, [
      { actor_name: "clerk", object_type: "user" },
      { actor_name: "clerk", object_type: "user" },
    ]);
  });
});
