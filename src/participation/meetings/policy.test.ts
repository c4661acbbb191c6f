import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Role } from "../../accounts/roles";
import {
  canDraftMeetings,
  canPublishMeetingSteps,
  canRevealSignups,
  publishRefusal,
} from "./policy";

const user = (id: number, ...roles: Role[]) => ({ id, roles });

describe("meeting policy", () => {
  it("the 信息员 drafts; nobody else does", () => {
    assert.equal(canDraftMeetings(user(1, "editor")), true);
    for (const role of [
      "reviewer",
      "approver",
      "admin",
      "auditor",
      "applicationOfficer",
    ] as Role[]) {
      assert.equal(canDraftMeetings(user(1, role)), false, role);
    }
  });

  it("a 审核人 publishes another's draft, never their own; a 信息员 cannot publish", () => {
    assert.equal(publishRefusal(user(2, "reviewer"), { createdBy: 1 }), null);
    assert.match(publishRefusal(user(2, "editor", "reviewer"), { createdBy: 2 }) ?? "", /自己起草/);
    assert.match(publishRefusal(user(1, "editor"), { createdBy: 2 }) ?? "", /只有审核人/);
  });

  it("the seed, draw and minutes are published by a 审核人", () => {
    assert.equal(canPublishMeetingSteps(user(2, "reviewer")), true);
    assert.equal(canPublishMeetingSteps(user(1, "editor")), false);
    assert.equal(canPublishMeetingSteps(user(3, "admin")), false);
  });

  it("only those who contact people see a sign-up in full; not the admin or auditor", () => {
    assert.equal(canRevealSignups(user(1, "editor")), true);
    assert.equal(canRevealSignups(user(2, "reviewer")), true);
    assert.equal(canRevealSignups(user(3, "admin")), false);
    assert.equal(canRevealSignups(user(4, "auditor")), false);
  });
});
