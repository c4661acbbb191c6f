// Replaying one demo record's history through the records service as the demo accounts: drafted
// by the 信息员, approved by the 审核人, signed (or withdrawn) by the 签发人.
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema";
import type { RecordInput } from "../../records/schema";
import {
  createRecord,
  dismissProofreadHit,
  proofreadRecord,
  type RecordActor,
  transitionRecord,
} from "../../records/service";
import type { ReviewForm } from "../../records/workflow";
import type { StoryStep } from "./story";

/** 保密审查 of ordinary demo records: nothing secret or personal, 主动公开. */
export const proactiveReview: ReviewForm = {
  isClassified: false,
  involvesPrivacyOrTradeSecret: false,
  disclosureAttribute: "proactive",
  legalReason: "",
};

export interface RecordCast {
  editor: RecordActor;
  reviewer: RecordActor;
  approver: RecordActor;
}

/** One record's history: drafted, then (each step optional) submitted, approved, signed, withdrawn. */
export interface RecordPlan {
  key: string;
  /** The fields, given the ids of records drafted before (an interpretation names its policy). */
  input(ids: ReadonlyMap<string, number>): RecordInput;
  drafted: Date;
  submitted?: Date;
  approved?: Date;
  signed?: Date;
  withdrawn?: { at: Date; reason: string };
  review?: ReviewForm;
  /** Proofreading hits left in the text on purpose (dismissed with this reason before submit). */
  keepHitsBecause?: string;
}

/** The steps of one record's history; `ids` receives its id when drafted. */
export function recordSteps(
  trx: Transaction<DB>,
  cast: RecordCast,
  plan: RecordPlan,
  ids: Map<string, number>,
): StoryStep[] {
  const act = async (
    at: Date,
    input: Parameters<typeof transitionRecord>[2],
    actor: RecordActor,
  ) => {
    await transitionRecord(trx, ids.get(plan.key)!, input, actor, at);
  };
  const steps: StoryStep[] = [
    {
      at: plan.drafted,
      run: async () => {
        const record = await createRecord(trx, plan.input(ids), cast.editor, plan.drafted);
        ids.set(plan.key, record.id);
        if (plan.keepHitsBecause) {
          for (const hit of await proofreadRecord(trx, record.id)) {
            const dismissal = {
              found: hit.found,
              position: hit.start,
              reason: plan.keepHitsBecause,
            };
            await dismissProofreadHit(trx, record.id, dismissal, cast.editor, plan.drafted);
          }
        }
      },
    },
  ];
  const { submitted, approved, signed, withdrawn } = plan;
  if (submitted)
    steps.push({ at: submitted, run: () => act(submitted, { action: "submit" }, cast.editor) });
  if (approved) {
    const input = { action: "approve" as const, review: plan.review ?? proactiveReview };
    steps.push({ at: approved, run: () => act(approved, input, cast.reviewer) });
  }
  if (signed) steps.push({ at: signed, run: () => act(signed, { action: "sign" }, cast.approver) });
  if (withdrawn) {
    const input = { action: "withdraw" as const, comment: withdrawn.reason };
    steps.push({ at: withdrawn.at, run: () => act(withdrawn.at, input, cast.approver) });
  }
  return steps;
}
