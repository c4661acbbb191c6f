import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { AppError, PasswordChangeRequired } from "../http/errors";
import type { AppEnv } from "../http/types";
import { userIdForApiToken } from "./api-tokens";
import type { Role } from "./roles";
import { resumeSession } from "./sessions";
import { type CurrentUser, loadCurrentUser } from "./store";

export const sessionCookie = "gk_session";

/**
 * Identifies the visitor: API routes by `Authorization: Bearer` token only, pages by the
 * session cookie only. Sets `user` (or null) and never rejects by itself.
 */
export function identifyVisitor(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("user", null);
    c.set("authMethod", null);
    c.set("sessionId", null);
    const { db, clock, config } = c.get("deps");
    if (c.req.path.startsWith("/api/")) {
      const header = c.req.header("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (match?.[1]) {
        const userId = await userIdForApiToken(db, match[1], clock());
        const user = userId ? await loadCurrentUser(db, userId) : null;
        if (!user) throw new AppError("unauthorized", "访问令牌无效或已撤销。");
        c.set("user", user);
        c.set("authMethod", "token");
      }
    } else {
      const sid = getCookie(c, sessionCookie);
      if (sid) {
        const session = await resumeSession(db, sid, config.sessionIdleMinutes, clock());
        const user = session ? await loadCurrentUser(db, session.userId) : null;
        if (user) {
          c.set("user", user);
          c.set("authMethod", "session");
          c.set("sessionId", sid);
        } else {
          deleteCookie(c, sessionCookie, { path: "/" });
        }
      }
    }
    await next();
  };
}

export function setSessionCookie(c: Context<AppEnv>, sessionId: string): void {
  setCookie(c, sessionCookie, sessionId, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.get("deps").config.secureCookies,
    path: "/",
  });
}

/** The signed-in user, or a 401 (pages redirect to the login form through the error handler). */
export function requireUser(c: Context<AppEnv>): CurrentUser {
  const user = c.get("user");
  if (!user) throw new AppError("unauthorized", "请先登录。");
  if (user.mustChangePassword && c.get("authMethod") === "session") {
    throw new PasswordChangeRequired();
  }
  return user;
}

export function hasRole(user: CurrentUser | null, ...allowed: Role[]): boolean {
  return !!user && user.roles.some((r) => allowed.includes(r));
}

/** The signed-in user holding at least one of `allowed`, or 401/403. */
export function requireRole(c: Context<AppEnv>, ...allowed: Role[]): CurrentUser {
  const user = requireUser(c);
  if (!hasRole(user, ...allowed)) throw new AppError("forbidden", "您的角色无权执行此操作。");
  return user;
}

/** Route middleware form of requireRole, for whole route groups. */
export function roleGuard(...allowed: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireRole(c, ...allowed);
    await next();
  };
}
