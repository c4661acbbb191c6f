// What other domains read from 双公示: the annual report's count of decisions (条例第五十条,
// 年度报告 第二部分 行政许可 / 行政处罚 / 行政强制) and the supervision dashboard's overdue list.
import type { Kysely, Transaction } from "kysely";
import type { IsoDate } from "../calendar/rules";
import type { DB } from "../db/schema";

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Decisions whose 决定日期 falls in `year`, counting every imported entry: also those taken
 * down early (信用修复) or past their 公示期, because the report counts decisions made, not what
 * is on show today.
 */
export async function publicityDecisionCounts(
  db: Kysely<DB>,
  year: number,
): Promise<{ licensing: number; penalty: number; coercion: number }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const licences = await db
    .selectFrom("publicity_licences")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("decided_on", ">=", from)
    .where("decided_on", "<=", to)
    .executeTakeFirstOrThrow();
  const penalties = await db
    .selectFrom("publicity_penalties")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
    .where("decided_on", ">=", from)
    .where("decided_on", "<=", to)
    .groupBy("kind")
    .execute();
  const of = (kind: string) => Number(penalties.find((r) => r.kind === kind)?.n ?? 0);
  return { licensing: Number(licences.n), penalty: of("penalty"), coercion: of("coercion") };
}

export interface OverduePublicityEntry {
  type: "licence" | "penalty";
  id: number;
  /** 许可证编号 or 决定书文号. */
  number: string;
  subjectName: string;
  decidedOn: IsoDate;
  publishByOn: IsoDate;
  /** null while still unpublished. */
  publishedOn: IsoDate | null;
}

/**
 * Entries not published by their 应公示日期: still unpublished after it, or published later than
 * it (a late publication keeps its mark for supervision, like records' isPublishedLate).
 */
export async function publicityOverdue(
  db: Db,
  { today }: { today: IsoDate },
): Promise<OverduePublicityEntry[]> {
  const licences = await db
    .selectFrom("publicity_licences")
    .select(["id", "licence_no", "subject_name", "decided_on", "publish_by_on", "published_on"])
    .where("publish_by_on", "is not", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("published_on", "is", null), eb("publish_by_on", "<", today)]),
        eb("published_on", ">", eb.ref("publish_by_on")),
      ]),
    )
    .execute();
  const penalties = await db
    .selectFrom("publicity_penalties")
    .select(["id", "decision_no", "subject_name", "decided_on", "publish_by_on", "published_on"])
    .where("publish_by_on", "is not", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("published_on", "is", null), eb("publish_by_on", "<", today)]),
        eb("published_on", ">", eb.ref("publish_by_on")),
      ]),
    )
    .execute();
  const entries: OverduePublicityEntry[] = [
    ...licences.map((r) => ({
      type: "licence" as const,
      id: r.id,
      number: r.licence_no,
      subjectName: r.subject_name,
      decidedOn: r.decided_on,
      publishByOn: r.publish_by_on!,
      publishedOn: r.published_on,
    })),
    ...penalties.map((r) => ({
      type: "penalty" as const,
      id: r.id,
      number: r.decision_no,
      subjectName: r.subject_name,
      decidedOn: r.decided_on,
      publishByOn: r.publish_by_on!,
      publishedOn: r.published_on,
    })),
  ];
  return entries.sort(
    (a, b) => a.publishByOn.localeCompare(b.publishByOn) || a.number.localeCompare(b.number),
  );
}
