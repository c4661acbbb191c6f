// Back office under /admin/meetings: draft (信息员), publish, seed and draw (审核人), minutes and
// outcome, and the audited full view of a sign-up.
import type { Context, Hono } from "hono";
import { requireRole, requireUser } from "../../accounts/middleware";
import { actorOf } from "../../accounts/routes";
import { fieldErrors } from "../../http/api";
import { AppError, notFound } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { renderBackOffice } from "../../ui/render";
import {
  canDraftMeetings,
  canPublishMeetingSteps,
  canRevealSignups,
  meetingDeskRoles,
  meetingDrafterRoles,
  meetingPublisherRoles,
  signupRevealRoles,
} from "./policy";
import { shanghaiLocalInput } from "./rules";
import { meetingInputSchema, resultsInputSchema, seedInputSchema } from "./schema";
import {
  createMeeting,
  publishMeeting,
  publishResults,
  publishSeed,
  revealSignup,
  runDraw,
  type SignupDetails,
  type StaffCtx,
  saveResults,
  signupKeys,
  updateMeeting,
} from "./service";
import {
  findMeeting,
  listMeetings,
  listSignupRows,
  type Meeting,
  signupCounts,
  staffSignupOf,
} from "./store";
import { adminMeetingPath, meetingViewOf } from "./view-model";
import { AdminMeetingListPage, AdminMeetingPage, MeetingFormPage } from "./views/admin";

const textFields = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

function staffCtx(c: Context<AppEnv>): StaffCtx {
  const user = requireUser(c);
  return { actor: { ...actorOf(c), id: user.id, roles: user.roles }, now: c.get("deps").clock() };
}

function idOf(c: Context<AppEnv>): number {
  const id = Number(c.req.param("id"));
  if (!Number.isInteger(id) || id <= 0) throw notFound("活动");
  return id;
}

const flashes: Record<string, string> = {
  created: "已保存草稿。",
  saved: "已保存。",
  published: "公告已发布。",
  seed: "抽签种子已公布,公开页面已显示。",
  drawn: "已完成随机抽取,结果已在公开页面公布。",
  results: "会议纪要和结果已公开。",
};

function formValuesOf(m: Meeting): Record<string, string> {
  return {
    kind: m.kind,
    topic: m.topic,
    startsAt: shanghaiLocalInput(m.startsAt),
    endsAt: shanghaiLocalInput(m.endsAt),
    place: m.place,
    organiser: m.organiser,
    howToJoin: m.howToJoin,
    eligibility: m.eligibility,
    signupOpensAt: shanghaiLocalInput(m.signupOpensAt),
    signupClosesAt: shanghaiLocalInput(m.signupClosesAt),
    quota: String(m.quota),
    selection: m.selection,
    decisionId: m.decisionId === null ? "" : String(m.decisionId),
  };
}

