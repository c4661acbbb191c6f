// The acceptance journey through the HTML pages: a citizen files online, an officer confirms,
// the public status page follows the clock through 补正, a consultation, an approved extension
// and a reply of 不予公开/保护第三方合法权益.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";
import { fileOnline, PERSON } from "./test-fixtures";

describe("依申请公开 journey through the pages", () => {
  let t: TestApp;
  let citizen: Browser;
  let officer: Browser;
  let approver: Browser;
  let applicationId: number;
  let number: string;
  let code: string;

  /** Moves the clock to 10:00 Shanghai on `date`; sessions idle out, so staff sign in again. */
  async function day(date: string) {
    t.setNow(`${date}T02:00:00Z`);
    officer = await t.login("officer");
    approver = await t.login("signer");
  }
  const advance = (ms: number) => t.setNow(new Date(t.now().getTime() + ms).toISOString());

  async function record(who: Browser, fields: Record<string, string | string[]>) {
    await who.get(`/admin/applications/${applicationId}`);
    const res = await who.post(`/admin/applications/${applicationId}/events`, fields);
    if (res.status === 303)
      assert.equal(
        res.headers.get("location")?.split("?")[0],
        `/admin/applications/${applicationId}`,
      );
    return res;
  }

  async function publicStatus(): Promise<string> {
    const anyone = t.browser();
    await anyone.get("/applications/track");
    const res = await anyone.post("/applications/track", { number, code });
    assert.equal(res.status, 200);
    return res.text();
  }

  async function casePage(): Promise<string> {
    return (await officer.get(`/admin/applications/${applicationId}`)).text();
  }

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z" });
    await t.createUser("officer", ["applicationOfficer"]);
    await t.createUser("signer", ["approver"]);
    citizen = t.browser();
    officer = await t.login("officer");
    approver = await t.login("signer");
  });
  after(() => t.close());

  it("the guide explains the counting conventions and links to the form and the lookup", async () => {
    const html = await (await t.browser().get("/applications")).text();
    for (const text of [
      "20个工作日",
      "收到申请的当天不计算",
      "重新计算",
      "不计入答复期限",
      "只能延长一次",
      "最长不超过20个工作日",
    ]) {
      assert.ok(html.includes(text), `guide should say ${text}`);
    }
    assert.match(html, /href="\/applications\/new"/);
    assert.match(html, /href="\/applications\/track"/);
  });

  it("a citizen files online with the human check and gets a number and a code once", async () => {
    const filed = await fileOnline(citizen, advance);
    number = filed.number;
    code = filed.code;
    assert.equal(number, "YSQ-2025-00001");
    assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const again = await (await citizen.get("/applications/submitted")).text();
    assert.ok(!again.includes(code), "the code is shown only once");
    const row = await t.t.db
      .selectFrom("applications")
      .select("id")
      .where("application_no", "=", number)
      .executeTakeFirstOrThrow();
    applicationId = row.id;
  });

  it("the public status says 待确认 until the officer confirms", async () => {
    const html = await publicStatus();
    assert.ok(html.includes("待确认:本机关确认收到申请后开始计算答复期限"));
    assert.ok(html.includes("确认收到申请后计算"));
  });

  it("the officer confirms receipt; the status page shows the receipt and due date", async () => {
    await day("2025-03-04");
    const res = await record(officer, { type: "confirm", date: "2025-03-04" });
    assert.equal(res.status, 303);
    const html = await publicStatus();
    assert.ok(html.includes("2025-03-04"));
    assert.ok(html.includes("2025-04-01"), "20 working days after 2025-03-04");
    assert.ok(html.includes("办理中"));
  });

  it("a 补正 stops the clock and restarts it from the day the supplement arrives", async () => {
    await day("2025-03-06");
    const asked = await record(officer, {
      type: "request_supplement",
      date: "2025-03-06",
      items: "请说明所需信息的时间范围\n请说明获取方式",
      dueOn: "2025-03-20",
    });
    assert.equal(asked.status, 303);
    assert.ok((await publicStatus()).includes("待补正"));
    await day("2025-03-10");
    assert.equal(
      (await record(officer, { type: "supplement_received", date: "2025-03-10" })).status,
      303,
    );
    const html = await publicStatus();
    assert.ok(
      html.includes("2025-04-08"),
      "20 working days after 2025-03-10, 清明 (04-04) not counted",
    );
  });

  it("a third-party consultation pauses the clock", async () => {
    await day("2025-03-12");
    const sent = await record(officer, {
      type: "consult_third_party",
      date: "2025-03-12",
      party: "某食品有限公司",
    });
    assert.equal(sent.status, 303);
    assert.ok((await publicStatus()).includes("正在征求意见"));
    await day("2025-03-19");
    const answered = await record(officer, {
      type: "consultation_answered",
      date: "2025-03-19",
      consultationId: "c1",
      answer: "objection",
    });
    assert.equal(answered.status, 303);
    const html = await publicStatus();
    assert.ok(
      html.includes("2025-04-15"),
      "five paused working days move the due date to 2025-04-15",
    );
    assert.ok(!html.includes("某食品有限公司"), "the consulted party is not named publicly");
    assert.ok((await casePage()).includes("2025-03-12 至 2025-03-19 征求第三方意见"));
  });

  it("an officer who is not an approver cannot extend: the case page says 需签发人批准 and a forged post is refused", async () => {
    await day("2025-04-10");
    assert.ok((await casePage()).includes("需签发人批准"));
    const res = await record(officer, {
      type: "extend",
      date: "2025-04-10",
      days: "20",
      reason: "需要调取档案",
    });
    const html = await res.text();
    assert.equal(res.status, 403);
    assert.ok(html.includes("延长答复期限须经签发人批准(条例第三十三条)"), html);
  });

  it("an approver extends by at most 20 working days, once", async () => {
    const tooLong = await record(approver, { type: "extend", date: "2025-04-10", days: "21" });
    assert.equal(tooLong.status, 409);
    assert.ok((await tooLong.text()).includes("最长不得超过20个工作日"));
    const res = await record(approver, {
      type: "extend",
      date: "2025-04-10",
      days: "20",
      reason: "需要调取档案",
    });
    assert.equal(res.status, 303);
    assert.ok(
      (await publicStatus()).includes("2025-05-15"),
      "20 more working days across 劳动节 (05-01 to 05-05 off, 04-27 worked)",
    );
    const second = await record(approver, { type: "extend", date: "2025-04-10", days: "5" });
    assert.equal(second.status, 409);
    assert.ok((await second.text()).includes("答复期限只能延长一次(条例第三十三条)"));
  });

  it("a reply without a specific reason or without stated reasons is refused; a full one closes the case", async () => {
    await day("2025-04-21");
    const noReason = await record(officer, {
      type: "reply",
      date: "2025-04-21",
      result: "results.not_disclosed",
    });
    assert.equal(noReason.status, 409);
    assert.ok((await noReason.text()).includes("须选择具体理由"));
    const noText = await record(officer, {
      type: "reply",
      date: "2025-04-21",
      result: "results.not_disclosed.third_party_rights",
    });
    assert.equal(noText.status, 400);
    const res = await record(officer, {
      type: "reply",
      date: "2025-04-21",
      result: "results.not_disclosed.third_party_rights",
      reasons: "所需信息含第三方商业秘密,第三方不同意公开。",
    });
    assert.equal(res.status, 303);
    const html = await publicStatus();
    assert.ok(html.includes("已办结"));
    assert.ok(html.includes("作出答复"));
    const page = await casePage();
    assert.ok(page.includes("不予公开(保护第三方合法权益)"));
    const row = await t.t.db
      .selectFrom("applications")
      .selectAll()
      .where("id", "=", applicationId)
      .executeTakeFirstOrThrow();
    assert.equal(row.phase, "closed");
    assert.equal(row.result_key, "results.not_disclosed.third_party_rights");
    assert.equal(row.closed_on, "2025-04-21");
    assert.equal(row.due_date, "2025-05-15");
  });

  it("the public pages never show the applicant's personal data", async () => {
    const html = await publicStatus();
    for (const value of Object.values(PERSON))
      assert.ok(!html.includes(value), `status page leaks ${value}`);
    const masked = await casePage();
    for (const value of [PERSON.idNumber, PERSON.phone, PERSON.address, PERSON.email]) {
      assert.ok(!masked.includes(value), `case page leaks ${value} before reveal`);
    }
    assert.ok(masked.includes("4101**********1233"));
    assert.ok(masked.includes("张*丰"));
  });

  it("the officer reveals the applicant in full, and every reveal is audited", async () => {
    const before = await t.t.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "application.reveal_applicant")
      .execute();
    await officer.get(`/admin/applications/${applicationId}`);
    const res = await officer.post(`/admin/applications/${applicationId}/reveal`);
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const value of Object.values(PERSON))
      assert.ok(html.includes(value), `reveal shows ${value}`);
    const after = await t.t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "application.reveal_applicant")
      .execute();
    assert.equal(after.length, before.length + 1);
    assert.match(after.at(-1)!.detail, /查看申请人个人信息/);
    assert.equal(after.at(-1)!.actor_name, "officer");
    await approver.get(`/admin/applications/${applicationId}`);
    assert.equal((await approver.post(`/admin/applications/${applicationId}/reveal`)).status, 403);
  });
});
