// 意见征集 end to end through the app: drafting, opening, public comments with the human check,
// moderation, closing by the clock, feedback per article, the workbench and the public API.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { formatHtmlError, validateHtml } from "../../test/browser/support/checks";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";
import { solveHumanCheck } from "../requests/test-fixtures";
import { consultationsAwaitingFeedback } from "./supervision";

const DRAFT = [
  "县食品小作坊登记管理办法(征求意见稿)",
  "第一条 为了规范食品小作坊登记,制定本办法。",
  "第二条 本办法适用于本县行政区域内的食品小作坊。",
  "第三条 本办法自发布之日起施行。",
].join("\n");

const CITIZEN_A = { name: "王小明", contact: "13900001111" };
const CITIZEN_B = { name: "赵六顺", contact: "citizen-b@example.com" };
const CITIZEN_C = { name: "钱多多", contact: "13700002222" };
const SECRETS = [
  CITIZEN_A.contact,
  CITIZEN_B.contact,
  CITIZEN_C.contact,
  CITIZEN_B.name,
  CITIZEN_C.name,
];

function consultationForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "县食品小作坊登记管理办法(征求意见稿)",
    unitId: "",
    draftText: DRAFT,
    explanationHtml: "<p>起草说明<script>alert(1)</script></p>",
    opensOn: "2025-03-03",
    closesOn: "2025-04-02",
    isMajor: "1",
    contactPhone: "0398-4800000",
    contactEmail: "scjgj@example.gov.cn",
    contactAddress: "渑池县市场监督管理局法规股",
    ...overrides,
  };
}

