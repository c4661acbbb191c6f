import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";

const warning2027 = "2027年节假日安排尚未导入,2027年的日期按周末推算(provisional)";

async function dayOf(t: TestApp, date: string) {
  const res = await t.app.request(`/api/v1/calendar/days/${date}`);
  return (await res.json()) as { workday: boolean; name: string | null; provisional: boolean };
}

describe("back-office calendar", () => {
  let t: TestApp;
  let admin: Browser;
  let editor: Browser;
  before(async () => {
    t = await createTestApp({ start: "2026-11-05T02:00:00Z" });
    await t.createUser("cal-admin", ["admin"]);
    await t.createUser("cal-editor", ["editor"]);
    admin = await t.login("cal-admin");
    editor = await t.login("cal-editor");
  });
  after(() => t.close());

  it("an administrator sees a year as month tables with 休/班 and festival names", async () => {
    const res = await admin.get("/admin/calendar?year=2025");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<caption>2025年1月<\/caption>/);
    assert.match(html, /<caption>2025年12月<\/caption>/);
    assert.match(html, /<abbr title="星期一">一<\/abbr>/);
    assert.match(html, /title="休息日">休<\/abbr><span class="day-name"> 春节<\/span>/);
    assert.match(html, /title="调休上班日">班<\/abbr><span class="day-name"> 春节调休上班<\/span>/);
    assert.doesNotMatch(html, /按周末推算(provisional),据此/);
  });

  it("a year without a schedule is marked provisional, and the missing next year is warned about", async () => {
    const html = await (await admin.get("/admin/calendar?year=2028")).text();
    assert.match(html, /2028\s*年尚无国务院办公厅节假日安排/);
    const current = await (await admin.get("/admin/calendar")).text();
    assert.ok(current.includes(warning2027), "calendar page warns");
    assert.match(current, /<caption>2026年1月<\/caption>/, "defaults to the current year");
  });

  it("the dashboard warns administrators, not editors, that next year's schedule is missing", async () => {
    assert.ok((await (await admin.get("/admin")).text()).includes(warning2027));
    assert.ok(!(await (await editor.get("/admin")).text()).includes(warning2027));
  });

  it("an editor may not open or change the calendar", async () => {
    assert.equal((await editor.get("/admin/calendar")).status, 403);
    const post = await editor.post("/admin/calendar/overrides", {
      date: "2026-12-01",
      workday: "0",
      reason: "x",
    });
    assert.equal(post.status, 403);
    assert.match(await post.text(), /您的角色无权执行此操作/);
    const imported = await editor.post("/admin/calendar/import", { text: "2027-01-01,休,元旦" });
    assert.equal(imported.status, 403);
    assert.equal((await dayOf(t, "2026-12-01")).workday, true);
  });

  it("the override form shows every field error", async () => {
    const res = await admin.post("/admin/calendar/overrides", { date: "2026-02-30", reason: " " });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /提交的内容有 3 处需要修改/);
    assert.match(html, /请填写 YYYY-MM-DD 格式的真实日期/);
    assert.match(html, /请选择工作日或休息日/);
    assert.match(html, /请填写更正理由/);
  });

  it("an administrator corrects a day, the API follows at once, and the correction can be undone", async () => {
    const saved = await admin.post("/admin/calendar/overrides", {
      date: "2026-12-01",
      workday: "0",
      name: "防汛调休",
      reason: "县政府通知",
    });
    assert.equal(saved.status, 303);
    assert.equal(
      saved.headers.get("location"),
      "/admin/calendar?year=2026&saved=2026-12-01#overrides",
    );
    assert.deepEqual(await dayOf(t, "2026-12-01"), {
      date: "2026-12-01",
      workday: false,
      name: "防汛调休",
      provisional: false,
    });
    const page = await (await admin.get("/admin/calendar?year=2026&saved=2026-12-01")).text();
    assert.match(page, /已保存 2026-12-01 的更正/);
    assert.match(page, /县政府通知/);
    assert.match(page, /(已更正)/);

    const removed = await admin.post("/admin/calendar/overrides/2026-12-01/remove");
    assert.equal(removed.status, 303);
    assert.equal((await dayOf(t, "2026-12-01")).workday, true);
    const actions = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_id", "=", "2026-12-01")
      .orderBy("id")
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ["calendar.override_saved", "calendar.override_removed"],
    );
  });

  it("a bad import shows every error in Chinese and imports nothing", async () => {
    const res = await admin.post("/admin/calendar/import", {
      text: "2027-01-01,休,元旦\n2027-02-30,休\n2027-01-04,班,周一\n",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /文件有 2 处错误,未导入任何内容/);
    assert.match(html, /第2行:“2027-02-30”不是有效日期/);
    assert.match(html, /第3行:2027-01-04 是周一至周五/);
    assert.equal((await dayOf(t, "2027-01-01")).provisional, true);
    const empty = await admin.post("/admin/calendar/import", { text: "" });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /请选择要上传的文件,或粘贴节假日安排的内容/);
  });

  it("an uploaded 2027 file is imported, summarised, and ends the warning", async () => {
    const form = new FormData();
    const csv =
      "date,workday,name\n2027-01-01,休,元旦\n2027-02-06,休,春节\n2027-02-20,班,春节调休上班\n";
    form.set("file", new File([csv], "2027.csv", { type: "text/csv" }));
    form.set("text", "");
    const res = await admin.post("/admin/calendar/import", form);
    assert.equal(res.status, 303);
    const location = res.headers.get("location")!;
    assert.equal(location, "/admin/calendar?year=2027&imported=2027#import");
    const page = await (await admin.get(location.replace(/#.*/, ""))).text();
    assert.match(page, /导入完成/);
    assert.match(page, /2027年:放假 2 天,调休上班 1 天/);
    assert.ok(!page.includes(warning2027));
    assert.ok(!(await (await admin.get("/admin")).text()).includes(warning2027));
    assert.deepEqual(await dayOf(t, "2027-02-20"), {
      date: "2027-02-20",
      workday: true,
      name: "春节调休上班",
      provisional: false,
    });
  });

  it("a file that is not UTF-8 is refused with a Chinese message", async () => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array([0xc4, 0xea, 0x2c, 0xff])], "gbk.csv"));
    const res = await admin.post("/admin/calendar/import", form);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /文件不是 UTF-8 编码/);
  });
});
