import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../test/support/app";
import { buildOpenApi } from "./api";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, unknown>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

const methods = ["get", "post", "put", "patch", "delete"];
const chinese = /[\u4e00-\u9fff]/;

/** Every `$ref` value anywhere in `value`, with where it was found. */
function refsIn(value: unknown, at = "#"): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, `${at}/${i}`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === "$ref" && typeof v === "string" ? [{ ref: v, at }] : refsIn(v, `${at}/${k}`),
  );
}

/** Resolves a local JSON pointer (`#/components/schemas/Error`) against the whole document. */
function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Structural checks an OpenAPI 3 validator makes; returns the problems found. */
function openApiProblems(doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  if (!/^3\.\d+\.\d+$/.test(doc.openapi ?? "")) problems.push(`openapi is ${doc.openapi}`);
  if (!doc.info?.title || !doc.info?.version) problems.push("info.title/version missing");
  if (!doc.paths || typeof doc.paths !== "object") problems.push("paths missing");
  for (const { ref, at } of refsIn(doc)) {
    if (resolvePointer(doc, ref) === undefined)
      problems.push(`${at}: $ref ${ref} does not resolve`);
  }
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const [method, op] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!methods.includes(method)) problems.push(`${where}: unknown method`);
      if (!op.responses || Object.keys(op.responses).length === 0) {
        problems.push(`${where}: no responses`);
      }
      const pathParams = (op.parameters ?? []).filter((p) => p.in === "path");
      for (const name of templated) {
        const p = pathParams.find((q) => q.name === name);
        if (!p) problems.push(`${where}: path parameter ${name} not declared`);
        else if (p.required !== true)
          problems.push(`${where}: path parameter ${name} not required`);
      }
      for (const p of pathParams) {
        if (!templated.includes(p.name)) problems.push(`${where}: ${p.name} is not in the path`);
      }
    }
  }
  return problems;
}

describe("the OpenAPI document", () => {
  let t: TestApp;
  let doc: OpenApiDocument;

  before(async () => {
    t = await createTestApp();
    const res = await t.app.request("/api/v1/openapi.json");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /application\/json/);
    doc = (await res.json()) as OpenApiDocument;
  });
  after(() => t.close());

  it("is a valid OpenAPI 3 document whose every $ref resolves and path parameter is declared", () => {
    assert.deepEqual(openApiProblems(doc), []);
    assert.ok(doc.paths["/api/v1/openapi.json"]?.get, "it describes itself");
  });

  it("lists exactly the /api/v1 routes the app registers", () => {
    const registered = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith("/api/v1") && r.method !== "ALL")
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      ),
    );
    assert.deepEqual([...documented].sort(), [...registered].sort());
  });

  it("declares a path parameter even when the route gives no params schema", () => {
    const built = buildOpenApi(
      [{ method: "get", path: "/api/v1/things/:id", summary: "测试", tag: "test", auth: "token" }],
      { title: "t", version: "1" },
    ) as unknown as OpenApiDocument;
    assert.deepEqual(openApiProblems(built), []);
    assert.deepEqual(
      built.paths["/api/v1/things/{id}"]?.get?.parameters?.map((p) => [p.name, p.in, p.required]),
      [["id", "path", true]],
    );
  });
});

describe("API errors", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function errorOf(res: Response): Promise<{ code: string; message: string }> {
    assert.match(res.headers.get("content-type") ?? "", /application\/json/);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.deepEqual(Object.keys(body), ["error"]);
    assert.equal(typeof body.error.code, "string");
    assert.match(body.error.message, chinese);
    return body.error;
  }

  it("an unknown API path is a 404 JSON error with a Chinese message", async () => {
    const res = await t.app.request("/api/v1/nope");
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).code, "not_found");
  });

  it("a bad bearer token is a 401 JSON error with a Chinese message", async () => {
    const res = await t.app.request("/api/v1/openapi.json", {
      headers: { authorization: "Bearer gk_not-a-real-token" },
    });
    assert.equal(res.status, 401);
    assert.equal((await errorOf(res)).code, "unauthorized");
  });
});
