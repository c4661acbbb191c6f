// Public pages under /interaction/meetings: list, announcement, sign-up (no account: offline
// human check and a per-address limit in the database), the sign-up receipt, the verify script.
import { readFileSync } from "node:fs";
import type { Context, Hono } from "hono";
import { fieldErrors } from "../../http/api";
import { AppError, notFound } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import {
  consumeHumanCheck,
  createHumanChallenge,
  humanCheckFields,
} from "../../platform/human-check";
import { projectPath } from "../../platform/paths";
import { hitRateLimit } from "../../platform/rate-limit";
import { renderPortal } from "../../ui/render";
import { signupInputSchema } from "./schema";
import { onlineParticipant, signUp, signupKeys } from "./service";
import { findMeeting, listMeetings, listPublicSignups, type Meeting, signupCounts } from "./store";
import { type MeetingView, meetingPath, meetingsPath, meetingViewOf } from "./view-model";
import { MeetingListPage, MeetingPage, SignedUpPage, SignupPage } from "./views/public";

/** Sign-up attempts per client address per hour. */
const SIGNUPS_PER_ADDRESS_PER_HOUR = 20;

const verifyScript = readFileSync(
  projectPath("src/participation/meetings/verify-draw.mjs"),
  "utf8",
);

const textFields = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

/** A published meeting and its view, or 404: drafts do not exist for the public. */
async function publishedMeeting(
  c: Context<AppEnv>,
): Promise<{ meeting: Meeting; view: MeetingView }> {
  const { db, clock } = c.get("deps");
  const id = Number(c.req.param("id"));
  const meeting = Number.isInteger(id) && id > 0 ? await findMeeting(db, id) : null;
  if (!meeting?.publishedAt) throw notFound("活动");
  const count = (await signupCounts(db, [id])).get(id) ?? 0;
  return { meeting, view: meetingViewOf(meeting, count, clock()) };
}

export function publicMeetingRoutes(app: Hono<AppEnv>): void {
  app.get(meetingsPath, async (c) => {
    const { db, clock } = c.get("deps");
    const meetings = await listMeetings(db, true);
    const counts = await signupCounts(
      db,
      meetings.map((m) => m.id),
    );
    const views = meetings.map((m) => meetingViewOf(m, counts.get(m.id) ?? 0, clock()));
    return renderPortal(c, "座谈会、听证会和实地走访", <MeetingListPage meetings={views} />);
  });

  app.get(`${meetingsPath}/verify-draw.mjs`, (c) => {
    c.header("Content-Type", "text/plain; charset=utf-8");
    c.header("Content-Disposition", 'inline; filename="verify-draw.mjs"');
    return c.body(verifyScript);
  });

  app.get(`${meetingsPath}/:id{[0-9]+}`, async (c) => {
    const { meeting, view } = await publishedMeeting(c);
    const signups = await listPublicSignups(c.get("deps").db, meeting.id);
    return renderPortal(c, view.topic, <MeetingPage meeting={view} signups={signups} />);
  });

  app.get(`${meetingsPath}/:id{[0-9]+}/signup`, async (c) => {
    const { view } = await publishedMeeting(c);
    return renderSignup(c, view, {}, {});
  });

  app.post(`${meetingsPath}/:id{[0-9]+}/signup`, async (c) => {
    const { db, clock, config } = c.get("deps");
    const now = clock();
    const { meeting, view } = await publishedMeeting(c);
    // Closed, not yet open or full: say so before asking anything else (the service checks again).
    if (!view.canSignUp) return renderSignup(c, view, {}, {}, 409);
    const limit = await hitRateLimit(
      db,
      `meeting-signup:${c.get("clientIp")}`,
      SIGNUPS_PER_ADDRESS_PER_HOUR,
      3600,
      now,
    );
    if (!limit.allowed) {
      throw new AppError(
        "rate_limited",
        "报名提交过于频繁,请稍后再试。",
        undefined,
        limit.retryAfterSeconds,
      );
    }
    const values = textFields(await c.req.parseBody());
    const human = await consumeHumanCheck(
      db,
      config.secret,
      {
        token: values[humanCheckFields.token],
        answer: values[humanCheckFields.answer],
        honeypot: values[humanCheckFields.honeypot],
      },
      now,
    );
    const parsed = signupInputSchema.safeParse(values);
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!human.ok) errors[humanCheckFields.answer] = human.message;
    if (!parsed.success || !human.ok) return renderSignup(c, view, values, errors, 400);
    try {
      const signed = await signUp(db, meeting.id, parsed.data, {
        keys: signupKeys(config.secret),
        now,
        actor: onlineParticipant(c.get("clientIp")),
      });
      return c.redirect(
        `${meetingPath(meeting.id)}/signed-up?no=${encodeURIComponent(signed.signupNo)}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "conflict") {
        const fresh = await publishedMeeting(c);
        return renderSignup(c, fresh.view, values, {}, 409, error.message);
      }
      if (error.code === "validation" && error.fields) {
        return renderSignup(c, view, values, error.fields, 400);
      }
      throw error;
    }
  });

  app.get(`${meetingsPath}/:id{[0-9]+}/signed-up`, async (c) => {
    const { meeting, view } = await publishedMeeting(c);
    const no = c.req.query("no") ?? "";
    const signup = (await listPublicSignups(c.get("deps").db, meeting.id)).find(
      (s) => s.signupNo === no,
    );
    if (!signup) throw notFound("报名记录");
    return renderPortal(
      c,
      "报名已提交",
      <SignedUpPage meeting={view} signupNo={signup.signupNo} maskedName={signup.maskedName} />,
    );
  });
}

function renderSignup(
  c: Context<AppEnv>,
  view: MeetingView,
  values: Record<string, string>,
  errors: Record<string, string>,
  status = 200,
  refusal?: string,
) {
  const { config, clock } = c.get("deps");
  const closedReason = refusal ?? view.refusal ?? undefined;
  const challenge = view.canSignUp ? createHumanChallenge(config.secret, clock()) : null;
  return renderPortal(
    c,
    `报名:${view.topic}`,
    <SignupPage
      meeting={view}
      values={values}
      errors={errors}
      challenge={challenge}
      refusal={closedReason}
    />,
    status,
  );
}
