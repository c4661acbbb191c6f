// Public read API of 留言: GET /api/v1/messages and /api/v1/messages/{id}: replied messages whose
// asker consented, with the reply and the replying unit; never a name, phone or e-mail.
import type { Hono } from "hono";
import { z } from "zod";
import { publicOrigin } from "../disclosure/urls";
import type { Api } from "../http/api";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { publicMessagePath } from "./concerns";
import { findPublicMessage, listPublicMessages, type PublicMessage } from "./public";
import { categoryLabel } from "./rules";

const messageJsonSchema = z.object({
  id: z.number().int(),
  messageNo: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  subject: z.string(),
  body: z.string(),
  receivedOn: z.string(),
  repliedOn: z.string().nullable(),
  replyText: z.string(),
  unitName: z.string().nullable(),
  url: z.string(),
});

const listSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(messageJsonSchema),
});

const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1, "页码至少为1").max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, "每页最多100条").default(20),
});

/** Explicit fields only, so nothing added to PublicMessage later leaks by accident. */
function messageJson(origin: string, m: PublicMessage): z.output<typeof messageJsonSchema> {
  return {
    id: m.id,
    messageNo: m.messageNo,
    category: m.category,
    categoryLabel: categoryLabel(m.category),
    subject: m.subject,
    body: m.body,
    receivedOn: m.receivedOn,
    repliedOn: m.repliedOn,
    replyText: m.replyText,
    unitName: m.unitName,
    url: `${origin}${publicMessagePath(m.id)}`,
  };
}

export function messageApiRoutes(_app: Hono<AppEnv>, api: Api): void {
  api.route(
    {
      method: "get",
      path: "/api/v1/messages",
      summary: "已公开的留言及答复",
      description:
        "只返回已答复且留言人同意公开的留言,按答复时间由新到旧;不含留言人的姓名和联系方式。",
      tag: "messages",
      auth: "public",
      query: listQuerySchema,
      response: listSchema,
    },
    async (c, { query }) => {
      const { total, items } = await listPublicMessages(c.get("deps").db, query);
      const origin = publicOrigin(c);
      return c.json({
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: items.map((m) => messageJson(origin, m)),
      });
    },
  );
  api.route(
    {
      method: "get",
      path: "/api/v1/messages/:id",
      summary: "一条已公开的留言及答复",
      tag: "messages",
      auth: "public",
      params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
      response: messageJsonSchema,
    },
    async (c, { params }) => {
      const m = await findPublicMessage(c.get("deps").db, params.id);
      if (!m) throw notFound("留言");
      return c.json(messageJson(publicOrigin(c), m));
    },
  );
}
