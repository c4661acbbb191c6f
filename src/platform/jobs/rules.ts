// When a scheduled job is due, as a pure function of the clock. A slot names one run: every
// process computes the same slot for the same instant, and the database lets one of them have it.
import { todayInShanghai } from "../../calendar/rules";

export type JobSchedule =
  /** Once per interval: slot = floor(now / everyMs). */
  | { everyMs: number }
  /** Once a day at or after HH:MM Asia/Shanghai: slot = the Shanghai date. */
  | { dailyAt: string }
  /** On every tick of every process, unclaimed: for work that claims its own rows (the mail sender). */
  | { everyTick: true };

export type SlotDecision =
  | { kind: "always" }
  | { kind: "slot"; slot: string }
  | { kind: "not_yet" };

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China Standard Time has no daylight saving.

/** Minutes since midnight in Asia/Shanghai. */
export function shanghaiMinuteOfDay(now: Date): number {
  const ms = (now.getTime() + SHANGHAI_OFFSET_MS) % 86_400_000;
  return Math.floor(((ms + 86_400_000) % 86_400_000) / 60_000);
}

/** "03:30" → 210; throws on anything that is not a valid HH:MM. */
export function parseDailyTime(text: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) throw new RangeError(`not a time of day (HH:MM): ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The slot `schedule` asks for at `now`. A daily job started late still runs that day. */
export function slotFor(schedule: JobSchedule, now: Date): SlotDecision {
  if ("everyTick" in schedule) return { kind: "always" };
  if ("everyMs" in schedule) {
    if (!(schedule.everyMs >= 1000)) throw new RangeError("a job interval is at least 1 second");
    return {
      kind: "slot",
      slot: `i${schedule.everyMs}:${Math.floor(now.getTime() / schedule.everyMs)}`,
    };
  }
  if (shanghaiMinuteOfDay(now) < parseDailyTime(schedule.dailyAt)) return { kind: "not_yet" };
  return { kind: "slot", slot: `d:${todayInShanghai(now)}` };
}
