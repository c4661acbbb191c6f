// Every 留言 page is valid HTML (html-validate, the browser journeys' rules), plain and with errors.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../test/browser/support/checks";
import { createTestApp, type TestApp } from "../../test/support/app";
import { leaveMessage, messageFields, setUpStaff } from "./test-fixtures";

describe("message pages are valid HTML", () => {
  let t: TestApp;
  const pages: [string, string][] = [];
  const keep = async (name: string, res: Response) => {
    pages.push([name, await res.text()]);
  };

  before(async () => {
    t = await createTestApp();
    const units = await setUpStaff(t);
    await t.createUser("tpl", ["admin"]);
    const citizen = t.browser();
    await keep("form", await citizen.get("/interaction/messages/new"));
    await keep("form with errors", await citizen.post("/interaction/messages/new", { phone: "1" }));
    const { id, number, code, html } = await leaveMessage(
      t,
      messageFields({ category: "complaint" }),
      citizen,
    );
    pages.push(["submitted", html]);
    await keep("track", await citizen.get("/interaction/messages/track"));
    await keep(
      "track refused",
      await citizen.post("/interaction/messages/track", { number, code: "WRONG" }),
    );
    const office = await t.login("office");
    await office.post("/admin/messages/templates", {
      title: "许可延续",
      category: "",
      body: "您好,许可延续请……",
      isActive: "1",
    });
    await keep("templates", await office.get("/admin/messages/templates"));
    await keep("template", await office.get("/admin/messages/templates/1"));
    await keep("list", await office.get("/admin/messages"));
    await keep("message", await office.get(`/admin/messages/${id}`));
    await keep("contact", await office.post(`/admin/messages/${id}/contact`));
    await keep(
      "refused action",
      await office.post(`/admin/messages/${id}/actions/assign`, { unitId: "" }),
    );
    await office.post(`/admin/messages/${id}/actions/assign`, { unitId: String(units.food) });
    const editor = await t.login("food-editor");
    await keep("draft with template", await editor.get(`/admin/messages/${id}?template=1`));
    await editor.post(`/admin/messages/${id}/actions/submit`, { replyText: "答复内容。" });
    await (await t.login("food-reviewer")).post(`/admin/messages/${id}/actions/approve`);
    await keep("public list", await citizen.get("/interaction/messages"));
    await keep("public message", await citizen.get(`/interaction/messages/${id}`));
    await keep("track result", await citizen.post("/interaction/messages/track", { number, code }));
    await keep("rate", await citizen.get(`/interaction/messages/rate?no=${number}&code=${code}`));
    await keep(
      "rate errors",
      await citizen.post("/interaction/messages/rate", { no: number, code }),
    );
    await keep(
      "rated",
      await citizen.post("/interaction/messages/rate", { no: number, code, rating: "satisfied" }),
    );
    await keep("responses", await citizen.get("/interaction/responses"));
    const admin = await t.login("tpl");
    await keep("settings", await admin.get("/admin/messages/settings"));
    await keep(
      "settings errors",
      await admin.post("/admin/messages/settings", {
        inquiry: "0",
        suggestion: "x",
        complaint: "10",
      }),
    );
  });
  after(() => t.close());

  it("has no html-validate errors on any page", async () => {
    assert.equal(pages.length, 21);
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });

  it("the draft shows the inserted template; the template editor needs a reviewer or admin", async () => {
    const draft = pages.find(([n]) => n === "draft with template")![1];
    assert.match(draft, /您好,许可延续请……/);
    const editor = await t.login("food-editor");
    assert.equal((await editor.get("/admin/messages/templates")).status, 403);
  });

  it("an admin changes the 咨询 deadline; new messages use it", async () => {
    const admin = await t.login("tpl");
    const res = await admin.post("/admin/messages/settings", {
      inquiry: "3",
      suggestion: "10",
      complaint: "10",
    });
    assert.equal(res.status, 303);
    const { id } = await leaveMessage(t);
    const row = await t.t.db
      .selectFrom("messages")
      .select(["due_on", "deadline_workdays"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { due_on: "2025-03-06", deadline_workdays: 3 });
    const office = await t.login("office");
    assert.equal(
      (
        await office.post("/admin/messages/settings", {
          inquiry: "5",
          suggestion: "10",
          complaint: "10",
        })
      ).status,
      403,
    );
  });
});
