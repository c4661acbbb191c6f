import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  canApproveExtension,
  canHandleApplications,
  canRevealApplicant,
  canSubmitEvent,
  canViewApplications,
} from "./policy";

const officer = { roles: ["applicationOfficer"] as const };
const approver = { roles: ["approver"] as const };
const editor = { roles: ["editor"] as const };
const admin = { roles: ["admin"] as const };

describe("application policy", () => {
  it("the officer and the approver see cases; editors and administrators do not", () => {
    assert.equal(canViewApplications(officer), true);
    assert.equal(canViewApplications(approver), true);
    assert.equal(canViewApplications(editor), false);
    assert.equal(canViewApplications(admin), false);
  });

  it("only the officer registers applications and records ordinary steps", () => {
    assert.equal(canHandleApplications(officer), true);
    assert.equal(canHandleApplications(approver), false);
    assert.equal(canSubmitEvent(officer, "reply"), true);
    assert.equal(canSubmitEvent(approver, "reply"), false);
  });

  it("only the approver approves an extension; an approver may submit one without being an officer", () => {
    assert.equal(canApproveExtension(approver), true);
    assert.equal(canApproveExtension(officer), false);
    assert.equal(canSubmitEvent(approver, "extend"), true);
    assert.equal(canSubmitEvent(editor, "extend"), false);
  });

  it("only the officer may see the applicant's full personal data", () => {
    assert.equal(canRevealApplicant(officer), true);
    assert.equal(canRevealApplicant(approver), false);
    assert.equal(canRevealApplicant(admin), false);
  });
});
