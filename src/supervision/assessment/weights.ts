// The indicator weights the administrator set (defaults where none is stored); saving them is
// checked (whole numbers summing to 100) and audited in one transaction.
import { validationError } from "../../http/errors";
import { type AuditActor, recordAudit } from "../../platform/audit";
import type { Db } from "../dashboard/queries";
import {
  checkWeights,
  DEFAULT_WEIGHTS,
  INDICATORS,
  indicatorLabels,
  type Weights,
} from "./scoring";

export async function loadWeights(db: Db): Promise<Weights> {
  const rows = await db.selectFrom("supervision_indicator_weights").selectAll().execute();
  const weights = { ...DEFAULT_WEIGHTS };
  for (const row of rows) {
    if ((INDICATORS as readonly string[]).includes(row.key)) {
      weights[row.key as keyof Weights] = Number(row.weight);
    }
  }
  return weights;
}

export async function saveWeights(
  db: Db,
  input: Record<string, string | undefined>,
  actor: AuditActor,
  now: Date,
): Promise<Weights> {
  const checked = checkWeights(input);
  if (!checked.ok) throw validationError(checked.errors);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const key of INDICATORS) {
      await trx
        .insertInto("supervision_indicator_weights")
        .values({ key, weight: checked.weights[key], updated_at: at, updated_by: actor.id })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            weight: checked.weights[key],
            updated_at: at,
            updated_by: actor.id,
          }),
        )
        .execute();
    }
    await recordAudit(
      trx,
      actor,
      {
        action: "supervision.set_weights",
        objectType: "supervision_weights",
        objectId: "assessment",
        detail: INDICATORS.map((k) => `${indicatorLabels[k]} ${checked.weights[k]}`).join(","),
      },
      now,
    );
  });
  return checked.weights;
}
