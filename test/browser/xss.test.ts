// The XSS corpus in real Chromium (issue 9 item 3): every payload of
// test/security/xss-payloads.ts is put through the fields that are shown back — record titles
// and bodies (published through the workflow), the search box, the application form's
// description and information name (on the officer's case page), uploaded file names (on the
// case's letters page), public comments on a consultation (on the moderation page), public
// messages (留言: title, body and name, then staff replies, return reasons and ratings), meeting
// sign-ups (name, organisation and statement) and 双公示 entries imported through the API (every
// text field) — and every resulting page, public and back office, is loaded, including pages
// only a form submission shows (the audited reveal views, a refused form shown back). The test
// fails if any script runs: the `__xss` binding is called, a dialog opens, the title changes, or
// the DOM holds an element the payload made (an on* attribute, a javascript:/data: URL, a script
// with the sentinel).
//
// The app runs in this process (createTestApp, served by @hono/node-server on a free port), so
// the data goes in through the same routes and services a person would use, with the test clock.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { serve } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Role } from "../../src/accounts/roles";
import { rateHrefOf } from "../../src/messages/public-routes";
import { leaveMessage, messageFields } from "../../src/messages/test-fixtures";
import { publishableReview } from "../../src/records/test-fixtures";
import { personFormFields, solveHumanCheck } from "../../src/requests/test-fixtures";
import { type SecurityApp, setUpSecurityApp, userName, type Visitor } from "../security/support";
import { payloadBatches, type XssPayload, xssPayloads } from "../security/xss-payloads";
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

/**
 * A page reached by submitting a form in Chromium: load `path`, type `fill` into the fields of
 * the form whose action is `action` (by field name), press its submit button, check the result.
 */
interface FormStep {
  path: string;
  action: string;
  fill?: Record<string, string>;
}

const joined = (batch: readonly XssPayload[], separator = " ") =>
  batch.map((p) => p.text).join(separator);

/** The i-th of `count` picks spread evenly over `batches` (so a few picks sample the whole corpus). */
const spread = <T>(batches: readonly T[], i: number, count: number): T =>
  batches[Math.floor((i * batches.length) / count) % batches.length]!;

