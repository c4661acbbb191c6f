import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Role } from "../accounts/roles";
import type { RecordState } from "./tables";
import { RECORD_STATES } from "./vocabulary";
import {
  decide,
  type ReviewForm,
  ridersOf,
  transitionsFrom,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowInput,
} from "./workflow";

const DRAFTER = 1;
const OTHER = 2;
const NOW = "2025-03-03T02:00:00.000Z";
const everyRole: Role[] = ["editor", "reviewer", "approver", "admin"];
const publishableReview: ReviewForm = {
  isClassified: false,
  involvesPrivacyOrTradeSecret: false,
  disclosureAttribute: "proactive",
  legalReason: "",
};

/** A request that passes every check except the state one, unless overridden. */
function input(
  state: RecordState,
  action: WorkflowAction,
  overrides: Partial<WorkflowInput> = {},
): WorkflowInput {
  return {
    action,
    actor: { id: action === "publish_scheduled" ? null : OTHER, roles: everyRole },
    record: {
      state,
      createdBy: DRAFTER,
      review: publishableReview,
      needsInterpretation: false,
      scheduledAt: "2025-03-03T01:00:00.000Z",
    },
    interpretations: [],
    policyState: null,
    review: publishableReview,
    comment: "理由",
    publishAt: "2025-03-04T01:00:00.000Z",
    now: NOW,
    ...overrides,
  };
}

const expected: Record<RecordState, Partial<Record<WorkflowAction, RecordState>>> = {
  draft: { save: "draft", submit: "in_review" },
  in_review: { approve: "awaiting_signoff", reject: "draft" },
  awaiting_signoff: { sign: "published", schedule: "scheduled", reject: "draft" },
  scheduled: {
    sign: "published",
    schedule: "scheduled",
    publish_scheduled: "published",
    reject: "draft",
  },
  published: { withdraw: "withdrawn" },
  withdrawn: {},
};

describe("workflow: every action from every state", () => {
  for (const state of RECORD_STATES) {
    for (const action of WORKFLOW_ACTIONS) {
      const next = expected[state][action];
      it(`${action} from ${state} ${next ? `leads to ${next}` : "is refused as a conflict"}`, () => {
        const decision = decide(input(state, action));
        if (next) assert.deepEqual(decision, { ok: true, next });
        else {
          assert.equal(decision.ok, false);
          assert.equal(!decision.ok && decision.code, "conflict");
          assert.match(!decision.ok ? decision.message : "", /状态的信息不能/);
        }
      });
    }
  }

  it("transitionsFrom lists exactly the allowed actions of each state", () => {
    for (const state of RECORD_STATES) assert.deepEqual(transitionsFrom(state), expected[state]);
  });
});

function refusal(i: WorkflowInput) {
  const d = decide(i);
  assert.equal(d.ok, false, "expected a refusal");
  return d as Extract<typeof d, { ok: false }>;
}

const as = (id: number | null, ...roles: Role[]) => ({ actor: { id, roles } });

describe("workflow: nobody approves or signs what they drafted", () => {
  it("a drafter with all roles cannot approve their own record", () => {
    const r = refusal(input("in_review", "approve", as(DRAFTER, ...everyRole)));
    assert.equal(r.code, "forbidden");
    assert.match(r.message, /不能审核自己起草/);
  });

  it("a drafter with all roles cannot sign or schedule their own record", () => {
    for (const action of ["sign", "schedule"] as const) {
      const r = refusal(input("awaiting_signoff", action, as(DRAFTER, ...everyRole)));
      assert.equal(r.code, "forbidden");
      assert.match(r.message, /不能签发自己起草/);
    }
  });

  it("a drafter may still send their own record back or withdraw it", () => {
    assert.equal(decide(input("in_review", "reject", as(DRAFTER, "reviewer"))).ok, true);
    assert.equal(decide(input("published", "withdraw", as(DRAFTER, "approver"))).ok, true);
  });
});

