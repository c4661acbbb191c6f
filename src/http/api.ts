import type { Context, Hono } from "hono";
import { z } from "zod";
import { requireUser } from "../accounts/middleware";
import { AppError } from "./errors";
import type { AppEnv } from "./types";

type Method = "get" | "post" | "put" | "patch" | "delete";

/** One JSON API route: its schemas drive both validation and the OpenAPI document. */
export interface ApiRouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Hono-style path under /api/v1, e.g. `/api/v1/records/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** `public`: anyone; `token`: a bearer token is required (roles are checked in the handler). */
  auth: "public" | "token";
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the 2xx JSON response. */
  response?: z.ZodType;
  /** Status of the success response (default 200). */
  status?: number;
  description?: string;
}

export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface Api {
  route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
    spec: ApiRouteSpec<P, Q, B>,
    handler: (
      c: Context<AppEnv>,
      input: ApiInput<z.output<P>, z.output<Q>, z.output<B>>,
    ) => Promise<Response>,
  ): void;
  readonly specs: readonly ApiRouteSpec[];
}

/** Field errors keyed by path, with the (Chinese) messages zod produced. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    out[key] ??= issue.message;
  }
  return out;
}

function parsePart<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  what: string,
): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(
      "validation",
      `${what}有误:${result.error.issues[0]?.message ?? "格式不正确"}`,
      fieldErrors(result.error),
    );
  }
  return result.data;
}

async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new AppError("unsupported_media", "请求体须为 JSON(Content-Type: application/json)。");
  }
  try {
    return await c.req.json();
  } catch {
    throw new AppError("bad_request", "请求体不是有效的 JSON。");
  }
}

export function createApi(app: Hono<AppEnv>): Api {
  const specs: ApiRouteSpec[] = [];
  return {
    specs,
    route(spec, handler) {
      specs.push(spec as unknown as ApiRouteSpec);
      app.on(spec.method.toUpperCase(), spec.path, async (c) => {
        if (spec.auth === "token") requireUser(c);
        const params = parsePart(spec.params, c.req.param(), "路径参数");
        const query = parsePart(spec.query, c.req.query(), "查询参数");
        const body = spec.body
          ? parsePart(spec.body, await readJsonBody(c), "请求内容")
          : undefined;
        return handler(c, { params, query, body } as never);
      });
    },
  };
}

/** Builds the OpenAPI 3.1 document from the registered route specs (nothing written by hand). */
export function buildOpenApi(
  specs: readonly ApiRouteSpec[],
  info: { title: string; version: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    paths[path] ??= {};
    paths[path][spec.method] = operationOf(spec);
  }
  return {
    openapi: "3.1.0",
    info: {
      ...info,
      description: 'Gongkai JSON API. 错误统一以 {"error": {"code", "message"}} 返回。',
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Error: errorSchema },
    },
  };
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "string" } },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
}

function parametersOf(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const js = jsonSchema(schema, "input") as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/**
 * Path parameters from the `params` schema, plus any `:name` of the path the schema does not
 * describe (as a string): OpenAPI requires every templated path parameter to be declared.
 */
function pathParametersOf(spec: ApiRouteSpec) {
  const names = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const declared = parametersOf(spec.params, "path").filter((p) => names.includes(p.name));
  const undeclared = names
    .filter((name) => !declared.some((p) => p.name === name))
    .map((name) => ({ name, in: "path" as const, required: true, schema: { type: "string" } }));
  return [...declared, ...undeclared];
}

function operationOf(spec: ApiRouteSpec) {
  const status = String(spec.status ?? 200);
  const errorResponse = {
    description: "错误",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
  return {
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    operationId: `${spec.method}${spec.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ""))}`,
    security: spec.auth === "token" ? [{ bearer: [] }] : [],
    parameters: [...pathParametersOf(spec), ...parametersOf(spec.query, "query")],
    requestBody: spec.body
      ? {
          required: true,
          content: { "application/json": { schema: jsonSchema(spec.body, "input") } },
        }
      : undefined,
    responses: {
      [status]: {
        description: "成功",
        content: spec.response
          ? { "application/json": { schema: jsonSchema(spec.response, "output") } }
          : undefined,
      },
      "400": errorResponse,
      ...(spec.auth === "token" ? { "401": errorResponse, "403": errorResponse } : {}),
    },
  };
}
