import type { Context, Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import { calendarNotices } from "../calendar/notices";
import { todayInShanghai } from "../calendar/rules";
import type { Api } from "../http/api";
import { fieldErrors } from "../http/api";
import { AppError } from "../http/errors";
import type { AppEnv } from "../http/types";
import { overdueMessagesForWorkbench } from "../messages/supervision";
import { findUnit } from "../org/store";
import { awaitingFeedbackForWorkbench } from "../participation/supervision";
import type { AuditActor } from "../platform/audit";
import { recordAudit } from "../platform/audit";
import { hitRateLimit } from "../platform/rate-limit";
import { workbenchNotices } from "../supervision/reminders/store";
import { renderBackOffice, renderPortal } from "../ui/render";
import { AdminHome } from "./dashboard";
import { login } from "./login";
import { hasRole, requireUser, sessionCookie, setSessionCookie } from "./middleware";
import { loginSchema, meResponseSchema, passwordChangeSchema, safeNextPath } from "./schema";
import { changeOwnPassword } from "./service";
import { endSession } from "./sessions";
import { LoginPage, PasswordChangePage } from "./views";

/** Login attempts allowed per client address per 15 minutes, across all accounts. */
const loginAttemptsPerAddress = 30;

export function actorOf(c: Context<AppEnv>): AuditActor {
  const user = c.get("user");
  return { id: user?.id ?? null, name: user?.username ?? "访客", ip: c.get("clientIp") };
}

export function accountRoutes(app: Hono<AppEnv>, api: Api): void {
  app.get("/login", (c) => {
    if (c.get("user")) return c.redirect("/admin", 303);
    return renderPortal(c, "工作人员登录", <LoginPage next={safeNextPath(c.req.query("next"))} />);
  });

  app.post("/login", async (c) => {
    const { db, clock } = c.get("deps");
    const parsed = loginSchema.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      return renderPortal(c, "工作人员登录", <LoginPage error="请输入用户名和密码。" />, 400);
    }
    const { username, password, next } = parsed.data;
    const limit = await hitRateLimit(
      db,
      `login:${c.get("clientIp")}`,
      loginAttemptsPerAddress,
      900,
      clock(),
    );
    if (!limit.allowed) {
      throw new AppError(
        "rate_limited",
        "登录尝试过于频繁,请15分钟后再试。",
        undefined,
        limit.retryAfterSeconds,
      );
    }
    const outcome = await login(db, { username, password, ip: c.get("clientIp") }, clock());
    if (!outcome.ok) {
      const error =
        outcome.reason === "locked"
          ? "该账号因连续输入错误密码已被锁定,请15分钟后再试,或联系系统管理员。"
          : "用户名或密码不正确。";
      return renderPortal(
        c,
        "工作人员登录",
        <LoginPage error={error} username={username} next={next} />,
        401,
      );
    }
    const previous = c.get("sessionId");
    if (previous) await endSession(db, previous);
    setSessionCookie(c, outcome.sessionId);
    return c.redirect(outcome.mustChangePassword ? "/account/password" : safeNextPath(next), 303);
  });

  app.post("/logout", async (c) => {
    const sid = c.get("sessionId");
    const user = c.get("user");
    if (sid && user) {
      const { db, clock } = c.get("deps");
      await db.transaction().execute(async (trx) => {
        await endSession(trx, sid);
        await recordAudit(
          trx,
          actorOf(c),
          { action: "logout", objectType: "user", objectId: user.id },
          clock(),
        );
      });
    }
    deleteCookie(c, sessionCookie, { path: "/" });
    return c.redirect("/login", 303);
  });

  app.get("/account/password", (c) => {
    const user = c.get("user");
    if (!user) throw new AppError("unauthorized", "请先登录。");
    return renderBackOffice(
      c,
      "修改密码",
      <PasswordChangePage forced={user.mustChangePassword} done={c.req.query("done") === "1"} />,
    );
  });

  app.post("/account/password", async (c) => {
    const user = c.get("user");
    if (!user) throw new AppError("unauthorized", "请先登录。");
    const parsed = passwordChangeSchema.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      return renderBackOffice(
        c,
        "修改密码",
        <PasswordChangePage forced={user.mustChangePassword} errors={fieldErrors(parsed.error)} />,
        400,
      );
    }
    const { db, clock } = c.get("deps");
    const sessionId = await changeOwnPassword(
      db,
      { ...actorOf(c), id: user.id },
      parsed.data.current,
      parsed.data.password,
      clock(),
    );
    if (!sessionId) {
      return renderBackOffice(
        c,
        "修改密码",
        <PasswordChangePage
          forced={user.mustChangePassword}
          errors={{ current: "当前密码不正确" }}
        />,
        400,
      );
    }
    setSessionCookie(c, sessionId);
    return c.redirect("/account/password?done=1", 303);
  });

  app.get("/admin", async (c) => {
    const user = requireUser(c);
    const { db, clock } = c.get("deps");
    const notices = hasRole(user, "admin")
      ? await calendarNotices(db, todayInShanghai(clock()))
      : [];
    const awaitingFeedback = await awaitingFeedbackForWorkbench(db, user, todayInShanghai(clock()));
    const overdueMessages = await overdueMessagesForWorkbench(db, user, todayInShanghai(clock()));
    const myNotices = await workbenchNotices(db, user.id);
    return renderBackOffice(
      c,
      "工作台",
      <AdminHome
        user={user}
        notices={notices}
        awaitingFeedback={awaitingFeedback}
        overdueMessages={overdueMessages}
        myNotices={myNotices}
      />,
    );
  });

  api.route(
    {
      method: "get",
      path: "/api/v1/me",
      summary: "访问令牌所代表的用户及其角色",
      tag: "accounts",
      auth: "token",
      response: meResponseSchema,
    },
    async (c) => {
      const user = requireUser(c);
      const unit = await findUnit(c.get("deps").db, user.unitId);
      return c.json({
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        unit: { id: user.unitId, name: unit?.name ?? "" },
      });
    },
  );
}
