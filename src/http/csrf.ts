import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { hmacHex, randomToken, safeEqual } from "../platform/tokens";
import { AppError } from "./errors";
import type { AppEnv } from "./types";

export const csrfCookie = "gk_csrf";
export const csrfField = "_csrf";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/**
 * POST paths that need no CSRF field, each justified. RFC 8058 one-click unsubscribe: a mail
 * provider POSTs "List-Unsubscribe=One-Click" to the List-Unsubscribe URL with no cookie, no
 * field and no Origin of ours. That URL carries an unguessable per-subscription token (the proof
 * a CSRF field would give: a forging site cannot know it), and its only effect is ending that one
 * subscription (src/subscriptions/routes.tsx).
 */
const csrfExemptPosts: readonly RegExp[] = [/^\/subscriptions\/unsubscribe\/[A-Za-z0-9_-]{20,64}$/];

/**
 * Synchroniser-token CSRF protection for every browser form (double-submit, HMAC-signed):
 * each browser gets a random cookie, and every form carries HMAC(secret, cookie) in `_csrf`.
 * A cross-site page can make the browser send the cookie but cannot read it to forge the field.
 * The Origin header, when present, must also be this site. API calls authenticate with bearer
 * tokens only (never cookies), so they need no CSRF token.
 */
export function csrfProtection(secret: string, secureCookies: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let seed = getCookie(c, csrfCookie);
    if (!seed || seed.length < 20) {
      seed = randomToken(24);
      setCookie(c, csrfCookie, seed, {
        httpOnly: true,
        sameSite: "Lax",
        secure: secureCookies,
        path: "/",
      });
    }
    const expected = hmacHex(secret, seed);
    c.set("csrfToken", expected);
    const exempt = c.req.method === "POST" && csrfExemptPosts.some((re) => re.test(c.req.path));
    if (unsafeMethods.has(c.req.method) && !c.req.path.startsWith("/api/") && !exempt) {
      await assertCsrf(c, expected);
    }
    await next();
  };
}

async function assertCsrf(c: Context<AppEnv>, expected: string): Promise<void> {
  const origin = c.req.header("origin");
  if (origin && origin !== "null" && new URL(c.req.url).host !== safeHost(origin)) {
    throw new AppError("forbidden", "请求来源不是本站,已拒绝。请返回本站页面重新提交。");
  }
  let sent = c.req.header("x-csrf-token") ?? "";
  const type = c.req.header("content-type") ?? "";
  if (!sent && formTypes.test(type)) {
    const body = await c.req.parseBody({ all: true });
    const field = body[csrfField];
    sent = typeof field === "string" ? field : "";
  }
  if (!sent || !safeEqual(sent, expected)) {
    throw new AppError("forbidden", "页面已过期或请求来源无法验证,请刷新页面后重新提交。");
  }
}

function safeHost(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}
