import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";
import { sha256Hex } from "../platform/tokens";

const shownToken = (html: string) => /<code class="secret">([^<]+)<\/code>/.exec(html)?.[1];

describe("API tokens", () => {
  let t: TestApp;
  let clerk: Browser;
  let clerkToken: string;
  let clerkTokenId: number;
  let foodUnitId: number;

  const me = (token: string | null) =>
    t.app.request("/api/v1/me", {
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });
  const auditRows = (action: string) =>
    t.t.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

  async function createToken(b: Browser, name: string) {
    const res = await b.post("/admin/tokens", { name });
    assert.equal(res.status, 201);
    const token = shownToken(await res.text());
    assert.ok(token);
    const row = await t.t.db
      .selectFrom("api_tokens")
      .select("id")
      .where("token_hash", "=", sha256Hex(token))
      .executeTakeFirstOrThrow();
    return { token, id: row.id };
  }

  before(async () => {
    t = await createTestApp();
    const unit = await t.t.db
      .insertInto("units")
      .values({
        name: "食品股",
        kind: "department",
        parent_id: await t.rootUnitId(),
        created_at: t.now().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    foodUnitId = unit.id;
    await t.createUser("clerk", ["editor", "reviewer"], unit.id);
    await t.createUser("other", ["editor"]);
    await t.createUser("boss", ["admin"]);
    await t.createUser("watcher", ["auditor"]);
    clerk = await t.login("clerk");
  });
  after(() => t.close());

  it("a token created in the back office is shown once, stored hashed, and speaks for its user on /api/v1/me", async () => {
    ({ token: clerkToken, id: clerkTokenId } = await createToken(clerk, "清单同步"));
    const stored = await t.t.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", clerkTokenId)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, clerkToken);
    assert.equal(stored.token_hash, sha256Hex(clerkToken));
    const list = await (await clerk.get("/admin/tokens")).text();
    assert.match(list, /清单同步/);
    assert.match(list, new RegExp(stored.prefix));
    assert.doesNotMatch(list, new RegExp(clerkToken));

    const res = await me(clerkToken);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      username: "clerk",
      displayName: "clerk",
      roles: ["editor", "reviewer"],
      unit: { id: foodUnitId, name: "食品股" },
    });
    const audit = (await auditRows("token.created")).at(-1)!;
    assert.equal(audit.actor_name, "clerk");
    assert.equal(audit.object_id, String(clerkTokenId));
    assert.doesNotMatch(audit.detail, new RegExp(clerkToken));
  });

  it("a request with no token or a made-up token gets 401 JSON", async () => {
    for (const token of [null, "gk_made-up-token", "not-even-our-format"]) {
      const res = await me(token);
      assert.equal(res.status, 401, String(token));
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "unauthorized");
      assert.match(body.error.message, /[\u4e00-\u9fff]/);
    }
  });

  it("a token name is required", async () => {
    const res = await clerk.post("/admin/tokens", { name: "  " });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /id="f-name-error">错误:请填写令牌用途/);
  });

  it("a person sees and revokes only their own tokens", async () => {
    const other = await t.login("other");
    const { id: otherTokenId } = await createToken(other, "另一个脚本");
    const otherList = await (await other.get("/admin/tokens")).text();
    assert.match(otherList, /另一个脚本/);
    assert.doesNotMatch(otherList, /清单同步/);
    assert.equal((await other.post(`/admin/tokens/${clerkTokenId}/revoke`)).status, 404);
    assert.equal((await me(clerkToken)).status, 200);
    assert.equal((await other.post(`/admin/tokens/${otherTokenId}/revoke`)).status, 303);
  });

  it("a revoked token is refused with 401 JSON and the revocation is audited", async () => {
    const res = await clerk.post(`/admin/tokens/${clerkTokenId}/revoke`);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/admin/tokens?done=revoked");
    const refused = await me(clerkToken);
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get("content-type") ?? "", /application\/json/);
    assert.deepEqual(await refused.json(), {
      error: { code: "unauthorized", message: "访问令牌无效或已撤销。" },
    });
    assert.match(await (await clerk.get("/admin/tokens")).text(), /撤销/);
    const audit = (await auditRows("token.revoked")).find(
      (r) => r.object_id === String(clerkTokenId),
    );
    assert.equal(audit?.actor_name, "clerk");
    assert.equal((await clerk.post(`/admin/tokens/${clerkTokenId}/revoke`)).status, 303);
  });

  it("the administrator sees every token and may revoke anyone's", async () => {
    const { token, id } = await createToken(clerk, "第二个脚本");
    const boss = await t.login("boss");
    const list = await (await boss.get("/admin/tokens")).text();
    assert.match(list, /第二个脚本/);
    assert.match(list, /另一个脚本/);
    assert.match(list, /所属用户/);
    assert.equal((await boss.post(`/admin/tokens/${id}/revoke`)).status, 303);
    assert.equal((await me(token)).status, 401);
    const audit = (await auditRows("token.revoked")).at(-1)!;
    assert.equal(audit.actor_name, "boss");
    assert.equal(audit.object_id, String(id));
  });

  it("the auditor has no token page", async () => {
    const watcher = await t.login("watcher");
    assert.equal((await watcher.get("/admin/tokens")).status, 403);
    assert.equal((await watcher.post("/admin/tokens", { name: "x" })).status, 403);
  });

  it("the OpenAPI document describes /api/v1/me as needing a bearer token", async () => {
    const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, { get?: { security: unknown[]; responses: Record<string, unknown> } }>;
    };
    const op = doc.paths["/api/v1/me"]?.get;
    assert.deepEqual(op?.security, [{ bearer: [] }]);
    assert.ok(op?.responses["401"]);
  });
});
