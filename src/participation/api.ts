// Read-only public JSON of 意见征集: published information only, never a commenter's name
// (unless consented) or contact.
import { z } from "zod";
import type { Api } from "../http/api";
import { notFound } from "../http/errors";
import { DISPOSITIONS } from "./rules";
import {
  type Consultation,
  findPublicConsultation,
  latestFeedback,
  listPublicConsultations,
  listPublishedComments,
} from "./store";

const phaseSchema = z.enum(["upcoming", "open", "awaitingFeedback", "feedbackPublished"]);

const summarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  unitName: z.string(),
  majorDecision: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  periodDays: z.number().int(),
  shortPeriodReason: z.string(),
  phase: phaseSchema,
});

const countsSchema = z.object({
  received: z.number().int(),
  adopted: z.number().int(),
  partlyAdopted: z.number().int(),
  notAdopted: z.number().int(),
});

const detailSchema = summarySchema.extend({
  explanationHtml: z.string(),
  articles: z.array(z.object({ no: z.number().int(), label: z.string(), text: z.string() })),
  comments: z.array(
    z.object({
      id: z.number().int(),
      articleNo: z.number().int().nullable(),
      displayName: z.string(),
      body: z.string(),
      createdOn: z.string(),
    }),
  ),
  feedback: z
    .object({
      version: z.number().int(),
      publishedAt: z.string(),
      summary: z.string(),
      counts: countsSchema,
      items: z.array(
        z.object({
          commentId: z.number().int(),
          articleNo: z.number().int().nullable(),
          disposition: z.enum(DISPOSITIONS),
          reason: z.string(),
        }),
      ),
    })
    .nullable(),
});

function summaryOf(c: Consultation): z.infer<typeof summarySchema> {
  return {
    id: c.id,
    title: c.title,
    unitName: c.unitName,
    majorDecision: c.isMajor,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    periodDays: c.periodDays,
    shortPeriodReason: c.shortPeriodReason,
    phase: c.phase as z.infer<typeof phaseSchema>,
  };
}

export function participationApiRoutes(api: Api): void {
  api.route(
    {
      method: "get",
      path: "/api/v1/consultations",
      summary: "意见征集列表(已发布的,含未开始、征集中和已截止)",
      tag: "participation",
      auth: "public",
      response: z.object({ items: z.array(summarySchema) }),
    },
    async (c) => {
      const { db, clock } = c.get("deps");
      const items = (await listPublicConsultations(db, clock())).map(summaryOf);
      return c.json({ items });
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/consultations/:id",
      summary: "一项意见征集:草案条文、已公开的意见和意见采纳情况反馈",
      tag: "participation",
      auth: "public",
      params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
      response: detailSchema,
    },
    async (c, { params }) => {
      const { db, clock } = c.get("deps");
      const consultation = await findPublicConsultation(db, params.id, clock());
      if (!consultation) throw notFound("意见征集");
      const comments = await listPublishedComments(db, consultation);
      const feedback = await latestFeedback(db, consultation.id);
      const body: z.infer<typeof detailSchema> = {
        ...summaryOf(consultation),
        explanationHtml: consultation.explanationHtml,
        articles: consultation.draft.articles,
        comments: comments.map((m) => ({
          id: m.id,
          articleNo: m.articleNo,
          displayName: m.displayName,
          body: m.body,
          createdOn: m.createdOn,
        })),
        feedback: feedback
          ? {
              version: feedback.version,
              publishedAt: feedback.publishedAt,
              summary: feedback.summary,
              counts: {
                received: feedback.snapshot.counts.received,
                adopted: feedback.snapshot.counts.adopted,
                partlyAdopted: feedback.snapshot.counts.partlyAdopted,
                notAdopted: feedback.snapshot.counts.notAdopted,
              },
              items: feedback.snapshot.articles.flatMap((a) =>
                a.comments.map((m) => ({
                  commentId: m.id,
                  articleNo: a.articleNo,
                  disposition: m.disposition,
                  reason: m.reason,
                })),
              ),
            }
          : null,
      };
      return c.json(body);
    },
  );
}
