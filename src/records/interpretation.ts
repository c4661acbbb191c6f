// 政策解读 released with its policy (国办发〔2016〕80号: 同步组织、同步审签、同步部署).
//
// Chosen rule: the policy and its interpretation each go through review on their own (each has its
// own drafter, reviewer and 保密审查), but the policy may never get ahead of its interpretation:
// submitting the policy needs an interpretation already in review, approving it needs one already
// approved, and signing (or scheduling) the policy takes every approved interpretation along in the
// same transaction, so they go live together with the same published_at. An interpretation cannot
// be signed on its own until its policy is published (a later interpretation may then follow).
import type { Transaction } from "kysely";
import type { DB } from "../db/schema";
import { syncSearchIndex } from "../search/indexer";
import { type RecordActor, writeRecordChange } from "./changes";
import { type Db, findRecordRow, interpretationRowsOf, type RecordRow } from "./store";
import type { ReviewForm, WorkflowAction, WorkflowInput } from "./workflow";

/** What the workflow needs beyond the record itself: its interpretations and, for one, its policy. */
export interface WorkflowFacts {
  interpretations: RecordRow[];
  policy: RecordRow | null;
}

export async function loadWorkflowFacts(db: Db, row: RecordRow): Promise<WorkflowFacts> {
  const policy = row.interprets_record_id
    ? ((await findRecordRow(db, row.interprets_record_id)) ?? null)
    : null;
  return { interpretations: await interpretationRowsOf(db, row.id), policy };
}

export function reviewOf(row: RecordRow): ReviewForm | null {
  return row.review ? (JSON.parse(row.review) as ReviewForm) : null;
}

/** The pure workflow's input from the rows, the actor and the request. */
export function workflowInputOf(
  row: RecordRow,
  facts: WorkflowFacts,
  action: WorkflowAction,
  actor: RecordActor,
  now: Date,
  extra: Pick<WorkflowInput, "review" | "comment" | "publishAt"> = {},
): WorkflowInput {
  return {
    action,
    actor: { id: actor.id, roles: actor.roles },
    record: {
      state: row.state,
      createdBy: row.created_by,
      review: reviewOf(row),
      needsInterpretation: row.needs_interpretation === 1,
      scheduledAt: row.scheduled_at,
    },
    interpretations: facts.interpretations.map((i) => ({
      state: i.state,
      createdBy: i.created_by,
      review: reviewOf(i),
    })),
    policyState: facts.policy?.state ?? null,
    now: now.toISOString(),
    ...extra,
  };
}

/** Interpretations scheduled with their policy go with it when it is rescheduled. */
export async function scheduleInterpretations(
  trx: Transaction<DB>,
  riders: readonly RecordRow[],
  publishAt: string,
  actor: RecordActor,
  now: Date,
): Promise<void> {
  for (const rider of riders) {
    await writeRecordChange(trx, rider, {
      action: "schedule",
      values: { state: "scheduled", scheduled_at: publishAt },
      comment: "随所解读的政策文件定时发布",
      actor,
      now,
    });
  }
}

/**
 * A policy sent back from 定时发布 takes its scheduled interpretations back to draft: they were
 * scheduled only as part of the policy and must not go out without it.
 */
export async function returnScheduledInterpretations(
  trx: Transaction<DB>,
  interpretations: readonly RecordRow[],
  reason: string,
  actor: RecordActor,
  now: Date,
): Promise<void> {
  for (const rider of interpretations.filter((i) => i.state === "scheduled")) {
    await writeRecordChange(trx, rider, {
      action: "reject",
      values: { state: "draft", scheduled_at: null },
      comment: `所解读的政策文件被退回:${reason}`,
      actor,
      now,
    });
  }
}

/**
 * Withdrawing a policy withdraws its published interpretations in the same transaction: an
 * interpretation left online would keep explaining, as if in force, a text no longer public, and
 * readers would find the explanation without what it explains.
 */
export async function withdrawInterpretations(
  trx: Transaction<DB>,
  interpretations: readonly RecordRow[],
  reason: string,
  actor: RecordActor,
  now: Date,
): Promise<void> {
  for (const interpretation of interpretations.filter((i) => i.state === "published")) {
    await writeRecordChange(trx, interpretation, {
      action: "withdraw",
      values: {
        state: "withdrawn",
        withdrawn_at: now.toISOString(),
        withdraw_reason: `所解读的政策文件已撤回:${reason}`,
      },
      comment: `所解读的政策文件已撤回:${reason}`,
      actor,
      now,
    });
    await syncSearchIndex(trx, interpretation.id);
  }
}
