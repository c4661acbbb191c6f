// Meetings as the pages show them: times in Beijing time, the window and phase in words.

import {
  type MeetingPhase,
  meetingKindLabels,
  meetingPhaseAt,
  meetingPhaseLabels,
  type SignupWindow,
  selectionLabels,
  shanghaiDateTime,
  signupRefusal,
  signupWindowAt,
} from "./rules";
import type { Meeting, PublicSignup } from "./store";

export interface MeetingView {
  id: number;
  kindLabel: string;
  topic: string;
  time: string;
  place: string;
  organiser: string;
  howToJoin: string;
  eligibility: string;
  signupPeriod: string;
  quota: number;
  selection: Meeting["selection"];
  selectionLabel: string;
  window: SignupWindow;
  phase: MeetingPhase;
  phaseLabel: string;
  signupCount: number;
  /** Short status for lists: 报名中 / 名额已满 / 报名截止 … */
  signupStatus: string;
  canSignUp: boolean;
  /** Why a sign-up would be refused now (rules.signupRefusal), or null. */
  refusal: string | null;
  drawSeed: string | null;
  seedPublishedAt: string | null;
  drawnAt: string | null;
  minutesHtml: string | null;
  outcome: string | null;
  resultsPublishedAt: string | null;
}

export function meetingViewOf(meeting: Meeting, signupCount: number, now: Date): MeetingView {
  const window = signupWindowAt(
    { opensAt: meeting.signupOpensAt, closesAt: meeting.signupClosesAt },
    now,
  );
  const phase = meetingPhaseAt(meeting, now);
  const full = meeting.selection === "firstCome" && signupCount >= meeting.quota;
  const signupStatus =
    window === "notOpen"
      ? "报名未开始"
      : window === "closed"
        ? "报名已截止"
        : full
          ? "名额已满"
          : "报名中";
  const published = meeting.resultsPublishedAt !== null;
  return {
    id: meeting.id,
    kindLabel: meetingKindLabels[meeting.kind],
    topic: meeting.topic,
    time: `${shanghaiDateTime(meeting.startsAt)} 至 ${shanghaiDateTime(meeting.endsAt)}`,
    place: meeting.place,
    organiser: meeting.organiser,
    howToJoin: meeting.howToJoin,
    eligibility: meeting.eligibility,
    signupPeriod: `${shanghaiDateTime(meeting.signupOpensAt)} 至 ${shanghaiDateTime(meeting.signupClosesAt)}`,
    quota: meeting.quota,
    selection: meeting.selection,
    selectionLabel: selectionLabels[meeting.selection],
    window,
    phase,
    phaseLabel: meetingPhaseLabels[phase],
    signupCount,
    signupStatus,
    canSignUp: window === "open" && !full,
    refusal: signupRefusal({
      window,
      selection: meeting.selection,
      quota: meeting.quota,
      taken: signupCount,
    }),
    drawSeed: meeting.drawSeed,
    seedPublishedAt: meeting.seedPublishedAt ? shanghaiDateTime(meeting.seedPublishedAt) : null,
    drawnAt: meeting.drawnAt ? shanghaiDateTime(meeting.drawnAt) : null,
    minutesHtml: published ? meeting.minutesHtml : null,
    outcome: published ? meeting.outcome : null,
    resultsPublishedAt: meeting.resultsPublishedAt
      ? shanghaiDateTime(meeting.resultsPublishedAt)
      : null,
  };
}

/** The selected 报名编号 in draw order is what the draw stored; listed in sign-up order here. */
export function selectedNumbers(signups: readonly PublicSignup[]): string[] {
  return signups.filter((s) => s.selected === true).map((s) => s.signupNo);
}

export const meetingsPath = "/interaction/meetings";
export const meetingPath = (id: number) => `${meetingsPath}/${id}`;
export const adminMeetingPath = (id: number) => `/admin/meetings/${id}`;
