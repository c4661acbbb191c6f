// Back office of 意见征集 and the decision catalog. Routes parse, check the role, call a service
// (one transaction with its audit entry) and redirect, or re-render the form with field errors.
import type { Context, Hono } from "hono";
import { requireRole } from "../accounts/middleware";
import { todayInShanghai } from "../calendar/rules";
import { fieldErrors } from "../http/api";
import { AppError, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { listUnits } from "../org/store";
import { personalDataKey } from "../platform/crypto";
import { renderBackOffice } from "../ui/render";
import { decisionYears, listDecisionItems, saveDecisionItem } from "./decisions";
import { answerComment, createGroup, draftFeedback, publishFeedback } from "./feedback";
import { formOf, idParam, staffCtxOf } from "./http";
import { adminConsultationPath } from "./labels";
import {
  canDraftFor,
  canOpenConsultation,
  canPublishFeedback,
  participationSettingsRoles,
  participationStaffRoles,
} from "./policy";
import { PARTICIPATION_METHODS } from "./rules";
import {
  answerSchema,
  consultationInputSchema,
  decisionInputSchema,
  feedbackSchema,
  feedbackSettingSchema,
  groupSchema,
  holdSchema,
  templateSchema,
} from "./schema";
import { moderateComment, openConsultation, revealCommenter, saveConsultation } from "./service";
import { loadFeedbackWorkdays } from "./settings";
import {
  type Consultation,
  findConsultation,
  listAnswerTemplates,
  listConsultations,
  listGroups,
  listStaffComments,
} from "./store";
import { consultationsAwaitingFeedback } from "./supervision";
import { saveAnswerTemplate, updateFeedbackWorkdays } from "./templates";
import {
  ConsultationAdminList,
  ConsultationDetail,
  ConsultationForm,
  FeedbackAdminPage,
  SettingsPage,
  TemplatesPage,
} from "./views/admin";
import { DecisionAdminPage } from "./views/decisions";

const staff = participationStaffRoles;

function valuesOf(c: Consultation): Record<string, string> {
  return {
    title: c.title,
    unitId: String(c.unitId),
    decisionItemId: c.decisionItemId ? String(c.decisionItemId) : "",
    isMajor: c.isMajor ? "1" : "",
    draftText: c.draftText,
    draftRecordId: c.draftRecordId ? String(c.draftRecordId) : "",
    explanationHtml: c.explanationHtml,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    shortPeriodReason: c.shortPeriodReason,
    contactPhone: c.contact.phone,
    contactEmail: c.contact.email,
    contactAddress: c.contact.address,
  };
}

/** Runs a change; a field error re-renders through `fail` with status 400. */
async function orFieldErrors(
  run: () => Promise<Response>,
  fail: (errors: Record<string, string>) => Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.fields) return fail(error.fields);
    throw error;
  }
}

