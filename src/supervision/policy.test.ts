import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Role } from "../accounts/roles";
import {
  allowedUnitFilter,
  canEditWeights,
  canManageTasks,
  canReportOn,
  canViewAssessment,
  isSupervisionOffice,
  scopeOf,
} from "./policy";

const ROOT = 1;
const user = (roles: Role[], unitId = ROOT) => ({ id: 9, roles, unitId });

describe("supervision policy", () => {
  it("the office is a reviewer or approver of the root unit", () => {
    assert.equal(isSupervisionOffice(user(["reviewer"]), ROOT), true);
    assert.equal(isSupervisionOffice(user(["approver"]), ROOT), true);
    assert.equal(isSupervisionOffice(user(["editor"]), ROOT), false);
    assert.equal(isSupervisionOffice(user(["reviewer"], 5), ROOT), false);
  });

  it("the office and the auditor see all units, a unit's staff their own, others nothing", () => {
    assert.deepEqual(scopeOf(user(["reviewer"]), ROOT), { kind: "all" });
    assert.deepEqual(scopeOf(user(["auditor"], 5), ROOT), { kind: "all" });
    assert.deepEqual(scopeOf(user(["editor"], 5), ROOT), { kind: "unit", unitId: 5 });
    assert.deepEqual(scopeOf(user(["reviewer"], 5), ROOT), { kind: "unit", unitId: 5 });
    assert.deepEqual(scopeOf(user(["editor"]), ROOT), { kind: "unit", unitId: ROOT });
    assert.equal(scopeOf(user(["admin"]), ROOT), null);
    assert.equal(scopeOf(user(["applicationOfficer"]), ROOT), null);
  });

  it("a unit's staff cannot widen the filter to another unit", () => {
    assert.deepEqual(allowedUnitFilter({ kind: "unit", unitId: 5 }, 7), { unitId: 5 });
    assert.deepEqual(allowedUnitFilter({ kind: "unit", unitId: 5 }, undefined), { unitId: 5 });
    assert.deepEqual(allowedUnitFilter({ kind: "all" }, 7), { unitId: 7 });
    assert.deepEqual(allowedUnitFilter({ kind: "all" }, undefined), { unitId: undefined });
    assert.equal(allowedUnitFilter(null, 7), null);
  });

  it("only the office manages tasks; the assigned unit's editor or reviewer reports on them", () => {
    assert.equal(canManageTasks(user(["reviewer"]), ROOT), true);
    assert.equal(canManageTasks(user(["auditor"]), ROOT), false);
    assert.equal(canManageTasks(user(["reviewer"], 5), ROOT), false);
    assert.equal(canReportOn(user(["editor"], 5), 5, ROOT), true);
    assert.equal(canReportOn(user(["reviewer"], 5), 5, ROOT), true);
    assert.equal(canReportOn(user(["editor"], 5), 6, ROOT), false);
    assert.equal(canReportOn(user(["auditor"], 5), 5, ROOT), false);
    assert.equal(canReportOn(user(["approver"]), 6, ROOT), true);
  });

  it("weights are the administrator's; the assessment is the office's and the auditor's", () => {
    assert.equal(canEditWeights(user(["admin"])), true);
    assert.equal(canEditWeights(user(["reviewer"])), false);
    assert.equal(canViewAssessment(user(["auditor"], 5), ROOT), true);
    assert.equal(canViewAssessment(user(["approver"]), ROOT), true);
    assert.equal(canViewAssessment(user(["editor"], 5), ROOT), false);
  });
});
