// The acceptance journey through the HTML back office: draft with an attachment, proofreading,
// review with the 保密审查 form, sign-off, publication and withdrawal; and self-approval refused.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Browser, createTestApp, type TestApp } from "../../test/support/app";
import { noticeForm, recordIdOf, reviewAnswers as review, tinyPdf } from "./backoffice-fixtures";
import { findPublishedRecord } from "./public-store";
import { insertCatalogItem, setCreditCode } from "./test-fixtures";

describe("records back office: the publication journey", () => {
  let t: TestApp;
  let itemId: number;
  let unitId: number;
  const stateOf = async (id: number) =>
    (
      await t.t.db
        .selectFrom("records")
        .select("state")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).state;
  const pageOf = async (b: Browser, path: string) => {
    const res = await b.get(path);
    assert.equal(res.status, 200, path);
    return res.text();
  };

  before(async () => {
    t = await createTestApp();
    await setCreditCode(t.t.db);
    itemId = await insertCatalogItem(t.t.db, { code: "T-01" });
    unitId = await t.rootUnitId();
    await t.createUser("xinxiyuan", ["editor"]);
    await t.createUser("shenheren", ["reviewer"]);
    await t.createUser("qianfaren", ["approver"]);
    await t.createUser("quanneng", ["editor", "reviewer", "approver"]);
  });
  after(() => t.close());

  it("an editor drafts a notice with a PDF; after proofreading, review and sign-off it is public, and withdrawn it is gone", async () => {
    const editor = await t.login("xinxiyuan");
    const blank = await pageOf(editor, "/admin/records/new");
    assert.match(blank, /起草新信息/);
    assert.match(
      blank,
      /name="publisher"[^>]*value="县市场监督管理局"|value="县市场监督管理局"[^>]*name="publisher"/,
    );
    assert.match(blank, /<optgroup label="行政执法">/);

    const created = await editor.post(
      "/admin/records/new",
      noticeForm(
        {
          catalogItemId: String(itemId),
          unitId: String(unitId),
          bodyHtml: "各乡镇监管所:\n在县政府网建成食品药品监管攻务信息公开渠道。",
        },
        [["抽检计划.pdf", tinyPdf]],
      ),
    );
    assert.equal(created.status, 303);
    const id = recordIdOf(created);

    let page = await pageOf(editor, `/admin/records/${id}`);
    assert.match(page, /<p>各乡镇监管所:<\/p>/, "plain text paragraphs are wrapped in <p>");
    assert.match(page, /抽检计划\.pdf/);
    assert.match(page, /<mark>攻务<\/mark>/);
    assert.match(page, /建议改为“政务”/);
    assert.match(page, /校对发现1处问题尚未处理/);
    assert.doesNotMatch(page, new RegExp(`/admin/records/${id}/actions/submit`));
    assert.match(page, /应公开日期/);

    const early = await editor.post(`/admin/records/${id}/actions/submit`, {});
    assert.equal(early.status, 400, "submit is refused while a hit is open");
    assert.match(await early.text(), /校对发现1处问题尚未处理/);
    assert.equal(await stateOf(id), "draft");

    const position = /name="position" value="(\d+)"/.exec(page)![1]!;
    const noReason = await editor.post(`/admin/records/${id}/proofread/dismiss`, {
      found: "攻务",
      position,
      reason: "",
    });
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), /请说明忽略理由/);
    const dismissed = await editor.post(`/admin/records/${id}/proofread/dismiss`, {
      found: "攻务",
      position,
      reason: "原件用字,照录",
    });
    assert.equal(dismissed.status, 303);
    page = await pageOf(editor, `/admin/records/${id}`);
    assert.ok(page.includes("已忽略(理由:原件用字,照录"));

    assert.equal((await editor.post(`/admin/records/${id}/actions/submit`, {})).status, 303);
    assert.equal(await stateOf(id), "in_review");

    const reviewer = await t.login("shenheren");
    page = await pageOf(reviewer, "/admin/records");
    assert.match(page, /aria-current="page">待审核/);
    assert.ok(
      page.includes(`href="/admin/records/${id}"`),
      "the record is in the reviewer's queue",
    );
    page = await pageOf(reviewer, `/admin/records/${id}`);
    assert.match(page, /是否涉密/);
    assert.match(page, /依申请公开/);
    const incomplete = await reviewer.post(`/admin/records/${id}/actions/approve`, {});
    assert.equal(incomplete.status, 400);
    const incompleteHtml = await incomplete.text();
    assert.match(incompleteHtml, /请选择是否涉密/);
    assert.match(incompleteHtml, /请选择公开属性/);
    const notDisclosed = await reviewer.post(`/admin/records/${id}/actions/approve`, {
      ...review,
      disclosureAttribute: "notDisclosed",
    });
    assert.equal(notDisclosed.status, 400);
    assert.match(await notDisclosed.text(), /请写明法定理由/);
    const approved = await reviewer.post(`/admin/records/${id}/actions/approve`, {
      ...review,
      approveComment: "内容无误",
    });
    assert.equal(approved.status, 303);
    assert.equal(await stateOf(id), "awaiting_signoff");

    const approver = await t.login("qianfaren");
    page = await pageOf(approver, `/admin/records/${id}`);
    assert.match(page, /签发并立即发布/);
    assert.match(page, /主动公开/, "the page shows the review");
    assert.equal(
      (await approver.post(`/admin/records/${id}/actions/sign`, { signComment: "同意" })).status,
      303,
    );
    assert.equal(await stateOf(id), "published");
    const published = await findPublishedRecord(t.t.db, id);
    assert.ok(published, "the record is on the public surfaces");
    assert.equal(published.attachments.length, 1);
    assert.equal(published.attachments[0]!.fileName, "抽检计划.pdf");
    const anonymous = t.browser();
    const publicPage = await anonymous.get(`/records/${id}`);
    assert.equal(publicPage.status, 200);
    assert.match(await publicPage.text(), /关于开展2025年食品安全抽检工作的通知/);
    assert.equal((await anonymous.request(`/api/v1/records/${id}`)).status, 200);
    page = await pageOf(approver, `/admin/records/${id}`);
    assert.ok(page.includes(`href="/records/${id}"`), "the back office links to the public page");

    const unexplained = await approver.post(`/admin/records/${id}/actions/withdraw`, {});
    assert.equal(unexplained.status, 400);
    assert.match(await unexplained.text(), /撤回时请说明理由/);
    const withdrawn = await approver.post(`/admin/records/${id}/actions/withdraw`, {
      withdrawReason: "抽检安排调整",
    });
    assert.equal(withdrawn.status, 303);
    assert.equal(await stateOf(id), "withdrawn");
    assert.equal(await findPublishedRecord(t.t.db, id), undefined);
    assert.equal((await anonymous.get(`/records/${id}`)).status, 404);
    assert.equal((await anonymous.request(`/api/v1/records/${id}`)).status, 404);

    page = await pageOf(approver, `/admin/records/${id}`);
    assert.match(page, /抽检安排调整/, "the back office keeps the record and the reason");
    for (const step of ["起草", "忽略校对结果", "送审", "审核通过", "签发", "撤回"]) {
      assert.match(page, new RegExp(`<td>${step}</td>`), `history shows ${step}`);
    }
    page = await pageOf(approver, "/admin/records?tab=withdrawn");
    assert.ok(page.includes(`href="/admin/records/${id}"`));
  });

  it("a drafter holding every role sees no approve or sign action on their own record, and a forged POST gets 403", async () => {
    const drafter = await t.login("quanneng");
    const id = recordIdOf(
      await drafter.post("/admin/records/new", noticeForm({ unitId: String(unitId) })),
    );
    assert.equal((await drafter.post(`/admin/records/${id}/actions/submit`, {})).status, 303);

    let page = await pageOf(drafter, `/admin/records/${id}`);
    assert.doesNotMatch(page, new RegExp(`/admin/records/${id}/actions/approve`));
    assert.match(page, /不能审核自己起草的信息/);
    const forgedApproval = await drafter.post(`/admin/records/${id}/actions/approve`, review);
    assert.equal(forgedApproval.status, 403);
    assert.equal(await stateOf(id), "in_review");

    const reviewer = await t.login("shenheren");
    await reviewer.get(`/admin/records/${id}`);
    assert.equal((await reviewer.post(`/admin/records/${id}/actions/approve`, review)).status, 303);

    page = await pageOf(drafter, `/admin/records/${id}`);
    assert.doesNotMatch(page, new RegExp(`/admin/records/${id}/actions/(sign|schedule)`));
    assert.match(page, /不能签发自己起草的信息/);
    assert.equal((await drafter.post(`/admin/records/${id}/actions/sign`, {})).status, 403);
    const schedule = { publishAt: "2025-03-10T09:00" };
    assert.equal(
      (await drafter.post(`/admin/records/${id}/actions/schedule`, schedule)).status,
      403,
    );
    assert.equal(await stateOf(id), "awaiting_signoff");
  });

  it("a signer can send a record back with a reason or schedule it for a later time", async () => {
    const editor = await t.login("xinxiyuan");
    const id = recordIdOf(
      await editor.post("/admin/records/new", noticeForm({ unitId: String(unitId) })),
    );
    await editor.get(`/admin/records/${id}`);
    await editor.post(`/admin/records/${id}/actions/submit`, {});
    const reviewer = await t.login("shenheren");
    await reviewer.get(`/admin/records/${id}`);
    await reviewer.post(`/admin/records/${id}/actions/approve`, review);

    const approver = await t.login("qianfaren");
    await approver.get(`/admin/records/${id}`);
    const past = await approver.post(`/admin/records/${id}/actions/schedule`, {
      publishAt: "2025-03-01T09:00",
    });
    assert.equal(past.status, 400);
    assert.match(await past.text(), /定时发布的时间须晚于当前时间/);
    const scheduled = await approver.post(`/admin/records/${id}/actions/schedule`, {
      publishAt: "2025-03-04T09:00",
    });
    assert.equal(scheduled.status, 303);
    assert.equal(await stateOf(id), "scheduled");
    const row = await t.t.db
      .selectFrom("records")
      .select("scheduled_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(row.scheduled_at, "2025-03-04T01:00:00.000Z", "09:00 Beijing time");

    const rejected = await approver.post(`/admin/records/${id}/actions/reject`, {
      rejectReason: "发布时间另行安排",
    });
    assert.equal(rejected.status, 303);
    assert.equal(await stateOf(id), "draft");
    assert.match(await pageOf(editor, `/admin/records/${id}`), /发布时间另行安排/);
  });

  it("a policy marked 需要解读 links to drafting its interpretation, prefilled", async () => {
    const editor = await t.login("xinxiyuan");
    const id = recordIdOf(
      await editor.post(
        "/admin/records/new",
        noticeForm({
          title: "县市场监管局行政处罚裁量基准",
          genre: "normativeDocument",
          needsInterpretation: "1",
          unitId: String(unitId),
        }),
      ),
    );
    const page = await pageOf(editor, `/admin/records/${id}`);
    assert.ok(page.includes(`href="/admin/records/new?interprets=${id}"`));
    assert.match(page, /请先将其政策解读送审/, "submit waits for the interpretation");
    const form = await pageOf(editor, `/admin/records/new?interprets=${id}`);
    assert.match(form, /<option value="interpretation" selected="">政策解读<\/option>/);
    assert.ok(form.includes(`<option value="${id}" selected="">`));
    const interpretation = recordIdOf(
      await editor.post(
        "/admin/records/new",
        noticeForm({
          title: "《县市场监管局行政处罚裁量基准》政策解读",
          genre: "interpretation",
          interpretsRecordId: String(id),
          interpretationKind: "text",
          unitId: String(unitId),
        }),
      ),
    );
    assert.ok(
      (await pageOf(editor, `/admin/records/${id}`)).includes(
        `href="/admin/records/${interpretation}"`,
      ),
    );
    assert.ok(
      (await pageOf(editor, `/admin/records/${interpretation}`)).includes(
        `href="/admin/records/${id}"`,
      ),
    );
  });
});
