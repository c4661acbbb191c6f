// Reminders and the daily digest through the real job registry, run by two "processes" (two
// connections) on every tick, over 国庆 2025 and its 调休 days; then the notices on the workbench.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../../test/browser/support/checks";
import { createTestApp, type TestApp } from "../../../test/support/app";
import { loadWorkCalendar } from "../../calendar/store";
import { connectDatabase, type Database } from "../../db/database";
import { createUnit } from "../../org/store";
import { insertOpenedConsultation } from "../../participation/test-fixtures";
import { jobs } from "../../platform/jobs/registry";
import { runDueJobs } from "../../platform/jobs/scheduler";
import { createLogger } from "../../platform/log";
import { applicationKeys } from "../../requests/applicant-data";
import { addEvent } from "../../requests/events-service";
import { registerApplication } from "../../requests/filing";
import { staffApplicationSchema } from "../../requests/schema";
import { buildApplicationInput } from "../../requests/test-fixtures";
import { sendDueReminders } from "./service";

describe("reminders and the daily digest", () => {
  let t: TestApp;
  let second: Database;
  const logger = createLogger("silent");
  const ids: Record<string, number> = {};
  const rec: Record<string, number> = {};
  let unitA = 0;
  let unitB = 0;
  let applicationId = 0;
  let applicationNo = "";

  /** One tick at `iso` in two processes at once, through the registered jobs. */
  async function tick(iso: string) {
    t.setNow(iso);
    const now = new Date(iso);
    const outcomes = await Promise.all([
      runDueJobs({ db: t.t.db, config: t.config, logger, now }, jobs, "process-a"),
      runDueJobs({ db: second.db, config: t.config, logger, now }, jobs, "process-b"),
    ]);
    for (const o of outcomes.flat()) assert.equal(o.error, undefined, `${o.name}: ${o.error}`);
  }

  async function user(name: string, roles: Parameters<TestApp["createUser"]>[1], unitId: number) {
    ids[name] = await t.createUser(name, roles, unitId);
    return ids[name]!;
  }

  async function insertRecord(r: {
    key: string;
    title: string;
    unitId: number;
    createdBy: number;
    state: "draft" | "in_review" | "awaiting_signoff" | "published";
    dueOn: string;
  }) {
    const at = "2025-09-01T02:00:00.000Z";
    const { id } = await t.t.db
      .insertInto("records")
      .values({
        index_no: r.state === "published" ? `TEST-${r.key}` : null,
        title: r.title,
        doc_no: null,
        publisher: "测试局",
        unit_id: r.unitId,
        formed_on: "2025-09-01",
        published_on: r.state === "published" ? "2025-09-20" : null,
        published_at: r.state === "published" ? at : null,
        scheduled_at: null,
        topic: "市场监管",
        genre: "notice",
        openness: "execution",
        validity_changed_on: null,
        repealed_by_record_id: null,
        catalog_item_id: null,
        catalog_item_version: null,
        state: r.state,
        interprets_record_id: null,
        interpretation_kind: null,
        video_url: null,
        due_on: r.dueOn,
        review: null,
        created_by: r.createdBy,
        created_at: at,
        updated_at: at,
        withdrawn_at: null,
        withdraw_reason: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    rec[r.key] = id;
  }

  const noticesOf = (userId: number) =>
    t.t.db.selectFrom("notices").selectAll().where("user_id", "=", userId).orderBy("id").execute();
  const reminderCount = async () =>
    (await t.t.db.selectFrom("notices").select("id").where("kind", "like", "reminder.%").execute())
      .length;
  const mailKeys = async (prefix: string) =>
    (
      await t.t.db
        .selectFrom("mail_outbox")
        .select("dedupe_key")
        .where("dedupe_key", "like", `${prefix}%`)
        .orderBy("dedupe_key")
        .execute()
    ).map((r) => r.dedupe_key);

  before(async () => {
    t = await createTestApp({ start: "2025-09-15T02:00:00Z" });
    second = connectDatabase({ databaseUrl: t.t.url, sqlitePath: t.t.sqlitePath ?? "" });
    const root = await t.rootUnitId();
    const now = t.now();
    unitA = await createUnit(t.t.db, { name: "法规股", kind: "department", parentId: root }, now);
    unitB = await createUnit(t.t.db, { name: "执法股", kind: "department", parentId: root }, now);
    await user("officeRev", ["reviewer"], root);
    await user("officeApp", ["approver"], root);
    await user("aHead", ["approver"], unitA);
    await user("aEditor", ["editor"], unitA);
    await user("aEditor2", ["editor"], unitA);
    await user("aGone", ["editor"], unitA);
    await user("aOfficer", ["applicationOfficer"], unitA);
    await user("bRev", ["reviewer"], unitB);
    await user("bEditor", ["editor"], unitB);
    for (const name of ["officeRev", "aHead", "aEditor", "aOfficer", "bRev"]) {
      await t.t.db
        .updateTable("users")
        .set({ email: `${name.toLowerCase()}@example.gov.cn` })
        .where("id", "=", ids[name]!)
        .execute();
    }
    await t.t.db.updateTable("users").set({ is_active: 0 }).where("id", "=", ids.aGone!).execute();

    const due = "2025-10-09"; // the first working day after 国庆 2025 (10-01..10-08 off)
    await insertRecord({
      key: "甲",
      title: "记录甲-国庆后到期",
      unitId: unitA,
      createdBy: ids.aEditor!,
      state: "draft",
      dueOn: due,
    });
    await insertRecord({
      key: "乙",
      title: "记录乙-起草人已停用",
      unitId: unitA,
      createdBy: ids.aGone!,
      state: "in_review",
      dueOn: due,
    });
    await insertRecord({
      key: "丙",
      title: "记录丙-已发布",
      unitId: unitA,
      createdBy: ids.aEditor!,
      state: "published",
      dueOn: due,
    });
    await insertRecord({
      key: "丁",
      title: "记录丁-远期",
      unitId: unitA,
      createdBy: ids.aEditor!,
      state: "draft",
      dueOn: "2025-11-20",
    });
    await insertRecord({
      key: "戊",
      title: "记录戊-执法股超期",
      unitId: unitB,
      createdBy: ids.bEditor!,
      state: "awaiting_signoff",
      dueOn: "2025-09-19",
    });
    await insertRecord({
      key: "己",
      title: "记录己-执法股未到期",
      unitId: unitB,
      createdBy: ids.bEditor!,
      state: "draft",
      dueOn: "2025-10-15",
    });

    // An application received so that its 20 working days end on the same day.
    const calendar = await loadWorkCalendar(t.t.db);
    let receivedOn = "2025-09-01";
    while (calendar.addWorkdays(receivedOn, 20) !== due) {
      receivedOn = new Date(Date.parse(`${receivedOn}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      assert.ok(receivedOn < due);
    }
    const actor = {
      id: ids.aOfficer!,
      name: "aOfficer",
      ip: "127.0.0.1",
      roles: ["applicationOfficer" as const],
    };
    const filed = await registerApplication(
      t.t.db,
      staffApplicationSchema.parse(buildApplicationInput({ channel: "in_person", receivedOn })),
      actor,
      { keys: applicationKeys(t.config.secret), now: t.now() },
    );
    applicationId = filed.id;
    applicationNo = filed.applicationNo;
    await addEvent(
      t.t.db,
      applicationId,
      {
        type: "assign",
        date: receivedOn,
        note: undefined,
        unitId: unitA,
        handlerId: ids.aOfficer!,
      },
      { actor, now: t.now() },
    );

    // A consultation whose feedback is overdue (unit A) and one still within its period.
    for (const [title, closesOn] of [
      ["征集甲-反馈超期", "2025-09-01"],
      ["征集乙-未到反馈期限", "2025-10-09"],
    ] as const) {
      await insertOpenedConsultation(t.t.db, {
        title,
        unitId: unitA,
        opensOn: "2025-08-01",
        closesOn,
      });
    }
    // A message overdue in unit B and one not yet due in unit A.
    for (const [no, unitId, dueOn] of [
      ["LY-2025-00901", unitB, "2025-10-09"],
      ["LY-2025-00902", unitA, "2025-10-20"],
    ] as const) {
      await t.t.db
        .insertInto("messages")
        .values({
          message_no: no,
          query_code_hash: `test-${no}`,
          category: "inquiry",
          subject: "测试留言",
          body: "测试",
          name_enc: null,
          name_masked: null,
          phone_enc: null,
          phone_masked: null,
          email_enc: null,
          email_masked: null,
          consent_public: 0,
          state: "assigned",
          received_on: "2025-09-20",
          due_on: dueOn,
          deadline_workdays: 10,
          unit_id: unitId,
          reply_text: "",
          reply_drafted_by: null,
          return_reason: null,
          replied_on: null,
          replied_at: null,
          reply_reviewed_by: null,
          last_supervised_on: null,
          rating: null,
          rating_comment: null,
          rated_at: null,
          created_at: "2025-09-20T02:00:00.000Z",
          updated_at: "2025-09-20T02:00:00.000Z",
        })
        .execute();
    }
  });

  after(async () => {
    await second.destroy();
    await t.close();
  });

  it("sends each 3-day and 1-day reminder once, counted over 国庆 and its 调休 Sunday", async () => {
    await tick("2025-09-26T01:00:00Z"); // Friday: 4 working days left
    assert.equal((await noticesOf(ids.aEditor!)).length, 0);
    await tick("2025-09-27T01:00:00Z"); // Saturday, a day off: nothing runs
    assert.equal(await reminderCount(), 0);

    await tick("2025-09-27T23:59:00Z"); // Sunday 07:59 Shanghai: before 08:00
    assert.equal(await reminderCount(), 0);
    await tick("2025-09-28T01:00:00Z"); // Sunday 09-28, a 调休 working day: 3 working days left
    await tick("2025-09-28T07:00:00Z"); // the same slot again, later that day
    await tick("2025-09-29T01:00:00Z"); // Monday: 2 left, the 3-day reminder is not repeated
    await tick("2025-09-30T01:00:00Z"); // Tuesday: 1 working day left (the holiday follows)
    for (const day of ["01", "03", "08"]) await tick(`2025-10-${day}T01:00:00Z`); // 国庆
    await tick("2025-10-09T01:00:00Z"); // the due date itself: already reminded

    const recordKey = (key: string, stage: string, who: string) =>
      `reminder:record:${rec[key]}:2025-10-09:${stage}:u${ids[who]}`;
    const editorNotices = await noticesOf(ids.aEditor!);
    assert.deepEqual(
      editorNotices.map((n) => n.dedupe_key),
      [
        recordKey("甲", "d3", "aEditor"),
        recordKey("乙", "d3", "aEditor"),
        recordKey("甲", "d1", "aEditor"),
        recordKey("乙", "d1", "aEditor"),
      ],
    );
    assert.equal(editorNotices[0]!.created_at, "2025-09-28T01:00:00.000Z");
    assert.equal(editorNotices[2]!.created_at, "2025-09-30T01:00:00.000Z");
    assert.match(editorNotices[0]!.title, /记录甲-国庆后到期.*2025-10-09.*还剩3个工作日/);
    // The drafter of 乙 is no longer active: the unit's editors get it (the second has no e-mail).
    assert.deepEqual(
      (await noticesOf(ids.aEditor2!)).map((n) => n.dedupe_key),
      [recordKey("乙", "d3", "aEditor2"), recordKey("乙", "d1", "aEditor2")],
    );
    assert.deepEqual(await mailKeys(`reminder:record:${rec.乙}:`), [
      recordKey("乙", "d1", "aEditor"),
      recordKey("乙", "d3", "aEditor"),
    ]);
    assert.deepEqual(await mailKeys(`reminder:record:${rec.甲}:`), [
      recordKey("甲", "d1", "aEditor"),
      recordKey("甲", "d3", "aEditor"),
    ]);
    // Published and far-off records get nothing.
    for (const key of ["丙", "丁"]) {
      assert.deepEqual(await mailKeys(`reminder:record:${rec[key]}:`), []);
    }
    // The application's handler, from its live clock.
    const appKeys = await mailKeys(`reminder:application:${applicationId}:`);
    assert.deepEqual(appKeys, [
      `reminder:application:${applicationId}:2025-10-09:d1:u${ids.aOfficer}`,
      `reminder:application:${applicationId}:2025-10-09:d3:u${ids.aOfficer}`,
    ]);
    const officer = await noticesOf(ids.aOfficer!);
    assert.equal(officer.length, 2);
    assert.ok(officer.every((n) => n.title.includes(applicationNo)));
    // Even without the slot claim (two processes calling the service at once), nothing repeats.
    const before = await reminderCount();
    const again = await Promise.all(
      [t.t.db, second.db].map((db) =>
        sendDueReminders({ db, secret: t.config.secret, now: new Date("2025-09-30T03:00:00Z") }),
      ),
    );
    assert.deepEqual(
      again.map((r) => [r.notices, r.mails]),
      [
        [0, 0],
        [0, 0],
      ],
    );
    assert.equal(await reminderCount(), before);
    // One run per day slot, whichever process won it.
    const runs = await t.t.db
      .selectFrom("job_runs")
      .select("slot")
      .where("job_name", "=", "supervision.due-reminders")
      .orderBy("slot")
      .execute();
    assert.equal(runs.length, new Set(runs.map((r) => r.slot)).size);
    assert.ok(runs.some((r) => r.slot === "d:2025-09-28"));
  });

  it("a changed due date gives a new reminder", async () => {
    await t.t.db
      .updateTable("records")
      .set({ due_on: "2025-10-13" })
      .where("id", "=", rec.甲!)
      .execute();
    await tick("2025-10-10T00:10:00Z"); // Friday 08:10, before the digest: 2 working days left (10-11 is 调休)
    const keys = (await noticesOf(ids.aEditor!)).map((n) => n.dedupe_key);
    assert.ok(keys.includes(`reminder:record:${rec.甲}:2025-10-13:d3:u${ids.aEditor}`));
    assert.equal(keys.filter((k) => k.includes(":2025-10-13:")).length, 1);
    await t.t.db
      .updateTable("records")
      .set({ due_on: "2025-10-09" })
      .where("id", "=", rec.甲!)
      .execute();
  });

  it("the daily digest lists exactly the overdue items of each recipient's scope", async () => {
    await tick("2025-10-10T01:00:00Z"); // Friday 09:00, after 08:30
    await tick("2025-10-10T06:00:00Z"); // again that day: no second digest
    const digestOf = async (who: string) => {
      const notices = (await noticesOf(ids[who]!)).filter(
        (n) => n.kind === "digest" && n.dedupe_key.startsWith("digest:2025-10-10:"),
      );
      assert.equal(notices.length, 1, `${who} gets one digest`);
      assert.equal(notices[0]!.dedupe_key, `digest:2025-10-10:u${ids[who]}`);
      return notices[0]!.body;
    };
    const overdueAll = ["记录甲", "记录乙", "记录戊", applicationNo, "征集甲", "LY-2025-00901"];
    const notOverdue = ["记录丙", "记录丁", "记录己", "征集乙", "LY-2025-00902"];
    const check = (text: string, has: string[], hasNot: string[]) => {
      for (const s of has) assert.ok(text.includes(s), `digest lists ${s}`);
      for (const s of hasNot) assert.ok(!text.includes(s), `digest does not list ${s}`);
    };
    // The office: reviewers and approvers of the root unit, every unit.
    for (const who of ["officeRev", "officeApp"]) {
      check(await digestOf(who), overdueAll, notOverdue);
    }
    // Unit A's head is its approver: unit A only.
    check(
      await digestOf("aHead"),
      ["记录甲", "记录乙", applicationNo, "征集甲"],
      ["记录戊", "LY-2025-00901", ...notOverdue],
    );
    // Unit B has no approver: its reviewer is the head.
    check(
      await digestOf("bRev"),
      ["记录戊", "LY-2025-00901"],
      ["记录甲", "记录乙", applicationNo, "征集甲", ...notOverdue],
    );
    // Editors and officers get no digest.
    for (const who of ["aEditor", "aOfficer", "bEditor"]) {
      assert.equal((await noticesOf(ids[who]!)).filter((n) => n.kind === "digest").length, 0);
    }
    // Mail to those with an address (officeApp has none), the same list as the notice.
    const mails = await t.t.db
      .selectFrom("mail_outbox")
      .select(["dedupe_key", "body_text", "subject", "to_masked"])
      .where("dedupe_key", "like", "digest:2025-10-10:%")
      .orderBy("dedupe_key")
      .execute();
    assert.deepEqual(
      mails.map((m) => m.dedupe_key).sort(),
      ["officeRev", "aHead", "bRev"].map((w) => `digest:2025-10-10:u${ids[w]}`).sort(),
    );
    const bMail = mails.find((m) => m.dedupe_key.endsWith(`:u${ids.bRev}`))!;
    check(bMail.body_text, ["记录戊", "LY-2025-00901"], ["记录甲", applicationNo]);
    assert.equal(bMail.subject, "每日超期事项汇总 2025-10-10");
  });

  it("runs on a 调休 Saturday and not on a Sunday off", async () => {
    await tick("2025-10-11T01:00:00Z"); // Saturday, 国庆调休上班
    await tick("2025-10-12T01:00:00Z"); // Sunday, off
    const digests = await t.t.db
      .selectFrom("notices")
      .select("dedupe_key")
      .where("kind", "=", "digest")
      .where("user_id", "=", ids.officeRev!)
      .where("dedupe_key", ">=", "digest:2025-10-10:")
      .orderBy("dedupe_key")
      .execute();
    assert.deepEqual(
      digests.map((d) => d.dedupe_key),
      [`digest:2025-10-10:u${ids.officeRev}`, `digest:2025-10-11:u${ids.officeRev}`],
    );
  });

  it("the workbench shows one's own notices; marking read works; others' are out of reach", async () => {
    const editor = await t.login("aEditor");
    const unreadBefore = (await noticesOf(ids.aEditor!)).filter((n) => !n.read_at).length;
    assert.ok(unreadBefore >= 4);
    const home = await (await editor.get("/admin")).text();
    assert.match(home, /我的通知/);
    assert.match(
      home,
      new RegExp(`未读通知 <strong class="notice-count">${unreadBefore}</strong> 条`),
    );
    assert.match(home, /记录甲-国庆后到期/);
    assert.ok(!home.includes("LY-2025-00901"));

    const page = await (await editor.get("/admin/notices")).text();
    const problems: string[] = [];
    for (const [name, html] of [
      ["workbench", home],
      ["notices", page],
    ] as const) {
      for (const m of await validateHtml(html, name)) problems.push(formatHtmlError(m, html));
    }
    assert.deepEqual(problems, []);
    assert.match(page, /记录乙-起草人已停用/);
    assert.ok(!page.includes("超期事项汇总("), "another user's digest is not listed");
    const first = (await noticesOf(ids.aEditor!))[0]!;
    const res = await editor.post(`/admin/notices/${first.id}/read`);
    assert.equal(res.status, 303);
    const after = (await noticesOf(ids.aEditor!)).find((n) => n.id === first.id)!;
    assert.equal(after.read_at, t.now().toISOString());
    const home2 = await (await editor.get("/admin")).text();
    assert.match(
      home2,
      new RegExp(`未读通知 <strong class="notice-count">${unreadBefore - 1}</strong> 条`),
    );
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select(["action", "object_id"])
      .where("action", "=", "notice.read")
      .execute();
    assert.deepEqual(audit, [{ action: "notice.read", object_id: String(first.id) }]);

    // Another user's notice: not listed, and marking it is "not found".
    const other = await t.login("bRev");
    const otherPage = await (await other.get("/admin/notices")).text();
    assert.ok(!otherPage.includes("记录甲-国庆后到期"));
    assert.match(otherPage, /记录戊-执法股超期/);
    const second = (await noticesOf(ids.aEditor!))[1]!;
    assert.equal((await other.post(`/admin/notices/${second.id}/read`)).status, 404);
    assert.equal((await noticesOf(ids.aEditor!))[1]!.read_at, null);

    // Without the CSRF field the change is refused.
    const bare = await editor.request(`/admin/notices/${second.id}/read`, { method: "POST" });
    assert.equal(bare.status, 403);
    assert.equal((await noticesOf(ids.aEditor!))[1]!.read_at, null);

    // Mark all read.
    assert.equal((await editor.post("/admin/notices/read-all")).status, 303);
    assert.ok((await noticesOf(ids.aEditor!)).every((n) => n.read_at !== null));
    assert.match(await (await editor.get("/admin")).text(), /notice-count">0</);
    // Signed out: the login page.
    const anon = t.browser();
    const anonRes = await anon.get("/admin/notices");
    assert.equal(anonRes.status, 303);
  });
});
