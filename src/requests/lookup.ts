// Public tracking with 申请编号 + 查询码: state, receipt date, due date and dated steps, never
// personal data, internal notes or the names of consulted parties. Wrong codes are rate-limited
// per client address and per application number.
import { type IsoDate, todayInShanghai } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { AppError } from "../http/errors";
import { hitRateLimit } from "../platform/rate-limit";
import { safeEqual } from "../platform/tokens";
import { type ApplicationKeys, normaliseQueryCode, queryCodeHash } from "./applicant-data";
import { deriveCaseState } from "./case-state";
import { type ApplicationClock, computeClock } from "./clock";
import type { TimelineEvent, TimelineEventType } from "./events";
import {
  type Db,
  findApplicationByNo,
  listEventRows,
  receiptFactsOf,
  timelineEventOf,
} from "./store";

/** Wrong codes allowed per client address in 15 minutes, and per application number in an hour. */
export const LOOKUP_FAILURES_PER_ADDRESS = 10;
export const LOOKUP_FAILURES_PER_NUMBER = 10;
const ADDRESS_WINDOW_SECONDS = 900;
const NUMBER_WINDOW_SECONDS = 3600;

export type PublicStateKey =
  | "awaiting_confirmation"
  | "awaiting_supplement"
  | "awaiting_fee"
  | "in_progress"
  | "paused"
  | "overdue"
  | "closed"
  | "withdrawn";

export interface PublicStep {
  on: IsoDate;
  label: string;
}

export interface PublicStatus {
  applicationNo: string;
  state: PublicStateKey;
  /** The state in words, e.g. “待确认:本机关确认收到申请后开始计算答复期限”. */
  stateText: string;
  submittedOn: IsoDate | null;
  receivedOn: IsoDate | null;
  dueDate: IsoDate | null;
  closedOn: IsoDate | null;
  steps: PublicStep[];
}

/** Steps the public sees, by label only; 分办 is internal. */
const publicStepLabels: Partial<Record<TimelineEventType, string>> = {
  confirm: "确认收到申请",
  request_supplement: "告知补正",
  supplement_received: "收到补正",
  supplement_expired: "逾期未补正,不再处理",
  consult_third_party: "征求意见(期间不计入答复期限)",
  consult_agency: "征求意见(期间不计入答复期限)",
  consultation_answered: "收到征求意见答复",
  fee_notice: "发出收费通知",
  fee_paid: "缴纳信息处理费",
  fee_expired: "逾期未缴费,不再处理",
  extend: "延长答复期限",
  ask_reasons: "要求说明理由",
  set_reasonable_period: "确定延迟答复的合理期限",
  reply: "作出答复",
  deliver: "送达",
  archive: "归档",
  withdraw: "申请人撤回申请",
};

const stateTexts: Record<PublicStateKey, string> = {
  awaiting_confirmation: "待确认:本机关确认收到申请后开始计算答复期限",
  awaiting_supplement: "待补正:请按补正告知书补正,答复期限自本机关收到补正之日起重新计算",
  awaiting_fee: "待缴费:请按收费通知缴纳信息处理费,缴费前暂停计算答复期限",
  in_progress: "办理中",
  paused: "办理中:正在征求意见,征求意见期间不计入答复期限",
  overdue: "办理中:已超过答复期限",
  closed: "已办结",
  withdrawn: "已撤回",
};

const notFoundMessage = "申请编号或查询码不正确,请核对后重新输入。";

/** The status of a case for anyone holding its number and code; 404 for a wrong pair, 429 when rate-limited. */
export async function publicLookup(
  db: Db,
  query: { number: string; code: string; clientIp: string },
  keys: ApplicationKeys,
  now: Date,
): Promise<PublicStatus> {
  const number = query.number.trim().toUpperCase();
  const addressKey = `application-lookup:ip:${query.clientIp}`;
  const numberKey = `application-lookup:no:${number}`;
  await refuseWhenLimited(db, addressKey, LOOKUP_FAILURES_PER_ADDRESS, ADDRESS_WINDOW_SECONDS, now);
  await refuseWhenLimited(db, numberKey, LOOKUP_FAILURES_PER_NUMBER, NUMBER_WINDOW_SECONDS, now);
  const row = /^YSQ-\d{4}-\d{5}$/.test(number) ? await findApplicationByNo(db, number) : undefined;
  const code = normaliseQueryCode(query.code);
  if (!row || !safeEqual(queryCodeHash(keys, row.application_no, code), row.query_code_hash)) {
    await hitRateLimit(db, addressKey, LOOKUP_FAILURES_PER_ADDRESS, ADDRESS_WINDOW_SECONDS, now);
    await hitRateLimit(db, numberKey, LOOKUP_FAILURES_PER_NUMBER, NUMBER_WINDOW_SECONDS, now);
    throw new AppError("not_found", notFoundMessage);
  }
  const calendar = await loadWorkCalendar(db);
  const events = (await listEventRows(db, row.id)).map(timelineEventOf);
  const receipt = receiptFactsOf(row);
  const clock = computeClock({ receipt, events }, calendar, todayInShanghai(now));
  const state = publicStateOf(deriveCaseState(receipt, events, calendar).phase, clock, events);
  return {
    applicationNo: row.application_no,
    state,
    stateText: stateTexts[state],
    submittedOn: row.submitted_on,
    receivedOn: clock.receivedOn,
    dueDate: clock.closedOn ? null : clock.dueDate,
    closedOn: clock.closedOn,
    steps: events.flatMap((e) => {
      const label = publicStepLabels[e.type];
      return label ? [{ on: e.on, label }] : [];
    }),
  };
}

function publicStateOf(
  phase: string,
  clock: ApplicationClock,
  events: readonly TimelineEvent[],
): PublicStateKey {
  if (phase === "awaiting_confirmation") return "awaiting_confirmation";
  if (phase === "awaiting_supplement") return "awaiting_supplement";
  if (phase === "awaiting_fee") return "awaiting_fee";
  if (clock.closedOn) return events.some((e) => e.type === "withdraw") ? "withdrawn" : "closed";
  if (clock.state === "overdue") return "overdue";
  return clock.isPaused ? "paused" : "in_progress";
}

/**
 * 429 when `key` already reached `limit` failures in the current window. Reads the fixed window
 * hitRateLimit writes (same window arithmetic) without counting a hit, so a correct code is not
 * charged and a blocked visitor cannot test codes at all.
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
    throw new AppError("rate_limited", "查询码错误次数过多,请稍后再试。", undefined, retry);
  }
}
