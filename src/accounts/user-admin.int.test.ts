import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp, testPassword } from "../../test/support/app";
import { AppError } from "../http/errors";
import { systemActor } from "../platform/audit";
import { changeAccount } from "./admin-service";
import { createUser } from "./service";

const shownPassword = (html: string) => /<code class="secret">([^<]+)<\/code>/.exec(html)?.[1];

describe("user administration", () => {
  let t: TestApp;
  let boss: Browser;
  let bossId: number;
  let unitId: number;

  const auditRows = (action: string) =>
    t.t.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();
  const userRow = (username: string) =>
    t.t.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
  const rolesOf = async (userId: number) =>
    (await t.t.db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute())
      .map((r) => r.role)
      .sort();
  async function loginWith(username: string, password: string) {
    const b = t.browser();
    await b.get("/login");
    const res = await b.post("/login", { username, password });
    return { b, res };
  }

  before(async () => {
    t = await createTestApp();
    bossId = await t.createUser("boss", ["admin"]);
    boss = await t.login("boss");
    unitId = await t.rootUnitId();
  });
  after(() => t.close());

  it("a non-admin gets 403 on every user-management page and action", async () => {
    const target = await t.createUser("plain", ["editor", "reviewer"]);
    const b = await t.login("plain");
    for (const path of ["/admin/users", "/admin/users/new", `/admin/users/${bossId}`]) {
      assert.equal((await b.get(path)).status, 403, path);
    }
    for (const path of ["/admin/users", `/admin/users/${target}/reset-password`]) {
      assert.equal((await b.post(path, { displayName: "x" })).status, 403, path);
    }
    const anonymous = await t.browser().get("/admin/users");
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get("location"), "/login?next=%2Fadmin%2Fusers");
  });

  it("an admin creates a user whose initial password is shown once and must be changed at first login", async () => {
    const res = await boss.post("/admin/users", {
      username: "zhangsan",
      displayName: "张三",
      email: "zhangsan@example.gov.cn",
      unitId: String(unitId),
      roles: ["editor", "reviewer"],
    });
    assert.equal(res.status, 201);
    const html = await res.text();
    assert.match(html, /只显示这一次/);
    const password = shownPassword(html);
    assert.ok(password);
    const row = await userRow("zhangsan");
    assert.equal(row.must_change_password, 1);
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.deepEqual(await rolesOf(row.id), ["editor", "reviewer"]);
    assert.doesNotMatch(
      await (await boss.get(`/admin/users/${row.id}`)).text(),
      new RegExp(password),
    );
    const created = (await auditRows("user.created")).at(-1)!;
    assert.equal(created.actor_name, "boss");
    assert.equal(created.object_id, String(row.id));
    assert.doesNotMatch(created.detail, new RegExp(password));

    const { res: first } = await loginWith("zhangsan", password);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get("location"), "/account/password");
  });

  it("the user list shows username, name, unit, roles and whether locked or deactivated", async () => {
    const html = await (await boss.get("/admin/users")).text();
    assert.match(html, /zhangsan<\/a><\/td><td>张三<\/td><td>局机关<\/td><td>信息员、审核人<\/td>/);
    assert.match(html, /待修改初始密码/);
  });

  it("a user form with bad fields shows each error beside its field", async () => {
    const res = await boss.post("/admin/users", {
      username: "a b",
      displayName: "",
      email: "not-an-email",
      unitId: String(unitId),
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /id="f-username-error">错误:用户名须为2至64位/);
    assert.match(html, /id="f-displayName-error">错误:请填写姓名/);
    assert.match(html, /id="f-email-error">错误:邮箱格式不正确/);
    assert.match(html, /id="f-roles-error">错误:请至少选择一个角色/);
    assert.match(html, /提交的内容有 4 处需要修改/);
    const dup = await boss.post("/admin/users", {
      username: "zhangsan",
      displayName: "重名",
      email: "",
      unitId: String(unitId),
      roles: "editor",
    });
    assert.equal(dup.status, 400);
    assert.match(await dup.text(), /id="f-username-error">错误:该用户名已被使用/);
  });

  it("one account cannot be both 系统管理员 and 审计员, neither through the form nor the service", async () => {
    const before = (await auditRows("user.created")).length;
    const res = await boss.post("/admin/users", {
      username: "both",
      displayName: "兼任",
      email: "",
      unitId: String(unitId),
      roles: ["admin", "auditor"],
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /id="f-roles-error">错误:系统管理员与审计员不能由同一账号担任/);
    const existing = await t.createUser("keeper", ["auditor"]);
    const edit = await boss.post(`/admin/users/${existing}`, {
      displayName: "keeper",
      email: "",
      unitId: String(unitId),
      roles: ["auditor", "admin"],
    });
    assert.equal(edit.status, 400);
    assert.match(await edit.text(), /三员分立/);
    assert.deepEqual(await rolesOf(existing), ["auditor"]);

    const input = { username: "both2", displayName: "兼任", unitId, password: testPassword };
    await assert.rejects(
      createUser(
        t.t.db,
        systemActor,
        { ...input, roles: ["admin", "auditor"], mustChangePassword: false },
        t.now(),
      ),
      (e: unknown) =>
        e instanceof AppError && e.code === "validation" && /三员分立/.test(e.message),
    );
    const viaService = await changeAccount(
      t.t.db,
      { ...systemActor, id: bossId, roles: ["admin"] },
      existing,
      { displayName: "keeper", email: null, unitId, roles: ["admin", "auditor"] },
      t.now(),
    );
    assert.deepEqual(viaService, {
      ok: false,
      errors: { roles: "系统管理员与审计员不能由同一账号担任(三员分立)。" },
    });
    assert.deepEqual(await rolesOf(existing), ["auditor"]);
    const names = await t.t.db
      .selectFrom("users")
      .select("username")
      .where("username", "like", "both%")
      .execute();
    assert.deepEqual(names, []);
    assert.equal((await auditRows("user.created")).length, before + 1, "only keeper was created");
  });

  it("changing a user's name, e-mail, unit and roles takes effect at their next request and is audited", async () => {
    const township = await t.t.db
      .insertInto("units")
      .values({
        name: "城关所",
        kind: "township_office",
        parent_id: unitId,
        created_at: t.now().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const id = await t.createUser("lisi", ["editor"]);
    const lisi = await t.login("lisi");
    assert.equal((await lisi.get("/admin/users")).status, 403);
    const res = await boss.post(`/admin/users/${id}`, {
      displayName: "李四",
      email: "lisi@example.gov.cn",
      unitId: String(township.id),
      roles: ["reviewer", "admin"],
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/admin/users/${id}?done=saved`);
    const row = await userRow("lisi");
    assert.equal(row.display_name, "李四");
    assert.equal(row.email, "lisi@example.gov.cn");
    assert.equal(row.unit_id, township.id);
    assert.deepEqual(await rolesOf(id), ["admin", "reviewer"]);
    assert.equal((await lisi.get("/admin/users")).status, 200);
    const audit = (await auditRows("user.updated")).at(-1)!;
    assert.equal(audit.object_id, String(id));
    assert.equal(audit.actor_name, "boss");
    assert.match(audit.detail, /姓名:lisi → 李四/);
    assert.match(audit.detail, /单位:局机关 → 城关所/);
    assert.match(audit.detail, /角色:信息员 → 审核人、系统管理员/);
    assert.doesNotMatch(audit.detail, /lisi@example/);
  });

  it("resetting a password shows a new initial password once, forces a change and ends all the user's sessions", async () => {
    const id = await t.createUser("wangwu", ["editor"]);
    const wangwu = await t.login("wangwu");
    const res = await boss.post(`/admin/users/${id}/reset-password`);
    assert.equal(res.status, 200);
    const password = shownPassword(await res.text());
    assert.ok(password);
    const kicked = await wangwu.get("/admin");
    assert.equal(kicked.status, 303);
    assert.match(kicked.headers.get("location") ?? "", /^\/login/);
    const sessions = await t.t.db
      .selectFrom("sessions")
      .select("user_id")
      .where("user_id", "=", id)
      .execute();
    assert.deepEqual(sessions, []);
    assert.equal((await loginWith("wangwu", testPassword)).res.status, 401);
    const { res: again } = await loginWith("wangwu", password);
    assert.equal(again.headers.get("location"), "/account/password");
    const audit = (await auditRows("user.password_reset")).at(-1)!;
    assert.equal(audit.object_id, String(id));
    assert.doesNotMatch(audit.detail, new RegExp(password));
  });

  it("an admin unlocks a locked account before its 15 minutes are up", async () => {
    const id = await t.createUser("zhaoliu", ["editor"]);
    for (let i = 0; i < 5; i++) await loginWith("zhaoliu", "wrong-password");
    assert.match(await (await boss.get(`/admin/users/${id}`)).text(), /已锁定/);
    assert.equal((await loginWith("zhaoliu", testPassword)).res.status, 401);
    const res = await boss.post(`/admin/users/${id}/unlock`);
    assert.equal(res.status, 303);
    assert.equal((await loginWith("zhaoliu", testPassword)).res.status, 303);
    assert.equal((await auditRows("user.unlocked")).at(-1)?.object_id, String(id));
  });

  it("deactivating a user ends their sessions and stops their login and tokens; reactivating restores them", async () => {
    const id = await t.createUser("sunqi", ["editor"]);
    const sunqi = await t.login("sunqi");
    const token = await t.token("sunqi");
    const api = () =>
      t.app.request("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await api()).status, 200);

    assert.equal((await boss.post(`/admin/users/${id}/deactivate`)).status, 303);
    assert.equal((await userRow("sunqi")).is_active, 0);
    assert.equal((await sunqi.get("/admin")).status, 303);
    assert.equal((await api()).status, 401);
    assert.equal((await loginWith("sunqi", testPassword)).res.status, 401);
    assert.match(await (await boss.get("/admin/users")).text(), /sunqi[\s\S]*?已停用/);

    assert.equal((await boss.post(`/admin/users/${id}/reactivate`)).status, 303);
    assert.equal((await loginWith("sunqi", testPassword)).res.status, 303);
    assert.equal((await api()).status, 200);
    assert.equal((await auditRows("user.deactivated")).at(-1)?.object_id, String(id));
    assert.equal((await auditRows("user.reactivated")).at(-1)?.object_id, String(id));
  });

  it("an admin cannot remove their own admin role or deactivate themselves", async () => {
    const updates = (await auditRows("user.updated")).length;
    const drop = await boss.post(`/admin/users/${bossId}`, {
      displayName: "boss",
      email: "",
      unitId: String(unitId),
      roles: ["editor"],
    });
    assert.equal(drop.status, 400);
    assert.match(await drop.text(), /id="f-roles-error">错误:不能取消自己的系统管理员角色/);
    const off = await boss.post(`/admin/users/${bossId}/deactivate`);
    assert.equal(off.status, 409);
    assert.match(await off.text(), /不能停用自己的账号/);
    assert.deepEqual(await rolesOf(bossId), ["admin"]);
    assert.equal((await userRow("boss")).is_active, 1);
    assert.equal((await auditRows("user.updated")).length, updates);
    assert.equal((await boss.get("/admin/users")).status, 200);
  });

  it("an unknown user is not found", async () => {
    assert.equal((await boss.get("/admin/users/999999")).status, 404);
    assert.equal((await boss.get("/admin/users/abc")).status, 404);
    assert.equal((await boss.post("/admin/users/999999/unlock")).status, 404);
  });
});
