import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Role } from "../accounts/roles";
import { actionChoicesFor } from "./backoffice-policy";
import type { RecordState } from "./tables";
import type { ReviewForm } from "./workflow";

const review: ReviewForm = {
  isClassified: false,
  involvesPrivacyOrTradeSecret: false,
  disclosureAttribute: "proactive",
  legalReason: "",
};

function choices(
  state: RecordState,
  actor: { id: number; roles: Role[] },
  options: { createdBy?: number; review?: ReviewForm | null; needsInterpretation?: boolean } = {},
  openHits = 0,
) {
  const base = {
    actor,
    record: {
      state,
      createdBy: options.createdBy ?? 1,
      review: options.review ?? null,
      needsInterpretation: options.needsInterpretation ?? false,
      scheduledAt: null,
    },
    interpretations: [],
    policyState: null,
    now: "2025-03-03T02:00:00.000Z",
  };
  return Object.fromEntries(
    actionChoicesFor(base, openHits).map((c) => [c.action, c.unavailableBecause]),
  );
}

describe("actions offered on the record page", () => {
  it("a drafter submits their draft; nothing else is offered in a draft", () => {
    assert.deepEqual(choices("draft", { id: 1, roles: ["editor"] }), { submit: null });
  });

  it("open proofreading hits hold back submit, with the count", () => {
    assert.match(choices("draft", { id: 1, roles: ["editor"] }, {}, 2).submit!, /校对发现2处问题/);
  });

  it("a reviewer may approve or reject what someone else drafted", () => {
    assert.deepEqual(choices("in_review", { id: 2, roles: ["reviewer"] }), {
      approve: null,
      reject: null,
    });
  });

  it("a drafter holding every role is told why they cannot approve or sign their own record", () => {
    const all: Role[] = ["editor", "reviewer", "approver"];
    assert.match(choices("in_review", { id: 1, roles: all }).approve!, /不能审核自己起草的信息/);
    const signing = choices("awaiting_signoff", { id: 1, roles: all }, { review });
    assert.match(signing.sign!, /不能签发自己起草的信息/);
    assert.match(signing.schedule!, /不能签发自己起草的信息/);
    assert.equal(signing.reject, null, "sending back is not approving");
  });

  it("an editor sees that only a 审核人 may approve", () => {
    assert.match(choices("in_review", { id: 3, roles: ["editor"] }).approve!, /只有审核人可以审核/);
  });

  it("withdrawal of a published record is offered to a 签发人 and to a 系统管理员", () => {
    assert.deepEqual(choices("published", { id: 2, roles: ["approver"] }), { withdraw: null });
    assert.deepEqual(choices("published", { id: 2, roles: ["admin"] }), { withdraw: null });
    assert.match(choices("published", { id: 2, roles: ["reviewer"] }).withdraw!, /只有签发人/);
    assert.deepEqual(choices("withdrawn", { id: 2, roles: ["admin"] }), {});
  });

  it("a policy needing an interpretation cannot be submitted alone", () => {
    const c = choices("draft", { id: 1, roles: ["editor"] }, { needsInterpretation: true });
    assert.match(c.submit!, /请先将其政策解读送审/);
  });
});
