// The public application form: validation with every error tied to its field, the human check,
// organisations, the optional ID scan, and personal data stored only as ciphertext.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { makePng } from "../platform/files/test-files";
import { fileOnline, PERSON, personFormFields, solveHumanCheck } from "./test-fixtures";

describe("public application form", () => {
  let t: TestApp;
  const advance = (ms: number) => t.setNow(new Date(t.now().getTime() + ms).toISOString());

  before(async () => {
    t = await createTestApp({ start: "2025-03-03T02:00:00Z" });
  });
  after(() => t.close());

  it("shows both applicant fieldsets with a radio, and a text question instead of a captcha image", async () => {
    const html = await (await t.browser().get("/applications/new")).text();
    assert.match(html, /<legend>自然人填写<\/legend>/);
    assert.match(html, /<legend>法人或其他组织填写<\/legend>/);
    assert.match(html, /type="radio" name="applicantType" value="natural_person"/);
    assert.match(
      html,
      /<label for="f-hc_answer">[一二三四五六七八九]+(加|减)[一二三四五六七八九]+等于几\?请填写阿拉伯数字/,
    );
    assert.ok(!/<img/.test(html));
    assert.match(html, /enctype="multipart\/form-data"/);
  });

  it("re-renders with every field error tied to its field and a summary at the top", async () => {
    const browser = t.browser();
    await browser.get("/applications/new");
    advance(5000);
    const res = await browser.post("/applications/new", {
      applicantType: "natural_person",
      personIdType: "resident_id",
      personIdNumber: "410122198512041234",
      personPhone: "12345",
      personEmail: "not-an-email",
      deliveryForm: "email",
      deliveryRoute: "post",
      hc_answer: "999",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /class="error-summary" role="alert"/);
    const expected: Record<string, RegExp> = {
      personName: /请填写申请人姓名或名称/,
      personIdNumber: /校验位不正确/,
      personPhone: /11位手机号码/,
      personEmail: /电子邮箱格式不正确/,
      personAddress: /选择邮寄的,请填写通信地址/,
      infoDescription: /至少填写/,
      hc_answer: /验证问题/,
    };
    for (const [field, message] of Object.entries(expected)) {
      assert.match(html, new RegExp(`href="#f-${field}"`), `summary links to ${field}`);
      const error = new RegExp(`id="f-${field}-error">错误:([^<]*)<`).exec(html);
      assert.ok(error, `error shown at ${field}`);
      assert.match(error[1]!, message);
      assert.match(
        html,
        new RegExp(`id="f-${field}"[^>]*aria-describedby="[^"]*f-${field}-error`),
        `${field} described by its error`,
      );
    }
    assert.match(html, /value="12345"/, "values are kept");
    assert.ok(!html.includes("410122198512041234") || html.includes('value="410122198512041234"'));
  });

  it("refuses a post without the human check, with a filled honeypot, and a token used twice", async () => {
    const browser = t.browser();
    const form = await (await browser.get("/applications/new")).text();
    advance(5000);
    const noCheck = await browser.post("/applications/new", personFormFields());
    assert.equal(noCheck.status, 400);
    const solved = solveHumanCheck(form);
    const trap = await browser.post("/applications/new", {
      ...personFormFields(),
      ...solved,
      hc_website: "x",
    });
    assert.equal(trap.status, 400);
    const form2 = await (await browser.get("/applications/new")).text();
    advance(5000);
    const fresh = solveHumanCheck(form2);
    assert.equal(
      (await browser.post("/applications/new", { ...personFormFields(), ...fresh })).status,
      303,
    );
    const replay = await browser.post("/applications/new", { ...personFormFields(), ...fresh });
    assert.equal(replay.status, 400);
    assert.match(await replay.text(), /已使用过/);
  });

  it("refuses a form sent faster than a person can fill it", async () => {
    const browser = t.browser();
    const form = await (await browser.get("/applications/new")).text();
    const res = await browser.post("/applications/new", {
      ...personFormFields(),
      ...solveHumanCheck(form),
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /提交过快/);
  });

  it("files an organisation's application under its table 三 column", async () => {
    const { number } = await fileOnline(t.browser(), advance, {
      applicantType: "organisation",
      orgKind: "org_legal_service",
      orgName: "河南某某律师事务所",
      orgCreditCode: "91350100M000100Y43",
      orgContactPerson: "李四",
      orgPhone: "0371-12345678",
      infoDocNo: "某市监〔2024〕12号",
      deliveryForm: "email",
      deliveryRoute: "email",
      orgEmail: "office@lawfirm.example",
    });
    const row = await t.t.db
      .selectFrom("applications")
      .selectAll()
      .where("application_no", "=", number)
      .executeTakeFirstOrThrow();
    assert.equal(row.applicant_kind, "org_legal_service");
    assert.equal(row.applicant_display_name, "河南某某律师事务所");
    assert.equal(row.org_credit_code, "91350100M000100Y43");
    assert.equal(row.id_document_enc, null);
    assert.ok(row.contact_person_enc?.startsWith("v1:"));
  });

  it("keeps an uploaded ID scan and refuses a file that is not an image or PDF", async () => {
    const browser = t.browser();
    const form = await (await browser.get("/applications/new")).text();
    advance(5000);
    const bad = new FormData();
    for (const [k, v] of Object.entries({ ...personFormFields(), ...solveHumanCheck(form) }))
      bad.set(k, v);
    bad.set(
      "idScan",
      new File([new TextEncoder().encode("#!/bin/sh\necho hi\n")], "id.png", { type: "image/png" }),
    );
    const refused = await browser.post("/applications/new", bad);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /id="f-idScan-error"/);

    const form2 = await (await browser.get("/applications/new")).text();
    advance(5000);
    const good = new FormData();
    for (const [k, v] of Object.entries({ ...personFormFields(), ...solveHumanCheck(form2) }))
      good.set(k, v);
    good.set("idScan", new File([makePng()], "身份证.png", { type: "image/png" }));
    const res = await browser.post("/applications/new", good);
    assert.equal(res.status, 303);
    const html = await (await browser.get("/applications/submitted")).text();
    const number = /YSQ-\d{4}-\d{5}/.exec(html)![0];
    const row = await t.t.db
      .selectFrom("applications")
      .selectAll()
      .where("application_no", "=", number)
      .executeTakeFirstOrThrow();
    assert.ok(row.id_scan_file_id);
  });

  it("stores personal data only as ciphertext, with masked copies for lists", async () => {
    const { number } = await fileOnline(t.browser(), advance);
    const row = await t.t.db
      .selectFrom("applications")
      .selectAll()
      .where("application_no", "=", number)
      .executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    for (const value of Object.values(PERSON))
      assert.ok(!raw.includes(value), `row holds ${value} in plain text`);
    for (const column of [
      "applicant_name_enc",
      "id_document_enc",
      "phone_enc",
      "email_enc",
      "address_enc",
    ] as const) {
      assert.match(row[column] ?? "", /^v1:[A-Za-z0-9+/=]+$/, `${column} is ciphertext`);
    }
    assert.equal(row.applicant_display_name, "张*丰");
    assert.equal(row.id_number_masked, "4101**********1233");
    assert.equal(row.phone_masked, "138****5678");
    assert.equal(row.phase, "awaiting_confirmation");
    assert.match(row.query_code_hash, /^[0-9a-f]{64}$/);
  });
});
