// JSON API of 办事服务: the licensing system reports cases (token), anyone reads published guides.
import type { Hono } from "hono";
import { z } from "zod";
import { requireRole } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import type { Api } from "../http/api";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { serviceCaseSchema } from "./case-schema";
import { caseKeys, upsertServiceCase } from "./case-service";
import { findPublishedGuide, listPublishedGuides } from "./guide-store";
import { caseManagerRoles } from "./policy";

const guideSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  itemName: z.string(),
  itemCode: z.string(),
  itemType: z.string(),
  publishedOn: z.string().nullable(),
  updatedAt: z.string(),
  url: z.string(),
});

const idParams = z.object({
  id: z.coerce.number({ error: "指南编号有误" }).int("指南编号有误").positive("指南编号有误"),
});

export function serviceApiRoutes(_app: Hono<AppEnv>, api: Api): void {
  api.route(
    {
      method: "put",
      path: "/api/v1/service-cases/:caseNo",
      summary: "报送或更新一件办件(幂等)",
      description:
        "许可系统按受理号报送办件;同一内容重复报送不产生副本(200,outcome=unchanged),新受理号返回 201,内容变化时整体替换环节(200,outcome=updated)。需要信息员角色的令牌。",
      tag: "services",
      auth: "token",
      body: serviceCaseSchema,
      response: z.object({
        caseNo: z.string(),
        outcome: z.enum(["created", "updated", "unchanged"]),
      }),
      status: 201,
    },
    async (c, { body }) => {
      requireRole(c, ...caseManagerRoles);
      const { db, clock, config } = c.get("deps");
      const result = await upsertServiceCase(db, c.req.param("caseNo") ?? "", body, {
        keys: caseKeys(config.secret),
        actor: actorOf(c),
        now: clock(),
        source: "api",
      });
      return c.json(result, result.outcome === "created" ? 201 : 200);
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/service-guides",
      summary: "已发布的办事指南列表",
      tag: "services",
      auth: "public",
      response: z.object({ items: z.array(guideSummarySchema) }),
    },
    async (c) => {
      const guides = await listPublishedGuides(c.get("deps").db);
      return c.json({
        items: guides.map((g) => ({
          id: g.id,
          title: g.title,
          itemName: g.itemName,
          itemCode: g.itemCode,
          itemType: g.itemType,
          publishedOn: g.publishedOn,
          updatedAt: g.updatedAt,
          url: `/services/guides/${g.id}`,
        })),
      });
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/service-guides/:id",
      summary: "一份已发布的办事指南(结构化)",
      tag: "services",
      auth: "public",
      params: idParams,
    },
    async (c, { params }) => {
      const guide = await findPublishedGuide(c.get("deps").db, params.id);
      if (!guide) throw notFound("办事指南");
      return c.json({
        id: guide.id,
        title: guide.title,
        version: guide.version,
        publishedOn: guide.publishedOn,
        updatedAt: guide.updatedAt,
        catalogItem: guide.catalogItem,
        ...guide.data,
      });
    },
  );
}