export function adminMeetingRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/meetings", async (c) => {
    const user = requireRole(c, ...meetingDeskRoles);
    const { db, clock } = c.get("deps");
    const meetings = await listMeetings(db, false);
    const counts = await signupCounts(
      db,
      meetings.map((m) => m.id),
    );
    const rows = meetings.map((m) => ({
      ...meetingViewOf(m, counts.get(m.id) ?? 0, clock()),
      isPublished: m.publishedAt !== null,
    }));
    return renderBackOffice(
      c,
      "座谈会、听证会和实地走访",
      <AdminMeetingListPage meetings={rows} canDraft={canDraftMeetings(user)} />,
    );
  });

  const form = (
    c: Context<AppEnv>,
    action: string,
    title: string,
    values = {},
    errors = {},
    status = 200,
  ) =>
    renderBackOffice(
      c,
      title,
      <MeetingFormPage action={action} title={title} values={values} errors={errors} />,
      status,
    );

  app.get("/admin/meetings/new", (c) => {
    requireRole(c, ...meetingDrafterRoles);
    return form(c, "/admin/meetings/new", "起草活动公告", { selection: "firstCome" });
  });

  app.post("/admin/meetings/new", async (c) => {
    requireRole(c, ...meetingDrafterRoles);
    const values = textFields(await c.req.parseBody());
    const parsed = meetingInputSchema.safeParse(values);
    const fail = (errors: Record<string, string>) =>
      form(c, "/admin/meetings/new", "起草活动公告", values, errors, 400);
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    try {
      const id = await createMeeting(c.get("deps").db, parsed.data, staffCtx(c));
      return c.redirect(`${adminMeetingPath(id)}?done=created`, 303);
    } catch (error) {
      if (error instanceof AppError && error.fields) return fail(error.fields);
      throw error;
    }
  });

  app.get("/admin/meetings/:id{[0-9]+}", (c) => {
    requireRole(c, ...meetingDeskRoles);
    return renderMeeting(c, idOf(c), { flash: flashes[c.req.query("done") ?? ""] });
  });

  app.get("/admin/meetings/:id{[0-9]+}/edit", async (c) => {
    requireRole(c, ...meetingDrafterRoles);
    const id = idOf(c);
    const meeting = await findMeeting(c.get("deps").db, id);
    if (!meeting) throw notFound("活动");
    return form(c, `${adminMeetingPath(id)}/edit`, "修改活动公告", formValuesOf(meeting));
  });

  app.post("/admin/meetings/:id{[0-9]+}/edit", async (c) => {
    requireRole(c, ...meetingDrafterRoles);
    const id = idOf(c);
    const values = textFields(await c.req.parseBody());
    const parsed = meetingInputSchema.safeParse(values);
    const fail = (errors: Record<string, string>, status = 400) =>
      form(c, `${adminMeetingPath(id)}/edit`, "修改活动公告", values, errors, status);
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    try {
      await updateMeeting(c.get("deps").db, id, parsed.data, staffCtx(c));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.fields) return fail(error.fields);
      if (error.code === "conflict") return fail({ _: error.message }, 409);
      throw error;
    }
    return c.redirect(`${adminMeetingPath(id)}?done=saved`, 303);
  });

  /** A workflow step: run it, then back to the meeting page; a refusal is shown on the page. */
  const step = (
    path: string,
    roles: typeof meetingDeskRoles,
    done: string,
    run: (c: Context<AppEnv>, id: number, values: Record<string, string>) => Promise<unknown>,
  ) =>
    app.post(`/admin/meetings/:id{[0-9]+}/${path}`, async (c) => {
      requireRole(c, ...roles);
      const id = idOf(c);
      const values = textFields(await c.req.parseBody());
      try {
        await run(c, id, values);
      } catch (error) {
        if (!(error instanceof AppError) || error.code === "not_found") throw error;
        if (error.code === "forbidden" && !error.fields) throw error;
        const errors = error.fields ?? { _: error.message };
        return renderMeeting(c, id, { errors, values }, error.status);
      }
      return c.redirect(`${adminMeetingPath(id)}?done=${done}`, 303);
    });

  step("publish", meetingPublisherRoles, "published", (c, id) =>
    publishMeeting(c.get("deps").db, id, staffCtx(c)),
  );
  step("seed", meetingPublisherRoles, "seed", async (c, id, values) => {
    const parsed = seedInputSchema.safeParse(values);
    if (!parsed.success)
      throw new AppError("validation", "抽签种子有误", fieldErrors(parsed.error));
    await publishSeed(c.get("deps").db, id, parsed.data.seed, staffCtx(c));
  });
  step("draw", meetingPublisherRoles, "drawn", (c, id) =>
    runDraw(c.get("deps").db, id, staffCtx(c)),
  );
  step("results", meetingDrafterRoles, "saved", async (c, id, values) => {
    const parsed = resultsInputSchema.safeParse(values);
    if (!parsed.success) throw new AppError("validation", "内容有误", fieldErrors(parsed.error));
    await saveResults(c.get("deps").db, id, parsed.data, staffCtx(c));
  });
  step("results/publish", meetingPublisherRoles, "results", (c, id) =>
    publishResults(c.get("deps").db, id, staffCtx(c)),
  );

  app.post("/admin/meetings/:id{[0-9]+}/signups/:signupId{[0-9]+}/reveal", async (c) => {
    requireRole(c, ...signupRevealRoles);
    const id = idOf(c);
    const revealed = await revealSignup(c.get("deps").db, id, Number(c.req.param("signupId")), {
      ...staffCtx(c),
      keys: signupKeys(c.get("deps").config.secret),
    });
    const res = await renderMeeting(c, id, { revealed });
    res.headers.set("Cache-Control", "no-store");
    return res;
  });
}

async function renderMeeting(
  c: Context<AppEnv>,
  id: number,
  extras: {
    flash?: string;
    revealed?: SignupDetails;
    errors?: Record<string, string>;
    values?: Record<string, string>;
  },
  status = 200,
) {
  const user = requireUser(c);
  const { db, clock } = c.get("deps");
  const meeting = await findMeeting(db, id);
  if (!meeting) throw notFound("活动");
  const signups = (await listSignupRows(db, id)).map(staffSignupOf);
  const view = {
    ...meetingViewOf(meeting, signups.length, clock()),
    isPublished: meeting.publishedAt !== null,
  };
  return renderBackOffice(
    c,
    meeting.topic,
    <AdminMeetingPage
      meeting={view}
      minutesHtml={meeting.minutesHtml}
      outcome={meeting.outcome}
      createdByMe={meeting.createdBy === user.id}
      signups={signups}
      can={{
        draft: canDraftMeetings(user),
        publish: canPublishMeetingSteps(user),
        reveal: canRevealSignups(user),
      }}
      revealed={extras.revealed}
      flash={extras.flash}
      errors={extras.errors ?? {}}
      values={extras.values ?? {}}
    />,
    status,
  );
}
