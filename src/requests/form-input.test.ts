import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applicationInputFromForm, formErrorsOf } from "./form-input";

describe("application form mapping", () => {
  it("reads the fieldset the radio chose and ignores the other", () => {
    const input = applicationInputFromForm({
      applicantType: "organisation",
      personName: "不该用",
      orgKind: "org_research",
      orgName: "某研究所",
      orgPhone: "0371-12345678",
      infoName: "名称",
      deliveryForm: "paper",
      deliveryRoute: "pickup",
      wantsStatusMail: "1",
    }) as { applicant: Record<string, unknown>; wantsStatusMail: boolean };
    assert.equal(input.applicant.kind, "org_research");
    assert.equal(input.applicant.name, "某研究所");
    assert.equal(input.applicant.phone, "0371-12345678");
    assert.equal(input.wantsStatusMail, true);
  });

  it("maps errors back to the fields of the chosen fieldset", () => {
    const errors = {
      "applicant.name": "请填写",
      "applicant.kind": "请选择",
      "requestedInfo.description": "至少一项",
    };
    assert.deepEqual(formErrorsOf(errors, { applicantType: "organisation" }), {
      orgName: "请填写",
      orgKind: "请选择",
      infoDescription: "至少一项",
    });
    assert.deepEqual(Object.keys(formErrorsOf(errors, {})).sort(), [
      "applicantType",
      "infoDescription",
      "personName",
    ]);
  });
});