describe("workflow: roles", () => {
  const cases: [RecordState, WorkflowAction, Role, boolean][] = [
    ["draft", "save", "editor", true],
    ["draft", "save", "reviewer", false],
    ["draft", "submit", "editor", true],
    ["draft", "submit", "approver", false],
    ["in_review", "approve", "reviewer", true],
    ["in_review", "approve", "editor", false],
    ["in_review", "approve", "approver", false],
    ["in_review", "reject", "reviewer", true],
    ["in_review", "reject", "approver", false],
    ["awaiting_signoff", "reject", "approver", true],
    ["awaiting_signoff", "reject", "reviewer", false],
    ["awaiting_signoff", "sign", "approver", true],
    ["awaiting_signoff", "sign", "reviewer", false],
    ["awaiting_signoff", "schedule", "approver", true],
    ["awaiting_signoff", "schedule", "admin", false],
    ["scheduled", "reject", "approver", true],
    ["published", "withdraw", "approver", true],
    ["published", "withdraw", "admin", true],
    ["published", "withdraw", "editor", false],
    ["published", "withdraw", "reviewer", false],
  ];
  for (const [state, action, role, allowed] of cases) {
    it(`${role} ${allowed ? "may" : "may not"} ${action} from ${state}`, () => {
      const d = decide(input(state, action, as(OTHER, role)));
      assert.equal(d.ok, allowed);
      if (!d.ok) assert.equal(d.code, "forbidden");
    });
  }

  it("publishing a scheduled record is the system's, not a person's", () => {
    assert.equal(
      refusal(input("scheduled", "publish_scheduled", as(OTHER, ...everyRole))).code,
      "forbidden",
    );
  });
});

describe("workflow: reasons, review and time", () => {
  it("reject and withdraw need a reason", () => {
    for (const [state, action] of [
      ["in_review", "reject"],
      ["published", "withdraw"],
    ] as const) {
      const r = refusal(input(state, action, { comment: "  " }));
      assert.equal(r.code, "validation");
      assert.equal(r.field, "comment");
    }
  });

  it("approve needs the confidentiality review form", () => {
    const r = refusal(input("in_review", "approve", { review: null }));
    assert.deepEqual([r.code, r.field], ["validation", "review"]);
  });

  it("a classified record cannot be approved for publication", () => {
    const review = {
      ...publishableReview,
      isClassified: true,
      disclosureAttribute: "notDisclosed" as const,
    };
    const r = refusal(input("in_review", "approve", { review }));
    assert.equal(r.code, "conflict");
    assert.match(r.message, /国家秘密/);
  });

  it("a record whose disclosure attribute is not 主动公开 cannot be published", () => {
    const review = {
      ...publishableReview,
      disclosureAttribute: "onApplication" as const,
      legalReason: "x",
    };
    assert.match(refusal(input("in_review", "approve", { review })).message, /依申请公开/);
    const record = { ...input("awaiting_signoff", "sign").record, review };
    assert.match(refusal(input("awaiting_signoff", "sign", { record })).message, /依申请公开/);
    const scheduled = { ...record, state: "scheduled" as const };
    assert.equal(
      refusal(input("scheduled", "publish_scheduled", { record: scheduled })).code,
      "conflict",
    );
  });

  it("a record without a stored review cannot be signed", () => {
    const record = { ...input("awaiting_signoff", "sign").record, review: null };
    assert.match(refusal(input("awaiting_signoff", "sign", { record })).message, /保密审查/);
  });

  it("schedule needs a time in the future", () => {
    assert.equal(
      refusal(input("awaiting_signoff", "schedule", { publishAt: null })).field,
      "publishAt",
    );
    assert.equal(
      refusal(input("awaiting_signoff", "schedule", { publishAt: NOW })).field,
      "publishAt",
    );
  });

  it("a scheduled record is not published before its time", () => {
    const record = {
      ...input("scheduled", "publish_scheduled").record,
      scheduledAt: "2025-03-04T00:00:00.000Z",
    };
    assert.match(refusal(input("scheduled", "publish_scheduled", { record })).message, /尚未到/);
  });
});

