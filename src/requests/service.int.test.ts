// The store and services directly: numbering, staff registration by channel, the audited full
// view, recomputation after a calendar change, and the back-office pages by role.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { saveOverride } from "../calendar/store";
import { systemActor } from "../platform/audit";
import { consumeHumanCheck, createHumanChallenge } from "../platform/human-check";
import { applicationKeys } from "./applicant-data";
import { addEvent, confirmReceipt, refreshOpenApplications } from "./events-service";
import { createOnlineApplication, registerApplication } from "./filing";
import type { CaseActor } from "./policy";
import { onlineApplicationSchema, staffApplicationSchema } from "./schema";
import { getCaseView, listApplications, revealApplicant } from "./service";
import { buildApplicationInput, PERSON } from "./test-fixtures";

describe("application services", () => {
  let t: TestApp;
  let officer: CaseActor;
  let signer: CaseActor;
  const visitor = { id: null, name: "申请人(网上)", ip: "203.0.113.5" };
  const keys = () => applicationKeys(t.config.secret);
  const ctx = () => ({ keys: keys(), now: t.now() });
  const online = () => onlineApplicationSchema.parse(buildApplicationInput());
  const staff = (extra: Record<string, unknown>) =>
    staffApplicationSchema.parse(buildApplicationInput(extra));

  before(async () => {
    t = await createTestApp({ start: "2025-12-30T02:00:00Z" });
    officer = {
      id: await t.createUser("officer", ["applicationOfficer"]),
      name: "officer",
      ip: "127.0.0.1",
      roles: ["applicationOfficer"],
    };
    signer = {
      id: await t.createUser("signer", ["approver"]),
      name: "signer",
      ip: "127.0.0.1",
      roles: ["approver"],
    };
  });
  after(() => t.close());

  it("numbers applications YSQ-<year>-<serial>, restarting each year", async () => {
    const a = await createOnlineApplication(t.t.db, online(), visitor, ctx());
    const b = await createOnlineApplication(t.t.db, online(), visitor, ctx());
    assert.equal(a.applicationNo, "YSQ-2025-00001");
    assert.equal(b.applicationNo, "YSQ-2025-00002");
    t.setNow("2026-01-05T02:00:00Z");
    const c = await registerApplication(
      t.t.db,
      staff({ channel: "oral", receivedOn: "2026-01-05" }),
      officer,
      ctx(),
    );
    assert.equal(c.applicationNo, "YSQ-2026-00001");
    assert.notEqual(a.queryCode, b.queryCode);
  });

  it("builds the applicant's e-mail with number and code when an address was given", async () => {
    const filed = await createOnlineApplication(t.t.db, online(), visitor, ctx());
    assert.equal(filed.filedMail?.to, PERSON.email);
    assert.ok(filed.filedMail?.text.includes(filed.applicationNo));
    assert.ok(filed.filedMail?.text.includes(filed.queryCode));
  });

  it("a case received on 31 December counts on through the next year's 元旦 and 调休", async () => {
    t.setNow("2025-12-31T02:00:00Z");
    const filed = await registerApplication(
      t.t.db,
      staff({ channel: "mail_signed", submittedOn: "2025-12-30", receivedOn: "2025-12-31" }),
      officer,
      ctx(),
    );
    const view = await getCaseView(t.t.db, filed.id, t.now());
    assert.equal(view.clock.receivedOn, "2025-12-31");
    assert.equal(view.application.signedOn, "2025-12-31");
    // 元旦 2026: 01-01 to 01-03 off, Sunday 01-04 worked.
    assert.equal(view.clock.dueDate, "2026-01-29");
  });

  it("staff registration refuses a missing date and an in-person case with two different dates", async () => {
    await assert.rejects(
      registerApplication(t.t.db, staff({ channel: "in_person" }), officer, ctx()),
      (e: Error & { fields?: Record<string, string> }) => !!e.fields?.receivedOn,
    );
    await assert.rejects(
      registerApplication(
        t.t.db,
        staff({ channel: "in_person", submittedOn: "2025-12-29", receivedOn: "2025-12-30" }),
        officer,
        ctx(),
      ),
      /提交之日为收到申请之日|提交的内容有误/,
    );
    await assert.rejects(
      registerApplication(
        t.t.db,
        staff({ channel: "in_person", receivedOn: "2025-12-30" }),
        signer,
        ctx(),
      ),
      /经办人/,
    );
  });

  it("reveals the applicant only to the officer and audits every view", async () => {
    const filed = await createOnlineApplication(t.t.db, online(), visitor, ctx());
    const details = await revealApplicant(t.t.db, filed.id, officer, keys(), t.now());
    assert.equal(details.idNumber, PERSON.idNumber);
    assert.equal(details.address, PERSON.address);
    await revealApplicant(t.t.db, filed.id, officer, keys(), t.now());
    const audits = await t.t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "application.reveal_applicant")
      .where("object_id", "=", String(filed.id))
      .execute();
    assert.equal(audits.length, 2);
    for (const audit of audits)
      for (const value of Object.values(PERSON)) assert.ok(!audit.detail.includes(value));
    await assert.rejects(revealApplicant(t.t.db, filed.id, signer, keys(), t.now()), /经办人/);
  });

  it("a calendar change moves the due date of open cases at once, and the cache follows on refresh", async () => {
    t.setNow("2026-03-02T02:00:00Z");
    const filed = await registerApplication(
      t.t.db,
      staff({ channel: "in_person", receivedOn: "2026-03-02" }),
      officer,
      ctx(),
    );
    const before = await getCaseView(t.t.db, filed.id, t.now());
    assert.equal(before.clock.dueDate, "2026-03-30");
    await saveOverride(
      t.t.db,
      systemActor,
      { date: "2026-03-10", workday: false, name: "测试停工", reason: "测试" },
      t.now(),
    );
    const after = await getCaseView(t.t.db, filed.id, t.now());
    assert.equal(after.clock.dueDate, "2026-03-31");
    await refreshOpenApplications(t.t.db, t.now());
    const row = await t.t.db
      .selectFrom("applications")
      .select("due_date")
      .where("id", "=", filed.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.due_date, "2026-03-31");
  });

  it("confirmReceipt starts the clock of an online case and the list shows it as 办理中", async () => {
    const filed = await createOnlineApplication(t.t.db, online(), visitor, ctx());
    await confirmReceipt(t.t.db, filed.id, "2026-03-02", { actor: officer, now: t.now() });
    const items = await listApplications(t.t.db, { state: "in_progress" }, t.now());
    const item = items.find((i) => i.id === filed.id);
    assert.equal(item?.receivedOn, "2026-03-02");
    assert.equal(item?.clockState, "in_progress");
    assert.equal(item?.applicant.displayName, "张*丰");
  });

  it("an approver who is not an officer may record an extension but nothing else", async () => {
    const filed = await registerApplication(
      t.t.db,
      staff({ channel: "in_person", receivedOn: "2026-03-02" }),
      officer,
      ctx(),
    );
    await assert.rejects(
      addEvent(
        t.t.db,
        filed.id,
        { type: "confirm", date: "2026-03-02", note: undefined },
        { actor: signer, now: t.now() },
      ),
      /无权/,
    );
    const { eventId } = await addEvent(
      t.t.db,
      filed.id,
      { type: "extend", date: "2026-03-02", days: 5, reason: undefined, note: undefined },
      { actor: signer, now: t.now() },
    );
    assert.ok(eventId > 0);
  });

  it("a human-check token is accepted once", async () => {
    const challenge = createHumanChallenge(t.config.secret, t.now(), () => 0);
    const later = new Date(t.now().getTime() + 5000);
    const input = { token: challenge.token, answer: "2" };
    assert.equal((await consumeHumanCheck(t.t.db, t.config.secret, input, later)).ok, true);
    const again = await consumeHumanCheck(t.t.db, t.config.secret, input, later);
    assert.equal(again.ok, false);
    assert.equal(!again.ok && again.reason, "reused");
  });
});

