import assert from "node:assert/strict";
import { it } from "node:test";
import { roles } from "../accounts/roles";
import { canManageUnits } from "./policy";

it("only the 系统管理员 manages the unit tree", () => {
  const managers = roles.filter((r) => canManageUnits({ roles: [r] }));
  assert.deepEqual(managers, ["admin"]);
  assert.equal(canManageUnits({ roles: ["editor", "admin"] }), true);
  assert.equal(canManageUnits({ roles: [] }), false);
});