export function participationAdminRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/consultations", async (c) => {
    requireRole(c, ...staff);
    const { db, clock } = c.get("deps");
    const now = clock();
    return renderBackOffice(
      c,
      "意见征集",
      <ConsultationAdminList
        consultations={await listConsultations(db, now)}
        awaiting={await consultationsAwaitingFeedback(db, { today: todayInShanghai(now) })}
      />,
    );
  });

  app.get("/admin/consultations/new", async (c) => {
    const user = requireRole(c, ...staff);
    const today = todayInShanghai(c.get("deps").clock());
    return renderForm(c, null, { unitId: String(user.unitId), opensOn: today }, {});
  });

  app.post("/admin/consultations/new", async (c) => {
    requireRole(c, ...staff);
    const { values } = await formOf(c);
    const parsed = consultationInputSchema.safeParse(values);
    if (!parsed.success) return renderForm(c, null, values, fieldErrors(parsed.error), 400);
    return orFieldErrors(
      async () => {
        const id = await saveConsultation(c.get("deps").db, null, parsed.data, staffCtxOf(c));
        return c.redirect(`${adminConsultationPath(id)}?done=saved`, 303);
      },
      (errors) => renderForm(c, null, values, errors, 400),
    );
  });

  app.get("/admin/consultations/:id", async (c) => {
    requireRole(c, ...staff);
    const flash = { saved: "已保存。", opened: "意见征集已发布。", moderated: "已处理该意见。" }[
      c.req.query("done") ?? ""
    ];
    return renderDetail(c, idParam(c, "id", "意见征集"), {}, flash);
  });

  app.get("/admin/consultations/:id/edit", async (c) => {
    requireRole(c, ...staff);
    const { db, clock } = c.get("deps");
    const consultation = await findConsultation(db, idParam(c, "id", "意见征集"), clock());
    if (!consultation) throw notFound("意见征集");
    return renderForm(c, consultation.id, valuesOf(consultation), {});
  });

  app.post("/admin/consultations/:id/edit", async (c) => {
    requireRole(c, ...staff);
    const id = idParam(c, "id", "意见征集");
    const { values } = await formOf(c);
    const parsed = consultationInputSchema.safeParse(values);
    if (!parsed.success) return renderForm(c, id, values, fieldErrors(parsed.error), 400);
    return orFieldErrors(
      async () => {
        await saveConsultation(c.get("deps").db, id, parsed.data, staffCtxOf(c));
        return c.redirect(`${adminConsultationPath(id)}?done=saved`, 303);
      },
      (errors) => renderForm(c, id, values, errors, 400),
    );
  });

  app.post("/admin/consultations/:id/open", async (c) => {
    requireRole(c, "reviewer");
    const id = idParam(c, "id", "意见征集");
    return orFieldErrors(
      async () => {
        await openConsultation(c.get("deps").db, id, staffCtxOf(c));
        return c.redirect(`${adminConsultationPath(id)}?done=opened`, 303);
      },
      (errors) => renderDetail(c, id, errors, undefined, 400),
    );
  });

  app.post("/admin/consultation-comments/:cid/publish", async (c) => {
    requireRole(c, ...staff);
    const id = await moderateComment(
      c.get("deps").db,
      idParam(c, "cid", "意见"),
      { action: "publish" },
      staffCtxOf(c),
    );
    return c.redirect(`${adminConsultationPath(id)}?done=moderated`, 303);
  });

  app.post("/admin/consultation-comments/:cid/hold", async (c) => {
    requireRole(c, ...staff);
    const cid = idParam(c, "cid", "意见");
    const parsed = holdSchema.safeParse((await formOf(c)).values);
    if (!parsed.success) {
      const row = await c
        .get("deps")
        .db.selectFrom("consultation_comments")
        .select("consultation_id")
        .where("id", "=", cid)
        .executeTakeFirst();
      if (!row) throw notFound("意见");
      return renderDetail(
        c,
        row.consultation_id,
        { reason: "请填写不予公开的理由" },
        undefined,
        400,
      );
    }
    const id = await moderateComment(
      c.get("deps").db,
      cid,
      { action: "hold", reason: parsed.data.reason },
      staffCtxOf(c),
    );
    return c.redirect(`${adminConsultationPath(id)}?done=moderated`, 303);
  });

  app.post("/admin/consultation-comments/:cid/contact", async (c) => {
    requireRole(c, ...staff);
    const { db, config } = c.get("deps");
    const cid = idParam(c, "cid", "意见");
    const revealed = await revealCommenter(db, cid, {
      ...staffCtxOf(c),
      key: personalDataKey(config.secret),
    });
    const res = await renderDetail(c, revealed.consultationId, {}, undefined, 200, {
      commentId: cid,
      name: revealed.name,
      contact: revealed.contact,
    });
    res.headers.set("Cache-Control", "no-store");
    return res;
  });

  app.post("/admin/consultation-comments/:cid/answer", async (c) => {
    requireRole(c, ...staff);
    const { db } = c.get("deps");
    const cid = idParam(c, "cid", "意见");
    const { values } = await formOf(c);
    const parsed = answerSchema.safeParse(values);
    const row = await db
      .selectFrom("consultation_comments")
      .select("consultation_id")
      .where("id", "=", cid)
      .executeTakeFirst();
    if (!row) throw notFound("意见");
    if (!parsed.success)
      return renderFeedback(c, row.consultation_id, fieldErrors(parsed.error), undefined, 400);
    return orFieldErrors(
      async () => {
        await answerComment(db, cid, parsed.data, staffCtxOf(c));
        return c.redirect(
          `${adminConsultationPath(row.consultation_id)}/feedback?done=answered`,
          303,
        );
      },
      (errors) => renderFeedback(c, row.consultation_id, errors, undefined, 400),
    );
  });

  app.get("/admin/consultations/:id/feedback", async (c) => {
    requireRole(c, ...staff);
    const flash = {
      answered: "已保存答复。",
      grouped: "已新建分组。",
      published: "意见采纳情况反馈已发布。",
    }[c.req.query("done") ?? ""];
    return renderFeedback(c, idParam(c, "id", "意见征集"), {}, flash);
  });

  app.post("/admin/consultations/:id/groups", async (c) => {
    requireRole(c, ...staff);
    const id = idParam(c, "id", "意见征集");
    const { values, lists } = await formOf(c);
    const parsed = groupSchema.safeParse(values);
    if (!parsed.success) return renderFeedback(c, id, fieldErrors(parsed.error), undefined, 400);
    const commentIds = (lists.commentIds ?? [])
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    return orFieldErrors(
      async () => {
        await createGroup(c.get("deps").db, id, { ...parsed.data, commentIds }, staffCtxOf(c));
        return c.redirect(`${adminConsultationPath(id)}/feedback?done=grouped`, 303);
      },
      (errors) => renderFeedback(c, id, errors, undefined, 400),
    );
  });

  app.post("/admin/consultations/:id/feedback", async (c) => {
    requireRole(c, "reviewer");
    const id = idParam(c, "id", "意见征集");
    const parsed = feedbackSchema.safeParse((await formOf(c)).values);
    if (!parsed.success) return renderFeedback(c, id, fieldErrors(parsed.error), undefined, 400);
    return orFieldErrors(
      async () => {
        await publishFeedback(c.get("deps").db, id, parsed.data, staffCtxOf(c));
        return c.redirect(`${adminConsultationPath(id)}/feedback?done=published`, 303);
      },
      (errors) => renderFeedback(c, id, errors, undefined, 400),
    );
  });

  templateRoutes(app);
  decisionRoutes(app);
}

