// The year-end assessment on a known data set: each unit's scores match the hand computation,
// weights that do not sum to 100 are refused, and the XLSX export opens with the scores.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { formatHtmlError, validateHtml } from "../../../test/browser/support/checks";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { createUnit } from "../../org/store";
import { insertCatalogItem } from "../../records/test-fixtures";
import { insertApplication, insertMessage, insertRecord } from "../test-fixtures";
import { loadAssessment } from "./service";

describe("year-end assessment", () => {
  let t: TestApp;
  let office: Browser;
  let unitA: number;
  let unitB: number;
  let root: number;

  before(async () => {
    t = await createTestApp({ start: "2025-06-16T02:00:00Z" });
    const db = t.t.db;
    root = await t.rootUnitId();
    unitA = await createUnit(db, { name: "食品股", kind: "department", parentId: root }, t.now());
    unitB = await createUnit(
      db,
      { name: "城关所", kind: "township_office", parentId: root },
      t.now(),
    );
    await t.createUser("office", ["reviewer"]);
    await t.createUser("boss", ["admin"]);
    await t.createUser("b-editor", ["editor"], unitB);
    const creator = await t.createUser("auditor", ["auditor"]);
    await db.updateTable("catalog_items").set({ is_active: 0 }).execute();
    const item1 = await insertCatalogItem(db, { code: "T1" });
    const item2 = await insertCatalogItem(db, { code: "T2" });
    await db
      .updateTable("catalog_items")
      .set({ responsible_unit_id: unitA })
      .where("id", "in", [item1, item2])
      .execute();
    const rec = (dueOn: string, publishedOn: string) =>
      insertRecord(db, {
        title: `信息${dueOn}${publishedOn}`,
        unitId: unitA,
        catalogItemId: item1,
        state: "published",
        dueOn,
        publishedOn,
        createdBy: creator,
      });
    await rec("2025-02-10", "2025-02-01");
    await rec("2025-03-10", "2025-03-01");
    await rec("2025-04-10", "2025-04-01");
    await rec("2025-05-10", "2025-05-20");
    const a1 = await insertApplication(db, {
      no: "YSQ-1",
      unitId: unitA,
      receivedOn: "2025-02-03",
      dueDate: "2025-03-03",
      closedOn: "2025-02-20",
      resultKey: "results.disclosed",
    });
    await insertApplication(db, {
      no: "YSQ-2",
      unitId: unitA,
      receivedOn: "2025-03-03",
      dueDate: "2025-03-31",
      closedOn: "2025-04-10",
      resultKey: "results.disclosed",
    });
    const at = "2025-04-01T02:00:00.000Z";
    await db
      .insertInto("application_appeals")
      .values({
        application_id: a1,
        kind: "review",
        filed_on: "2025-03-01",
        result: "corrected",
        decided_on: "2025-04-01",
        source: "manual",
        created_at: at,
        created_by: null,
        updated_at: at,
      })
      .execute();
    await insertMessage(db, {
      no: "LY-1",
      unitId: unitA,
      receivedOn: "2025-03-01",
      dueOn: "2025-03-14",
      repliedOn: "2025-03-20",
    });
    await insertMessage(db, {
      no: "LY-2",
      unitId: unitA,
      receivedOn: "2025-03-01",
      dueOn: "2025-03-14",
      repliedOn: "2025-03-10",
    });
    const { id: task } = await db
      .insertInto("supervision_tasks")
      .values({
        year: 2025,
        title: "落实标准目录",
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("supervision_assignments")
      .values([
        {
          task_id: task,
          unit_id: unitA,
          due_on: "2025-03-31",
          status: "done",
          done_on: "2025-03-20",
          updated_at: at,
        },
        {
          task_id: task,
          unit_id: unitB,
          due_on: "2025-05-31",
          status: "not_started",
          done_on: null,
          updated_at: at,
        },
      ])
      .execute();
    const { id: training } = await db
      .insertInto("supervision_trainings")
      .values({
        held_on: "2025-04-10",
        topic: "条例解读培训",
        organiser: "办公室",
        minutes: 120,
        created_by: null,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("supervision_training_attendees")
      .values({ training_id: training, unit_id: unitA, user_id: null, name: "李四" })
      .execute();
    office = await t.login("office");
  });
  after(() => t.close());

  it("each unit's scores match the hand computation", async () => {
    const a = await loadAssessment(t.t.db, 2025, t.now());
    const sheet = (id: number) => a.units.find((u) => u.unitId === id)!.sheet;
    const scores = (id: number) =>
      Object.fromEntries(sheet(id).indicators.map((i) => [i.key, i.score]));
    // A: 20×3/4, 15×1/2, 15×1/2, 10×0/1, n/a 10, 10×1/2, 10×1/1, 10×1/1
    assert.deepEqual(scores(unitA), {
      disclosureOnTime: 15,
      catalogCoverage: 7.5,
      applicationsOnTime: 7.5,
      appealsNotCorrected: 0,
      feedbackPublished: 10,
      messagesOnTime: 5,
      tasksCompleted: 10,
      trainingAttended: 10,
    });
    assert.equal(sheet(unitA).total, 65);
    // B: everything n/a except its open task (0/1) and the training it missed (0/1).
    assert.equal(sheet(unitB).total, 80);
    assert.equal(sheet(root).total, 90);
    const evidence = a.units.find((u) => u.unitId === unitA)!.evidence;
    assert.deepEqual(
      evidence.filter((e) => e.indicator === "disclosureOnTime").map((e) => e.met),
      [true, true, true, false],
    );
    assert.equal(evidence.filter((e) => e.indicator === "appealsNotCorrected").length, 1);
  });

  it("the pages show the sheet and the evidence, and a unit sees only its own sheet", async () => {
    const html = await (await office.get("/admin/supervision/assessment?year=2025")).text();
    assert.ok(html.includes("<strong>65</strong>"), "total of A");
    const unitPage = await office.get(`/admin/supervision/assessment/${unitA}?year=2025`);
    const unitHtml = await unitPage.text();
    assert.ok(unitHtml.includes("条例解读培训") && unitHtml.includes("YSQ-1 行政复议"));
    const editor = await t.login("b-editor");
    assert.equal(
      (await editor.get(`/admin/supervision/assessment/${unitA}?year=2025`)).status,
      403,
    );
    assert.equal(
      (await editor.get(`/admin/supervision/assessment/${unitB}?year=2025`)).status,
      200,
    );
    assert.equal(
      (await editor.get("/admin/supervision/assessment/export.xlsx?year=2025")).status,
      403,
    );
    const problems: string[] = [];
    for (const [name, page] of [
      ["assessment", html],
      ["unit", unitHtml],
    ] as const) {
      for (const m of await validateHtml(page, name))
        problems.push(`${name}: ${formatHtmlError(m, page)}`);
    }
    assert.deepEqual(problems, []);
  });

  it("the XLSX export opens with the scores and the evidence", async () => {
    const res = await office.get("/admin/supervision/assessment/export.xlsx?year=2025");
    assert.equal(res.status, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const scores = workbook.getWorksheet("得分")!;
    const rows: unknown[][] = [];
    scores.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const rowA = rows.find((r) => r[0] === "食品股")!;
    assert.deepEqual(rowA, ["食品股", 15, 7.5, 7.5, 0, 10, 5, 10, 10, 65]);
    assert.deepEqual(rows.find((r) => r[0] === "城关所")!.at(-1), 80);
    const evidence = workbook.getWorksheet("依据")!;
    assert.equal(evidence.getRow(1).getCell(3).value, "事项");
    assert.ok(evidence.rowCount > 8);
  });

  it("weights not summing to 100 are refused; valid ones are saved, audited and used", async () => {
    const admin = await t.login("boss");
    const page = await admin.get("/admin/supervision/assessment/weights");
    assert.equal(page.status, 200);
    const fields = {
      disclosureOnTime: "25",
      catalogCoverage: "15",
      applicationsOnTime: "15",
      appealsNotCorrected: "10",
      feedbackPublished: "10",
      messagesOnTime: "10",
      tasksCompleted: "10",
      trainingAttended: "10",
    };
    const refused = await admin.post("/admin/supervision/assessment/weights", fields);
    assert.equal(refused.status, 400);
    const refusedHtml = await refused.text();
    assert.ok(refusedHtml.includes("各项权重合计应为 100,现为 105"));
    const bad = await admin.post("/admin/supervision/assessment/weights", {
      ...fields,
      catalogCoverage: "abc",
    });
    assert.equal(bad.status, 400);
    assert.equal((await office.post("/admin/supervision/assessment/weights", fields)).status, 403);
    const ok = await admin.post("/admin/supervision/assessment/weights", {
      ...fields,
      disclosureOnTime: "30",
      trainingAttended: "0",
    });
    assert.equal(ok.status, 303);
    const a = await loadAssessment(t.t.db, 2025, t.now());
    // A: 30×3/4=22.5, 7.5, 7.5, 0, 10, 5, 10, 0 → 62.5
    assert.equal(a.units.find((u) => u.unitId === unitA)!.sheet.total, 62.5);
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "supervision.set_weights")
      .execute();
    assert.equal(audit.length, 1);
    const problems: string[] = [];
    for (const m of await validateHtml(refusedHtml, "weights"))
      problems.push(formatHtmlError(m, refusedHtml));
    assert.deepEqual(problems, []);
  });
});
