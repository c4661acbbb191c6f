/**
 * Every error the app shows a person. `code` is a closed set so API clients can branch on it:
 * - bad_request: malformed input that is not a field error (bad JSON, wrong content type)
 * - validation: one or more fields are invalid (`fields` has a Chinese message per field)
 * - unauthorized: not logged in / no valid token
 * - forbidden: logged in but the role does not allow it, or CSRF check failed
 * - not_found: no such object visible to this visitor
 * - conflict: the object's state does not allow the action (e.g. signing an unapproved record)
 * - rate_limited: too many attempts; retry later
 * - payload_too_large: upload or body over the limit
 * - unsupported_media: upload type refused
 * - unavailable: database or a dependency is down
 * - internal: a bug; the message never shows internals
 */
export type ErrorCode =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media"
  | "unavailable"
  | "internal";

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media: 415,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export const notFound = (what = "页面") => new AppError("not_found", `${what}不存在或已删除。`);
export const forbidden = (message = "您没有执行此操作的权限。") =>
  new AppError("forbidden", message);
export const conflict = (message: string) => new AppError("conflict", message);
export const badRequest = (message: string) => new AppError("bad_request", message);
export const validationError = (
  fields: Record<string, string>,
  message = "提交的内容有误,请按提示修改。",
) => new AppError("validation", message, fields);

/** Thrown when a person signed in with an initial or reset password tries anything else. */
export class PasswordChangeRequired extends AppError {
  constructor() {
    super("forbidden", "首次登录或密码已重置,请先修改密码。");
  }
}