describe("意见征集", () => {
  let t: TestApp;
  let drafter: Browser;
  let checker: Browser;
  let rootId: string;
  const publicResponses: string[] = [];

  /** GETs a public page as an anonymous visitor and keeps its text for the contact-data check. */
  async function publicGet(path: string): Promise<{ status: number; text: string }> {
    const res = await t.browser().get(path);
    const text = await res.text();
    publicResponses.push(text);
    return { status: res.status, text };
  }

  async function createDraft(overrides: Record<string, string> = {}): Promise<number> {
    await drafter.get("/admin/consultations/new");
    const res = await drafter.post(
      "/admin/consultations/new",
      consultationForm({ unitId: rootId, ...overrides }),
    );
    assert.equal(res.status, 303, await res.text());
    return Number(/\/admin\/consultations\/(\d+)/.exec(res.headers.get("location")!)![1]);
  }

  async function comment(id: number, fields: Record<string, string>) {
    const citizen = t.browser();
    const page = await (await citizen.get(`/interaction/consultations/${id}`)).text();
    t.setNow(new Date(t.now().getTime() + 5000).toISOString());
    // Without a form on the page (not open), a crafted post still carries a valid CSRF field.
    if (!/hc_token/.test(page)) await citizen.get("/login");
    const check = /hc_token/.test(page) ? solveHumanCheck(page) : {};
    return citizen.post(`/interaction/consultations/${id}/comments`, { ...fields, ...check });
  }

  async function commentIds(id: number): Promise<number[]> {
    const rows = await t.t.db
      .selectFrom("consultation_comments")
      .select("id")
      .where("consultation_id", "=", id)
      .orderBy("id")
      .execute();
    return rows.map((r) => r.id);
  }

  /** Moves the clock; sessions idle that long have ended, so the staff sign in again. */
  async function jump(iso: string) {
    t.setNow(iso);
    drafter = await t.login("drafter");
    checker = await t.login("checker");
  }

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z" });
    rootId = String(await t.rootUnitId());
    await t.createUser("drafter", ["editor"]);
    await t.createUser("checker", ["reviewer"]);
    await t.createUser("sysadmin", ["admin"]);
    drafter = await t.login("drafter");
    checker = await t.login("checker");
  });
  after(() => t.close());

  it("an office opens a 30-day consultation, citizens comment, it closes by itself and the feedback lists each article's answers", async () => {
    const id = await createDraft();
    assert.equal(
      (await publicGet(`/interaction/consultations/${id}`)).status,
      404,
      "a draft is not public",
    );
    await drafter.get(`/admin/consultations/${id}`);
    assert.equal(
      (await drafter.post(`/admin/consultations/${id}/open`)).status,
      403,
      "an editor cannot open",
    );
    const subscriber = await t.t.db
      .insertInto("subscriptions")
      .values({
        email_enc: "v1:test",
        email_hash: "subscriber-hash",
        email_masked: "s***@example.com",
        topic: "consultations",
        topic_ref: "",
        status: "confirmed",
        confirm_token_hash: null,
        unsubscribe_token: "consultation-subscriber-token-0001",
        created_at: "2025-03-01T00:00:00.000Z",
        confirmed_at: "2025-03-01T00:00:00.000Z",
        unsubscribed_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await checker.get(`/admin/consultations/${id}`);
    assert.equal((await checker.post(`/admin/consultations/${id}/open`)).status, 303);
    const queued = await t.t.db
      .selectFrom("mail_outbox")
      .select("dedupe_key")
      .where("dedupe_key", "=", `sub:${subscriber.id}:consultation:${id}`)
      .execute();
    assert.equal(queued.length, 1, "subscribers to consultations get one mail when it opens");

    const page = await publicGet(`/interaction/consultations/${id}`);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes("征集中"));
    assert.ok(page.text.includes('id="article-2"'));
    assert.ok(!page.text.includes("<script>alert"), "the explanation is sanitised");
    assert.ok(page.text.includes("0398-4800000"), "the bureau's channels are public");

    const a = await comment(id, {
      articleNo: "1",
      body: "建议明确登记的办理时限。",
      name: CITIZEN_A.name,
      showName: "1",
      contact: CITIZEN_A.contact,
    });
    assert.equal(a.status, 303, await a.text());
    const b = await comment(id, {
      articleNo: "2",
      body: "建议把网络销售的小作坊也纳入。",
      name: CITIZEN_B.name,
      contact: CITIZEN_B.contact,
    });
    assert.equal(b.status, 303);
    const c = await comment(id, {
      articleNo: "whole",
      body: "这是一条与草案无关的广告内容。",
      name: CITIZEN_C.name,
      showName: "1",
      contact: CITIZEN_C.contact,
    });
    assert.equal(c.status, 303);
    const bot = t.browser();
    await bot.get(`/interaction/consultations/${id}`);
    const noCheck = await bot.post(`/interaction/consultations/${id}/comments`, {
      body: "没有回答验证问题的意见",
    });
    assert.equal(noCheck.status, 400, "the human check is required");
    assert.ok((await noCheck.text()).includes("请回答验证问题"));

    const [ida, idb, idc] = await commentIds(id);
    const stored = await t.t.db.selectFrom("consultation_comments").selectAll().execute();
    for (const row of stored) {
      // A consented name is public by choice; contacts and other names are encrypted.
      for (const secret of [
        CITIZEN_A.contact,
        CITIZEN_B.contact,
        CITIZEN_C.contact,
        CITIZEN_B.name,
      ]) {
        assert.ok(!JSON.stringify(row).includes(secret), "encrypted at rest");
      }
    }
    const pending = await publicGet(`/interaction/consultations/${id}`);
    assert.ok(!pending.text.includes("建议明确登记"), "unmoderated comments are not public");

    await drafter.get(`/admin/consultations/${id}`);
    assert.equal((await drafter.post(`/admin/consultation-comments/${ida}/publish`)).status, 303);
    assert.equal((await drafter.post(`/admin/consultation-comments/${idb}/publish`)).status, 303);
    assert.equal(
      (await drafter.post(`/admin/consultation-comments/${idc}/hold`, { reason: "与草案无关" }))
        .status,
      303,
    );
    const staffPage = await (await drafter.get(`/admin/consultations/${id}`)).text();
    assert.ok(staffPage.includes("139****1111"), "staff see a masked contact");
    assert.ok(!staffPage.includes(CITIZEN_A.contact));
    const revealed = await drafter.post(`/admin/consultation-comments/${ida}/contact`);
    assert.ok((await revealed.text()).includes(CITIZEN_A.contact));
    const views = await t.t.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "consultation.comment_view_contact")
      .execute();
    assert.equal(views.length, 1, "the staff view is audited");

    const published = await publicGet(`/interaction/consultations/${id}`);
    assert.ok(published.text.includes("建议明确登记的办理时限。"));
    assert.ok(published.text.includes(CITIZEN_A.name), "a consenting commenter's name is shown");
    assert.ok(published.text.includes("网民"), "otherwise 网民");
    assert.ok(!published.text.includes("与草案无关的广告"), "held comments never appear");

    t.setNow("2025-04-02T15:59:00Z");
    assert.ok((await publicGet(`/interaction/consultations/${id}`)).text.includes("征集中"));
    await jump("2025-04-03T02:00:00Z");
    const closed = await publicGet(`/interaction/consultations/${id}`);
    assert.ok(closed.text.includes("已截止"));
    const late = await comment(id, { body: "截止以后才提交的意见。" });
    assert.equal(late.status, 409);
    assert.ok((await late.text()).includes("已于2025-04-02截止,不再接收意见"));

    const waiting = await consultationsAwaitingFeedback(t.t.db, { today: "2025-04-03" });
    assert.deepEqual(
      waiting.map((r) => [r.id, r.closedOn, r.feedbackDueOn, r.overdue]),
      // 20 working days after 2 April 2025, skipping 清明 (4–6 April), counting Sunday 27 April
      // (劳动节调休上班).
      [[id, "2025-04-02", "2025-04-30", false]],
    );
    await jump("2025-05-07T02:00:00Z");
    const overdue = await consultationsAwaitingFeedback(t.t.db, { today: "2025-05-07" });
    assert.equal(overdue[0]?.overdue, true);
    const workbench = await (await checker.get("/admin")).text();
    assert.ok(workbench.includes("待发布意见采纳情况反馈"));
    assert.ok(workbench.includes("已逾期"));

    // A template answers a group; the other comment is answered alone.
    await drafter.get("/admin/consultation-templates");
    const tpl = await drafter.post("/admin/consultation-templates", {
      title: "超出本办法调整范围",
      disposition: "notAdopted",
      body: "网络销售由《网络食品安全违法行为查处办法》调整,不纳入本办法。",
    });
    assert.equal(tpl.status, 303);
    const templateId = (
      await t.t.db
        .selectFrom("consultation_answer_templates")
        .select("id")
        .executeTakeFirstOrThrow()
    ).id;
    await drafter.get(`/admin/consultations/${id}/feedback`);
    const early = await checker.post(`/admin/consultations/${id}/feedback`, {});
    assert.equal(early.status, 409, "every comment must be answered first");
    const group = await drafter.post(`/admin/consultations/${id}/groups`, {
      title: "网络销售",
      disposition: "notAdopted",
      templateId: String(templateId),
      commentIds: [String(idb)],
    });
    assert.equal(group.status, 303, await group.text());
    const missingReason = await drafter.post(`/admin/consultation-comments/${ida}/answer`, {
      disposition: "adopted",
    });
    assert.equal(missingReason.status, 400);
    const answered = await drafter.post(`/admin/consultation-comments/${ida}/answer`, {
      disposition: "adopted",
      reason: "已在第一条增加“10个工作日内办结”。",
    });
    assert.equal(answered.status, 303);
    await drafter.get(`/admin/consultations/${id}/feedback`);
    assert.equal((await drafter.post(`/admin/consultations/${id}/feedback`, {})).status, 403);
    await checker.get(`/admin/consultations/${id}/feedback`);
    assert.equal(
      (await checker.post(`/admin/consultations/${id}/feedback`, { summary: "感谢参与。" })).status,
      303,
    );

    const feedback = await publicGet(`/interaction/consultations/${id}/feedback`);
    assert.equal(feedback.status, 200);
    const first = feedback.text.indexOf("第一条");
    const second = feedback.text.indexOf("第二条");
    assert.ok(first > 0 && second > first, "grouped by article, in order");
    const firstSection = feedback.text.slice(first, second);
    assert.ok(firstSection.includes("采纳") && firstSection.includes("10个工作日内办结"));
    const secondSection = feedback.text.slice(second);
    assert.ok(
      secondSection.includes("未采纳") && secondSection.includes("网络食品安全违法行为查处办法"),
    );
    assert.ok(feedback.text.includes("另有 1 条意见"), "held comments are counted, not listed");
    assert.deepEqual(await consultationsAwaitingFeedback(t.t.db, { today: "2025-05-07" }), []);
    assert.ok(!(await (await checker.get("/admin")).text()).includes("已逾期"));

    const again = await checker.post(`/admin/consultations/${id}/feedback`, {});
    assert.equal(again.status, 400, "a correction needs its reason");
    assert.ok((await again.text()).includes("更正理由"));
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "consultation")
      .where("object_id", "=", String(id))
      .execute();
    const actions = audit.map((r) => r.action);
    for (const action of [
      "consultation.create",
      "consultation.open",
      "consultation.comment",
      "consultation.comment_publish",
      "consultation.comment_hold",
      "consultation.group_create",
      "consultation.comment_answer",
      "consultation.feedback_publish",
    ]) {
      assert.ok(actions.includes(action), action);
    }

    const list = await t.browser().request("/api/v1/consultations");
    const listText = await list.text();
    publicResponses.push(listText);
    assert.ok(JSON.parse(listText).items.some((x: { id: number }) => x.id === id));
    const detail = await t.browser().request(`/api/v1/consultations/${id}`);
    const detailText = await detail.text();
    publicResponses.push(detailText);
    const body = JSON.parse(detailText);
    assert.equal(body.comments.length, 2);
    assert.deepEqual(body.feedback.counts, {
      received: 2,
      adopted: 1,
      partlyAdopted: 0,
      notAdopted: 1,
    });
  });

  it("a 重大行政决策 consulted for less than 30 days cannot open without a reason, shown publicly", async () => {
    await jump("2025-06-02T02:00:00Z");
    await drafter.get("/admin/decisions");
    const decision = await drafter.post("/admin/decisions", {
      year: "2025",
      title: "县食品安全示范街区建设方案",
      unitId: rootId,
      isMajor: "1",
      methods: ["publicComment", "expertReview"],
      status_publicComment: "planned",
      on_publicComment: "2025-06-02",
      status_expertReview: "done",
      on_expertReview: "2025-05-20",
    });
    assert.equal(decision.status, 303, await decision.text());
    const decisionId = (
      await t.t.db.selectFrom("participation_decisions").select("id").executeTakeFirstOrThrow()
    ).id;
    const id = await createDraft({
      title: "县食品安全示范街区建设方案(征求意见稿)",
      decisionItemId: String(decisionId),
      isMajor: "",
      opensOn: "2025-06-02",
      closesOn: "2025-06-16",
    });
    await checker.get(`/admin/consultations/${id}`);
    const refused = await checker.post(`/admin/consultations/${id}/open`);
    assert.equal(refused.status, 400);
    const text = await refused.text();
    assert.ok(text.includes("缩短期限的理由"), "the message names the field");
    assert.ok(text.includes("14日"));

    await drafter.get(`/admin/consultations/${id}/edit`);
    const edited = await drafter.post(
      `/admin/consultations/${id}/edit`,
      consultationForm({
        unitId: rootId,
        title: "县食品安全示范街区建设方案(征求意见稿)",
        decisionItemId: String(decisionId),
        isMajor: "",
        opensOn: "2025-06-02",
        closesOn: "2025-06-16",
        shortPeriodReason: "须在汛期前完成街区改造,时间紧急",
      }),
    );
    assert.equal(edited.status, 303);
    await checker.get(`/admin/consultations/${id}`);
    assert.equal((await checker.post(`/admin/consultations/${id}/open`)).status, 303);
    const page = await publicGet(`/interaction/consultations/${id}`);
    assert.ok(page.text.includes("缩短征求意见期限的理由"));
    assert.ok(page.text.includes("须在汛期前完成街区改造,时间紧急"));
    assert.ok(page.text.includes("重大行政决策"), "the flag follows the catalog entry");

    const catalog = await publicGet("/interaction/decisions?year=2025");
    assert.ok(catalog.text.includes("县食品安全示范街区建设方案"));
    assert.ok(catalog.text.includes("专家论证:已完成(2025-05-20)"));
    assert.ok(catalog.text.includes(`/interaction/consultations/${id}`));
  });

  it("comments on a consultation not yet open are refused, and the landing page links every part", async () => {
    await jump("2025-06-03T02:00:00Z");
    const id = await createDraft({ isMajor: "", opensOn: "2025-06-10", closesOn: "2025-06-20" });
    await checker.get(`/admin/consultations/${id}`);
    assert.equal((await checker.post(`/admin/consultations/${id}/open`)).status, 303);
    const page = await publicGet(`/interaction/consultations/${id}`);
    assert.ok(page.text.includes("未开始"));
    const refused = await comment(id, { body: "提前提交的一条意见。" });
    assert.equal(refused.status, 409);
    assert.ok((await refused.text()).includes("尚未开始"));

    const home = await publicGet("/interaction");
    for (const href of [
      "/interaction/consultations",
      "/interaction/decisions",
      "/interaction/meetings",
      "/interaction/messages",
      "/interaction/responses",
    ]) {
      assert.ok(home.text.includes(`href="${href}"`), href);
    }
    assert.ok((await publicGet("/interaction/consultations")).text.includes("意见征集列表"));
  });

  it("the admin sets the feedback period; others may not", async () => {
    await jump(t.now().toISOString());
    const admin = await t.login("sysadmin");
    await admin.get("/admin/participation/settings");
    assert.equal(
      (await admin.post("/admin/participation/settings", { feedbackWorkdays: "0" })).status,
      400,
    );
    assert.equal(
      (await admin.post("/admin/participation/settings", { feedbackWorkdays: "15" })).status,
      303,
    );
    assert.ok(
      (await (await admin.get("/admin/participation/settings")).text()).includes('value="15"'),
    );
    assert.equal(
      (await checker.post("/admin/participation/settings", { feedbackWorkdays: "5" })).status,
      403,
    );
  });

  it("no public page or API response shows a commenter's contact data", () => {
    assert.ok(publicResponses.length > 10);
    for (const text of publicResponses) {
      for (const secret of SECRETS) assert.ok(!text.includes(secret), `leaked ${secret}`);
    }
  });

  it("public and back-office pages are valid HTML", async () => {
    const pages: [string, string][] = publicResponses
      .filter((text) => text.startsWith("<!doctype"))
      .map((text, i) => [`public-${i}`, text]);
    for (const path of [
      "/admin/consultations",
      "/admin/consultations/1",
      "/admin/consultations/1/feedback",
      "/admin/consultations/2/edit",
      "/admin/consultation-templates",
      "/admin/decisions",
      "/admin/decisions/1",
      "/admin",
    ]) {
      const res = await checker.get(path);
      assert.equal(res.status, 200, path);
      pages.push([path, await res.text()]);
    }
    const problems: string[] = [];
    for (const [name, html] of pages) {
      for (const m of await validateHtml(html, name))
        problems.push(`${name}: ${formatHtmlError(m, html)}`);
    }
    assert.deepEqual(problems, []);
  });
});
