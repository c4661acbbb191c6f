// Every casework page (letters, templates, appeals, ledger) is valid HTML (html-validate, the
// browser journeys' rules), in its plain state and with errors shown.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../test/browser/support/checks";
import { createTestApp, type TestApp } from "../../test/support/app";
import { ledgerWorkbook, officerActor, registerCase, replyCase } from "./casework-test-fixtures";

describe("casework pages are valid HTML", () => {
  let t: TestApp;
  const pages: [string, string][] = [];

  async function keep(name: string, res: Response) {
    pages.push([name, await res.text()]);
  }

  before(async () => {
    t = await createTestApp({ start: "2025-03-20T02:00:00Z" });
    await t.createUser("officer", ["applicationOfficer"]);
    await t.createUser("admin2", ["admin"]);
    const actor = await officerActor(t);
    const filed = await registerCase(t, actor, "2025-03-03");
    await replyCase(t, actor, filed.id, "2025-03-14", "results.disclosed");
    const officer = await t.login("officer");
    const base = `/admin/applications/${filed.id}`;
    await keep("letters", await officer.get(`${base}/letters`));
    await keep(
      "letters upload error",
      await officer.post(`${base}/reply-attachments`, new FormData()),
    );
    await keep("print view", await officer.get(`${base}/letters/reply`));
    await keep("appeals", await officer.get(`${base}/appeals`));
    await keep("appeals errors", await officer.post(`${base}/appeals`, { kind: "x" }));
    await keep("ledger", await officer.get("/admin/applications/ledger"));
    const form = (bytes: Uint8Array, action: string) => {
      const f = new FormData();
      f.append("file", new File([bytes], "台账.xlsx"));
      f.append("action", action);
      return f;
    };
    const good = await ledgerWorkbook([
      ["2024-1", "自然人", "2024-03-05", "计划", "2024-03-20", "予以公开", ""],
    ]);
    const bad = await ledgerWorkbook([
      ["2024-2", "自然人", "2024-03-05", "计划", "", "不予公开", "x"],
    ]);
    await officer.get("/admin/applications/ledger");
    await keep(
      "ledger check",
      await officer.post("/admin/applications/ledger/import", form(good, "check")),
    );
    await keep(
      "ledger refused",
      await officer.post("/admin/applications/ledger/import", form(bad, "import")),
    );
    const admin = await t.login("admin2");
    const key = `/admin/letter-templates/${encodeURIComponent("reply:results.disclosed")}`;
    await keep("templates", await admin.get("/admin/letter-templates"));
    await keep("template", await admin.get(key));
    await keep(
      "template preview",
      await admin.post(key, { action: "preview", title: "标题", body: "{申请人}:\n正文" }),
    );
    await keep(
      "template refused",
      await admin.post(key, { action: "save", title: "", body: "{未知}" }),
    );
  });
  after(() => t.close());

  it("has no html-validate errors on any page", async () => {
    assert.equal(pages.length, 12);
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });
});
