// The XSS corpus in real Chromium (issue 9 item 3): every payload of
// test/security/xss-payloads.ts is put through the fields that are shown back — record titles
// and bodies (published through the workflow), the search box, the application form's
// description and information name (on the officer's case page), uploaded file names (on the
// case's letters page) and public comments on a consultation (on the moderation page) — and
// every resulting page, public and back office, is loaded. The test fails if any script runs:
// the `__xss` binding is called, a dialog opens, the title changes, or the DOM holds an element
// the payload made (an on* attribute, a javascript:/data: URL, a script with the sentinel).
//
// The app runs in this process (createTestApp, served by @hono/node-server on a free port), so
// the data goes in through the same routes and services a person would use, with the test clock.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { serve } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { publishableReview } from "../../src/records/test-fixtures";
import { personFormFields, solveHumanCheck } from "../../src/requests/test-fixtures";
import { type SecurityApp, setUpSecurityApp } from "../security/support";
import { payloadBatches, xssPayloads } from "../security/xss-payloads";
import { browserUnavailable, launchBrowser } from "./support/browser";

const unavailable = browserUnavailable();
if (unavailable && process.env.CI) throw new Error(unavailable);

/** In-page check for anything a payload could have created in the DOM (CSP or not). */
const domCheck = `(() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const v = a.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (a.name.startsWith("on")) found.push(el.tagName + " " + a.name + "=" + a.value.slice(0, 60));
      else if (/^(href|src|action|formaction|data|xlink:href|srcdoc)$/.test(a.name) && (/^(javascript|vbscript):/.test(v) || (/^data:text\\/html/.test(v))))
        found.push(el.tagName + " " + a.name + "=" + a.value.slice(0, 60));
    }
    if (el.tagName === "SCRIPT" && /__xss|alert\\(/.test(el.textContent || "")) found.push("SCRIPT " + el.textContent.slice(0, 60));
    if (el.tagName === "IFRAME" || el.tagName === "OBJECT" || el.tagName === "EMBED" || el.tagName === "BASE" || (el.tagName === "META" && el.getAttribute("http-equiv")))
      found.push(el.tagName + " element");
  }
  return found;
})()`;

