import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { renderBackOffice, renderPortal } from "../ui/render";
import { AppError, PasswordChangeRequired } from "./errors";
import type { AppEnv } from "./types";

/** Turns anything thrown into a Chinese error page or `{"error": {code, message}}`, never a stack trace. */
export async function handleError(err: unknown, c: Context<AppEnv>): Promise<Response> {
  const appError = toAppError(err);
  if (appError.status >= 500) {
    c.get("deps")?.logger.error("request failed", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
  }
  if (appError.retryAfterSeconds) c.header("Retry-After", String(appError.retryAfterSeconds));
  if (c.req.path.startsWith("/api/")) {
    return c.json(
      {
        error: {
          code: appError.code,
          message: appError.message,
          ...(appError.fields ? { fields: appError.fields } : {}),
        },
      },
      appError.status as 400,
    );
  }
  if (appError.code === "unauthorized") {
    const next = c.req.method === "GET" ? c.req.path : "/admin";
    return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
  }
  if (appError instanceof PasswordChangeRequired) return c.redirect("/account/password", 303);
  return renderErrorPage(c, appError);
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError("payload_too_large", "提交的内容或文件太大。");
    if (err.status === 400) return new AppError("bad_request", "请求格式不正确。");
    return new AppError(err.status >= 500 ? "internal" : "bad_request", "请求无法处理。");
  }
  if (isBadInputForDatabase(err))
    return new AppError("bad_request", "请求中含有无法处理的字符或数值,请检查后重新提交。");
  if (isStorageFull(err))
    return new AppError(
      "unavailable",
      "服务器存储空间已满,本次提交未能保存,请稍后再试。如问题持续,请联系网站管理员。",
    );
  if (isDatabaseDown(err))
    return new AppError("unavailable", "系统暂时无法访问数据库,请稍后再试。");
  return new AppError(
    "internal",
    "系统出现错误,请稍后再试。如问题持续,请联系网站管理员并告知出错时间。",
  );
}

/**
 * PostgreSQL refuses some values SQLite stores (a NUL character in text, 22021; an integer out of
 * range, 22003; text that is no number or date, 22P02/22007/22008): the request's input is wrong,
 * so this is a 400, not a server error.
 */
function isBadInputForDatabase(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? "";
  return ["22021", "22003", "22P02", "22007", "22008"].includes(code);
}

/** A full disk (SQLite cannot grow its WAL, PostgreSQL 53100 disk_full, a file write failed). */
function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? "";
  return ["ENOSPC", "EDQUOT", "53100"].includes(code) || code.startsWith("SQLITE_FULL");
}

function isDatabaseDown(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? "";
  return ["ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "SQLITE_BUSY", "SQLITE_IOERR"].some((c) =>
    code.startsWith(c),
  );
}

const titles: Record<string, string> = {
  not_found: "页面不存在",
  forbidden: "无权访问",
  rate_limited: "操作过于频繁",
  unavailable: "服务暂不可用",
  internal: "系统错误",
};

function renderErrorPage(c: Context<AppEnv>, error: AppError): Promise<Response> {
  const title = titles[error.code] ?? "请求有误";
  const content = (
    <section class="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p role="alert">{error.message}</p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </section>
  );
  const inBackOffice = c.req.path.startsWith("/admin") && c.get("user");
  if (!c.get("site") || !c.get("csrfToken")) {
    return Promise.resolve(c.text(`${title}:${error.message}`, error.status as 400));
  }
  return inBackOffice
    ? renderBackOffice(c, title, content, error.status)
    : renderPortal(c, title, content, error.status);
}