describe("XSS corpus in Chromium", { skip: unavailable ?? undefined }, () => {
  let s: SecurityApp;
  let browser: Browser;
  let server: ReturnType<typeof serve>;
  let base = "";
  const publicPages: string[] = [];
  const staffPages: Record<string, string[]> = {};
  /** Pages only a form submission shows, by who submits (a role, or "anonymous"). */
  const formSteps: Partial<Record<Visitor, FormStep[]>> = {};
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

    // 5. Public comments on an open consultation (shown to staff for moderation). The
    // `consultation` fixture is the first demo consultation, closed long before the test clock
    // (no comment form): take one open now.
    const nowIso = t.now().toISOString();
    const open = await t.t.db
      .selectFrom("consultations")
      .select("id")
      .where("status", "=", "opened")
      .where("opens_at", "<=", nowIso)
      .where("closes_at", ">", nowIso)
      .orderBy("id")
      .executeTakeFirst();
    const consultation = String(open?.id ?? s.fixtures.consultation);
    let commented = 0;
    const commentBatches = payloadBatches(900).slice(0, 12);
    for (const batch of commentBatches) {
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
    // Some may be refused by the comment form's own rules (lengths); none at all means the
    // source is not exercised (as when the consultation was closed).
    assert.ok(commented > 0, `no payload comment accepted on consultation ${consultation}`);
    console.log(
      `xss: ${commented} of ${commentBatches.length} consultation comments with payloads accepted`,
    );
    staffPages.reviewer = [`/admin/consultations/${consultation}`, "/admin/consultations"];
    publicPages.push(`/interaction/consultations/${consultation}`);

    // 6. Public messages (留言): title, body and name on the public form (human check answered,
    // the clock moved past the per-address hourly limit). The office (局机关审核人) assigns them
    // to its own unit and our editor drafts a reply holding the whole corpus; they end in every
    // state: received, returned (the reason and the draft shown back), in review, and replied
    // (published with consent, then rated with a payload comment by the asker).
    const MESSAGES = 8;
    const messageBodies = payloadBatches(2900, "\n");
    const subjects = payloadBatches(100);
    const askerNames = payloadBatches(50);
    const left: { id: number; number: string; code: string }[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      t.setNow(new Date(t.now().getTime() + 400_000).toISOString()); // ≤ 10 an hour per address
      const fields = messageFields({
        subject: joined(spread(subjects, i, MESSAGES)),
        body: joined(messageBodies[i % messageBodies.length]!, "\n"),
        name: joined(spread(askerNames, i + 0.5, MESSAGES)),
        phone: "",
        email: "",
      });
      try {
        const { id, number, code } = await leaveMessage(t, fields);
        left.push({ id, number, code });
      } catch (error) {
        console.log(`xss: message ${i} refused: ${String(error).slice(0, 200)}`);
      }
    }
    assert.ok(left.length > 0, `none of ${MESSAGES} payload messages accepted`);
    const office = await t.login(userName("reviewer"));
    const drafter = await t.login(userName("editor"));
    const act = async (who: typeof office, id: number, action: string, form = {}) => {
      await who.get(`/admin/messages/${id}`);
      const res = await who.post(`/admin/messages/${id}/actions/${action}`, form);
      assert.equal(res.status, 303, `${action} on message ${id}: ${res.status}`);
    };
    const root = String(await t.rootUnitId());
    const reply = joined(xssPayloads, "\n"); // ≤ 20000 characters: the whole corpus
    const shortTexts = payloadBatches(500); // return reasons and rating comments
    let replied = 0;
    let rated = 0;
    for (const [i, m] of left.entries()) {
      const state = i % 4; // 0 received, 1 returned, 2 in review, 3 replied
      if (state === 0) continue;
      await act(office, m.id, "assign", { unitId: root });
      await act(drafter, m.id, "submit", { replyText: reply });
      if (state === 1) {
        await act(office, m.id, "return", { reason: joined(spread(shortTexts, i, MESSAGES)) });
      } else if (state === 3) {
        await act(office, m.id, "approve");
        replied++;
        publicPages.push(`/interaction/messages/${m.id}`);
        const asker = t.browser();
        await asker.get(rateHrefOf(m.number, m.code));
        const res = await asker.post("/interaction/messages/rate", {
          no: m.number,
          code: m.code,
          rating: "dissatisfied",
          comment: joined(spread(shortTexts, i + 0.5, MESSAGES)),
        });
        if (res.status === 200) rated++;
      }
    }
    assert.ok(replied > 0, "no payload message replied and published");
    console.log(
      `xss: ${left.length} of ${MESSAGES} payload messages accepted, ${replied} replied and public, ${rated} rated`,
    );
    // The asker's view (number and query code) is a GET page: the rating link.
    publicPages.push("/interaction/messages", ...left.map((m) => rateHrefOf(m.number, m.code)));
    const messagePages = [
      "/admin/messages",
      // The default list holds only messages still to answer; "all" shows the replied ones too.
      "/admin/messages?state=all",
      ...left.map((m) => `/admin/messages/${m.id}`),
    ];
    staffPages.reviewer!.push("/admin", ...messagePages);
    staffPages.editor!.push(...messagePages);
    // The audited clear view of the asker's name and contact (office only).
    formSteps.reviewer = left.map((m) => ({
      path: `/admin/messages/${m.id}`,
      action: `/admin/messages/${m.id}/contact`,
    }));
    // The public form refused (wrong human-check answer) and shown back with what was typed.
    formSteps.anonymous = [
      {
        path: "/interaction/messages/new",
        action: "/interaction/messages/new",
        fill: {
          subject: joined(subjects[1]!),
          body: joined(messageBodies[0]!, "\n"),
          name: joined(askerNames[1]!),
          hc_answer: "99",
        },
      },
    ];

    // 7. Meeting sign-ups: the demo 座谈会 (the `meeting` fixture, open for first-come sign-up)
    // with payload names, organisations and statements, on the public form.
    const meeting = s.fixtures.meeting!;
    const statements = payloadBatches(1900, "\n");
    const signupNames = payloadBatches(50);
    const organisations = payloadBatches(100);
    const signupNos: string[] = [];
    for (const [i, statement] of statements.entries()) {
      const citizen = t.browser();
      const page = await (await citizen.get(`/interaction/meetings/${meeting}/signup`)).text();
      assert.match(page, /hc_token/, `meeting ${meeting} is not open for sign-up`);
      t.setNow(new Date(t.now().getTime() + 5000).toISOString());
      const res = await citizen.post(`/interaction/meetings/${meeting}/signup`, {
        name: joined(spread(signupNames, i, statements.length)),
        phone: `1391234${String(i).padStart(4, "0")}`,
        organisation: joined(spread(organisations, i, statements.length)),
        statement: joined(statement, "\n"),
        ...solveHumanCheck(page),
      });
      if (res.status !== 303) {
        console.log(`xss: sign-up ${i} refused: ${res.status}`);
        continue;
      }
      const location = res.headers.get("location")!;
      publicPages.push(location);
      signupNos.push(new URL(location, "http://x").searchParams.get("no")!);
    }
    assert.ok(signupNos.length > 0, `none of ${statements.length} payload sign-ups accepted`);
    console.log(
      `xss: ${signupNos.length} of ${statements.length} payload meeting sign-ups accepted`,
    );
    publicPages.push("/interaction/meetings", `/interaction/meetings/${meeting}`);
    const meetingPages = ["/admin/meetings", `/admin/meetings/${meeting}`];
    staffPages.reviewer!.push(...meetingPages);
    staffPages.editor!.push(...meetingPages);
    const signups = await t.t.db
      .selectFrom("meeting_signups")
      .select("id")
      .where("signup_no", "in", signupNos)
      .execute();
    // The audited full view of one sign-up: name, organisation and statement in clear.
    formSteps.editor = signups.map((r) => ({
      path: `/admin/meetings/${meeting}`,
      action: `/admin/meetings/${meeting}/signups/${r.id}/reveal`,
    }));
    formSteps.anonymous.push({
      path: `/interaction/meetings/${meeting}/signup`,
      action: `/interaction/meetings/${meeting}/signup`,
      fill: {
        name: joined(signupNames[2]!),
        phone: "13912349999",
        organisation: joined(organisations[2]!),
        statement: joined(statements[0]!, "\n"),
        hc_answer: "99",
      },
    });

    // 8. 双公示 entries imported through the token API, a payload in every free-text field
    // (numbers, names, legal representative, content, facts, basis, authority); every other
    // entry is a natural person (no credit code), whose names are masked in public and shown in
    // clear on the staff page's audited reveal.
    const ENTRIES = 7;
    const decidedOn = new Date(t.now().getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    const orgCode = "91350100M000100Y43"; // a valid 统一社会信用代码 (src/publicity tests)
    const numbers = payloadBatches(64);
    const names200 = payloadBatches(200);
    const reps = payloadBatches(100);
    const texts2000 = payloadBatches(2000, "\n");
    const texts4000 = payloadBatches(4000, "\n");
    const subject = (i: number) =>
      i % 2 === 0
        ? { subjectType: "法人及其他组织", creditCode: orgCode }
        : { subjectType: "自然人" };
    const imported: { type: "licences" | "penalties"; id: number; natural: boolean }[] = [];
    const importOne = async (type: "licences" | "penalties", entry: object, natural: boolean) => {
      const res = await api(s.tokens.editor, "POST", `/api/v1/publicity/${type}/batch`, {
        entries: [entry],
      });
      if (res.status !== 200) {
        console.log(`xss: ${type} entry refused: ${(await res.text()).slice(0, 300)}`);
        return;
      }
      const body = (await res.json()) as { entries: { id: number }[] };
      imported.push({ type, id: body.entries[0]!.id, natural });
    };
    for (let i = 0; i < ENTRIES; i++) {
      await importOne(
        "licences",
        {
          licenceNo: joined(spread(numbers, i, ENTRIES)),
          ...subject(i),
          subjectName: joined(spread(names200, i, ENTRIES)),
          legalRep: joined(spread(reps, i, ENTRIES)),
          content: joined(texts2000[i % texts2000.length]!, "\n"),
          decidedOn,
          validFrom: decidedOn,
          validTo: "2099-12-31",
          authority: joined(spread(names200, i + 0.5, ENTRIES)),
        },
        i % 2 === 1,
      );
      await importOne(
        "penalties",
        {
          decisionNo: joined(spread(numbers, i + 0.5, ENTRIES)),
          ...subject(i + 1),
          subjectName: joined(spread(names200, i + 0.25, ENTRIES)),
          legalRep: joined(spread(reps, i + 0.5, ENTRIES)),
          facts: joined(texts4000[i % texts4000.length]!, "\n"),
          basis: joined(texts2000[(i + 3) % texts2000.length]!, "\n"),
          content: joined(texts2000[i % texts2000.length]!, "\n"),
          decidedOn,
          authority: joined(spread(names200, i + 0.75, ENTRIES)),
        },
        (i + 1) % 2 === 1,
      );
    }
    const licences = imported.filter((e) => e.type === "licences").length;
    const penalties = imported.length - licences;
    assert.ok(licences > 0 && penalties > 0, `licences ${licences}, penalties ${penalties}`);
    console.log(
      `xss: ${licences} of ${ENTRIES} payload licences and ${penalties} of ${ENTRIES} penalties imported`,
    );
    publicPages.push(
      "/services/publicity",
      "/services/publicity/licences",
      "/services/publicity/penalties",
      "/services/publicity/licences/feed.atom",
      "/services/publicity/penalties/feed.atom",
      `/services/publicity/licences?q=${encodeURIComponent(joined(numbers[3]!))}`,
      `/services/publicity/penalties?q=${encodeURIComponent(joined(numbers[4]!))}`,
      ...imported.map((e) => `/services/publicity/${e.type}/${e.id}`),
    );
    staffPages.editor!.push(
      "/admin/publicity",
      ...imported.map((e) => `/admin/publicity/${e.type}/${e.id}`),
    );
    formSteps.editor.push(
      ...imported
        .filter((e) => e.natural)
        .map((e) => ({
          path: `/admin/publicity/${e.type}/${e.id}`,
          action: `/admin/publicity/${e.type}/${e.id}/reveal`,
        })),
    );

    // The clock moved: every role whose pages are loaded signs in again.
    for (const role of new Set([...Object.keys(staffPages), ...Object.keys(formSteps)])) {
      if (role !== "anonymous") s.browsers[role as Role] = await t.login(userName(role as Role));
    }

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

  async function openPage(context: BrowserContext): Promise<Page> {
    const page: Page = await context.newPage();
    page.on("dialog", (d) => {
      hits.push(`dialog "${d.message()}" on ${page.url()}`);
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (/XSS|__xss/.test(m.text()) && !/Content Security Policy/.test(m.text()))
        hits.push(`console "${m.text().slice(0, 100)}" on ${page.url()}`);
    });
    return page;
  }

  /** The checks on the page as loaded: the title a payload would set, and the DOM it would make. */
  async function inspect(page: Page, label: string): Promise<void> {
    await page.waitForTimeout(30);
    const title = await page.title();
    // Payload text shown as text may contain "XSS<n>"; a payload that ran sets exactly that.
    if (/^XSS\d+$/.test(title)) hits.push(`title "${title}" on ${label}`);
    const found = (await page.evaluate(domCheck)) as string[];
    for (const f of found) hits.push(`${label}: ${f}`);
  }

  async function visitAll(context: BrowserContext, paths: string[]): Promise<number> {
    const page = await openPage(context);
    let visited = 0;
    for (const path of paths) {
      const res = await page.goto(base + path, { waitUntil: "load", timeout: 20_000 });
      assert.ok(res && res.status() < 500, `${path}: ${res?.status()}`);
      await inspect(page, path);
      visited++;
    }
    await page.close();
    return visited;
  }

  /** Loads each step's page, fills and submits its form, and checks the page the POST shows. */
  async function submitAll(context: BrowserContext, steps: FormStep[]): Promise<number> {
    const page = await openPage(context);
    let visited = 0;
    for (const step of steps) {
      const res = await page.goto(base + step.path, { waitUntil: "load", timeout: 20_000 });
      assert.ok(res && res.status() < 400, `${step.path}: ${res?.status()}`);
      const form = page.locator(`form[action="${step.action}"]`).first();
      for (const [name, value] of Object.entries(step.fill ?? {}))
        await form.locator(`[name="${name}"]`).fill(value);
      const [posted] = await Promise.all([
        page.waitForNavigation({ waitUntil: "load", timeout: 20_000 }),
        form.locator('button[type="submit"], button:not([type])').first().click(),
      ]);
      const label = `POST ${step.action}`;
      assert.ok(posted && posted.status() < 500, `${label}: ${posted?.status()}`);
      assert.equal(new URL(page.url()).pathname, step.action, `${label} did not show its page`);
      await inspect(page, label);
      // The point of the step is the payload text it shows: a page without any is no test.
      assert.match(await page.content(), /__xss\(\d+\)/, `${label} shows no payload`);
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
    for (const [who, steps] of Object.entries(formSteps)) {
      const context = await contextFor(who === "anonymous" ? null : who);
      visited += await submitAll(context, steps);
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
