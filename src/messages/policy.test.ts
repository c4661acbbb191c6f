import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Role } from "../accounts/roles";
import {
  canEditTemplates,
  canLinkConcerns,
  canRevealContact,
  canReview,
  canSeeMessages,
  canSetDeadlines,
  canSupervise,
  canTransfer,
  isOffice,
} from "./policy";

const ROOT = 1;
const UNIT = 2;
const u = (unitId: number, ...roles: Role[]) => ({ id: 9, unitId, roles });

describe("message policy", () => {
  test("the office is a reviewer or approver of the root unit, nobody else", () => {
    assert.equal(isOffice(u(ROOT, "reviewer"), ROOT), true);
    assert.equal(isOffice(u(ROOT, "approver"), ROOT), true);
    assert.equal(isOffice(u(ROOT, "editor"), ROOT), false);
    assert.equal(isOffice(u(ROOT, "admin"), ROOT), false);
    assert.equal(isOffice(u(UNIT, "reviewer"), ROOT), false);
  });
  test("督办 is the office's alone", () => {
    assert.equal(canSupervise(u(ROOT, "approver"), ROOT), true);
    assert.equal(canSupervise(u(UNIT, "reviewer", "approver"), ROOT), false);
  });
  test("转办: the office or the holding unit's editor or reviewer", () => {
    assert.equal(canTransfer(u(UNIT, "editor"), UNIT, ROOT), true);
    assert.equal(canTransfer(u(UNIT, "approver"), UNIT, ROOT), false);
    assert.equal(canTransfer(u(3, "editor"), UNIT, ROOT), false);
    assert.equal(canTransfer(u(UNIT, "editor"), null, ROOT), false);
  });
  test("review: the unit's reviewer or the office", () => {
    assert.equal(canReview(u(UNIT, "reviewer"), UNIT, ROOT), true);
    assert.equal(canReview(u(UNIT, "editor"), UNIT, ROOT), false);
    assert.equal(canReview(u(3, "reviewer"), UNIT, ROOT), false);
    assert.equal(canReview(u(ROOT, "approver"), UNIT, ROOT), true);
  });
  test("contact in clear: the office or the holding unit's staff; not the admin or auditor", () => {
    assert.equal(canRevealContact(u(ROOT, "reviewer"), null, ROOT), true);
    assert.equal(canRevealContact(u(UNIT, "editor"), UNIT, ROOT), true);
    assert.equal(canRevealContact(u(UNIT, "editor"), null, ROOT), false);
    assert.equal(canRevealContact(u(ROOT, "admin"), null, ROOT), false);
    assert.equal(canRevealContact(u(ROOT, "auditor"), UNIT, ROOT), false);
  });
  test("lists, templates, deadlines and concern links", () => {
    assert.equal(canSeeMessages(u(UNIT, "applicationOfficer")), false);
    assert.equal(canSeeMessages(u(UNIT, "editor")), true);
    assert.equal(canEditTemplates(u(UNIT, "reviewer")), true);
    assert.equal(canEditTemplates(u(UNIT, "admin")), true);
    assert.equal(canEditTemplates(u(UNIT, "editor")), false);
    assert.equal(canSetDeadlines(u(UNIT, "admin")), true);
    assert.equal(canSetDeadlines(u(ROOT, "approver")), false);
    assert.equal(canLinkConcerns(u(UNIT, "editor")), true);
    assert.equal(canLinkConcerns(u(UNIT, "reviewer")), false);
  });
});
