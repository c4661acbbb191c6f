// Shared harness of the security suites (issue 9): the app with demo content, one user per role,
// the objects the access table's params name, and the list of every route the app registers.
import { inspectRoutes } from "hono/dev";
import type { Role } from "../../src/accounts/roles";
import { roles } from "../../src/accounts/roles";
import { buildRecord, setCreditCode } from "../../src/records/test-fixtures";
import { type Browser, createTestApp, type TestApp } from "../support/app";
import type { Access } from "./access-table";

/** Who makes a request in the matrix: nobody signed in, or a user holding exactly one role. */
export type Visitor = "anonymous" | Role;
export const visitors: readonly Visitor[] = ["anonymous", ...roles];

/** `METHOD path` of every route the app registers, middleware left out (see routeKeys). */
export type RouteKey = string;

/**
 * Every route handler the app registers, as `METHOD path`. Hono lists `app.use(...)` middleware
 * in `app.routes` too (method ALL); `inspectRoutes` tells them apart by arity (a handler taking
 * `next` is middleware). A real `app.all(...)` handler would still be listed, with method ALL.
 */
export function routeKeys(app: TestApp["app"]): RouteKey[] {
  const keys = new Set<string>();
  for (const r of inspectRoutes(app)) {
    if (r.isMiddleware) continue;
    keys.add(`${r.method} ${r.path}`);
  }
  return [...keys];
}

/** The ids and names the access table refers to in `params` (created or found in setUp). */
export interface Fixtures {
  [name: string]: string;
}

export interface SecurityApp {
  t: TestApp;
  fixtures: Fixtures;
  /** A signed-in browser per role (a user holding only that role), and an anonymous one. */
  browsers: Record<Visitor, Browser>;
  /** An API token per role. */
  tokens: Record<Role, string>;
}

export const userName = (role: Role) => `sec-${role}`;

/**
 * The app on a fresh database with the demo content (records in every state, applications,
 * consultations, meetings, publicity entries, service guides), plus a draft record of our own.
 */
export async function setUpSecurityApp(): Promise<SecurityApp> {
  const t = await createTestApp({ env: { GONGKAI_DEMO: "1" } });
  const db = t.t.db;
  await setCreditCode(db);
  const userIds: Partial<Record<Role, number>> = {};
  for (const role of roles) userIds[role] = await t.createUser(userName(role), [role]);
  const tokens = {} as Record<Role, string>;
  // The auditor may not create a token in the product (tokenHolderRoles); the harness gives one
  // anyway, so the matrix also shows the API refusing the auditor's token by role.
  for (const role of roles) tokens[role] = await t.token(userName(role));
  const browsers = { anonymous: t.browser() } as Record<Visitor, Browser>;
  await browsers.anonymous.get("/applications/new");
  for (const role of roles) browsers[role] = await t.login(userName(role));

  // A fresh draft (never submitted) by our editor.
  const created = await t.app.request("/api/v1/records", {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.editor}`, "content-type": "application/json" },
    body: JSON.stringify(buildRecord({ title: "安全测试草稿:不应公开的内容 DRAFT-SECRET-7731" })),
  });
  if (created.status !== 201) throw new Error(`draft not created: ${await created.text()}`);
  const draftRecord = String(((await created.json()) as { id: number }).id);

  const first = async (table: string, column: string, where?: [string, string, unknown]) => {
    // biome-ignore lint/suspicious/noExplicitAny: tables are chosen by name in the fixture list
    let q = (db as any).selectFrom(table).select(column).orderBy(column);
    if (where) q = q.where(...where);
    const row = await q.executeTakeFirst();
    if (!row) throw new Error(`no ${table} row for the security fixtures`);
    return String(row[column]);
  };
  const publishedRecord = await first("records", "id", ["state", "=", "published"]);
  const tokenRow = await db
    .selectFrom("api_tokens")
    .select("id")
    .where("user_id", "=", userIds.editor!)
    .executeTakeFirstOrThrow();
  const fixtures: Fixtures = {
    user: String(userIds.editor),
    token: String(tokenRow.id),
    unit: String(await t.rootUnitId()),
    publishedRecord,
    draftRecord,
    inReviewRecord: await first("records", "id", ["state", "=", "in_review"]),
    withdrawnRecord: await first("records", "id", ["state", "=", "withdrawn"]),
    catalogItem: await first("catalog_items", "id"),
    application: await first("applications", "id"),
    serviceGuide: await first("service_guides", "record_id"),
    serviceCaseNo: await first("service_cases", "case_no"),
    meeting: await first("meetings", "id"),
    signup: await first("meeting_signups", "id"),
    consultation: await first("consultations", "id"),
    comment: await first("consultation_comments", "id"),
    licence: await first("publicity_licences", "id"),
    penalty: await first("publicity_penalties", "id"),
    licenceNo: await first("publicity_licences", "licence_no"),
    decisionNo: await first("publicity_penalties", "decision_no"),
  };
  fixtures.catalogFeed = `${fixtures.catalogItem}.atom`;
  return { t, fixtures, browsers, tokens };
}

/** A path with `:name` / `:name{regex}` replaced from `params` (fixture names or literal values). */
export function fillPath(
  path: string,
  params: Record<string, string> | undefined,
  fixtures: Fixtures,
): string {
  return path.replace(/:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (_m, name: string) => {
    const ref = params?.[name];
    if (ref === undefined) throw new Error(`no value for :${name} in ${path}`);
    const value = ref.startsWith("=") ? ref.slice(1) : fixtures[ref];
    if (value === undefined) throw new Error(`unknown fixture ${ref} for ${path}`);
    return encodeURIComponent(value);
  });
}

/** What a response body must never contain, whatever the input: signs of an unhandled error. */
export function leakProblems(body: string): string[] {
  const problems: string[] = [];
  if (
    /\n\s+at [^\n]+:\d+:\d+/.test(body) ||
    /\bat [\w.<>]+ \((?:file:|\/)[^)]*:\d+:\d+\)/.test(body)
  )
    problems.push("a stack trace");
  if (/SqliteError|SQLITE_|syntax error at or near|PostgresError|\bpg_/.test(body))
    problems.push("a database error");
  if (/node_modules/.test(body)) problems.push("a node_modules path");
  return problems;
}

/** Whether the table lets this visitor use the route. */
export function isAllowed(access: Access, visitor: Visitor): boolean {
  if (access.who === "public") return true;
  if (visitor === "anonymous") return false;
  if (access.who === "anyUser") return true;
  return access.who.includes(visitor);
}
