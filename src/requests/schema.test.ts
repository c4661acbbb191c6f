import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { z } from "zod";
import { fieldErrors } from "../http/api";
import { creditCodeProblem, emailProblem, phoneProblem, residentIdProblem } from "./identity";
import {
  applicationApiBodySchema,
  onlineApplicationSchema,
  staffApplicationSchema,
} from "./schema";
import { buildApplicationInput } from "./test-fixtures";

function errorsOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe("identity checks", () => {
  it("accepts a resident ID with the right check digit, including X", () => {
    assert.equal(residentIdProblem("410122198512041233"), null);
    assert.equal(residentIdProblem("11010519491231002X"), null);
  });

  it("refuses a wrong check digit, a wrong length and an impossible birth date", () => {
    assert.match(residentIdProblem("410122198512041234")!, /校验位不正确/);
    assert.match(residentIdProblem("41012219851204123")!, /18位/);
    assert.match(residentIdProblem("410122198502301233")!, /出生日期/);
  });

  it("checks the 统一社会信用代码 check character", () => {
    assert.equal(creditCodeProblem("91350100M000100Y43"), null);
    assert.match(creditCodeProblem("91350100M000100Y44")!, /校验位/);
    assert.match(creditCodeProblem("91350100M000100YI3")!, /不含I、O、Z、S、V/);
  });

  it("takes mobile numbers and landlines with area code, and plain e-mail addresses", () => {
    assert.equal(phoneProblem("13812345678"), null);
    assert.equal(phoneProblem("0371-12345678"), null);
    assert.match(phoneProblem("1381234567")!, /11位手机号码/);
    assert.equal(emailProblem("a@b.cn"), null);
    assert.match(emailProblem("a@b")!, /格式不正确/);
  });
});

describe("application schema", () => {
  it("accepts a complete natural person's application", () => {
    const parsed = onlineApplicationSchema.parse(buildApplicationInput());
    assert.equal(parsed.applicant.kind, "natural_person");
    assert.equal(parsed.wantsStatusMail, false);
  });

  it("lists every problem at once, including cross-field ones, in Chinese", () => {
    const errors = errorsOf(onlineApplicationSchema, {
      applicant: { kind: "natural_person", name: "", idType: "resident_id", idNumber: "123" },
      requestedInfo: {},
      deliveryForm: "email",
      deliveryRoute: "post",
    });
    assert.deepEqual(Object.keys(errors).sort(), [
      "applicant.address",
      "applicant.email",
      "applicant.idNumber",
      "applicant.name",
      "applicant.phone",
      "requestedInfo.description",
    ]);
    assert.match(errors["applicant.email"]!, /电子邮件/);
  });

  it("requires an organisation's kind to be one of the table 三 columns, and its credit code and contact", () => {
    const errors = errorsOf(
      onlineApplicationSchema,
      buildApplicationInput({
        applicant: { kind: "org_bank", name: "某公司", phone: "13812345678" },
      }),
    );
    assert.equal(errors["applicant.kind"], "请选择申请人类型");
    const org = errorsOf(
      onlineApplicationSchema,
      buildApplicationInput({
        applicant: {
          kind: "org_commercial",
          name: "某公司",
          phone: "13812345678",
          address: "某地",
        },
      }),
    );
    assert.ok(org["applicant.creditCode"]);
    assert.ok(org["applicant.contactPerson"]);
  });

  it("lets staff register an incomplete letter (a 补正 follows) but still checks what is given", () => {
    const input = buildApplicationInput({
      applicant: { kind: "natural_person", name: "王五" },
      channel: "mail_signed",
      deliveryRoute: "pickup",
    });
    assert.deepEqual(errorsOf(staffApplicationSchema, input), {});
    const bad = buildApplicationInput({
      applicant: {
        kind: "natural_person",
        name: "王五",
        idType: "resident_id",
        idNumber: "410122198512041234",
      },
      channel: "fax",
    });
    assert.match(errorsOf(staffApplicationSchema, bad)["applicant.idNumber"]!, /校验位/);
  });

  it("applies the public rules to an API body without a channel and the staff rules with one", () => {
    const partial = buildApplicationInput({
      applicant: { kind: "natural_person", name: "王五" },
      deliveryRoute: "pickup",
    });
    assert.ok(errorsOf(applicationApiBodySchema, partial)["applicant.idNumber"]);
    assert.deepEqual(errorsOf(applicationApiBodySchema, { ...partial, channel: "in_person" }), {});
  });
});
