// The workflow of a record (条例第十七条: review before disclosure): 草稿 → 待审核 (保密审查 and
// content review) → 待签发 → 已发布 or 定时发布, any step back to 草稿, and 撤回 after publication.
// Pure: the caller loads the facts, this decides; every refusal is a Chinese sentence.
import type { Role } from "../accounts/roles";
import type { RecordState } from "./tables";
import {
  type DisclosureAttribute,
  disclosureAttributeLabels,
  recordStateLabels,
} from "./vocabulary";

export const WORKFLOW_ACTIONS = [
  "save",
  "submit",
  "approve",
  "reject",
  "sign",
  "schedule",
  "publish_scheduled",
  "withdraw",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const workflowActionLabels: Record<WorkflowAction, string> = {
  save: "保存",
  submit: "送审",
  approve: "审核通过",
  reject: "退回",
  sign: "签发",
  schedule: "定时发布",
  publish_scheduled: "到时发布",
  withdraw: "撤回",
};

/** The 保密审查 form the reviewer fills in (条例第十四条、第十五条、第十七条). */
export interface ReviewForm {
  /** 是否涉密 */
  isClassified: boolean;
  /** 是否涉及个人隐私或商业秘密 */
  involvesPrivacyOrTradeSecret: boolean;
  /** 公开属性 */
  disclosureAttribute: DisclosureAttribute;
  /** 法定理由: required unless the record is 主动公开 without privacy or trade secrets. */
  legalReason: string;
}

/** An interpretation of the record under decision, as far as the workflow needs it. */
export interface InterpretationFacts {
  state: RecordState;
  createdBy: number;
  review: ReviewForm | null;
}

export interface WorkflowInput {
  action: WorkflowAction;
  /** Who acts; `id: null` is the system (the scheduler publishing what is due). */
  actor: { id: number | null; roles: readonly Role[] };
  record: {
    state: RecordState;
    createdBy: number;
    /** The stored review (from the last approve). */
    review: ReviewForm | null;
    needsInterpretation: boolean;
    scheduledAt: string | null;
  };
  /** The record's own interpretations that are not withdrawn (empty for anything but a policy). */
  interpretations: readonly InterpretationFacts[];
  /** For an interpretation of a record here: that record's state; otherwise null. */
  policyState: RecordState | null;
  /** The review form sent with approve. */
  review?: ReviewForm | null;
  /** The reason sent with reject and withdraw. */
  comment?: string;
  /** ISO instant the approver chose for schedule. */
  publishAt?: string | null;
  /** The current ISO instant (for schedule and publish_scheduled). */
  now: string;
}

export type Refusal = {
  ok: false;
  code: "conflict" | "forbidden" | "validation";
  message: string;
  /** The input field at fault, for validation refusals. */
  field?: string;
};
export type Decision = { ok: true; next: RecordState } | Refusal;

/** The actions each state allows and where they lead, before any role or content check. */
export function transitionsFrom(state: RecordState): Partial<Record<WorkflowAction, RecordState>> {
  switch (state) {
    case "draft":
      return { save: "draft", submit: "in_review" };
    case "in_review":
      return { approve: "awaiting_signoff", reject: "draft" };
    case "awaiting_signoff":
      return { sign: "published", schedule: "scheduled", reject: "draft" };
    case "scheduled":
      return {
        sign: "published",
        schedule: "scheduled",
        publish_scheduled: "published",
        reject: "draft",
      };
    case "published":
      return { withdraw: "withdrawn" };
    case "withdrawn":
      return {};
    default: {
      const unreachable: never = state;
      throw new Error(`未知的信息状态:${unreachable}`);
    }
  }
}

/** How far along the workflow a state is; a withdrawn record is nowhere. */
export function stageOf(state: RecordState): number {
  const stages: Record<RecordState, number> = {
    withdrawn: -1,
    draft: 0,
    in_review: 1,
    awaiting_signoff: 2,
    scheduled: 3,
    published: 4,
  };
  return stages[state];
}

/**
 * The interpretations that go live together with their policy: on sign or schedule those awaiting
 * sign-off (or already scheduled with it), when a scheduled policy falls due those scheduled with it.
 */
export function ridersOf<T extends { state: RecordState }>(
  action: WorkflowAction,
  interpretations: readonly T[],
): T[] {
  if (action === "publish_scheduled") return interpretations.filter((i) => i.state === "scheduled");
  if (action !== "sign" && action !== "schedule") return [];
  return interpretations.filter((i) => i.state === "awaiting_signoff" || i.state === "scheduled");
}

const refuse = (code: Refusal["code"], message: string, field?: string): Refusal => ({
  ok: false,
  code,
  message,
  ...(field ? { field } : {}),
});

/** Decides one action: the next state, or why not (wrong state → conflict, role → forbidden, …). */
export function decide(input: WorkflowInput): Decision {
  const { action, record } = input;
  const next = transitionsFrom(record.state)[action];
  if (!next) {
    return refuse(
      "conflict",
      `“${recordStateLabels[record.state]}”状态的信息不能${workflowActionLabels[action]}。`,
    );
  }
  const refusal = guard(input);
  return refusal ?? { ok: true, next };
}

function guard(input: WorkflowInput): Refusal | null {
  const { action } = input;
  switch (action) {
    case "save":
      return requireRole(input, ["editor"], "只有信息员可以编辑草稿。");
    case "submit":
      return (
        requireRole(input, ["editor"], "只有信息员可以送审。") ?? interpretationsAtLeast(input, 1)
      );
    case "approve":
      return (
        requireRole(input, ["reviewer"], "只有审核人可以审核。") ??
        notOwnRecord(input, "不能审核自己起草的信息,请由其他审核人审核。") ??
        requireReview(input) ??
        publishable(input.review ?? null) ??
        interpretationsAtLeast(input, 2)
      );
    case "reject": {
      const reviewing = input.record.state === "in_review";
      return (
        requireRole(
          input,
          [reviewing ? "reviewer" : "approver"],
          reviewing ? "只有审核人可以退回待审核的信息。" : "只有签发人可以退回待签发的信息。",
        ) ?? requireComment(input, "退回时请说明理由。")
      );
    }
    case "sign":
    case "schedule":
      return signingGuard(input);
    case "publish_scheduled":
      return publishingDueGuard(input);
    case "withdraw":
      return (
        requireRole(input, ["approver", "admin"], "只有签发人或系统管理员可以撤回已发布的信息。") ??
        requireComment(input, "撤回时请说明理由。")
      );
    default: {
      const unreachable: never = action;
      throw new Error(`未知的操作:${unreachable}`);
    }
  }
}

function signingGuard(input: WorkflowInput): Refusal | null {
  return (
    requireRole(input, ["approver"], "只有签发人可以签发。") ??
    notOwnRecord(input, "不能签发自己起草的信息,请由其他签发人签发。") ??
    (input.action === "schedule" ? requireFutureTime(input) : null) ??
    publishable(input.record.review) ??
    policyPublished(input) ??
    interpretationsReadyToSign(input)
  );
}

function publishingDueGuard(input: WorkflowInput): Refusal | null {
  if (input.actor.id !== null) return refuse("forbidden", "定时发布由系统到时执行。");
  const at = input.record.scheduledAt;
  if (!at || at > input.now) return refuse("conflict", "尚未到定时发布时间。");
  return (
    publishable(input.record.review) ?? policyPublished(input) ?? interpretationsReadyToSign(input)
  );
}

function requireRole(input: WorkflowInput, roles: readonly Role[], message: string) {
  return input.actor.roles.some((r) => roles.includes(r)) ? null : refuse("forbidden", message);
}

// Nobody approves or signs what they drafted: review and sign-off must be by another person.
function notOwnRecord(input: WorkflowInput, message: string): Refusal | null {
  return input.actor.id === input.record.createdBy ? refuse("forbidden", message) : null;
}

function requireComment(input: WorkflowInput, message: string): Refusal | null {
  return (input.comment ?? "").trim() === "" ? refuse("validation", message, "comment") : null;
}

function requireReview(input: WorkflowInput): Refusal | null {
  return input.review ? null : refuse("validation", "审核通过前请填写保密审查意见。", "review");
}

function requireFutureTime(input: WorkflowInput): Refusal | null {
  if (!input.publishAt) return refuse("validation", "请填写定时发布的时间。", "publishAt");
  if (input.publishAt <= input.now) {
    return refuse("validation", "定时发布的时间须晚于当前时间。", "publishAt");
  }
  return null;
}

/**
 * Only information the review found publishable may go out: 依法确定为国家秘密的不予公开
 * (条例第十四条), and what the review marked 依申请公开 or 不予公开 is not proactively published.
 */
export function publishable(review: ReviewForm | null): Refusal | null {
  if (!review) return refuse("conflict", "该信息没有保密审查记录,不能发布。");
  if (review.isClassified) {
    return refuse("conflict", "经保密审查该信息涉及国家秘密,依法不予公开(条例第十四条),不能发布。");
  }
  if (review.disclosureAttribute !== "proactive") {
    const label = disclosureAttributeLabels[review.disclosureAttribute];
    return refuse("conflict", `保密审查确定的公开属性为“${label}”,不能作为主动公开信息发布。`);
  }
  return null;
}

// 同步组织、同步审签: a policy needing an interpretation may not get ahead of it. At submit one
// interpretation must already be in review, at approve one must already be approved.
function interpretationsAtLeast(input: WorkflowInput, stage: number): Refusal | null {
  if (!input.record.needsInterpretation) return null;
  if (input.interpretations.some((i) => stageOf(i.state) >= stage)) return null;
  return refuse(
    "conflict",
    stage === 1
      ? "该政策文件需要同步解读:请先将其政策解读送审(同步组织、同步审签)。"
      : "该政策文件需要同步解读:请先审核通过其政策解读(同步审签)。",
  );
}

// Interpretations awaiting sign-off go live with the policy, signed by the same person, so the
// signer must not have drafted any of them either, and each must have passed its own review.
function interpretationsReadyToSign(input: WorkflowInput): Refusal | null {
  const riders = ridersOf(input.action, input.interpretations);
  if (input.record.needsInterpretation && riders.length === 0) {
    return refuse(
      "conflict",
      "该政策文件需要同步解读,其政策解读尚未审核通过,不能单独签发(同步审签、同步发布)。",
    );
  }
  if (riders.some((i) => i.createdBy === input.actor.id)) {
    return refuse("forbidden", "随文签发的政策解读由您起草,不能由您签发,请由其他签发人签发。");
  }
  for (const rider of riders) {
    const refusal = publishable(rider.review);
    if (refusal) return { ...refusal, message: `随文发布的政策解读:${refusal.message}` };
  }
  return null;
}

// An interpretation of a policy still in the workflow is signed together with that policy;
// once the policy is published an interpretation may follow on its own.
function policyPublished(input: WorkflowInput): Refusal | null {
  const policy = input.policyState;
  if (policy === null || policy === "published") return null;
  if (policy === "withdrawn") return refuse("conflict", "所解读的政策文件已撤回,解读不能发布。");
  return refuse("conflict", "政策解读随所解读的政策文件同步签发,请签发该政策文件。");
}
