import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unitManagerRoles } from "../org/policy";
import { backOfficeNav } from "../ui/back-office-nav";
import {
  canHoldApiTokens,
  canManageUsers,
  canRevokeApiToken,
  canSeeAllApiTokens,
  checkOwnAccountChange,
  tokenHolderRoles,
  userManagerRoles,
} from "./policy";

const admin = { id: 1, roles: ["admin"] as const };
const editor = { id: 2, roles: ["editor"] as const };
const auditor = { id: 3, roles: ["auditor"] as const };

describe("account policy", () => {
  it("only the 系统管理员 manages accounts", () => {
    assert.equal(canManageUsers(admin), true);
    assert.equal(canManageUsers(editor), false);
    assert.equal(canManageUsers(auditor), false);
  });

  it("working roles hold API tokens; the 审计员 alone does not", () => {
    assert.equal(canHoldApiTokens(editor), true);
    assert.equal(canHoldApiTokens(admin), true);
    assert.equal(canHoldApiTokens(auditor), false);
  });

  it("a person revokes their own tokens; the 系统管理员 revokes anyone's", () => {
    assert.equal(canRevokeApiToken(editor, editor.id), true);
    assert.equal(canRevokeApiToken(editor, admin.id), false);
    assert.equal(canRevokeApiToken(admin, editor.id), true);
    assert.equal(canSeeAllApiTokens(editor), false);
    assert.equal(canSeeAllApiTokens(admin), true);
  });

  it("an administrator cannot drop their own admin role or deactivate themselves", () => {
    assert.match(checkOwnAccountChange(admin, admin.id, { roles: ["editor"] }) ?? "", /系统管理员/);
    assert.match(checkOwnAccountChange(admin, admin.id, { deactivate: true }) ?? "", /停用/);
    assert.equal(checkOwnAccountChange(admin, admin.id, { roles: ["admin", "editor"] }), null);
  });

  it("an administrator may drop the admin role of, or deactivate, someone else", () => {
    assert.equal(checkOwnAccountChange(admin, 9, { roles: ["editor"] }), null);
    assert.equal(checkOwnAccountChange(admin, 9, { deactivate: true }), null);
  });
});

describe("back-office menu", () => {
  it("the menu offers 用户管理, 单位管理 and 访问令牌 to exactly the roles the pages admit", () => {
    const navRoles = (href: string) => backOfficeNav.find((i) => i.href === href)?.roles;
    assert.deepEqual(navRoles("/admin/users"), userManagerRoles);
    assert.deepEqual(navRoles("/admin/units"), unitManagerRoles);
    assert.deepEqual(navRoles("/admin/tokens"), tokenHolderRoles);
  });
});
