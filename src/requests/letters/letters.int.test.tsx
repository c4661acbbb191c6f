// Letters through the pages: a reply of 不予公开/保护第三方合法权益 as DOCX and as a print view,
// the audit of the full view, reply attachments in the 附件 list, and template editing.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import JSZip from "jszip";
import { type Browser, createTestApp, type TestApp } from "../../../test/support/app";
import { makeDocx } from "../../platform/files/test-files";
import { officerActor, registerCase, replyCase } from "../casework-test-fixtures";
import type { CaseActor } from "../policy";
import { PERSON } from "../test-fixtures";
import { chinesePunctuation } from "./punctuation";

async function documentXml(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml;
}

/** The text of document.xml without tags, so words split over runs still match. */
function textOf(xml: string): string {
  return xml.replace(/<[^>]+>/g, "");
}

describe("letters of a case", () => {
  let t: TestApp;
  let officer: Browser;
  let actor: CaseActor;
  let caseId: number;
  let applicationNo: string;

  before(async () => {
    t = await createTestApp({ start: "2025-03-20T02:00:00Z" });
    await t.createUser("officer", ["applicationOfficer"]);
    await t.createUser("signer", ["approver"]);
    await t.createUser("admin2", ["admin"]);
    actor = await officerActor(t);
    officer = await t.login("officer");
    const filed = await registerCase(t, actor, "2025-03-03");
    caseId = filed.id;
    applicationNo = filed.applicationNo;
    await replyCase(t, actor, caseId, "2025-03-14", "results.not_disclosed.third_party_rights");
  });
  after(() => t.close());

  it("a reply of 不予公开/保护第三方合法权益 produces a DOCX naming 第十五条, 第三十二条 and both appeal routes", async () => {
    const res = await officer.get(`/admin/applications/${caseId}/letters/reply.docx`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /wordprocessingml/);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment/);
    const text = textOf(await documentXml(await res.arrayBuffer()));
    for (const words of [
      "政府信息不予公开告知书",
      "第十五条",
      "第三十二条",
      chinesePunctuation("第三十六条第(三)项"),
      "行政复议",
      "行政诉讼",
      "六十日",
      "六个月",
      "第四十六条",
      "2025年3月3日",
      "2025年3月14日",
      "依申复〔2025〕1号",
      "县市场监督管理局",
      PERSON.name,
      "第三方书面表示不同意公开",
    ]) {
      assert.ok(text.includes(words), `the letter should contain ${words}`);
    }
    assert.ok(!text.includes("{"), "no placeholder is left");
  });

  it("the DOCX is A4 with 仿宋 body text", async () => {
    const res = await officer.get(`/admin/applications/${caseId}/letters/reply.docx`);
    const xml = await documentXml(await res.arrayBuffer());
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /w:eastAsia="仿宋"/);
    assert.match(xml, /w:eastAsia="宋体"/);
  });

  it("the print view is a page without navigation carrying the same text", async () => {
    const res = await officer.get(`/admin/applications/${caseId}/letters/reply`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes("/static/letter.css"), 'html.includes("/static/letter.css")');
    assert.ok(!html.includes("bo-nav"), "no back-office navigation");
    for (const words of ["第十五条", "第三十二条", "六十日", "六个月", PERSON.name]) {
      assert.ok(html.includes(words), `the print view should contain ${words}`);
    }
  });

  it("generating a letter writes audit rows for the letter and the full view of personal data", async () => {
    const before = await t.t.db
      .selectFrom("audit_log")
      .select(["action", "detail", "actor_name"])
      .where("object_id", "=", String(caseId))
      .execute();
    await officer.get(`/admin/applications/${caseId}/letters/receipt.docx`);
    const after = await t.t.db
      .selectFrom("audit_log")
      .select(["action", "detail", "actor_name"])
      .where("object_id", "=", String(caseId))
      .execute();
    const added = after.slice(before.length);
    assert.deepEqual(added.map((a) => a.action).sort(), [
      "application.generate_letter",
      "application.reveal_applicant",
    ]);
    const letter = added.find((a) => a.action === "application.generate_letter")!;
    assert.ok(letter.detail.includes("受理回执"), 'letter.detail.includes("受理回执")');
    assert.equal(letter.actor_name, "officer");
    assert.ok(
      !after.some((a) => a.detail.includes(PERSON.name)),
      "the audit log never holds the name",
    );
  });

  it("only the 依申请公开经办人 may generate letters", async () => {
    const signer = await t.login("signer");
    const res = await signer.get(`/admin/applications/${caseId}/letters/reply.docx`);
    assert.equal(res.status, 403);
  });

  it("a letter for a step the case has not had is refused in Chinese", async () => {
    const res = await officer.get(`/admin/applications/${caseId}/letters/extension.docx`);
    assert.equal(res.status, 409);
    assert.ok(
      (await res.text()).includes("还没有延期记录"),
      '(await res.text()).includes("还没有延期记录")',
    );
  });

  it("a consultation letter names the party and never the applicant", async () => {
    const other = await registerCase(t, actor, "2025-03-17");
    const { addEvent } = await import("../events-service");
    await addEvent(
      t.t.db,
      other.id,
      { type: "consult_third_party", date: "2025-03-18", note: undefined, party: "某食品有限公司" },
      { actor, now: t.now() },
    );
    const res = await officer.get(
      `/admin/applications/${other.id}/letters/consult-third-party.docx?consultation=c1`,
    );
    assert.equal(res.status, 200);
    const text = textOf(await documentXml(await res.arrayBuffer()));
    assert.ok(text.includes("某食品有限公司"), 'text.includes("某食品有限公司")');
    assert.ok(text.includes("第三十二条"), 'text.includes("第三十二条")');
    assert.ok(!text.includes(PERSON.name), "!text.includes(PERSON.name)");
    assert.ok(!text.includes(PERSON.address), "!text.includes(PERSON.address)");
  });

  it("reply attachments are uploaded, listed as 附件 in the letter, and removed", async () => {
    await officer.get(`/admin/applications/${caseId}/letters`);
    const form = new FormData();
    const bytes = await makeDocx(["抽检计划全文"]);
    form.append("files", new File([bytes], "抽检计划.docx"));
    const res = await officer.post(`/admin/applications/${caseId}/reply-attachments`, form);
    assert.equal(res.status, 303);
    const page = await (await officer.get(`/admin/applications/${caseId}/letters`)).text();
    assert.ok(page.includes("抽检计划.docx"), 'page.includes("抽检计划.docx")');
    const docx = await officer.get(`/admin/applications/${caseId}/letters/reply.docx`);
    assert.ok(
      textOf(await documentXml(await docx.arrayBuffer())).includes(
        chinesePunctuation("附件:抽检计划.docx"),
      ),
    );
    const row = await t.t.db
      .selectFrom("application_attachments")
      .select("id")
      .where("application_id", "=", caseId)
      .executeTakeFirstOrThrow();
    const download = await officer.get(`/admin/applications/${caseId}/reply-attachments/${row.id}`);
    assert.equal(download.status, 200);
    await officer.get(`/admin/applications/${caseId}/letters`);
    const removed = await officer.post(
      `/admin/applications/${caseId}/reply-attachments/${row.id}/delete`,
    );
    assert.equal(removed.status, 303);
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "in", [
        "application.add_reply_attachment",
        "application.remove_reply_attachment",
      ])
      .execute();
    assert.equal(audit.length, 2);
  });

  it("a file that is not allowed as a reply attachment is refused with a message", async () => {
    await officer.get(`/admin/applications/${caseId}/letters`);
    const form = new FormData();
    form.append("files", new File([new TextEncoder().encode("<html></html>")], "a.html"));
    const res = await officer.post(`/admin/applications/${caseId}/reply-attachments`, form);
    assert.equal(res.status, 415);
    assert.ok((await res.text()).includes("上传附件"), '(await res.text()).includes("上传附件")');
  });

  it("a template edit with an unknown placeholder is refused and nothing is saved", async () => {
    const admin = await t.login("admin2");
    const key = encodeURIComponent("reply:results.not_disclosed.third_party_rights");
    await admin.get(`/admin/letter-templates/${key}`);
    const res = await admin.post(`/admin/letter-templates/${key}`, {
      action: "save",
      title: "政府信息不予公开告知书",
      body: "{申请人}:\n本机关认为{申请人姓名}的申请……\n{救济途径}",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.ok(
      html.includes("未知的占位符:{申请人姓名}"),
      'html.includes("未知的占位符:{申请人姓名}")',
    );
    const rows = await t.t.db.selectFrom("letter_templates").selectAll().execute();
    assert.equal(rows.length, 0);
  });

  it("an administrator previews and saves a template; the next letter uses it and the edit is audited", async () => {
    const admin = await t.login("admin2");
    const key = encodeURIComponent("reply:results.not_disclosed.third_party_rights");
    const body =
      "{申请人}:\n经审查,依据{依据条款},本机关决定不予公开。\n{理由}\n{救济途径}\n特此告知。";
    await admin.get(`/admin/letter-templates/${key}`);
    const preview = await admin.post(`/admin/letter-templates/${key}`, {
      action: "preview",
      title: "不予公开告知书(修订)",
      body,
    });
    assert.equal(preview.status, 200);
    const previewHtml = await preview.text();
    assert.ok(previewHtml.includes("张某某"), "the preview uses made-up data");
    assert.ok(previewHtml.includes("第十五条"), 'previewHtml.includes("第十五条")');
    const saved = await admin.post(`/admin/letter-templates/${key}`, {
      action: "save",
      title: "不予公开告知书(修订)",
      body,
    });
    assert.equal(saved.status, 303);
    const docx = await officer.get(`/admin/applications/${caseId}/letters/reply.docx`);
    const text = textOf(await documentXml(await docx.arrayBuffer()));
    assert.ok(text.includes(chinesePunctuation("不予公开告知书(修订)")), "the saved title is used");
    assert.ok(text.includes("第十五条"), "the citation is kept");
    const audit = await t.t.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "letter_template.update")
      .execute();
    assert.equal(audit.length, 1);
    assert.ok(
      audit[0]!.detail.includes("保护第三方合法权益"),
      'audit[0]!.detail.includes("保护第三方合法权益")',
    );
  });

  it("only an administrator may edit templates", async () => {
    const res = await officer.get("/admin/letter-templates");
    assert.equal(res.status, 403);
  });

  it("every reply result has a letter that renders for a case, without unknown placeholders", async () => {
    const open = await registerCase(t, actor, "2025-03-18");
    const { REPLY_RESULT_KEYS } = await import("../results");
    const { buildCaseLetter } = await import("./letter-service");
    const { writeLetterDocx } = await import("./docx-writer");
    const { applicationKeys } = await import("../applicant-data");
    for (const result of REPLY_RESULT_KEYS) {
      const letter = await buildCaseLetter(
        t.t.db,
        open.id,
        { kind: "reply", result, format: "docx" },
        {
          actor,
          keys: applicationKeys(t.config.secret),
          organisation: "县市场监督管理局",
          now: t.now(),
        },
      );
      const text = textOf(await documentXml(await writeLetterDocx(letter)));
      assert.ok(!/[{}]/.test(text), `${result} leaves a placeholder`);
      assert.ok(text.includes(PERSON.name) && text.includes("六个月"), result);
    }
  });

  it("the casework panel for the case page links the letters and the appeals", async () => {
    const { loadCaseworkPanel, CaseworkPanel } = await import("../casework-panel");
    const { getCaseView } = await import("../service");
    const view = await getCaseView(t.t.db, caseId, t.now());
    const model = await loadCaseworkPanel(t.t.db, view, { roles: ["applicationOfficer"] });
    const html = (await (<CaseworkPanel {...model} />).toString()) as string;
    assert.ok(
      html.includes(`/admin/applications/${caseId}/letters/receipt.docx`),
      "html.includes(`/admin/applications/{caseId}/letters/receipt.docx`)",
    );
    assert.ok(
      html.includes(`/admin/applications/${caseId}/letters/reply`),
      "html.includes(`/admin/applications/{caseId}/letters/reply`)",
    );
    assert.ok(
      html.includes(`/admin/applications/${caseId}/appeals`),
      "html.includes(`/admin/applications/{caseId}/appeals`)",
    );
    const forSigner = await loadCaseworkPanel(t.t.db, view, { roles: ["approver"] });
    assert.equal(forSigner.letters, null, "letters are for the 经办人 only");
  });

  it("the application number appears on the letters page", async () => {
    const html = await (await officer.get(`/admin/applications/${caseId}/letters`)).text();
    assert.ok(html.includes(applicationNo), "html.includes(applicationNo)");
    assert.ok(
      html.includes(`/admin/applications/${caseId}/letters/reply.docx`),
      "html.includes(`/admin/applications/{caseId}/letters/reply.docx`)",
    );
  });
});