describe("back-office application pages", () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z" });
    await t.createUser("officer", ["applicationOfficer"]);
    await t.createUser("signer", ["approver"]);
    await t.createUser("editor", ["editor"]);
  });
  after(() => t.close());

  it("the officer and the approver see the menu entry; an editor is refused", async () => {
    for (const name of ["officer", "signer"]) {
      const html = await (await (await t.login(name)).get("/admin")).text();
      assert.match(html, /href="\/admin\/applications"[^>]*>依申请公开</);
    }
    const editor = await t.login("editor");
    assert.equal((await editor.get("/admin/applications")).status, 403);
    assert.equal((await editor.get("/admin/applications/new")).status, 403);
  });

  it("an officer registers a letter and sees number, code and a masked list row", async () => {
    const officer = await t.login("officer");
    await officer.get("/admin/applications/new");
    const res = await officer.post("/admin/applications/new", {
      channel: "mail_signed",
      submittedOn: "2025-03-01",
      receivedOn: "2025-03-03",
      applicantType: "natural_person",
      personName: PERSON.name,
      personPhone: PERSON.phone,
      infoDescription: "2024年抽检结果",
      deliveryForm: "paper",
      deliveryRoute: "pickup",
    });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /YSQ-2025-00001/);
    assert.match(html, /[A-Z0-9]{4}-[A-Z0-9]{4}/);
    const list = await (
      await officer.get("/admin/applications?state=in_progress&year=2025")
    ).text();
    assert.match(list, /YSQ-2025-00001/);
    assert.match(list, /张\*丰/);
    assert.match(list, /2025-03-31/);
    assert.ok(!list.includes(PERSON.phone));
  });

  it("a registration with a bad date re-renders with the error at the field", async () => {
    const officer = await t.login("officer");
    await officer.get("/admin/applications/new");
    const res = await officer.post("/admin/applications/new", {
      channel: "in_person",
      applicantType: "natural_person",
      personName: PERSON.name,
      infoName: "x",
      deliveryForm: "paper",
      deliveryRoute: "pickup",
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /id="f-receivedOn-error">错误:请填写提交申请的日期/);
  });

  it("the approver's case page offers the extension form but not the reveal button", async () => {
    const approver = await t.login("signer");
    const html = await (await approver.get("/admin/applications/1")).text();
    assert.match(html, /记录延长答复期限/);
    assert.ok(!html.includes("查看完整个人信息"));
    assert.ok(!html.includes("记录答复"));
  });
});