describe("XSS corpus in Chromium", { skip: unavailable ?? undefined }, () => {
  let s: SecurityApp;
  let browser: Browser;
  let server: ReturnType<typeof serve>;
  let base = "";
  const publicPages: string[] = [];
  const staffPages: Record<string, string[]> = {};
  const hits: string[] = [];

  before(async () => {
    s = await setUpSecurityApp();
    const { t } = s;
    const api = (token: string, method: string, path: string, body?: unknown) =>
      t.app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    // 1. Records: titles (≤200 characters each) and bodies, published through the workflow.
    const bodies = payloadBatches(4000, "</p><p>");
    const titles = payloadBatches(190);
    let published = 0;
    for (const [i, batch] of titles.entries()) {
      const body = bodies[i % bodies.length]!;
      const res = await api(s.tokens.editor, "POST", "/api/v1/records", {
        title: batch.map((p) => p.text).join(" "),
        formedOn: "2025-02-20",
        topic: "市场监管",
        genre: "notice",
        openness: "execution",
        bodyHtml: `<p>${body.map((p) => p.text).join("</p><p>")}</p>`,
        summary: batch
          .map((p) => p.text)
          .join(" ")
          .slice(0, 200),
      });
      assert.equal(res.status, 201, await res.clone().text());
      const id = ((await res.json()) as { id: number }).id;
      staffPages.editor = [...(staffPages.editor ?? []), `/admin/records/${id}`];
      const steps: [string, object][] = [
        [s.tokens.editor, { action: "submit" }],
        [s.tokens.reviewer, { action: "approve", review: publishableReview }],
        [s.tokens.approver, { action: "sign" }],
      ];
      let ok = true;
      for (const [token, step] of steps) {
        if (!ok) break;
        ok = (await api(token, "POST", `/api/v1/records/${id}/transitions`, step)).status === 200;
      }
      if (ok) {
        published++;
        publicPages.push(`/records/${id}`, `/records/${id}/print`);
      }
    }
    // Proofreading stops some titles at submission (mojibake, odd punctuation): those are still
    // shown on the staff record pages above.
    assert.ok(published > 0, `none of ${titles.length} records published`);
    console.log(`xss: ${published} of ${titles.length} payload records published`);
    publicPages.push(
      "/",
      "/disclosure/records",
      "/disclosure/records?page=2",
      "/feeds/records.atom",
    );
    staffPages.editor!.push("/admin/records", "/admin/records?page=2");

    // 2. The search box: each batch as a query.
    for (const batch of payloadBatches(100)) {
      publicPages.push(`/search?q=${encodeURIComponent(batch.map((p) => p.text).join(" "))}`);
    }

    // 3. Application text, filed on the public form (human check answered like a person).
    const officerPages: string[] = [];
    for (const batch of payloadBatches(1900).slice(0, 8)) {
      const citizen = t.browser();
      const form = await (await citizen.get("/applications/new")).text();
      t.setNow(new Date(t.now().getTime() + 3_700_000).toISOString()); // human check + hourly limit
      const text = batch.map((p) => p.text).join(" ");
      const res = await citizen.post("/applications/new", {
        ...personFormFields({ infoName: text.slice(0, 100), infoDescription: text }),
        ...solveHumanCheck(form),
      });
      assert.equal(res.status, 303, `filing: ${res.status}`);
    }
    const apps = await t.t.db.selectFrom("applications").select("id").execute();
    for (const a of apps) officerPages.push(`/admin/applications/${a.id}`);
    officerPages.push("/admin/applications");

    // Sessions ended while the clock moved: sign in again.
    for (const role of ["editor", "reviewer", "applicationOfficer"] as const) {
      s.browsers[role] = await t.login(`sec-${role}`);
    }

    // 4. File names: a real PDF uploaded under each payload's name.
    const caseId = s.fixtures.application!;
    const officer = s.browsers.applicationOfficer;
    const { makePdf } = await import("../../src/platform/files/test-files");
    const pdf = makePdf([{ content: "BT (x) Tj ET" }]);
    for (const p of xssPayloads.slice(0, 120)) {
      await officer.get(`/admin/applications/${caseId}/letters`);
      const form = new FormData();
      form.append("files", new File([pdf], `${p.text.slice(0, 100)}.pdf`));
      await officer.post(`/admin/applications/${caseId}/reply-attachments`, form);
    }
    officerPages.push(`/admin/applications/${caseId}/letters`);
    staffPages.applicationOfficer = officerPages;

    // 5. Public comments on an open consultation (shown to staff for moderation).
    const consultation = s.fixtures.consultation!;
    let commented = 0;
    for (const batch of payloadBatches(900).slice(0, 12)) {
      const citizen = t.browser();
      const page = await (await citizen.get(`/interaction/consultations/${consultation}`)).text();
      if (!/hc_token/.test(page)) break;
      t.setNow(new Date(t.now().getTime() + 5000).toISOString());
      const res = await citizen.post(`/interaction/consultations/${consultation}/comments`, {
        articleNo: "1",
        body: batch.map((p) => p.text).join(" "),
        name: batch[0]!.text.slice(0, 20),
        ...solveHumanCheck(page),
      });
      if (res.status < 400) commented++;
    }
    // Reported, not failed: the comment form's own rules (open window, lengths) may refuse these.
    console.log(`xss: ${commented} consultation comments with payloads accepted`);
    staffPages.reviewer = [`/admin/consultations/${consultation}`, "/admin/consultations"];
    publicPages.push(`/interaction/consultations/${consultation}`);

    server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    await s?.t.close();
  });

  async function contextFor(role: string | null): Promise<BrowserContext> {
    const context = await browser.newContext();
    await context.exposeBinding("__xss", ({ page }, n: number) => {
      hits.push(`__xss(${n}) ran on ${page.url()}`);
    });
    if (role) {
      const b = s.browsers[role as keyof typeof s.browsers];
      const cookies = ["gk_session", "gk_csrf"].flatMap((name) => {
        const value = b.cookie(name);
        return value ? [{ name, value, url: base }] : [];
      });
      await context.addCookies(cookies);
    }
    return context;
  }

  async function visitAll(context: BrowserContext, paths: string[]): Promise<number> {
    const page: Page = await context.newPage();
    page.on("dialog", (d) => {
      hits.push(`dialog "${d.message()}" on ${page.url()}`);
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (/XSS|__xss/.test(m.text()) && !/Content Security Policy/.test(m.text()))
        hits.push(`console "${m.text().slice(0, 100)}" on ${page.url()}`);
    });
    let visited = 0;
    for (const path of paths) {
      const res = await page.goto(base + path, { waitUntil: "load", timeout: 20_000 });
      assert.ok(res && res.status() < 500, `${path}: ${res?.status()}`);
      await page.waitForTimeout(30);
      const title = await page.title();
      // Payload text shown as text may contain "XSS<n>"; a payload that ran sets exactly that.
      if (/^XSS\d+$/.test(title)) hits.push(`title "${title}" on ${path}`);
      const found = (await page.evaluate(domCheck)) as string[];
      for (const f of found) hits.push(`${path}: ${f}`);
      visited++;
    }
    await page.close();
    return visited;
  }

  it(`${xssPayloads.length} payloads through every shown field: no script runs on any page`, async () => {
    let visited = 0;
    const anon = await contextFor(null);
    visited += await visitAll(anon, publicPages);
    await anon.close();
    for (const [role, paths] of Object.entries(staffPages)) {
      const context = await contextFor(role);
      visited += await visitAll(context, paths);
      await context.close();
    }
    console.log(`xss: ${xssPayloads.length} payloads, ${visited} pages loaded`);
    assert.ok(visited > 50, `only ${visited} pages`);
    assert.deepEqual(hits, []);
  });

  it("the sentinel is live: a page that does run the payload is caught (control)", async () => {
    const before = hits.length;
    const context = await contextFor(null);
    const page = await context.newPage();
    await page.setContent("<p>control</p>");
    await page.evaluate("window.__xss(0)");
    await page.close();
    await context.close();
    assert.equal(hits.length, before + 1);
    assert.match(hits.pop()!, /__xss\(0\)/);
  });
});
