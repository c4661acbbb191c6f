// Hostile input (issue 9 item 2a): SQL metacharacters, NUL bytes, 100 KB strings, array-shaped
// parameters, Unicode edge cases, absurd numbers and impossible dates, put into every query
// parameter and path parameter of every GET route, and into every field of every POST form the
// pages show. The answer must be a 4xx with a Chinese message (or a correct 2xx/3xx), never a
// 500, never a stack trace, a database error or a node_modules path.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Access, accessTable } from "./access-table";
import {
  fillPath,
  isAllowed,
  leakProblems,
  routeKeys,
  type SecurityApp,
  setUpSecurityApp,
  type Visitor,
  visitors,
} from "./support";

const big = "长".repeat(100 * 1024);
/** Values put into every parameter (the 100 KB one separately, see below). */
export const hostileValues: readonly string[] = [
  "' OR 1=1 --",
  "1; DROP TABLE records; --",
  '" OR ""="',
  "%00",
  "a\u0000b",
  "[]",
  "{}",
  "\u202Eexe.pdf",
  "\uFEFF\u200B\u3000",
  "𠮷野家😀",
  "\uD800",
  "-1",
  "0",
  "99999999999999999999999",
  "1e309",
  "NaN",
  "2025-02-30",
  "0000-00-00",
  "2025-13-45T99:99:99Z",
  "../../../../etc/passwd",
  "%2e%2e%2f",
  '"><svg onload=alert(1)>',
  "$ne",
  "\\",
];

/** Query names tried on every GET route, besides those its own forms and table entry name. */
/** A shorter list for the (many) GET routes × every query name, to keep the run near a minute. */
const queryValues: readonly string[] = [
  "' OR 1=1 --",
  "%00",
  "a\u0000b",
  "[]",
  "\u202Eexe.pdf",
  "\uD800",
  "-1",
  "99999999999999999999999",
  "2025-02-30",
  "0000-00-00",
  "../../../../etc/passwd",
  '"><svg onload=alert(1)>',
];

/** encodeURIComponent, except that a lone surrogate goes out as the invalid UTF-8 it would be. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\uD800-\uDFFF]/g, "%ED%A0%80");
  }
}

const commonQueryNames = [
  "q",
  "page",
  "pageSize",
  "year",
  "from",
  "to",
  "date",
  "status",
  "state",
  "id",
  "next",
  "back",
  "genre",
  "topic",
  "sort",
  "number",
  "code",
  "kind",
  "category",
  "unit",
  "asOf",
  "on",
];

function allowedVisitor(access: Access): Visitor {
  return visitors.find((v) => isAllowed(access, v)) ?? "anonymous";
}

/** A route pattern as a regex over paths, to map a form's action to its route. */
function patternOf(path: string): RegExp {
  const body = path
    .replace(/:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (_m, _n, re?: string) =>
      re ? `(${re.slice(1, -1)})` : "([^/]+)",
    )
    .replace(/\./g, "\\.");
  return new RegExp(`^${body}$`);
}

interface FoundForm {
  action: string;
  method: string;
  fields: string[];
  multipart: boolean;
  visitor: Visitor;
}

/** Forms in a page: action, method, field names (not the CSRF field). */
function formsOf(html: string, page: string, visitor: Visitor): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    const action = /\baction="([^"]*)"/.exec(attrs)?.[1]?.replace(/&amp;/g, "&") || page;
    const method = (/\bmethod="([^"]*)"/.exec(attrs)?.[1] ?? "get").toLowerCase();
    const multipart = /multipart\/form-data/.test(attrs);
    const fields = [
      ...new Set(
        [...m[2]!.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)]
          .map((f) => f[1]!)
          .filter((n) => n !== "_csrf"),
      ),
    ];
    forms.push({ action, method, fields, multipart, visitor });
  }
  return forms;
}

