// The authorisation matrix (issue 9 item 1): every route the app registers × every role and an
// anonymous visitor, checked against the one declared table in access-table.ts.
//
// Allowed → not 401/403, no redirect to the login form, not 404 when the object exists, never 5xx.
// A 4xx validation error counts as allowed: for pages, routes call requireRole before parsing
// the form (CONTRIBUTING.md "Routes stay thin"), so a 400/422 proves the role check passed; the
// denied side of the same route (403 for the same empty form) proves that ordering per route.
// For API routes `api.route` validates first (src/http/api.ts), so write entries carry a valid
// body and a denial is still a 403.
// Denied → anonymous: a 303 to /login (pages) or 401 (API); signed in without the role: 403.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Access, accessTable } from "./access-table";
import {
  fillPath,
  isAllowed,
  leakProblems,
  routeKeys,
  type SecurityApp,
  setUpSecurityApp,
  type Visitor,
  visitors,
} from "./support";

/** The role refusal of requireRole (src/accounts/middleware.ts), told apart from object rules. */
const roleRefusal = "您的角色无权执行此操作";

export async function callRoute(
  s: SecurityApp,
  key: string,
  access: Access,
  visitor: Visitor,
): Promise<Response> {
  const [method, path] = key.split(" ") as [string, string];
  const url = fillPath(path, access.params, s.fixtures) + (access.query ? `?${access.query}` : "");
  if (path.startsWith("/api/")) {
    const headers: Record<string, string> = {};
    if (visitor !== "anonymous") headers.authorization = `Bearer ${s.tokens[visitor]}`;
    if (access.body !== undefined) headers["content-type"] = "application/json";
    return s.t.app.request(url, {
      method,
      headers,
      body: access.body === undefined ? undefined : JSON.stringify(access.body),
    });
  }
  const browser = s.browsers[visitor];
  if (method === "GET") return browser.request(url);
  if (method === "POST") return browser.post(url, {});
  throw new Error(`no way to call ${key} from a browser`);
}

