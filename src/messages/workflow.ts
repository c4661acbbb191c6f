// The pure state machine of a 留言: received → assigned (分办) → [transferred (转办) any number of
// times] → reply submitted for review → approved (replied, published with consent) or returned.
// 督办 adds a dated note to an overdue message without changing its state.
import {
  canAssign,
  canDraft,
  canReview,
  canSupervise,
  canTransfer,
  type MessageUser,
} from "./policy";

export const MESSAGE_STATES = ["received", "assigned", "in_review", "replied"] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** Every state before the reply is approved: what the 答复期限 still runs on. */
export const OPEN_MESSAGE_STATES = ["received", "assigned", "in_review"] as const;

export const stateLabels: Record<MessageState, string> = {
  received: "待分办",
  assigned: "办理中",
  in_review: "答复待审核",
  replied: "已答复",
};

export function stateLabel(value: string): string {
  return (MESSAGE_STATES as readonly string[]).includes(value)
    ? stateLabels[value as MessageState]
    : value;
}

export type MessageAction =
  | { type: "assign"; unitId: number }
  | { type: "transfer"; unitId: number; reason: string }
  | { type: "submit"; replyText: string }
  | { type: "return"; reason: string }
  | { type: "approve" }
  | { type: "supervise"; note: string };

export type MessageActionType = MessageAction["type"];

export const actionLabels: Record<MessageActionType, string> = {
  assign: "分办",
  transfer: "转办",
  submit: "提交答复审核",
  return: "退回修改",
  approve: "审核通过并答复",
  supervise: "督办",
};

export interface MessageFacts {
  state: MessageState;
  unitId: number | null;
  /** Who submitted the current draft. */
  draftedBy: number | null;
  isOverdue: boolean;
}

export interface DecisionContext {
  user: MessageUser;
  rootUnitId: number;
}

export type Decision =
  | { ok: true; next: { state: MessageState; unitId: number | null } }
  | { ok: false; reason: "forbidden" | "state" | "input"; message: string };

const refuse = (reason: "forbidden" | "state" | "input", message: string): Decision => ({
  ok: false,
  reason,
  message,
});

/** Whether `action` may happen to a message in `facts`, by `ctx.user`, and the result if so. */
export function decideMessage(
  facts: MessageFacts,
  action: MessageAction,
  ctx: DecisionContext,
): Decision {
  const { user, rootUnitId } = ctx;
  const stay = { state: facts.state, unitId: facts.unitId };
  switch (action.type) {
    case "assign":
      if (facts.state !== "received") return refuse("state", "该留言已分办。");
      if (!canAssign(user, rootUnitId))
        return refuse("forbidden", "只有办公室(局机关审核人、签发人)可以分办留言。");
      return { ok: true, next: { state: "assigned", unitId: action.unitId } };
    case "transfer":
      if (facts.state !== "assigned") return refuse("state", "只有办理中的留言可以转办。");
      if (!canTransfer(user, facts.unitId, rootUnitId))
        return refuse("forbidden", "只有办公室或当前承办单位可以转办。");
      if (action.unitId === facts.unitId) return refuse("input", "请选择另一个承办单位。");
      if (action.reason.trim() === "") return refuse("input", "请填写转办理由。");
      return { ok: true, next: { state: "assigned", unitId: action.unitId } };
    case "submit":
      if (facts.state !== "assigned") return refuse("state", "只有办理中的留言可以提交答复。");
      if (!canDraft(user, facts.unitId))
        return refuse("forbidden", "只有承办单位的信息员可以起草答复。");
      if (action.replyText.trim() === "") return refuse("input", "请填写答复内容。");
      return { ok: true, next: { state: "in_review", unitId: facts.unitId } };
    case "return":
    case "approve": {
      if (facts.state !== "in_review") return refuse("state", "该留言没有待审核的答复。");
      if (!canReview(user, facts.unitId, rootUnitId))
        return refuse("forbidden", "只有承办单位的审核人或办公室可以审核答复。");
      if (facts.draftedBy === user.id) return refuse("forbidden", "不能审核自己起草的答复。");
      if (action.type === "return") {
        if (action.reason.trim() === "") return refuse("input", "请填写退回理由。");
        return { ok: true, next: { state: "assigned", unitId: facts.unitId } };
      }
      return { ok: true, next: { state: "replied", unitId: facts.unitId } };
    }
    case "supervise":
      if (facts.state === "replied") return refuse("state", "已答复的留言无需督办。");
      if (!facts.isOverdue) return refuse("state", "只有超过答复期限的留言可以督办。");
      if (!canSupervise(user, rootUnitId))
        return refuse("forbidden", "只有办公室(局机关审核人、签发人)可以督办。");
      if (action.note.trim() === "") return refuse("input", "请填写督办意见。");
      return { ok: true, next: stay };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The actions this user could take now (for the buttons on the message page). */
export function availableActions(facts: MessageFacts, ctx: DecisionContext): MessageActionType[] {
  const probes: MessageAction[] = [
    { type: "assign", unitId: -1 },
    { type: "transfer", unitId: -1, reason: "x" },
    { type: "submit", replyText: "x" },
    { type: "return", reason: "x" },
    { type: "approve" },
    { type: "supervise", note: "x" },
  ];
  return probes.filter((a) => decideMessage(facts, a, ctx).ok).map((a) => a.type);
}
