// Public progress lookup of a 办件 with 受理号 + 申请人 (or the last 4 characters of the
// 统一社会信用代码): steps, dates, the promised date and the result, never personal data. A wrong
// name and a wrong number give the same answer, and wrong guesses are rate-limited per client
// address and per case number, so neither names nor numbers can be enumerated.
import type { Kysely } from "kysely";
import type { IsoDate } from "../calendar/rules";
import type { DB } from "../db/schema";
import { AppError } from "../http/errors";
import { hitRateLimit } from "../platform/rate-limit";
import { safeEqual } from "../platform/tokens";
import { CASE_NO_PATTERN, type CaseStepEntry, caseStepLabels, normaliseCaseNo } from "./case-rules";
import { applicantNameHash, type CaseKeys, creditTailHash } from "./case-service";
import type { Db } from "./guide-store";

/** Wrong guesses allowed per client address in 15 minutes, and per case number in an hour. */
export const CASE_LOOKUP_FAILURES_PER_ADDRESS = 10;
export const CASE_LOOKUP_FAILURES_PER_CASE = 5;
const ADDRESS_WINDOW_SECONDS = 900;
const CASE_WINDOW_SECONDS = 3600;

export const CASE_NOT_FOUND_MESSAGE = "未查询到办件:受理号或申请人信息不正确,请核对后重新输入。";

export interface PublicCaseStatus {
  caseNo: string;
  itemName: string;
  guideId: number | null;
  acceptedOn: IsoDate | null;
  promisedOn: IsoDate | null;
  steps: { label: string; on: IsoDate }[];
  result: string;
  /** 已送达 or a result given: the case is closed. */
  isClosed: boolean;
}

/** Four letters or digits: the tail of a 统一社会信用代码 rather than a name. */
function looksLikeCreditTail(text: string): boolean {
  return /^[0-9A-Za-z]{4}$/.test(text.normalize("NFKC").trim());
}

export async function lookupServiceCase(
  db: Kysely<DB>,
  query: { caseNo: string; applicant: string; clientIp: string },
  keys: CaseKeys,
  now: Date,
): Promise<PublicCaseStatus> {
  const caseNo = normaliseCaseNo(query.caseNo);
  const addressKey = `service-case-lookup:ip:${query.clientIp}`;
  const caseKey = `service-case-lookup:no:${caseNo}`;
  await refuseWhenLimited(
    db,
    addressKey,
    CASE_LOOKUP_FAILURES_PER_ADDRESS,
    ADDRESS_WINDOW_SECONDS,
    now,
  );
  await refuseWhenLimited(db, caseKey, CASE_LOOKUP_FAILURES_PER_CASE, CASE_WINDOW_SECONDS, now);
  const row = CASE_NO_PATTERN.test(caseNo)
    ? await db
        .selectFrom("service_cases")
        .selectAll()
        .where("case_no", "=", caseNo)
        .executeTakeFirst()
    : undefined;
  const applicant = query.applicant.trim();
  const matches =
    !!row &&
    applicant !== "" &&
    (safeEqual(applicantNameHash(keys, caseNo, applicant), row.applicant_name_hash) ||
      (looksLikeCreditTail(applicant) &&
        row.credit_code_tail_hash !== null &&
        safeEqual(creditTailHash(keys, caseNo, applicant), row.credit_code_tail_hash)));
  if (!row || !matches) {
    await hitRateLimit(
      db,
      addressKey,
      CASE_LOOKUP_FAILURES_PER_ADDRESS,
      ADDRESS_WINDOW_SECONDS,
      now,
    );
    await hitRateLimit(db, caseKey, CASE_LOOKUP_FAILURES_PER_CASE, CASE_WINDOW_SECONDS, now);
    throw new AppError("not_found", CASE_NOT_FOUND_MESSAGE);
  }
  const steps = JSON.parse(row.steps) as CaseStepEntry[];
  return {
    caseNo: row.case_no,
    itemName: row.item_name,
    guideId: row.guide_record_id,
    acceptedOn: row.accepted_on,
    promisedOn: row.promised_on,
    steps: steps.map((s) => ({ label: caseStepLabels[s.step], on: s.on })),
    result: row.result,
    isClosed: steps.some((s) => s.step === "delivery") || row.result !== "",
  };
}

/**
 * 429 when `key` already reached `limit` failures in the current window: reads the fixed window
 * hitRateLimit writes without counting a hit, so a right answer is never charged and a blocked
 * visitor cannot test any more guesses (the same arithmetic as src/requests/lookup.ts).
 */
async function refuseWhenLimited(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const row = await db
    .selectFrom("rate_limit_hits")
    .select("count")
    .where("key", "=", key)
    .where("window_start", "=", new Date(startMs).toISOString())
    .executeTakeFirst();
  if (row && row.count >= limit) {
    const retry = Math.max(1, Math.ceil((startMs + windowMs - now.getTime()) / 1000));
    throw new AppError("rate_limited", "查询错误次数过多,请稍后再试。", undefined, retry);
  }
}
