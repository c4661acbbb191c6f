// The public, read-only JSON API of 座谈会 / 听证会 / 实地走访: published announcements, the public
// sign-up list (报名编号 and masked name only), the seed and draw result, minutes and outcome.
import type { Hono } from "hono";
import { z } from "zod";
import type { Api } from "../../http/api";
import { notFound } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { drawRuleText } from "./draw";
import { MEETING_KINDS, SELECTION_RULES } from "./rules";
import { findMeeting, listMeetings, listPublicSignups, type Meeting, signupCounts } from "./store";
import { meetingPath, meetingViewOf } from "./view-model";

const meetingSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(MEETING_KINDS),
  kindLabel: z.string(),
  topic: z.string(),
  startsAt: z.string().describe("ISO-8601 UTC"),
  endsAt: z.string(),
  place: z.string(),
  organiser: z.string(),
  signupOpensAt: z.string(),
  signupClosesAt: z.string(),
  quota: z.number().int(),
  selection: z.enum(SELECTION_RULES),
  signupStatus: z.string().describe("报名未开始 / 报名中 / 名额已满 / 报名已截止"),
  signupCount: z.number().int(),
  decisionId: z.number().int().nullable(),
  url: z.string(),
});

const meetingDetailSchema = meetingSummarySchema.extend({
  howToJoin: z.string(),
  eligibility: z.string(),
  signups: z.array(
    z.object({
      signupNo: z.string(),
      maskedName: z.string(),
      selected: z.boolean().nullable(),
    }),
  ),
  draw: z
    .object({
      seed: z.string().nullable(),
      seedPublishedAt: z.string().nullable(),
      drawnAt: z.string().nullable(),
      selected: z.array(z.string()),
      rule: z.string(),
    })
    .nullable(),
  results: z
    .object({ minutesHtml: z.string(), outcome: z.string(), publishedAt: z.string() })
    .nullable(),
});

function summaryOf(m: Meeting, count: number, now: Date) {
  const view = meetingViewOf(m, count, now);
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: view.kindLabel,
    topic: m.topic,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    organiser: m.organiser,
    signupOpensAt: m.signupOpensAt,
    signupClosesAt: m.signupClosesAt,
    quota: m.quota,
    selection: m.selection,
    signupStatus: view.signupStatus,
    signupCount: count,
    decisionId: m.decisionId,
    url: meetingPath(m.id),
  };
}

export function meetingApiRoutes(_app: Hono<AppEnv>, api: Api): void {
  api.route(
    {
      method: "get",
      path: "/api/v1/meetings",
      summary: "座谈会、听证会和实地走访公告列表(已发布)",
      tag: "meetings",
      auth: "public",
      response: z.object({ items: z.array(meetingSummarySchema) }),
    },
    async (c) => {
      const { db, clock } = c.get("deps");
      const meetings = await listMeetings(db, true);
      const counts = await signupCounts(
        db,
        meetings.map((m) => m.id),
      );
      return c.json({ items: meetings.map((m) => summaryOf(m, counts.get(m.id) ?? 0, clock())) });
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/meetings/:id",
      summary: "一次座谈会、听证会或实地走访:公告、公开的报名名单、抽签种子和结果、会议纪要",
      tag: "meetings",
      auth: "public",
      params: z.object({ id: z.coerce.number().int().positive() }),
      response: meetingDetailSchema,
    },
    async (c, { params }) => {
      const { db, clock } = c.get("deps");
      const m = await findMeeting(db, params.id);
      if (!m?.publishedAt) throw notFound("活动");
      const signups = await listPublicSignups(db, m.id);
      return c.json({
        ...summaryOf(m, signups.length, clock()),
        howToJoin: m.howToJoin,
        eligibility: m.eligibility,
        signups,
        draw:
          m.selection === "randomDraw"
            ? {
                seed: m.drawSeed,
                seedPublishedAt: m.seedPublishedAt,
                drawnAt: m.drawnAt,
                selected: m.drawnAt ? signups.filter((s) => s.selected).map((s) => s.signupNo) : [],
                rule: drawRuleText,
              }
            : null,
        results: m.resultsPublishedAt
          ? { minutesHtml: m.minutesHtml, outcome: m.outcome, publishedAt: m.resultsPublishedAt }
          : null,
      });
    },
  );
}
