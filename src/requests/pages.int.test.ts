// Every 依申请公开 page is valid HTML (html-validate, the browser journeys' rules), in its plain
// state and with errors shown.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../test/browser/support/checks";
import { createTestApp, type TestApp } from "../../test/support/app";
import { fileOnline } from "./test-fixtures";

describe("application pages are valid HTML", () => {
  let t: TestApp;
  const pages: [string, string][] = [];

  async function keep(name: string, res: Response) {
    pages.push([name, await res.text()]);
  }

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z" });
    await t.createUser("officer", ["applicationOfficer", "approver"]);
    const advance = (ms: number) => t.setNow(new Date(t.now().getTime() + ms).toISOString());
    const citizen = t.browser();
    await keep("guide", await citizen.get("/applications"));
    await keep("form", await citizen.get("/applications/new"));
    advance(5000);
    await keep(
      "form with errors",
      await citizen.post("/applications/new", { applicantType: "organisation" }),
    );
    const { number, code, html } = await fileOnline(citizen, advance);
    pages.push(["submitted", html]);
    await keep("submitted again", await citizen.get("/applications/submitted"));
    await keep("track", await citizen.get("/applications/track"));
    await keep("track result", await citizen.post("/applications/track", { number, code }));
    await keep(
      "track refused",
      await citizen.post("/applications/track", { number, code: "WRONG" }),
    );
    const officer = await t.login("officer");
    await keep("list", await officer.get("/admin/applications"));
    await keep("register", await officer.get("/admin/applications/new"));
    await keep("case", await officer.get("/admin/applications/1"));
    await keep(
      "case with a refused event",
      await officer.post("/admin/applications/1/events", { type: "confirm", date: "2025-01-01" }),
    );
    await officer.post("/admin/applications/1/events", { type: "confirm", date: "2025-03-03" });
    await keep("open case", await officer.get("/admin/applications/1"));
    await keep("revealed", await officer.post("/admin/applications/1/reveal"));
  });
  after(() => t.close());

  it("has no html-validate errors on any page", async () => {
    assert.equal(pages.length, 14);
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });
});
