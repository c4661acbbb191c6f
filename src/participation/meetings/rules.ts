// Pure rules of 座谈会 / 听证会 / 实地走访: kinds, the 报名编号, the sign-up window and quota, and the
// Beijing-time display. No I/O and no clock: callers pass `now`.
// 《重大行政决策程序暂行条例》第十四条 (座谈会、听证会、实地走访 as ways to hear the public) and
// 第十九条、第二十条 (听证参加人 chosen by a fair rule, 报名 published in advance).

export const MEETING_KINDS = ["symposium", "hearing", "fieldVisit"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const meetingKindLabels: Record<MeetingKind, string> = {
  symposium: "座谈会",
  hearing: "听证会",
  fieldVisit: "实地走访",
};

/** The letters that open a 报名编号: 座谈 ZT, 听证 TZ, 走访 ZF. */
export const signupPrefixes: Record<MeetingKind, string> = {
  symposium: "ZT",
  hearing: "TZ",
  fieldVisit: "ZF",
};

export const SELECTION_RULES = ["firstCome", "randomDraw"] as const;
export type SelectionRule = (typeof SELECTION_RULES)[number];

export const selectionLabels: Record<SelectionRule, string> = {
  firstCome: "先到先得",
  randomDraw: "随机抽取",
};

export const MAX_QUOTA = 500;

/**
 * 报名编号: prefix, the year the meeting starts (Beijing time), the meeting id in four digits and
 * the sign-up's place in order in three, e.g. ZT-2026-0007-003. Wider numbers simply grow.
 */
export function formatSignupNo(kind: MeetingKind, year: number, meetingId: number, seq: number) {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${signupPrefixes[kind]}-${pad(year, 4)}-${pad(meetingId, 4)}-${pad(seq, 3)}`;
}

const SIGNUP_NO = /^(ZT|TZ|ZF)-(\d{4})-(\d{4,})-(\d{3,})$/;

/** The parts of a 报名编号, or null when the text is not one. */
export function parseSignupNo(
  text: string,
): { kind: MeetingKind; year: number; meetingId: number; seq: number } | null {
  const m = SIGNUP_NO.exec(text.trim());
  if (!m) return null;
  const kind = MEETING_KINDS.find((k) => signupPrefixes[k] === m[1])!;
  return { kind, year: Number(m[2]), meetingId: Number(m[3]), seq: Number(m[4]) };
}

export type SignupWindow = "notOpen" | "open" | "closed";

/** The window is open when opens_at <= now < closes_at (derived at read time, no job). */
export function signupWindowAt(
  window: { opensAt: string; closesAt: string },
  now: Date,
): SignupWindow {
  const t = now.getTime();
  if (t < Date.parse(window.opensAt)) return "notOpen";
  if (t < Date.parse(window.closesAt)) return "open";
  return "closed";
}

export type MeetingPhase = "upcoming" | "ongoing" | "ended";

export function meetingPhaseAt(meeting: { startsAt: string; endsAt: string }, now: Date) {
  const t = now.getTime();
  const phase: MeetingPhase =
    t < Date.parse(meeting.startsAt)
      ? "upcoming"
      : t < Date.parse(meeting.endsAt)
        ? "ongoing"
        : "ended";
  return phase;
}

export const meetingPhaseLabels: Record<MeetingPhase, string> = {
  upcoming: "尚未举行",
  ongoing: "正在进行",
  ended: "已结束",
};

/**
 * Why a new sign-up is refused, or null when it may be taken. `taken` is the number of sign-ups
 * already recorded (counted inside the transaction that inserts, under the meeting's lock).
 * firstCome: the quota is the hard limit; randomDraw: anyone may sign up while the window is open.
 */
export function signupRefusal(input: {
  window: SignupWindow;
  selection: SelectionRule;
  quota: number;
  taken: number;
}): string | null {
  switch (input.window) {
    case "notOpen":
      return "报名尚未开始,请在报名开始后再提交。";
    case "closed":
      return "报名已截止,不再接受报名。";
    case "open":
      break;
    default: {
      const never: never = input.window;
      return never;
    }
  }
  if (input.selection === "firstCome" && input.taken >= input.quota) {
    return `名额已满(共 ${input.quota} 个名额,按先到先得确定),不再接受报名。`;
  }
  return null;
}

export interface MeetingTimes {
  startsAt: string;
  endsAt: string;
  signupOpensAt: string;
  signupClosesAt: string;
}

/** Field errors of the times of an announcement: each span forward, sign-up closing before the start. */
export function meetingTimeProblems(times: MeetingTimes): Record<string, string> {
  const errors: Record<string, string> = {};
  const ms = (iso: string) => Date.parse(iso);
  if (ms(times.endsAt) <= ms(times.startsAt)) errors.endsAt = "结束时间应晚于开始时间";
  if (ms(times.signupClosesAt) <= ms(times.signupOpensAt)) {
    errors.signupClosesAt = "报名截止时间应晚于报名开始时间";
  } else if (ms(times.signupClosesAt) > ms(times.startsAt)) {
    errors.signupClosesAt = "报名应在活动开始前截止";
  }
  return errors;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An ISO instant as Beijing wall time "2026-12-01 09:30" (China has no daylight saving). */
export function shanghaiDateTime(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS)
    .toISOString()
    .slice(0, 16)
    .replace("T", " ");
}

/** The value of a datetime-local field for an instant: "2026-12-01T09:30". */
export function shanghaiLocalInput(iso: string): string {
  return shanghaiDateTime(iso).replace(" ", "T");
}

/** 2026-12-01T09:30 typed in Beijing time → an ISO instant; null when not that shape. */
export function instantOfShanghaiInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The year (Beijing time) of an instant, used in the 报名编号. */
export function shanghaiYear(iso: string): number {
  return Number(shanghaiDateTime(iso).slice(0, 4));
}