function templateRoutes(app: Hono<AppEnv>): void {
  const page = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string>,
    status = 200,
    flash?: string,
  ) =>
    renderBackOffice(
      c,
      "意见征集答复模板",
      <TemplatesPage
        templates={await listAnswerTemplates(c.get("deps").db)}
        values={values}
        errors={errors}
        flash={flash}
      />,
      status,
    );
  app.get("/admin/consultation-templates", (c) => {
    requireRole(c, ...staff);
    return page(c, {}, {}, 200, c.req.query("done") ? "模板已保存。" : undefined);
  });
  const save = (idOf: (c: Context<AppEnv>) => number | null) => async (c: Context<AppEnv>) => {
    requireRole(c, ...staff);
    const { values } = await formOf(c);
    const parsed = templateSchema.safeParse(values);
    if (!parsed.success) return page(c, values, fieldErrors(parsed.error), 400);
    await saveAnswerTemplate(c.get("deps").db, idOf(c), parsed.data, staffCtxOf(c));
    return c.redirect("/admin/consultation-templates?done=1", 303);
  };
  app.post(
    "/admin/consultation-templates",
    save(() => null),
  );
  app.post(
    "/admin/consultation-templates/:id",
    save((c) => idParam(c, "id", "答复模板")),
  );

  app.get("/admin/participation/settings", async (c) => {
    requireRole(c, ...participationSettingsRoles);
    const days = await loadFeedbackWorkdays(c.get("deps").db);
    const flash = c.req.query("done") ? "设置已保存。" : undefined;
    return renderBackOffice(c, "意见征集设置", <SettingsPage days={days} flash={flash} />);
  });
  app.post("/admin/participation/settings", async (c) => {
    requireRole(c, ...participationSettingsRoles);
    const { values } = await formOf(c);
    const parsed = feedbackSettingSchema.safeParse(values);
    if (!parsed.success) {
      const days = await loadFeedbackWorkdays(c.get("deps").db);
      return renderBackOffice(
        c,
        "意见征集设置",
        <SettingsPage days={days} error={fieldErrors(parsed.error).feedbackWorkdays} />,
        400,
      );
    }
    await updateFeedbackWorkdays(c.get("deps").db, parsed.data.feedbackWorkdays, staffCtxOf(c));
    return c.redirect("/admin/participation/settings?done=1", 303);
  });
}

function decisionInputOf(values: Record<string, string>, lists: Record<string, string[]>) {
  const methods = new Set(lists.methods ?? []);
  return {
    ...values,
    stages: PARTICIPATION_METHODS.filter((m) => methods.has(m)).map((m) => ({
      method: m,
      status: values[`status_${m}`] ?? "planned",
      on: values[`on_${m}`] ?? "",
    })),
  };
}

