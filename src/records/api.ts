// JSON API of records for API clients with a token: draft, edit, move through the workflow.
// Thin: parse (by the route's schemas) → authorise → call the service. Public reads are the
// portal's.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { requireRole, requireUser } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import type { Api } from "../http/api";
import type { AppEnv } from "../http/types";
import { dismissalResponseSchema, recordResponseSchema } from "./api-schema";
import type { RecordActor } from "./changes";
import { dismissProofreadHit } from "./proofreading";
import { dismissalSchema, recordFieldsSchema, recordPatchSchema, transitionSchema } from "./schema";
import { createRecord, updateRecord } from "./service";
import { transitionRecord } from "./transitions";

const idParams = z.object({
  id: z.coerce.number({ error: "信息编号有误" }).int("信息编号有误").positive("信息编号有误"),
});

/** The signed-in user as the records rules see them. */
export function recordActorOf(c: Context<AppEnv>): RecordActor {
  const user = requireUser(c);
  return { ...actorOf(c), roles: user.roles, unitId: user.unitId };
}

export function recordApiRoutes(_app: Hono<AppEnv>, api: Api): void {
  api.route(
    {
      method: "post",
      path: "/api/v1/records",
      summary: "起草一条公开信息(草稿)",
      description: "需要信息员角色。正文在保存时净化;应公开日期按目录事项的公开时限计算。",
      tag: "records",
      auth: "token",
      body: recordFieldsSchema,
      response: recordResponseSchema,
      status: 201,
    },
    async (c, { body }) => {
      requireRole(c, "editor");
      const { db, clock } = c.get("deps");
      return c.json(await createRecord(db, body, recordActorOf(c), clock()), 201);
    },
  );

  api.route(
    {
      method: "patch",
      path: "/api/v1/records/:id",
      summary: "修改草稿",
      description: "需要信息员角色,仅草稿可改。只需提交要修改的字段。",
      tag: "records",
      auth: "token",
      params: idParams,
      body: recordPatchSchema,
      response: recordResponseSchema,
    },
    async (c, { params, body }) => {
      requireRole(c, "editor");
      const { db, clock } = c.get("deps");
      return c.json(await updateRecord(db, params.id, body, recordActorOf(c), clock()));
    },
  );

  api.route(
    {
      method: "post",
      path: "/api/v1/records/:id/transitions",
      summary: "流转:送审、审核通过、退回、签发、定时发布、撤回",
      description:
        "submit 信息员;approve 审核人(须附保密审查 review);reject 审核人或签发人(须附理由 comment);sign、schedule 签发人(schedule 须附 publishAt);withdraw 签发人或系统管理员(须附理由)。不能审核或签发自己起草的信息。",
      tag: "records",
      auth: "token",
      params: idParams,
      body: transitionSchema,
      response: recordResponseSchema,
    },
    async (c, { params, body }) => {
      const { db, clock } = c.get("deps");
      return c.json(await transitionRecord(db, params.id, body, recordActorOf(c), clock()));
    },
  );

  api.route(
    {
      method: "post",
      path: "/api/v1/records/:id/proofread-dismissals",
      summary: "说明理由后忽略一条校对结果",
      description: "送审前校对发现的问题须修改或忽略;found 与 position 取自送审被拒时的校对结果。",
      tag: "records",
      auth: "token",
      params: idParams,
      body: dismissalSchema,
      response: dismissalResponseSchema,
      status: 201,
    },
    async (c, { params, body }) => {
      const { db, clock } = c.get("deps");
      const dismissal = await dismissProofreadHit(db, params.id, body, recordActorOf(c), clock());
      return c.json(dismissal, 201);
    },
  );
}
