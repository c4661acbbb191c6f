// Public pages of 互动交流 (/interaction), 意见征集 and the decision catalog, the read-only API,
// and the back office (admin-routes.tsx).
import type { Context, Hono } from "hono";
import { todayInShanghai } from "../calendar/rules";
import { pageOfQuery } from "../disclosure/params";
import { type Api, fieldErrors } from "../http/api";
import { AppError, conflict, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { personalDataKey } from "../platform/crypto";
import { consumeHumanCheck, createHumanChallenge, humanCheckFields } from "../platform/human-check";
import { hitRateLimit } from "../platform/rate-limit";
import { findPublishedRecord } from "../records/public-store";
import { renderPortal } from "../ui/render";
import { participationAdminRoutes } from "./admin-routes";
import { participationApiRoutes } from "./api";
import { decisionYears, listDecisionItems } from "./decisions";
import { formOf, idParam } from "./http";
import { consultationPath } from "./labels";
import { commentRefusal } from "./rules";
import { commentInputSchema } from "./schema";
import { publicCommenter, submitComment } from "./service";
import {
  findPublicConsultation,
  latestFeedback,
  listOpenConsultations,
  listPublicConsultationPage,
  listPublishedComments,
} from "./store";
import { DecisionCatalogPage } from "./views/decisions";
import {
  ConsultationListPage,
  ConsultationPage,
  FeedbackPage,
  InteractionHome,
} from "./views/public";

const CONSULTATIONS_PER_PAGE = 20;

/** Comments one address may send per hour, across consultations. */
const COMMENTS_PER_HOUR = 10;

export function participationRoutes(app: Hono<AppEnv>, api: Api): void {
  app.get("/interaction", async (c) => {
    const { db, clock } = c.get("deps");
    const open = await listOpenConsultations(db, clock());
    return clockDependent(await renderPortal(c, "互动交流", <InteractionHome open={open} />));
  });

  app.get("/interaction/consultations", async (c) => {
    const { db, clock } = c.get("deps");
    const page = pageOfQuery(c.req.query("page"));
    const { total, items } = await listPublicConsultationPage(db, clock(), {
      page,
      pageSize: CONSULTATIONS_PER_PAGE,
    });
    return clockDependent(
      await renderPortal(
        c,
        "意见征集",
        <ConsultationListPage
          consultations={items}
          page={page}
          pageCount={Math.ceil(total / CONSULTATIONS_PER_PAGE)}
        />,
      ),
    );
  });

  app.get("/interaction/consultations/:id", async (c) => {
    const notice = c.req.query("sent") ? "意见已提交,经审核后公开。感谢您的参与!" : undefined;
    return renderConsultation(c, idParam(c, "id", "意见征集"), {}, {}, 200, notice);
  });

  app.post("/interaction/consultations/:id/comments", async (c) => {
    const { db, clock, config } = c.get("deps");
    const id = idParam(c, "id", "意见征集");
    const now = clock();
    // Outside the period the refusal comes first, whatever else was (or was not) filled in.
    const target = await findPublicConsultation(db, id, now);
    if (!target) throw notFound("意见征集");
    const refusal = commentRefusal(target.phase, target);
    if (refusal) throw conflict(refusal);
    const { values } = await formOf(c);
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
    const parsed = commentInputSchema.safeParse(values);
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!human.ok) errors[humanCheckFields.answer] = human.message;
    if (!parsed.success || !human.ok) return renderConsultation(c, id, values, errors, 400);
    const limit = await hitRateLimit(
      db,
      `consultation-comment:${c.get("clientIp")}`,
      COMMENTS_PER_HOUR,
      3600,
      now,
    );
    if (!limit.allowed) {
      throw new AppError(
        "rate_limited",
        "提交意见过于频繁,请稍后再试。",
        undefined,
        limit.retryAfterSeconds,
      );
    }
    try {
      await submitComment(db, id, parsed.data, {
        actor: publicCommenter(c.get("clientIp")),
        now,
        key: personalDataKey(config.secret),
      });
    } catch (error) {
      if (error instanceof AppError && error.fields) {
        return renderConsultation(c, id, values, error.fields, 400);
      }
      throw error;
    }
    return c.redirect(`${consultationPath(id)}?sent=1`, 303);
  });

  app.get("/interaction/consultations/:id/feedback", async (c) => {
    const { db, clock } = c.get("deps");
    const consultation = await findPublicConsultation(db, idParam(c, "id", "意见征集"), clock());
    const feedback = consultation ? await latestFeedback(db, consultation.id) : null;
    if (!consultation || !feedback) throw notFound("意见采纳情况反馈");
    return renderPortal(
      c,
      `意见采纳情况反馈:${consultation.title}`,
      <FeedbackPage consultation={consultation} feedback={feedback} />,
    );
  });

  app.get("/interaction/decisions", async (c) => {
    const { db, clock } = c.get("deps");
    const asked = Number(c.req.query("year"));
    const year =
      Number.isInteger(asked) && asked >= 2000 && asked <= 2100
        ? asked
        : Number(todayInShanghai(clock()).slice(0, 4));
    const [items, years] = await Promise.all([listDecisionItems(db, { year }), decisionYears(db)]);
    return renderPortal(
      c,
      `${year}年重大行政决策事项目录`,
      <DecisionCatalogPage year={year} years={years} items={items} />,
    );
  });

  participationApiRoutes(api);
  participationAdminRoutes(app);
}

async function renderConsultation(
  c: Context<AppEnv>,
  id: number,
  values: Record<string, string>,
  errors: Record<string, string>,
  status = 200,
  notice?: string,
) {
  const { db, clock, config } = c.get("deps");
  const now = clock();
  const consultation = await findPublicConsultation(db, id, now);
  if (!consultation) throw notFound("意见征集");
  const record = consultation.draftRecordId
    ? await findPublishedRecord(db, consultation.draftRecordId)
    : undefined;
  const res = await renderPortal(
    c,
    consultation.title,
    <ConsultationPage
      consultation={consultation}
      comments={await listPublishedComments(db, consultation)}
      draftRecordTitle={record?.title ?? null}
      challenge={createHumanChallenge(config.secret, now)}
      values={values}
      errors={errors}
      notice={notice}
    />,
    status,
  );
  return clockDependent(res);
}

/**
 * A page whose content changes when a consultation opens or closes by the clock, with no POST
 * to invalidate the shared page cache: kept out of it.
 */
function clockDependent(res: Response): Response {
  res.headers.set("Cache-Control", "no-store");
  return res;
}
