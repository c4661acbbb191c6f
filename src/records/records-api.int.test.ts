import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import type { RecordDetail } from "./store";
import { buildRecord, CREDIT_CODE, publishableReview, setCreditCode } from "./test-fixtures";

/** A record, or the error body of a refused request. */
type ApiJson = RecordDetail & {
  error: { code: string; message: string; fields: Record<string, string> };
};

describe("records API", () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  async function call(user: string, method: string, path: string, body?: unknown) {
    const res = await t.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokens[user]}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as ApiJson };
  }
  const transition = (user: string, id: number, body: object) =>
    call(user, "POST", `/api/v1/records/${id}/transitions`, body);
  const approve = { action: "approve", review: publishableReview };

  before(async () => {
    t = await createTestApp();
    await setCreditCode(t.t.db);
    for (const [name, roles] of [
      ["editor", ["editor"]],
      ["reviewer", ["reviewer"]],
      ["approver", ["approver"]],
      ["allrounder", ["editor", "reviewer", "approver"]],
      ["sysadmin", ["admin"]],
    ] as const) {
      await t.createUser(name, [...roles]);
      tokens[name] = await t.token(name);
    }
  });
  after(() => t.close());

  it("editor drafts, reviewer approves, approver signs: published with 索引号 2025-00001", async () => {
    const created = await call(
      "editor",
      "POST",
      "/api/v1/records",
      buildRecord({ keywords: "抽检,食品 食品" }),
    );
    assert.equal(created.status, 201);
    assert.equal(created.json.state, "draft");
    assert.deepEqual(created.json.keywords, ["抽检", "食品"]);
    assert.equal(created.json.publisher, "县市场监督管理局");
    const id = created.json.id as number;

    assert.equal((await transition("editor", id, { action: "submit" })).json.state, "in_review");
    const approved = await transition("reviewer", id, approve);
    assert.equal(approved.json.state, "awaiting_signoff");
    assert.equal(approved.json.review?.disclosureAttribute, "proactive");
    const signed = await transition("approver", id, { action: "sign", comment: "同意发布" });
    assert.equal(signed.status, 200);
    assert.equal(signed.json.state, "published");
    assert.equal(signed.json.indexNo, `${CREDIT_CODE}/2025-00001`);
    assert.equal(signed.json.publishedOn, "2025-03-03");
    assert.equal(signed.json.publishedAt, t.now().toISOString());

    const events = await t.t.db
      .selectFrom("record_events")
      .select(["action", "to_state"])
      .where("record_id", "=", id)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      events.map((e) => `${e.action}:${e.to_state}`),
      ["create:draft", "submit:in_review", "approve:awaiting_signoff", "sign:published"],
    );
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "record")
      .where("object_id", "=", String(id))
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["record.create", "record.submit", "record.approve", "record.sign"],
    );
  });

  it("a drafter with all three roles cannot approve or sign their own record", async () => {
    const { json } = await call("allrounder", "POST", "/api/v1/records", buildRecord());
    await transition("allrounder", json.id, { action: "submit" });
    const selfApprove = await transition("allrounder", json.id, approve);
    assert.equal(selfApprove.status, 403);
    assert.match(selfApprove.json.error.message, /不能审核自己起草/);
    await transition("reviewer", json.id, approve);
    const selfSign = await transition("allrounder", json.id, { action: "sign" });
    assert.equal(selfSign.status, 403);
    assert.match(selfSign.json.error.message, /不能签发自己起草/);
    const selfSchedule = await transition("allrounder", json.id, {
      action: "schedule",
      publishAt: "2025-03-05T00:00:00Z",
    });
    assert.equal(selfSchedule.status, 403);
  });

  it("roles are checked: a reviewer cannot draft, an editor cannot approve", async () => {
    assert.equal((await call("reviewer", "POST", "/api/v1/records", buildRecord())).status, 403);
    const { json } = await call("editor", "POST", "/api/v1/records", buildRecord());
    await transition("editor", json.id, { action: "submit" });
    assert.equal((await transition("editor", json.id, approve)).status, 403);
  });

  it("a wrong state is a 409 with a Chinese message", async () => {
    const { json } = await call("editor", "POST", "/api/v1/records", buildRecord());
    const res = await transition("approver", json.id, { action: "sign" });
    assert.equal(res.status, 409);
    assert.match(res.json.error.message, /“草稿”状态的信息不能签发/);
  });

  it("invalid fields come back as a 400 with a field map", async () => {
    const res = await call("editor", "POST", "/api/v1/records", {
      title: "",
      formedOn: "2025-02-30",
      genre: "诗歌",
    });
    assert.equal(res.status, 400);
    assert.equal(res.json.error.code, "validation");
    for (const field of ["title", "formedOn", "genre", "topic", "openness"]) {
      assert.ok(res.json.error.fields[field], `missing error for ${field}`);
    }
    const approveWithoutReason = await (async () => {
      const { json } = await call("editor", "POST", "/api/v1/records", buildRecord());
      await transition("editor", json.id, { action: "submit" });
      return transition("reviewer", json.id, {
        action: "approve",
        review: { ...publishableReview, disclosureAttribute: "onApplication" },
      });
    })();
    assert.equal(approveWithoutReason.status, 400);
    assert.ok(approveWithoutReason.json.error.fields["review.legalReason"]);
  });

  it("only drafts can be edited, and an edit is kept as a new version", async () => {
    const { json } = await call("editor", "POST", "/api/v1/records", buildRecord());
    const patched = await call("editor", "PATCH", `/api/v1/records/${json.id}`, {
      title: "关于开展2025年食品安全监督抽检工作的通知",
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.json.version, 2);
    assert.equal(patched.json.formedOn, "2025-02-20");
    await transition("editor", json.id, { action: "submit" });
    const late = await call("editor", "PATCH", `/api/v1/records/${json.id}`, { title: "改" });
    assert.equal(late.status, 409);
  });

  it("XSS payloads in the body are stripped before they are stored", async () => {
    const body =
      '<p onclick="alert(1)">正文</p><script>alert(document.cookie)</script>' +
      '<a href="javascript:alert(1)">链接</a><img src="x" onerror="alert(1)"><img src="data:image/png;base64,AA">' +
      '<p style="background:url(javascript:alert(1))">样式</p><iframe src="https://evil.example"></iframe>';
    const { json } = await call(
      "editor",
      "POST",
      "/api/v1/records",
      buildRecord({ bodyHtml: body }),
    );
    const stored = await t.t.db
      .selectFrom("records")
      .select(["body_html", "body_text"])
      .where("id", "=", json.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.body_html, "<p>正文</p><a>链接</a><p>样式</p>");
    assert.equal(stored.body_text, "正文\n链接样式");
  });

  it("submit is refused while proofreading has undismissed hits, and allowed after a dismissal", async () => {
    const { json } = await call(
      "editor",
      "POST",
      "/api/v1/records",
      buildRecord({ bodyHtml: "<p>推进攻务公开。</p>" }),
    );
    const refused = await transition("editor", json.id, { action: "submit" });
    assert.equal(refused.status, 400);
    assert.equal(
      refused.json.error.fields.bodyHtml,
      "校对发现:“攻务”(位置2,疑似错别字,建议改为“政务”)",
    );
    const dismissed = await call(
      "editor",
      "POST",
      `/api/v1/records/${json.id}/proofread-dismissals`,
      { found: "攻务", position: 2, reason: "引用原文,保留" },
    );
    assert.equal(dismissed.status, 201);
    const wrong = await call("editor", "POST", `/api/v1/records/${json.id}/proofread-dismissals`, {
      found: "攻务",
      position: 5,
      reason: "x",
    });
    assert.equal(wrong.status, 400);
    assert.equal(
      (await transition("editor", json.id, { action: "submit" })).json.state,
      "in_review",
    );
  });

  it("withdraw needs a reason, takes the record off the public state and is audited", async () => {
    const { json } = await call("editor", "POST", "/api/v1/records", buildRecord());
    await transition("editor", json.id, { action: "submit" });
    await transition("reviewer", json.id, approve);
    await transition("approver", json.id, { action: "sign" });
    const indexed = () =>
      t.t.db
        .selectFrom("record_search")
        .select("record_id")
        .where("record_id", "=", json.id)
        .execute();
    assert.equal((await indexed()).length, 1);
    assert.equal(
      (await transition("editor", json.id, { action: "withdraw", comment: "有误" })).status,
      403,
    );
    const noReason = await transition("sysadmin", json.id, { action: "withdraw" });
    assert.equal(noReason.status, 400);
    assert.ok(noReason.json.error.fields.comment);
    const withdrawn = await transition("sysadmin", json.id, {
      action: "withdraw",
      comment: "附件有误,更正后重发",
    });
    assert.equal(withdrawn.status, 200);
    assert.equal(withdrawn.json.state, "withdrawn");
    assert.equal(withdrawn.json.withdrawReason, "附件有误,更正后重发");
    assert.ok(withdrawn.json.indexNo, "the 索引号 stays with the record");
    assert.deepEqual(await indexed(), [], "no longer searchable");
    const entry = await t.t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "record.withdraw")
      .where("object_id", "=", String(json.id))
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_name, "sysadmin");
    assert.match(entry.detail, /附件有误/);
    assert.equal(
      (await transition("approver", json.id, { action: "withdraw", comment: "再撤" })).status,
      409,
    );
  });

  it("the reviewer can reject with a reason; the record is back in draft", async () => {
    const { json } = await call("editor", "POST", "/api/v1/records", buildRecord());
    await transition("editor", json.id, { action: "submit" });
    const rejected = await transition("reviewer", json.id, {
      action: "reject",
      comment: "请补充附件",
    });
    assert.equal(rejected.json.state, "draft");
    const event = await t.t.db
      .selectFrom("record_events")
      .selectAll()
      .where("record_id", "=", json.id)
      .where("action", "=", "reject")
      .executeTakeFirstOrThrow();
    assert.equal(event.comment, "请补充附件");
  });

  it("the routes are in the OpenAPI document", async () => {
    const res = await t.app.request("/api/v1/openapi.json");
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    assert.ok(doc.paths["/api/v1/records"]?.post);
    assert.ok(doc.paths["/api/v1/records/{id}"]?.patch);
    assert.ok(doc.paths["/api/v1/records/{id}/transitions"]?.post);
  });
});
