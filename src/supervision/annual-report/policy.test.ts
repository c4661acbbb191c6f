import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { roles } from "../../accounts/roles";
import { canEditAnnualReport, canViewAnnualReport } from "./policy";

describe("who may prepare and read the annual report", () => {
  it("only 审核人 and 签发人 prepare and finalise it", () => {
    for (const role of roles) {
      assert.equal(
        canEditAnnualReport({ roles: [role] }),
        role === "reviewer" || role === "approver",
        role,
      );
    }
  });

  it("the 审计员 may read it as well; editors, officers and administrators may not", () => {
    for (const role of roles) {
      assert.equal(
        canViewAnnualReport({ roles: [role] }),
        ["reviewer", "approver", "auditor"].includes(role),
        role,
      );
    }
  });
});
