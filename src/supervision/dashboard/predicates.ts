// The conditions behind each figure, written once and used both to count (GROUP BY with
// SUM(CASE …)) and to list the items behind a figure, so a figure and its drill-down always agree.
// 条例第二十六条 (公开时限), 第三十三条 (答复期限).
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { DB } from "../../db/schema";
import { POLICY_GENRES } from "../../records/genres";
import type { RecordState } from "../../records/tables";
import type { Period } from "../schema";
import type { ApplicationFigure, RecordFigure } from "./figures";

type RecordsEb = ExpressionBuilder<DB, "records">;
type ApplicationsEb = ExpressionBuilder<DB, "applications">;

const always = sql<SqlBool>`1 = 1`;

export const UNPUBLISHED: RecordState[] = ["draft", "in_review", "awaiting_signoff", "scheduled"];

/**
 * Records due in the period: 应公开日期 from `from` to `to`, not withdrawn (a withdrawn record is
 * no longer meant to be public, so it counts neither for nor against the unit).
 */
export function recordsDueIn(eb: RecordsEb, period: Period): Expression<SqlBool> {
  return eb.and([
    eb("records.due_on", ">=", period.from),
    eb("records.due_on", "<=", period.to),
    eb("records.state", "!=", "withdrawn"),
  ]);
}

/** Which of the due records a figure counts, as of `today`. */
export function recordFigureIs(
  eb: RecordsEb,
  figure: RecordFigure,
  today: string,
): Expression<SqlBool> {
  switch (figure) {
    case "due":
      return always;
    case "onTime":
      return eb.and([
        eb("records.state", "=", "published"),
        eb("records.published_on", "<=", eb.ref("records.due_on")),
      ]);
    case "late":
      return eb.and([
        eb("records.state", "=", "published"),
        eb("records.published_on", ">", eb.ref("records.due_on")),
      ]);
    case "overdue":
      return eb.and([eb("records.state", "in", UNPUBLISHED), eb("records.due_on", "<", today)]);
    case "pending":
      return eb.and([eb("records.state", "in", UNPUBLISHED), eb("records.due_on", ">=", today)]);
    default: {
      const unknown: never = figure;
      throw new RangeError(`未知的统计项:${unknown}`);
    }
  }
}

/**
 * Policies published in the period without a published 政策解读 (国办发〔2016〕80号): a policy
 * genre or marked 需要解读, no interpretation of it published.
 */
export function policyWithoutInterpretation(eb: RecordsEb, period: Period): Expression<SqlBool> {
  return eb.and([
    eb("records.state", "=", "published"),
    eb("records.published_on", ">=", period.from),
    eb("records.published_on", "<=", period.to),
    eb("records.genre", "!=", "interpretation"),
    eb.or([
      eb("records.genre", "in", [...POLICY_GENRES]),
      eb("records.needs_interpretation", "=", 1),
    ]),
    // Not correlated, so the engines evaluate the list of interpreted policies once.
    eb(
      "records.id",
      "not in",
      eb
        .selectFrom("records as i")
        .select("i.interprets_record_id")
        .where("i.genre", "=", "interpretation")
        .where("i.state", "=", "published")
        .where("i.interprets_record_id", "is not", null)
        .$narrowType<{ interprets_record_id: number }>(),
    ),
  ]);
}

/** Applications whose 收到申请之日 (条例第三十一条) falls in the period. */
export function applicationsReceivedIn(eb: ApplicationsEb, period: Period): Expression<SqlBool> {
  return eb.and([
    eb("applications.received_on", ">=", period.from),
    eb("applications.received_on", "<=", period.to),
  ]);
}

/**
 * Which received applications a figure counts, as of `today`, from the cached clock columns:
 * answered in time (closed on or before the due date), overdue (closed after it, or still open
 * after it), extended (an `extend` event, 条例第三十三条第二款).
 */
export function applicationFigureIs(
  eb: ApplicationsEb,
  figure: ApplicationFigure,
  today: string,
): Expression<SqlBool> {
  switch (figure) {
    case "received":
      return always;
    case "onTime":
      return eb.and([
        eb("applications.closed_on", "is not", null),
        eb("applications.closed_on", "<=", eb.ref("applications.due_date")),
      ]);
    case "overdue":
      return eb.or([
        eb("applications.closed_on", ">", eb.ref("applications.due_date")),
        eb.and([eb("applications.closed_on", "is", null), eb("applications.due_date", "<", today)]),
      ]);
    case "extended":
      return eb(
        "applications.id",
        "in",
        eb
          .selectFrom("application_events")
          .select("application_events.application_id")
          .where("application_events.type", "=", "extend"),
      );
    default: {
      const unknown: never = figure;
      throw new RangeError(`未知的统计项:${unknown}`);
    }
  }
}
