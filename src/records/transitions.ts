// Workflow transitions of a record: 送审, 审核通过, 退回, 签发, 定时发布, 撤回. Each runs in one
// transaction: the pure workflow decides, then the record (and any interpretation released with
// it) changes, with versions, events and audit entries.
import type { Transaction } from "kysely";
import type { z } from "zod";
import type { DB } from "../db/schema";
import { notFound } from "../http/errors";
import { syncSearchIndex } from "../search/indexer";
import { inRecordTransaction, type RecordActor, refusalError, writeRecordChange } from "./changes";
import {
  loadWorkflowFacts,
  returnScheduledInterpretations,
  scheduleInterpretations,
  type WorkflowFacts,
  withdrawInterpretations,
  workflowInputOf,
} from "./interpretation";
import { hitsOf, requireProofreadClean } from "./proofreading";
import { publishDueScheduledRecords, publishTogether } from "./publish";
import { type TransitionInput, transitionSchema } from "./schema";
import type { Db } from "./store";
import { findRecordRow, type RecordDetail, type RecordRow, toRecordDetail } from "./store";
import { parseOrThrow } from "./validation";
import { decide, ridersOf } from "./workflow";

type Transition = z.output<typeof transitionSchema>;

/**
 * Applies a workflow action to a record on behalf of `actor`: 409 when the state does not allow
 * it, 403 for a role or self-approval problem, 400 for a missing reason, review or time.
 * Scheduled records that are due are published first, so the action sees the current state.
 */
export async function transitionRecord(
  db: Db,
  id: number,
  input: TransitionInput,
  actor: RecordActor,
  now: Date,
): Promise<RecordDetail> {
  const transition = parseOrThrow(transitionSchema, input);
  await publishDueScheduledRecords(db, now);
  return inRecordTransaction(db, async (trx) => {
    const row = await findRecordRow(trx, id);
    if (!row) throw notFound("信息");
    const facts = await loadWorkflowFacts(trx, row);
    const decision = decide(
      workflowInputOf(row, facts, transition.action, actor, now, {
        review: transition.review ?? null,
        comment: transition.comment,
        publishAt: transition.publishAt ?? null,
      }),
    );
    if (!decision.ok) throw refusalError(decision);
    const updated = await apply(trx, row, facts, transition, actor, now);
    return toRecordDetail(updated);
  });
}

async function apply(
  trx: Transaction<DB>,
  row: RecordRow,
  facts: WorkflowFacts,
  t: Transition,
  actor: RecordActor,
  now: Date,
): Promise<RecordRow> {
  const base = { action: t.action, comment: t.comment, actor, now };
  switch (t.action) {
    case "submit":
      // Proofreading before review: typos and sensitive wording are dealt with first.
      requireProofreadClean(await hitsOf(trx, row));
      return writeRecordChange(trx, row, { ...base, values: { state: "in_review" } });
    case "approve":
      return writeRecordChange(trx, row, {
        ...base,
        values: { state: "awaiting_signoff", review: storedReview(t, actor, now) },
      });
    case "reject": {
      const values = {
        state: "draft" as const,
        scheduled_at: null,
        ...(t.review ? { review: storedReview(t, actor, now) } : {}),
      };
      if (row.state === "scheduled") {
        await returnScheduledInterpretations(trx, facts.interpretations, t.comment, actor, now);
      }
      return writeRecordChange(trx, row, { ...base, values });
    }
    case "sign": {
      const riders = ridersOf("sign", facts.interpretations);
      const [published] = await publishTogether(trx, [row, ...riders], { ...base, action: "sign" });
      return published!;
    }
    case "schedule": {
      const publishAt = t.publishAt!;
      await scheduleInterpretations(
        trx,
        ridersOf("schedule", facts.interpretations),
        publishAt,
        actor,
        now,
      );
      return writeRecordChange(trx, row, {
        ...base,
        values: { state: "scheduled", scheduled_at: publishAt },
      });
    }
    case "withdraw": {
      // Off every public surface at once: state and search index change in this transaction.
      const updated = await writeRecordChange(trx, row, {
        ...base,
        values: { state: "withdrawn", withdrawn_at: now.toISOString(), withdraw_reason: t.comment },
      });
      await syncSearchIndex(trx, updated.id);
      await withdrawInterpretations(trx, facts.interpretations, t.comment, actor, now);
      return updated;
    }
    default: {
      const unreachable: never = t.action;
      throw new Error(`未知的操作:${unreachable}`);
    }
  }
}

function storedReview(t: Transition, actor: RecordActor, now: Date): string {
  return JSON.stringify({ ...t.review, reviewedBy: actor.id, reviewedAt: now.toISOString() });
}
