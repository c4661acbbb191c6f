import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkRoleSeparation, isRole, type Role, roleLabels, roles } from "./roles";

describe("roles", () => {
  it("there are exactly the six back-office roles, each with a Chinese label", () => {
    assert.deepEqual(
      roles.map((r) => roleLabels[r]),
      ["信息员", "审核人", "签发人", "依申请公开经办人", "系统管理员", "审计员"],
    );
  });

  it("only the six role names are roles", () => {
    assert.equal(isRole("applicationOfficer"), true);
    assert.equal(isRole("superuser"), false);
    assert.equal(isRole("Admin"), false);
  });

  it("one account cannot be both 系统管理员 and 审计员 (三员分立)", () => {
    assert.match(checkRoleSeparation(["admin", "auditor"]) ?? "", /三员分立/);
    assert.match(checkRoleSeparation(["editor", "auditor", "reviewer", "admin"]) ?? "", /三员分立/);
  });

  it("every other combination of roles is allowed", () => {
    const others = roles.filter((r) => r !== "admin" && r !== "auditor");
    assert.equal(checkRoleSeparation([...others, "admin"]), null);
    assert.equal(checkRoleSeparation([...others, "auditor"]), null);
    assert.equal(checkRoleSeparation([]), null);
    for (const r of roles) assert.equal(checkRoleSeparation([r] as Role[]), null, r);
  });
});
