import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Role } from "../accounts/roles";
import {
  canDraftFor,
  canEditSettings,
  canModerate,
  canOpenConsultation,
  canPublishFeedback,
} from "./policy";

const actor = (roles: Role[], unitId = 1) => ({ id: 1, name: "x", ip: "-", roles, unitId });

describe("participation policy", () => {
  it("an editor drafts only for their own unit; a reviewer for any", () => {
    assert.equal(canDraftFor(actor(["editor"], 2), 2), true);
    assert.equal(canDraftFor(actor(["editor"], 2), 3), false);
    assert.equal(canDraftFor(actor(["reviewer"], 2), 3), true);
    assert.equal(canDraftFor(actor(["approver"], 2), 2), false);
  });

  it("only a reviewer opens consultations and publishes feedback", () => {
    assert.equal(canOpenConsultation(actor(["editor"])), false);
    assert.equal(canOpenConsultation(actor(["reviewer"])), true);
    assert.equal(canPublishFeedback(actor(["editor", "admin"])), false);
    assert.equal(canPublishFeedback(actor(["reviewer"])), true);
  });

  it("editors and reviewers moderate; only an admin edits settings", () => {
    assert.equal(canModerate(actor(["editor"])), true);
    assert.equal(canModerate(actor(["auditor"])), false);
    assert.equal(canEditSettings(actor(["admin"])), true);
    assert.equal(canEditSettings(actor(["reviewer"])), false);
  });
});