describe("hostile input never causes a server error or a leak", () => {
  let s: SecurityApp;
  const problems: string[] = [];
  let requests = 0;
  const forms = new Map<string, FoundForm>();

  before(async () => {
    s = await setUpSecurityApp();
  });
  after(async () => {
    console.log(`hostile input: ${requests} requests, ${forms.size} forms`);
    await s.t.close();
  });

  async function check(label: string, res: Response): Promise<void> {
    requests++;
    const text = await res.text();
    if (res.status >= 500) problems.push(`${label}: ${res.status}`);
    for (const p of leakProblems(text)) problems.push(`${label}: shows ${p}`);
    // /static/* answers a bare 404 by design (served before site settings and the error page).
    if (res.status >= 400 && !label.startsWith("GET /static/") && !/[\u4e00-\u9fff]/.test(text))
      problems.push(`${label}: ${res.status} without a Chinese message`);
  }

  it("every query parameter of every GET route (and the parameters its forms use)", async () => {
    for (const key of routeKeys(s.t.app)) {
      const access = accessTable[key];
      if (!access || !key.startsWith("GET ")) continue;
      const visitor = allowedVisitor(access);
      const path = fillPath(key.slice(4), access.params, s.fixtures);
      const browser = s.browsers[visitor];
      const page = await browser.get(path + (access.query ? `?${access.query}` : ""));
      const type = page.headers.get("content-type") ?? "";
      const names = new Set(commonQueryNames);
      for (const pair of (access.query ?? "").split("&")) if (pair) names.add(pair.split("=")[0]!);
      if (type.includes("text/html")) {
        for (const f of formsOf(await page.text(), path, visitor)) {
          if (f.method === "get") for (const n of f.fields) names.add(n);
          else if (!forms.has(f.action)) forms.set(f.action, f);
        }
      } else await page.arrayBuffer();
      const api = path.startsWith("/api/");
      const send = (url: string) =>
        api
          ? s.t.app.request(url, {
              headers:
                visitor === "anonymous" ? {} : { authorization: `Bearer ${s.tokens[visitor]}` },
            })
          : browser.request(url);
      for (const value of queryValues) {
        const qs = [...names].map((n) => `${n}=${encode(value)}`).join("&");
        await check(`${key}?…=${JSON.stringify(value)}`, await send(`${path}?${qs}`));
      }
      // Array-shaped and repeated names, and one 100 KB value per request.
      await check(
        `${key} with name[]`,
        await send(`${path}?${[...names].map((n) => `${n}[]=1&${n}=2&${n}=3`).join("&")}`),
      );
      await check(
        `${key} with 100 KB q`,
        await send(`${path}?q=${encodeURIComponent(big)}&page=${big.length}`),
      );
    }
    assert.deepEqual(problems.splice(0), []);
  });

  it("every path parameter of every route, replaced by hostile values", async () => {
    for (const key of routeKeys(s.t.app)) {
      const access = accessTable[key];
      if (!access || !key.includes(":")) continue;
      const [method, pattern] = key.split(" ") as [string, string];
      if (method !== "GET" && access.denyOnly) continue;
      const visitor = allowedVisitor(access);
      for (const value of [...hostileValues, big.slice(0, 5000)]) {
        const path = pattern.replace(/:([A-Za-z0-9_]+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, () =>
          encode(value),
        );
        let res: Response;
        if (pattern.startsWith("/api/")) {
          res = await s.t.app.request(path, {
            method,
            headers: {
              ...(visitor === "anonymous" ? {} : { authorization: `Bearer ${s.tokens[visitor]}` }),
              "content-type": "application/json",
            },
            body: method === "GET" ? undefined : JSON.stringify(access.body ?? {}),
          });
        } else if (method === "GET") res = await s.browsers[visitor].request(path);
        else res = await s.browsers[visitor].post(path, {});
        await check(`${method} ${path.slice(0, 120)}`, res);
      }
    }
    assert.deepEqual(problems.splice(0), []);
  });

  it("every field of every POST form found on the pages", async () => {
    assert.ok(forms.size > 30, `only ${forms.size} forms found: did the crawl run?`);
    const routes = routeKeys(s.t.app)
      .filter((k) => k.startsWith("POST "))
      .map((k) => ({ key: k, re: patternOf(k.slice(5)) }));
    const values = [...hostileValues, big];
    let posted = 0;
    for (const form of forms.values()) {
      const actionPath = form.action.split("?")[0]!;
      const route = routes.find((r) => r.re.test(actionPath));
      assert.ok(route, `a form posts to ${form.action}, which is no route`);
      const access = accessTable[route.key];
      // Destructive actions (deactivate, publish, take down, logout…) are left out: the matrix
      // checks who may call them; here they would spend the fixtures of the next forms.
      if (!access || access.denyOnly) continue;
      const browser = s.browsers[form.visitor];
      for (const value of values) {
        // Rate limits are per hour: move the clock so each post meets a fresh window and
        // reaches validation (a 429 would hide what the fields do).
        s.t.setNow(new Date(s.t.now().getTime() + 3_700_000).toISOString());
        let res: Response;
        if (form.multipart) {
          const data = new FormData();
          for (const f of form.fields) data.append(f, value);
          res = await browser.post(form.action, data);
        } else {
          const fields: Record<string, string> = {};
          for (const f of form.fields) fields[f] = value;
          res = await browser.post(form.action, fields);
        }
        await check(
          `POST ${form.action} (${form.fields.join(",")})=${JSON.stringify(value.slice(0, 30))}`,
          res,
        );
        posted++;
      }
    }
    console.log(`hostile input: ${posted} form posts`);
    assert.deepEqual(problems.splice(0), []);
  });
});