function decisionRoutes(app: Hono<AppEnv>): void {
  const page = async (
    c: Context<AppEnv>,
    year: number,
    editingId: number | null,
    values: Record<string, string>,
    errors: Record<string, string>,
    status = 200,
  ) => {
    const { db } = c.get("deps");
    const editing = editingId ? (await listDecisionItems(db, { id: editingId }))[0] : null;
    if (editingId && !editing) throw notFound("决策事项");
    const shownYear = editing?.year ?? year;
    return renderBackOffice(
      c,
      "重大行政决策事项目录",
      <DecisionAdminPage
        year={shownYear}
        years={await decisionYears(db)}
        items={await listDecisionItems(db, { year: shownYear })}
        units={(await listUnits(db)).map((u) => ({ id: u.id, name: u.name }))}
        editing={editing ?? null}
        values={values}
        errors={errors}
        flash={c.req.query("done") ? "事项已保存。" : undefined}
      />,
      status,
    );
  };
  const yearOf = (c: Context<AppEnv>) => {
    const y = Number(c.req.query("year"));
    return Number.isInteger(y) && y >= 2000 && y <= 2100
      ? y
      : Number(todayInShanghai(c.get("deps").clock()).slice(0, 4));
  };
  app.get("/admin/decisions", (c) => {
    requireRole(c, ...staff);
    return page(c, yearOf(c), null, {}, {});
  });
  app.get("/admin/decisions/:id", (c) => {
    requireRole(c, ...staff);
    return page(c, yearOf(c), idParam(c, "id", "决策事项"), {}, {});
  });
  const save = (idOf: (c: Context<AppEnv>) => number | null) => async (c: Context<AppEnv>) => {
    requireRole(c, ...staff);
    const id = idOf(c);
    const { values, lists } = await formOf(c);
    const parsed = decisionInputSchema.safeParse(decisionInputOf(values, lists));
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      for (const key of Object.keys(errors)) {
        if (key.startsWith("stages.")) errors.stages = errors[key]!;
      }
      return page(c, yearOf(c), id, values, errors, 400);
    }
    const ctx = staffCtxOf(c);
    if (!canDraftFor(ctx.actor, parsed.data.unitId)) {
      return page(c, yearOf(c), id, values, { unitId: "您只能维护本单位的决策事项" }, 400);
    }
    const saved = await saveDecisionItem(c.get("deps").db, id, parsed.data, ctx);
    return c.redirect(`/admin/decisions/${saved}?done=1`, 303);
  };
  app.post(
    "/admin/decisions",
    save(() => null),
  );
  app.post(
    "/admin/decisions/:id",
    save((c) => idParam(c, "id", "决策事项")),
  );
}

async function renderForm(
  c: Context<AppEnv>,
  id: number | null,
  values: Record<string, string>,
  errors: Record<string, string>,
  status = 200,
) {
  const { db } = c.get("deps");
  const ctx = staffCtxOf(c);
  const units = (await listUnits(db))
    .filter((u) => canDraftFor(ctx.actor, u.id))
    .map((u) => ({ id: u.id, name: u.name }));
  const decisions = (await listDecisionItems(db, {})).map((d) => ({
    id: d.id,
    year: d.year,
    title: d.title,
    isMajor: d.isMajor,
  }));
  return renderBackOffice(
    c,
    id === null ? "新建意见征集" : "修改意见征集",
    <ConsultationForm
      id={id}
      values={values}
      errors={errors}
      units={units}
      decisions={decisions}
    />,
    status,
  );
}

async function renderDetail(
  c: Context<AppEnv>,
  id: number,
  errors: Record<string, string>,
  flash?: string,
  status = 200,
  revealed?: { commentId: number; name: string | null; contact: string | null },
) {
  const { db } = c.get("deps");
  const ctx = staffCtxOf(c);
  const consultation = await findConsultation(db, id, ctx.now);
  if (!consultation) throw notFound("意见征集");
  const isDraft = consultation.status === "draft";
  return renderBackOffice(
    c,
    consultation.title,
    <ConsultationDetail
      consultation={consultation}
      comments={await listStaffComments(db, consultation)}
      canOpen={isDraft && canOpenConsultation(ctx.actor)}
      canEdit={isDraft && canDraftFor(ctx.actor, consultation.unitId)}
      errors={errors}
      flash={flash}
      revealed={revealed}
    />,
    status,
  );
}

async function renderFeedback(
  c: Context<AppEnv>,
  id: number,
  errors: Record<string, string>,
  flash?: string,
  status = 200,
) {
  const { db } = c.get("deps");
  const ctx = staffCtxOf(c);
  const consultation = await findConsultation(db, id, ctx.now);
  if (!consultation) throw notFound("意见征集");
  const { snapshot, problems } = await draftFeedback(db, consultation);
  if (consultation.phase === "open" || consultation.phase === "upcoming") {
    problems.unshift("意见征集尚未截止");
  }
  return renderBackOffice(
    c,
    `意见采纳情况反馈:${consultation.title}`,
    <FeedbackAdminPage
      consultation={consultation}
      comments={await listStaffComments(db, consultation)}
      groups={await listGroups(db, id)}
      templates={await listAnswerTemplates(db)}
      preview={snapshot}
      problems={problems}
      canPublish={canPublishFeedback(ctx.actor)}
      errors={errors}
      flash={flash}
    />,
    status,
  );
}