describe("workflow: interpretation released with its policy", () => {
  const policy = (state: RecordState) => ({
    ...input(state, "save").record,
    needsInterpretation: true,
  });
  const interp = (state: RecordState, createdBy = 3) => ({
    state,
    createdBy,
    review: publishableReview,
  });

  it("a policy needing interpretation is submitted only after its interpretation is in review", () => {
    const base = { record: policy("draft") };
    assert.match(
      refusal(input("draft", "submit", { ...base, interpretations: [interp("draft")] })).message,
      /先将其政策解读送审/,
    );
    assert.equal(
      decide(input("draft", "submit", { ...base, interpretations: [interp("in_review")] })).ok,
      true,
    );
  });

  it("a policy needing interpretation is approved only after its interpretation is approved", () => {
    const base = { record: policy("in_review") };
    assert.equal(
      refusal(input("in_review", "approve", { ...base, interpretations: [interp("in_review")] }))
        .code,
      "conflict",
    );
    assert.equal(
      decide(
        input("in_review", "approve", { ...base, interpretations: [interp("awaiting_signoff")] }),
      ).ok,
      true,
    );
  });

  it("a policy needing interpretation cannot be signed alone", () => {
    const r = refusal(
      input("awaiting_signoff", "sign", {
        record: policy("awaiting_signoff"),
        interpretations: [],
      }),
    );
    assert.match(r.message, /不能单独签发/);
    const withDraft = { record: policy("awaiting_signoff"), interpretations: [interp("draft")] };
    assert.equal(refusal(input("awaiting_signoff", "sign", withDraft)).code, "conflict");
  });

  it("a policy is signed together with its approved interpretation", () => {
    const ready = {
      record: policy("awaiting_signoff"),
      interpretations: [interp("awaiting_signoff")],
    };
    assert.deepEqual(decide(input("awaiting_signoff", "sign", ready)), {
      ok: true,
      next: "published",
    });
  });

  it("the signer may not have drafted the interpretation released with the policy", () => {
    const ready = {
      record: policy("awaiting_signoff"),
      interpretations: [interp("awaiting_signoff", OTHER)],
    };
    assert.equal(refusal(input("awaiting_signoff", "sign", ready)).code, "forbidden");
  });

  it("an interpretation whose review forbids publication holds the policy back", () => {
    const bad = {
      ...interp("awaiting_signoff"),
      review: {
        ...publishableReview,
        disclosureAttribute: "notDisclosed" as const,
        legalReason: "x",
      },
    };
    const r = refusal(
      input("awaiting_signoff", "sign", {
        record: policy("awaiting_signoff"),
        interpretations: [bad],
      }),
    );
    assert.match(r.message, /随文发布的政策解读/);
  });

  it("an interpretation is signed with its policy, or alone once the policy is published", () => {
    assert.match(
      refusal(input("awaiting_signoff", "sign", { policyState: "awaiting_signoff" })).message,
      /同步签发/,
    );
    assert.match(
      refusal(input("awaiting_signoff", "sign", { policyState: "withdrawn" })).message,
      /已撤回/,
    );
    assert.equal(decide(input("awaiting_signoff", "sign", { policyState: "published" })).ok, true);
  });

  it("riders are the approved interpretations on signing and the scheduled ones when due", () => {
    const all = (["draft", "in_review", "awaiting_signoff", "scheduled", "published"] as const).map(
      (s) => interp(s),
    );
    assert.deepEqual(
      ridersOf("sign", all).map((i) => i.state),
      ["awaiting_signoff", "scheduled"],
    );
    assert.deepEqual(
      ridersOf("schedule", all).map((i) => i.state),
      ["awaiting_signoff", "scheduled"],
    );
    assert.deepEqual(
      ridersOf("publish_scheduled", all).map((i) => i.state),
      ["scheduled"],
    );
    assert.deepEqual(ridersOf("withdraw", all), []);
  });
});
