// JSON API of 依申请公开. Public: filing (rate-limited per address instead of the human check of
// the HTML form) and tracking. With a token: lists, cases with their clock, staff registration
// and timeline events. Personal data leaves only masked.
import type { Context } from "hono";
import { z } from "zod";
import { requireRole, requireUser } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import type { Api } from "../http/api";
import { AppError } from "../http/errors";
import type { AppEnv } from "../http/types";
import { hitRateLimit } from "../platform/rate-limit";
import { caseJson, listItemJson } from "./api-json";
import { applicationKeys } from "./applicant-data";
import { eventInputSchema } from "./event-schema";
import { addEvent } from "./events-service";
import { createOnlineApplication, onlineApplicant, registerApplication } from "./filing";
import { publicLookup } from "./lookup";
import { applicationViewerRoles, type CaseActor } from "./policy";
import { applicationApiBodySchema, isoDateSchema } from "./schema";
import { getCaseView, LIST_STATES, listApplications } from "./service";

/** Public filings allowed per client address per hour through the API. */
export const API_FILINGS_PER_HOUR = 5;

const idParams = z.object({
  id: z.coerce.number({ error: "申请编号有误" }).int("申请编号有误").positive("申请编号有误"),
});
const listQuery = z.object({
  state: z.enum(LIST_STATES, { error: `state 应为 ${LIST_STATES.join("、")} 之一` }).optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, "year 应为四位年份")
    .transform(Number)
    .optional(),
  unit: z.coerce.number({ error: "unit 应为单位编号" }).int().positive().optional(),
  overdue: z.enum(["true", "false", "1", "0"], { error: "overdue 应为 true 或 false" }).optional(),
});
const lookupQuery = z.object({
  number: z.string({ error: "请提供申请编号 number" }).min(1, "请提供申请编号 number").max(40),
  code: z.string({ error: "请提供查询码 code" }).min(1, "请提供查询码 code").max(40),
});
const filedResponse = z.object({
  id: z.number().optional(),
  number: z.string(),
  queryCode: z.string(),
});

function caseActorOf(c: Context<AppEnv>): CaseActor {
  return { ...actorOf(c), roles: requireUser(c).roles };
}

export function applicationApi(api: Api): void {
  api.route(
    {
      method: "post",
      path: "/api/v1/applications",
      summary: "提交政府信息公开申请,或由经办人登记申请",
      description: `不带令牌:网上申请(待确认),每个地址每小时最多 ${API_FILINGS_PER_HOUR} 件,超出返回 429;自然人须提供证件和联系电话。带 channel:经办人登记当面、口头、信函、传真申请,须使用依申请公开经办人的令牌,receivedOn 为收到申请之日(条例第三十一条)。返回申请编号和查询码,查询码只返回这一次。`,
      tag: "applications",
      auth: "public",
      body: applicationApiBodySchema,
      response: filedResponse,
      status: 201,
    },
    async (c, { body }) => {
      const { db, clock, config } = c.get("deps");
      const ctx = {
        keys: applicationKeys(config.secret),
        now: clock(),
        siteName: c.get("site").siteName,
      };
      if (body.channel) {
        if (!c.get("user")) throw new AppError("unauthorized", "登记申请须使用经办人的访问令牌。");
        requireRole(c, "applicationOfficer");
        const filed = await registerApplication(
          db,
          { ...body, channel: body.channel },
          caseActorOf(c),
          ctx,
        );
        return c.json(
          { id: filed.id, number: filed.applicationNo, queryCode: filed.queryCode },
          201,
        );
      }
      const limit = await hitRateLimit(
        db,
        `application-file:ip:${c.get("clientIp")}`,
        API_FILINGS_PER_HOUR,
        3600,
        clock(),
      );
      if (!limit.allowed) {
        throw new AppError(
          "rate_limited",
          "提交申请过于频繁,请稍后再试。",
          undefined,
          limit.retryAfterSeconds,
        );
      }
      const filed = await createOnlineApplication(
        db,
        body,
        onlineApplicant(c.get("clientIp")),
        ctx,
      );
      return c.json({ number: filed.applicationNo, queryCode: filed.queryCode }, 201);
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/applications/lookup",
      summary: "凭申请编号和查询码查询办理进度",
      description:
        "只返回状态、收到申请日期、答复期限和办理环节,不含申请人个人信息。查询码错误次数过多返回 429。",
      tag: "applications",
      auth: "public",
      query: lookupQuery,
    },
    async (c, { query }) => {
      const { db, clock, config } = c.get("deps");
      const keys = applicationKeys(config.secret);
      return c.json(
        await publicLookup(db, { ...query, clientIp: c.get("clientIp") }, keys, clock()),
      );
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/applications",
      summary: "申请列表",
      description:
        "依申请公开经办人或签发人。state:awaiting_confirmation 待确认、in_progress 办理中、due_soon 即将到期、overdue 已超期、closed 已办结;year 按收到申请年度;unit 承办单位。申请人信息均为脱敏值。",
      tag: "applications",
      auth: "token",
      query: listQuery,
    },
    async (c, { query }) => {
      requireRole(c, ...applicationViewerRoles);
      const { db, clock } = c.get("deps");
      const overdue = query.overdue === "true" || query.overdue === "1";
      const state = overdue ? "overdue" : query.state;
      const items = await listApplications(
        db,
        { state, year: query.year, unitId: query.unit },
        clock(),
      );
      return c.json({ items: items.map(listItemJson) });
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/applications/:id",
      summary: "申请详情及答复期限",
      description:
        "含 clock:dueDate、workdaysLeft、pausedIntervals、extended、state 和文字说明;asOf 指定计算日期(默认今天)。申请人信息均为脱敏值。",
      tag: "applications",
      auth: "token",
      params: idParams,
      query: z.object({ asOf: isoDateSchema.optional() }),
    },
    async (c, { params, query }) => {
      requireRole(c, ...applicationViewerRoles);
      const { db, clock } = c.get("deps");
      return c.json(caseJson(await getCaseView(db, params.id, clock(), query.asOf)));
    },
  );

  api.route(
    {
      method: "post",
      path: "/api/v1/applications/:id/events",
      summary: "记录办理环节",
      description:
        "type 为 confirm、assign、request_supplement、supplement_received、supplement_expired、consult_third_party、consult_agency、consultation_answered、fee_notice、fee_paid、fee_expired、extend、ask_reasons、set_reasonable_period、reply、deliver、archive、withdraw 之一,date 为该环节的日期。reply 须带 result(年度报告表三最具体一行的键,如 results.not_disclosed.third_party_rights),须说明理由的结果带 reasons。extend 须由签发人记录(403)。不符合条例规定的环节返回 409 和中文说明。",
      tag: "applications",
      auth: "token",
      params: idParams,
      body: eventInputSchema,
      status: 201,
    },
    async (c, { params, body }) => {
      requireRole(c, ...applicationViewerRoles);
      const { db, clock } = c.get("deps");
      const { eventId } = await addEvent(db, params.id, body, {
        actor: caseActorOf(c),
        now: clock(),
      });
      const view = await getCaseView(db, params.id, clock());
      return c.json({ eventId, application: caseJson(view) }, 201);
    },
  );
}
