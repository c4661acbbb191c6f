// Proofreading before review: submit is refused while the proofreader has hits nobody dealt with.
// A hit is dealt with by editing the text or by dismissing it with a reason (kept on record).
import { conflict, forbidden, notFound, validationError } from "../http/errors";
import { inRecordTransaction, logRecordEventOnly, type RecordActor } from "./changes";
import {
  type ProofreadDictionary,
  type ProofreadHit,
  proofread,
  proofreadDictionary,
} from "./proofread";
import { type DismissalInput, dismissalSchema } from "./schema";
import { type Db, findRecordRow, type RecordRow } from "./store";
import { parseOrThrow } from "./validation";

/** The text proofread: body first, so a changed title does not move the positions in the body. */
export function proofreadTextOf(row: Pick<RecordRow, "title" | "body_text">): string {
  return `${row.body_text}\n${row.title}`;
}

export interface Dismissal {
  found: string;
  position: number;
  reason: string;
  dismissedBy: number | null;
  dismissedAt: string;
}

export interface RecordProofreadHit extends ProofreadHit {
  /** Where the hit is: in the body or in the title. */
  field: "bodyHtml" | "title";
  /** The dismissal, when someone decided the hit is not a problem. */
  dismissal: Dismissal | null;
}

/** The proofreading hits of a record's current text, each with its dismissal if any. */
export async function proofreadRecord(
  db: Db,
  recordId: number,
  dictionary: ProofreadDictionary = proofreadDictionary,
): Promise<RecordProofreadHit[]> {
  const row = await findRecordRow(db, recordId);
  if (!row) throw notFound("信息");
  return hitsOf(db, row, dictionary);
}

export async function hitsOf(
  db: Db,
  row: RecordRow,
  dictionary: ProofreadDictionary = proofreadDictionary,
): Promise<RecordProofreadHit[]> {
  const dismissals = await db
    .selectFrom("proofread_dismissals")
    .selectAll()
    .where("record_id", "=", row.id)
    .orderBy("id")
    .execute();
  return proofread(proofreadTextOf(row), dictionary).map((hit) => {
    const d = dismissals.find((x) => x.found === hit.found && x.position === hit.start);
    return {
      ...hit,
      field: hit.start < row.body_text.length ? "bodyHtml" : "title",
      dismissal: d
        ? {
            found: d.found,
            position: d.position,
            reason: d.reason,
            dismissedBy: d.dismissed_by,
            dismissedAt: d.dismissed_at,
          }
        : null,
    };
  });
}

/** Refuses (400, per field) while there are hits nobody edited away or dismissed. */
export function requireProofreadClean(hits: readonly RecordProofreadHit[]): void {
  const open = hits.filter((h) => !h.dismissal);
  if (open.length === 0) return;
  const describe = (h: RecordProofreadHit) =>
    `“${h.found}”(位置${h.start},${h.reason}${h.suggestion ? `,建议改为“${h.suggestion}”` : ""})`;
  const fields: Record<string, string> = {};
  for (const field of ["bodyHtml", "title"] as const) {
    const mine = open.filter((h) => h.field === field);
    if (mine.length) fields[field] = `校对发现:${mine.map(describe).join("、")}`;
  }
  throw validationError(
    fields,
    `校对发现${open.length}处问题尚未处理,请修改,或说明理由后忽略,再送审。`,
  );
}

/**
 * Records that a proofreading hit (`found` at `position` of the proofread text) is not a problem,
 * with the reason; only while the record is a draft and only for a hit that is really there.
 */
export async function dismissProofreadHit(
  db: Db,
  recordId: number,
  input: DismissalInput,
  actor: RecordActor,
  now: Date,
): Promise<Dismissal> {
  const dismissal = parseOrThrow(dismissalSchema, input);
  if (!actor.roles.includes("editor") && !actor.roles.includes("reviewer")) {
    throw forbidden("只有信息员或审核人可以处理校对结果。");
  }
  return inRecordTransaction(db, async (trx) => {
    const row = await findRecordRow(trx, recordId);
    if (!row) throw notFound("信息");
    if (row.state !== "draft") throw conflict("只有草稿可以处理校对结果。");
    const hits = await hitsOf(trx, row);
    const hit = hits.find((h) => h.found === dismissal.found && h.start === dismissal.position);
    if (!hit) throw validationError({ position: "该位置没有这条校对结果,请刷新后重试。" });
    if (hit.dismissal) return hit.dismissal;
    const at = now.toISOString();
    await trx
      .insertInto("proofread_dismissals")
      .values({
        record_id: row.id,
        found: dismissal.found,
        position: dismissal.position,
        reason: dismissal.reason,
        dismissed_by: actor.id,
        dismissed_at: at,
      })
      .execute();
    await logRecordEventOnly(trx, row, {
      action: "dismiss_proofread",
      comment: `忽略校对结果“${dismissal.found}”:${dismissal.reason}`,
      actor,
      now,
    });
    return { ...dismissal, dismissedBy: actor.id, dismissedAt: at };
  });
}