describe("authorisation matrix", () => {
  let s: SecurityApp;
  before(async () => {
    s = await setUpSecurityApp();
  });
  after(() => s.t.close());

  it("every registered route has an entry in the access table, and every entry a route", () => {
    const registered = new Set(routeKeys(s.t.app));
    const missing = [...registered].filter((k) => !(k in accessTable));
    const stale = Object.keys(accessTable).filter((k) => !registered.has(k));
    assert.deepEqual(
      { routesWithoutEntry: missing, entriesWithoutRoute: stale },
      { routesWithoutEntry: [], entriesWithoutRoute: [] },
      "decide who may use each new route in test/security/access-table.ts",
    );
  });

  it("each route answers each visitor as the table says", async () => {
    const failures: string[] = [];
    let checked = 0;
    const registered = new Set(routeKeys(s.t.app));
    for (const [key, access] of Object.entries(accessTable)) {
      if (!registered.has(key)) continue; // reported by the test above
      for (const visitor of visitors) {
        const allowed = isAllowed(access, visitor);
        if (allowed && access.denyOnly) continue;
        const res = await callRoute(s, key, access, visitor);
        const body = await res.text();
        const location = res.headers.get("location") ?? "";
        const toLogin = res.status >= 300 && res.status < 400 && location.startsWith("/login");
        checked++;
        const got = `${res.status}${location ? ` → ${location}` : ""}`;
        const fail = (why: string) => failures.push(`${key} as ${visitor}: ${why} (got ${got})`);
        if (res.status >= 500) fail("server error");
        for (const p of leakProblems(body)) fail(`body shows ${p}`);
        if (allowed) {
          if (res.status === 401 || toLogin) fail("allowed but asked to sign in");
          else if (res.status === 403 && (body.includes(roleRefusal) || !access.objectRule))
            fail("allowed but refused");
          else if (res.status === 404 && !access.missing && !access.objectRule)
            fail("allowed but the existing object was not found");
        } else if (visitor === "anonymous") {
          const api = key.split(" ")[1]!.startsWith("/api/");
          if (api ? res.status !== 401 : !toLogin)
            fail(api ? "expected 401" : "expected a redirect to /login");
        } else if (res.status !== 403) {
          fail("expected 403");
        }
      }
    }
    const routes = Object.keys(accessTable).length;
    console.log(
      `authorisation matrix: ${routes} routes × ${visitors.length} visitors, ${checked} requests`,
    );
    assert.deepEqual(failures, []);
  });

  it("drafts, records in review and withdrawn records are not reachable publicly", async () => {
    const anon = s.t.browser();
    const hidden = ["draftRecord", "inReviewRecord", "withdrawnRecord"].map((f) => s.fixtures[f]!);
    const titles = await s.t.t.db
      .selectFrom("records")
      .select(["id", "title"])
      .where("id", "in", hidden.map(Number))
      .execute();
    // The withdrawn demo record has a published namesake (its corrected version): look for the
    // draft's unique marker and for the ids in URLs instead of the withdrawn title.
    for (const id of hidden) {
      for (const path of [`/records/${id}`, `/records/${id}/print`, `/api/v1/records/${id}`]) {
        const res = await anon.request(path);
        assert.equal(res.status, 404, `${path} must be 404 for the public`);
      }
      // Staff links do not open it either without a session.
      const staff = await anon.request(`/admin/records/${id}`);
      assert.equal(staff.status, 303);
    }
    const draftTitle = titles.find((r) => String(r.id) === s.fixtures.draftRecord)!.title;
    const inReviewTitle = titles.find((r) => String(r.id) === s.fixtures.inReviewRecord)!.title;
    const listings = [
      `/search?q=${encodeURIComponent("安全测试草稿")}`,
      `/search?q=${encodeURIComponent(inReviewTitle.slice(0, 12))}`,
      `/api/v1/records?q=${encodeURIComponent("安全测试草稿")}`,
      "/api/v1/records?pageSize=100",
      "/disclosure/records",
      "/feeds/records.atom",
      "/feeds/genre/notice.atom",
      "/sitemap.xml",
      "/",
    ];
    for (const path of listings) {
      const text = await (await anon.request(path)).text();
      assert.ok(!text.includes(draftTitle), `${path} shows the draft`);
      assert.ok(!text.includes("DRAFT-SECRET-7731"), `${path} shows the draft marker`);
      assert.ok(!text.includes(inReviewTitle), `${path} shows the record in review`);
      for (const id of hidden) {
        assert.ok(
          !new RegExp(`/records/${id}(?![0-9])`).test(text),
          `${path} links to hidden record ${id}`,
        );
      }
    }
  });

  it("an applicant's personal data: only the officer and the approver see the case; reveal is the officer's and audited", async () => {
    const id = s.fixtures.application!;
    const row = await s.t.t.db
      .selectFrom("applications")
      .select(["application_no"])
      .where("id", "=", Number(id))
      .executeTakeFirstOrThrow();
    for (const visitor of visitors) {
      const res = await s.browsers[visitor].request(`/admin/applications/${id}`);
      const expected = visitor === "applicationOfficer" || visitor === "approver";
      assert.equal(
        res.status,
        expected ? 200 : visitor === "anonymous" ? 303 : 403,
        `case page as ${visitor}`,
      );
      const text = await res.text();
      if (!expected)
        assert.ok(!text.includes(row.application_no), `case number leaks to ${visitor}`);
    }
    const before = await countAudit(s, "application.reveal");
    const officer = s.browsers.applicationOfficer;
    await officer.get(`/admin/applications/${id}`);
    const revealed = await officer.post(`/admin/applications/${id}/reveal`, {});
    assert.ok(revealed.status < 400, `reveal as officer: ${revealed.status}`);
    assert.ok((await countAudit(s, "%reveal%")) > before, "a reveal is audited");
    const approverReveal = await s.browsers.approver.post(`/admin/applications/${id}/reveal`, {});
    assert.equal(approverReveal.status, 403);
  });

  it("moderation queues are for staff only, the audit log for the auditor only", async () => {
    const staffOnly: [string, readonly Visitor[]][] = [
      ["/admin/consultations", ["editor", "reviewer"]],
      ["/admin/messages", ["editor", "reviewer", "approver"]],
      ["/admin/audit", ["auditor"]],
    ];
    for (const [path, who] of staffOnly) {
      for (const visitor of visitors) {
        const res = await s.browsers[visitor].request(path);
        const expected = who.includes(visitor) ? 200 : visitor === "anonymous" ? 303 : 403;
        assert.equal(res.status, expected, `${path} as ${visitor}`);
      }
    }
  });

  it("ids in public URLs do not lead to anyone's case: tracking needs the 查询码", async () => {
    const anon = s.t.browser();
    const apps = await s.t.t.db
      .selectFrom("applications")
      .select(["id", "application_no"])
      .execute();
    const numbers = apps.map((a) => a.application_no);
    const ids = apps.map((a) => a.id);
    const maxId = Math.max(...ids) + 3;
    const personal = /1[3-9]\d{9}|\d{17}[\dXx]|@[a-z0-9-]+\.[a-z]/; // phone, ID number, e-mail
    for (let id = 0; id <= maxId; id++) {
      for (const path of [
        `/applications/${id}`,
        `/applications/track?id=${id}`,
        `/applications/submitted?id=${id}`,
        `/api/v1/applications/${id}`,
        `/api/v1/applications/lookup?id=${id}`,
        `/interaction/messages/${id}`,
        `/api/v1/messages/${id}`,
        `/services/cases?id=${id}`,
      ]) {
        const res = await anon.request(path);
        const text = await res.text();
        assert.ok(res.status < 500, `${path}: ${res.status}`);
        for (const n of numbers) assert.ok(!text.includes(n), `${path} shows case ${n}`);
        assert.ok(!personal.test(text.replace(/<[^>]+>/g, " ")), `${path} shows personal data`);
      }
    }
    // The tracking form with a real number and a wrong code says nothing about the case.
    await anon.get("/applications/track");
    for (const n of numbers) {
      const res = await anon.post("/applications/track", { number: n, code: "WRONG-CODE-1" });
      const text = await res.text();
      assert.ok(res.status < 500);
      assert.ok(!/已受理|办理中|已答复|申请人/.test(stripForm(text)), `track ${n} leaks state`);
    }
  });
});

async function countAudit(s: SecurityApp, like: string): Promise<number> {
  const row = await s.t.t.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "like", like)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The page without the form itself (labels and help text name the fields). */
function stripForm(html: string): string {
  return html.replace(/<form[\s\S]*?<\/form>/g, "").replace(/<nav[\s\S]*?<\/nav>/g, "");
}
