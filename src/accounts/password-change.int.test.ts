import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp, testPassword } from "../../test/support/app";
import { systemActor } from "../platform/audit";
import { createUser } from "./service";

const initialPassword = "Initial-Passw0rd";
const newPassword = "Brand-New-Passw0rd";

describe("password change", () => {
  let t: TestApp;

  async function loginWith(username: string, password: string): Promise<[Browser, Response]> {
    const b = t.browser();
    await b.get("/login");
    return [b, await b.post("/login", { username, password })];
  }

  before(async () => {
    t = await createTestApp();
    await createUser(
      t.t.db,
      systemActor,
      {
        username: "newcomer",
        displayName: "新同事",
        unitId: await t.rootUnitId(),
        roles: ["editor", "admin"],
        password: initialPassword,
        mustChangePassword: true,
      },
      t.now(),
    );
    await t.createUser("clerk", ["editor"]);
  });
  after(() => t.close());

  it("first login with an initial password sends every back-office page to /account/password until it is changed", async () => {
    const [b, login] = await loginWith("newcomer", initialPassword);
    assert.equal(login.status, 303);
    assert.equal(login.headers.get("location"), "/account/password");
    const pages = t.app.routes
      .filter((r) => r.method === "GET" && r.path.startsWith("/admin") && !r.path.includes(":"))
      .map((r) => r.path);
    assert.ok(pages.includes("/admin/users") && pages.includes("/admin/units"), pages.join());
    for (const path of new Set(pages)) {
      const res = await b.get(path);
      assert.equal(res.status, 303, path);
      assert.equal(res.headers.get("location"), "/account/password", path);
    }
    const post = await b.post("/admin/tokens", { name: "绕过" });
    assert.equal(post.headers.get("location"), "/account/password");
    const page = await b.get("/account/password");
    assert.equal(page.status, 200);
    assert.match(await page.text(), /请先设置新密码/);
  });

  it("each problem with the new password is shown beside its field", async () => {
    const [b] = await loginWith("newcomer", initialPassword);
    await b.get("/account/password");
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ current: initialPassword, password: "Ab1!", confirm: "Ab1!" }, "password", /密码至少10位/],
      [
        { current: initialPassword, password: "abcdefghij12", confirm: "abcdefghij12" },
        "password",
        /至少三类/,
      ],
      [
        { current: initialPassword, password: initialPassword, confirm: initialPassword },
        "password",
        /不能与当前密码相同/,
      ],
      [
        { current: initialPassword, password: newPassword, confirm: "Brand-New-Passw0rX" },
        "confirm",
        /两次输入的新密码不一致/,
      ],
      [{ current: "", password: newPassword, confirm: newPassword }, "current", /请输入当前密码/],
      [
        { current: "Wrong-Passw0rd", password: newPassword, confirm: newPassword },
        "current",
        /当前密码不正确/,
      ],
    ];
    for (const [fields, field, message] of cases) {
      const res = await b.post("/account/password", fields);
      assert.equal(res.status, 400, JSON.stringify(fields));
      const html = await res.text();
      const error = new RegExp(`<p class="error-text" id="f-${field}-error">错误:([^<]*)</p>`).exec(
        html,
      );
      assert.match(error?.[1] ?? "", message, JSON.stringify(fields));
      assert.match(html, new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
      assert.match(html, /class="error-summary" role="alert"/);
    }
    const both = await b.post("/account/password", {
      current: initialPassword,
      password: "short",
      confirm: "other",
    });
    const html = await both.text();
    assert.match(html, /id="f-password-error"/);
    assert.match(html, /id="f-confirm-error"/);
    assert.match(html, /提交的内容有 2 处需要修改/);
    const row = await t.t.db
      .selectFrom("users")
      .select("must_change_password")
      .where("username", "=", "newcomer")
      .executeTakeFirstOrThrow();
    assert.equal(row.must_change_password, 1);
  });

  it("after the change the back office opens, only the new password works, and the change is audited", async () => {
    const [b] = await loginWith("newcomer", initialPassword);
    await b.get("/account/password");
    const res = await b.post("/account/password", {
      current: initialPassword,
      password: newPassword,
      confirm: newPassword,
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/account/password?done=1");
    assert.equal((await b.get("/admin/users")).status, 200);
    assert.equal((await loginWith("newcomer", initialPassword))[1].status, 401);
    assert.equal((await loginWith("newcomer", newPassword))[1].headers.get("location"), "/admin");
    const audit = await t.t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "user.password_changed")
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_name, "newcomer");
  });

  it("changing one's password ends one's other sessions and keeps this one", async () => {
    const here = await t.login("clerk");
    const there = await t.login("clerk");
    await here.get("/account/password");
    const res = await here.post("/account/password", {
      current: testPassword,
      password: newPassword,
      confirm: newPassword,
    });
    assert.equal(res.status, 303);
    assert.equal((await here.get("/admin")).status, 200);
    const kicked = await there.get("/admin");
    assert.equal(kicked.status, 303);
    assert.match(kicked.headers.get("location") ?? "", /^\/login/);
  });
});
