// 督办: the office sets a task for two units, a unit reports progress with a file, the other unit
// cannot report for it, overdue is flagged from the date; trainings are recorded with attendees;
// both feed the assessment; the pages are valid HTML.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../../test/browser/support/checks";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { createUnit } from "../../org/store";
import { makePdf } from "../../platform/files/test-files";
import { loadAssessment } from "../assessment/service";

describe("task supervision and trainings", () => {
  let t: TestApp;
  let office: Browser;
  let editorA: Browser;
  let editorB: Browser;
  let unitA: number;
  let unitB: number;
  const pages: [string, string][] = [];

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z" });
    const root = await t.rootUnitId();
    unitA = await createUnit(
      t.t.db,
      { name: "食品股", kind: "department", parentId: root },
      t.now(),
    );
    unitB = await createUnit(
      t.t.db,
      { name: "城关所", kind: "township_office", parentId: root },
      t.now(),
    );
    await t.createUser("office", ["reviewer"]);
    await t.createUser("a-editor", ["editor"], unitA);
    await t.createUser("b-editor", ["editor"], unitB);
    office = await t.login("office");
    editorA = await t.login("a-editor");
    editorB = await t.login("b-editor");
  });
  after(() => t.close());

  it("the office sets a task; bad input is refused in Chinese; units see their own assignment", async () => {
    await office.get("/admin/supervision/tasks");
    const bad = await office.post("/admin/supervision/tasks", { title: "", dueOn: "2025-02-30" });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.ok(badHtml.includes("请填写任务名称") && badHtml.includes("请至少选择一个承办单位"));
    pages.push(["tasks with errors", badHtml]);
    assert.equal(
      (
        await editorA.post("/admin/supervision/tasks", {
          title: "x",
          dueOn: "2025-03-31",
          unitIds: [String(unitA)],
        })
      ).status,
      403,
    );
    const ok = await office.post("/admin/supervision/tasks", {
      title: "落实标准目录",
      description: "对照标准目录逐项核对",
      dueOn: "2025-03-31",
      unitIds: [String(unitA), String(unitB)],
    });
    assert.equal(ok.status, 303);
    const list = await (await office.get("/admin/supervision/tasks?year=2025")).text();
    assert.ok(list.includes("落实标准目录") && list.includes("剩余"));
    pages.push(["tasks", list]);
    const mine = await (await editorA.get("/admin/supervision/tasks?year=2025")).text();
    assert.ok(mine.includes("食品股") && !mine.includes("城关所"));
  });

  it("a unit reports done with a file; another unit cannot; the deadline passing flags the rest overdue", async () => {
    const task = await t.t.db
      .selectFrom("supervision_tasks")
      .select("id")
      .executeTakeFirstOrThrow();
    const assignments = await t.t.db
      .selectFrom("supervision_assignments")
      .selectAll()
      .orderBy("unit_id")
      .execute();
    const a = assignments.find((x) => x.unit_id === unitA)!;
    await editorB.get(`/admin/supervision/tasks/${task.id}`);
    assert.equal(
      (
        await editorB.post(`/admin/supervision/tasks/assignments/${a.id}/reports`, {
          status: "done",
          reportedOn: "2025-03-03",
        })
      ).status,
      403,
    );
    const page = await (await editorA.get(`/admin/supervision/tasks/${task.id}`)).text();
    pages.push(["task", page]);
    const form = new FormData();
    form.set("status", "done");
    form.set("reportedOn", "2025-03-03");
    form.set("note", "已完成核对");
    form.set(
      "file",
      new File([makePdf([{ content: "BT (done) Tj ET" }])], "核对表.pdf", {
        type: "application/pdf",
      }),
    );
    const res = await editorA.post(`/admin/supervision/tasks/assignments/${a.id}/reports`, form);
    assert.equal(res.status, 303);
    const future = await editorA.post(`/admin/supervision/tasks/assignments/${a.id}/reports`, {
      status: "done",
      reportedOn: "2025-12-01",
    });
    assert.equal(future.status, 400);
    pages.push(["task with errors", await future.text()]);
    t.setNow("2025-04-07T02:00:00Z");
    // Five weeks later the sessions have expired: sign in again.
    office = await t.login("office");
    editorB = await t.login("b-editor");
    const html = await (await office.get(`/admin/supervision/tasks/${task.id}`)).text();
    assert.ok(html.includes("已完成核对"), "note");
    assert.ok(html.includes("核对表.pdf"), "attachment");
    assert.match(html, /已逾期 \d+ 个工作日/);
    pages.push(["task overdue", html]);
    const fileId = (
      await t.t.db.selectFrom("supervision_report_files").select("id").executeTakeFirstOrThrow()
    ).id;
    assert.equal((await office.get(`/admin/supervision/tasks/files/${fileId}`)).status, 200);
    assert.equal((await editorB.get(`/admin/supervision/tasks/files/${fileId}`)).status, 403);
  });

  it("the office records a training with accounts and names; the assessment counts tasks and trainings", async () => {
    const users = await t.t.db.selectFrom("users").select(["id", "username"]).execute();
    const aEditor = users.find((u) => u.username === "a-editor")!;
    await office.get("/admin/supervision/trainings");
    const bad = await office.post("/admin/supervision/trainings", {
      heldOn: "2025-04-01",
      topic: "条例培训",
      organiser: "办公室",
      hours: "2",
      names: "不存在的单位:张三",
    });
    assert.equal(bad.status, 400);
    pages.push(["trainings with errors", await bad.text()]);
    const ok = await office.post("/admin/supervision/trainings", {
      heldOn: "2025-04-01",
      topic: "条例培训",
      organiser: "办公室",
      hours: "1.5",
      userIds: [String(aEditor.id)],
      names: "食品股:李四、王五",
    });
    assert.equal(ok.status, 303);
    const html = await (await office.get("/admin/supervision/trainings?year=2025")).text();
    assert.ok(html.includes("食品股:a-editor、李四、王五") && html.includes("1.5"));
    pages.push(["trainings", html]);
    const a = await loadAssessment(t.t.db, 2025, t.now());
    const score = (id: number, key: string) =>
      a.units.find((u) => u.unitId === id)!.sheet.indicators.find((i) => i.key === key)!;
    assert.deepEqual(
      [score(unitA, "tasksCompleted").met, score(unitA, "tasksCompleted").counted],
      [1, 1],
    );
    assert.deepEqual(
      [score(unitB, "tasksCompleted").met, score(unitB, "tasksCompleted").counted],
      [0, 1],
    );
    assert.deepEqual(
      [score(unitA, "trainingAttended").met, score(unitB, "trainingAttended").met],
      [1, 0],
    );
  });

  it("the pages are valid HTML", async () => {
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });
});
