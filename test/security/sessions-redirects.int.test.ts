// Sessions, cookies and redirects (issue 9 item 2c): only what the accounts and HTTP suites do not
// already cover. Already covered, not repeated here (see docs/SECURITY.md):
//   lockout per account ........ src/accounts/login.int.test.ts ("the sixth wrong password…")
//   throttle per address ....... src/accounts/login.int.test.ts ("the 31st attempt from one address…")
//   session id rotates at login  src/accounts/sessions.int.test.ts ("the session id changes at login…")
//   HttpOnly + SameSite ........ src/http/app.int.test.ts ("the form and session cookies…")
//   login next= off-site ....... src/http/app.int.test.ts ("after login, next=… goes to /admin")
//   safeBackPath (pure) ........ src/ui/preferences.test.ts
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp, testPassword } from "../support/app";

const offSite = [
  "//evil.example",
  "https://evil.example",
  "/\\evil.example",
  "javascript:alert(1)",
  "\\\\evil.example",
  "/%2F%2Fevil.example",
  "http:evil.example",
];

/** A Location header that stays on this site: a path, not `//host`, not a scheme. */
function onSite(location: string | null): boolean {
  if (!location) return false;
  if (!location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) {
    return false;
  }
  return new URL(location, "http://localhost/").host === "localhost";
}

describe("cookies with GONGKAI_SECURE_COOKIES", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { GONGKAI_SECURE_COOKIES: "1" } });
    await t.createUser("clerk", ["editor"]);
  });
  after(() => t.close());

  it("the session and form cookies are Secure, HttpOnly and SameSite, and HSTS is sent", async () => {
    const b = t.browser();
    const page = await b.request("/login");
    const csrf = page.headers.getSetCookie().find((l) => l.startsWith("gk_csrf="));
    assert.ok(csrf);
    assert.match(csrf, /;\s*Secure/i);
    assert.match(page.headers.get("strict-transport-security") ?? "", /max-age=\d+/);
    await b.get("/login");
    const login = await b.post("/login", { username: "clerk", password: testPassword });
    assert.equal(login.status, 303);
    const session = login.headers.getSetCookie().find((l) => l.startsWith("gk_session="));
    assert.ok(session);
    assert.match(session, /;\s*Secure/i);
    assert.match(session, /;\s*HttpOnly/i);
    assert.match(session, /;\s*SameSite=(Lax|Strict)/i);
  });
});

describe("redirects stay on this site", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await t.createUser("clerk", ["editor"]);
  });
  after(() => t.close());

  for (const target of offSite) {
    it(`back=${JSON.stringify(target)} on the 关怀模式 and 繁體 switches answers a path on this site`, async () => {
      const b = t.browser();
      for (const path of [
        `/preferences/care-mode?on=1&back=${encodeURIComponent(target)}`,
        `/preferences/script?to=t&back=${encodeURIComponent(target)}`,
      ]) {
        const res = await b.request(path);
        assert.ok(res.status >= 300 && res.status < 400, `${path}: ${res.status}`);
        assert.ok(onSite(res.headers.get("location")), `${path} → ${res.headers.get("location")}`);
      }
    });

    it(`next=${JSON.stringify(target)} in the login URL is not echoed as a link off-site`, async () => {
      const b = t.browser();
      const page = await (await b.get(`/login?next=${encodeURIComponent(target)}`)).text();
      assert.ok(!/href="(?:https?:)?\/\/evil\.example|href="javascript:/i.test(page));
      const res = await b.post("/login", {
        username: "clerk",
        password: testPassword,
        next: target,
      });
      assert.equal(res.status, 303);
      assert.ok(onSite(res.headers.get("location")), `→ ${res.headers.get("location")}`);
    });
  }

  it("a session cookie given before login is not the one used after it (fixation)", async () => {
    const b = t.browser();
    await b.get("/login");
    const planted = "a".repeat(43);
    await b.request("/login", { headers: { cookie: `gk_session=${planted}` } });
    await b.post("/login", { username: "clerk", password: testPassword });
    const after = b.cookie("gk_session");
    assert.ok(after && after !== planted);
  });
});
