import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { z } from "zod";
import { createTestApp, type TestApp, testPassword } from "../../test/support/app";
import { createApi } from "./api";

const chinese = /[\u4e00-\u9fff]/;
const stackTrace = /\bat .+:\d+:\d+|\.tsx?:\d+|node_modules|Error:/;

/** The named cookie's Set-Cookie line from a response, if any. */
function setCookieLine(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`));
}

describe("the app's HTTP behaviour", () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
    await t.createUser("clerk", ["editor"]);
    // A JSON API route with a body, registered the way domains register theirs.
    createApi(t.app).route(
      {
        method: "post",
        path: "/api/v1/test-echo",
        summary: "测试",
        tag: "test",
        auth: "public",
        body: z.object({ name: z.string().min(1, "请填写名称") }),
      },
      async (c, { body }) => c.json(body),
    );
  });
  after(() => t.close());

  it("pages carry the security headers, with no inline script allowed", async () => {
    const res = await t.app.request("/");
    assert.equal(res.status, 200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const directives = new Map(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values] as const),
    );
    assert.ok(directives.get("script-src")?.includes("'self'"), csp);
    assert.ok(!directives.get("script-src")?.includes("'unsafe-inline'"), csp);
    assert.deepEqual(directives.get("frame-ancestors"), ["'none'"]);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    const api = await t.app.request("/api/v1/openapi.json");
    assert.equal(api.headers.get("x-content-type-options"), "nosniff");
  });

  it("/healthz answers JSON ok and is not cached", async () => {
    const res = await t.app.request("/healthz");
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: "ok", database: "ok" });
    assert.equal(res.headers.get("cache-control"), "no-store");
  });

  it("an unknown page is a Chinese 404 page without a stack trace", async () => {
    const res = await t.app.request("/no/such/page");
    assert.equal(res.status, 404);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    const html = await res.text();
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /页面不存在/);
    assert.doesNotMatch(html, stackTrace);
  });

  it("the form and session cookies are HttpOnly and SameSite", async () => {
    const page = await t.app.request("/login");
    const csrf = setCookieLine(page, "gk_csrf");
    assert.ok(csrf, "the first visit gets a CSRF cookie");
    assert.match(csrf, /;\s*HttpOnly/i);
    assert.match(csrf, /;\s*SameSite=(Lax|Strict)/i);

    const field = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const login = await t.app.request("/login", {
      method: "POST",
      headers: {
        cookie: csrf.split(";")[0]!,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: field, username: "clerk", password: testPassword }),
    });
    assert.equal(login.status, 303);
    const session = setCookieLine(login, "gk_session");
    assert.ok(session, "signing in sets the session cookie");
    assert.match(session, /;\s*HttpOnly/i);
    assert.match(session, /;\s*SameSite=(Lax|Strict)/i);
    assert.match(session, /;\s*Path=\//i);
  });

  it("a malformed JSON body to an API route is a 400 JSON error, not a 500", async () => {
    const post = (body: string, type = "application/json") =>
      t.app.request("/api/v1/test-echo", {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
    const ok = await post('{"name":"张三"}');
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { name: "张三" });

    const broken = await post('{"name": "张三"');
    assert.equal(broken.status, 400);
    const error = ((await broken.json()) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, "bad_request");
    assert.match(error.message, chinese);

    const invalid = await post('{"name": ""}');
    assert.equal(invalid.status, 400);
    const fields = ((await invalid.json()) as { error: { code: string; fields: object } }).error;
    assert.equal(fields.code, "validation");
    assert.deepEqual(fields.fields, { name: "请填写名称" });

    const notJson = await post("name=x", "application/x-www-form-urlencoded");
    assert.equal(notJson.status, 415);
  });

  for (const next of [
    "//evil.example",
    "//evil.example/admin",
    "https://evil.example/",
    "/\\evil.example",
    "/\t/evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
  ]) {
    it(`after login, next=${JSON.stringify(next)} goes to /admin, not off-site`, async () => {
      const b = t.browser();
      await b.get(`/login?next=${encodeURIComponent(next)}`);
      const res = await b.post("/login", { username: "clerk", password: testPassword, next });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get("location"), "/admin");
    });
  }

  it("a request body over 25 MB is refused with 413 and a Chinese message before anything reads it", async () => {
    const b = t.browser();
    await b.get("/login");
    const res = await b.request("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `_csrf=${b.csrf}&username=${"x".repeat(26 * 1024 * 1024)}`,
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /太大/);
  });

  it("after login, a same-site next path is kept", async () => {
    const b = t.browser();
    await b.get("/login");
    const res = await b.post("/login", {
      username: "clerk",
      password: testPassword,
      next: "/admin/audit?from=2025-01-01",
    });
    assert.equal(res.headers.get("location"), "/admin/audit?from=2025-01-01");
  });
});
