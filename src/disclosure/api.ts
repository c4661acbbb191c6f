// The public read API: GET /api/v1/records and /api/v1/records/{id}, for everyone, published
// records only (records/public-store.ts). The write API with a token is records/api.ts.
import type { Hono } from "hono";
import type { z } from "zod";
import type { Api } from "../http/api";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import {
  findPublishedRecord,
  listPublishedRecords,
  type PublicRecordLink,
  type PublicRecordSummary,
} from "../records/public-store";
import {
  publicIdParamsSchema,
  publicListQuerySchema,
  publicRecordDetailSchema,
  publicRecordListSchema,
  type publicRecordSummarySchema,
} from "./api-schema";
import { genreLabel, validityLabel } from "./labels";
import { attachmentPath, publicOrigin, recordPath } from "./urls";

type SummaryJson = z.output<typeof publicRecordSummarySchema>;

function summaryJson(origin: string, r: PublicRecordSummary): SummaryJson {
  return {
    ...r,
    genreLabel: genreLabel(r.genre),
    validityLabel: validityLabel(r.validity),
    url: `${origin}${recordPath(r.id)}`,
  };
}

function linkJson(origin: string, link: PublicRecordLink) {
  return { ...link, url: `${origin}${recordPath(link.id)}` };
}

export function publicApiRoutes(_app: Hono<AppEnv>, api: Api): void {
  api.route(
    {
      method: "get",
      path: "/api/v1/records",
      summary: "已发布的公开信息列表",
      description:
        "只返回已发布的信息,按发布时间由新到旧。可按目录事项、体裁、发布机构、主题分类、年份和有效性筛选;pageSize 最大100。",
      tag: "records",
      auth: "public",
      query: publicListQuerySchema,
      response: publicRecordListSchema,
    },
    async (c, { query }) => {
      const { page, pageSize, ...filter } = query;
      const { total, items } = await listPublishedRecords(c.get("deps").db, filter, {
        page,
        pageSize,
      });
      const origin = publicOrigin(c);
      return c.json({ total, page, pageSize, items: items.map((r) => summaryJson(origin, r)) });
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/records/:id",
      summary: "一条已发布的公开信息",
      description: "含正文、附件和政策解读的关联;未发布或已撤回的信息返回404。",
      tag: "records",
      auth: "public",
      params: publicIdParamsSchema,
      response: publicRecordDetailSchema,
    },
    async (c, { params }) => {
      const record = await findPublishedRecord(c.get("deps").db, params.id);
      if (!record) throw notFound("信息");
      const origin = publicOrigin(c);
      return c.json({
        ...summaryJson(origin, record),
        bodyHtml: record.bodyHtml,
        catalogItem: record.catalogItem,
        repealedBy: record.repealedBy && linkJson(origin, record.repealedBy),
        interprets: record.interprets && linkJson(origin, record.interprets),
        interpretations: record.interpretations.map((l) => linkJson(origin, l)),
        interpretationKind: record.interpretationKind,
        videoUrl: record.videoUrl,
        attachments: record.attachments.map((a) => ({
          ...a,
          url: `${origin}${attachmentPath(a)}`,
        })),
      });
    },
  );
}
