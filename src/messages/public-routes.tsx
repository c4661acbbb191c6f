// Public routes of 留言咨询 and 回应关切: form (human check + per-address limit), one-time number
// and code, list and page of published messages, lookup, rating, and the response list.
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { parseUrlId } from "../disclosure/urls";
import { fieldErrors } from "../http/api";
import { AppError } from "../http/errors";
import type { AppEnv } from "../http/types";
import { decryptPersonal, encryptPersonal, personalDataKey } from "../platform/crypto";
import { consumeHumanCheck, createHumanChallenge, humanCheckFields } from "../platform/human-check";
import { hitRateLimit } from "../platform/rate-limit";
import { listPublishedRecords } from "../records/public-store";
import { renderPortal } from "../ui/render";
import { CONCERN_GENRES, publicConcernsOf } from "./concerns";
import {
  findPublicMessage,
  listPublicMessages,
  lookupMessage,
  PUBLIC_MESSAGES_PER_PAGE,
  rateMessage,
} from "./public";
import {
  MessageForm,
  PublicMessageList,
  PublicMessagePage,
  RatePage,
  ResponsesPage,
  SubmittedMessagePage,
  TrackMessagePage,
} from "./public-views";
import { messageInputSchema, ratingSchema } from "./schema";
import { onlineAsker, submitMessage } from "./service";

const SUBMITTED_COOKIE = "gk_message";
const SUBMITTED_SECONDS = 600;
/** Messages one address may leave per hour (a person rarely leaves more than one or two). */
export const MESSAGES_PER_ADDRESS_PER_HOUR = 10;

const textValues = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

const RESPONSES_PER_PAGE = 20;

const pageOf = (value: string | undefined) => {
  const n = Number(value ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

export const rateHrefOf = (no: string, code: string) =>
  `/interaction/messages/rate?no=${encodeURIComponent(no)}&code=${encodeURIComponent(code)}`;

export function publicMessageRoutes(app: Hono<AppEnv>): void {
  app.get("/interaction/messages", async (c) => {
    const page = pageOf(c.req.query("page"));
    const { total, items } = await listPublicMessages(c.get("deps").db, {
      page,
      pageSize: PUBLIC_MESSAGES_PER_PAGE,
    });
    const pageCount = Math.max(1, Math.ceil(total / PUBLIC_MESSAGES_PER_PAGE));
    return renderPortal(
      c,
      "留言咨询",
      <PublicMessageList items={items} page={page} pageCount={pageCount} />,
    );
  });

  app.get("/interaction/messages/new", (c) => renderForm(c, {}, {}));

  app.post("/interaction/messages/new", async (c) => {
    const { db, clock, config } = c.get("deps");
    const now = clock();
    const values = textValues(await c.req.parseBody());
    const human = await consumeHumanCheck(
      db,
      config.secret,
      {
        token: values[humanCheckFields.token],
        answer: values[humanCheckFields.answer],
        honeypot: values[humanCheckFields.honeypot],
      },
      now,
    );
    const parsed = messageInputSchema.safeParse(values);
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!human.ok) errors[humanCheckFields.answer] = human.message;
    if (!parsed.success || !human.ok) return renderForm(c, values, errors, 400);
    const limit = await hitRateLimit(
      db,
      `message-submit:ip:${c.get("clientIp")}`,
      MESSAGES_PER_ADDRESS_PER_HOUR,
      3600,
      now,
    );
    if (!limit.allowed) {
      c.header("Retry-After", String(limit.retryAfterSeconds));
      return renderForm(c, values, { _: "留言过于频繁,请稍后再试。" }, 429);
    }
    const key = personalDataKey(config.secret);
    const filed = await submitMessage(db, parsed.data, onlineAsker(c.get("clientIp")), {
      keys: { personal: key, secret: config.secret },
      now,
    });
    const payload = JSON.stringify({
      n: filed.messageNo,
      c: filed.queryCode,
      k: filed.category,
      d: filed.dueOn,
      exp: now.getTime() + SUBMITTED_SECONDS * 1000,
    });
    setCookie(c, SUBMITTED_COOKIE, encryptPersonal(key, payload), {
      httpOnly: true,
      sameSite: "Lax",
      secure: config.secureCookies,
      path: "/interaction/messages/submitted",
      maxAge: SUBMITTED_SECONDS,
    });
    return c.redirect("/interaction/messages/submitted", 303);
  });

  app.get("/interaction/messages/submitted", async (c) => {
    const { config, clock } = c.get("deps");
    const filed = readSubmittedCookie(c, personalDataKey(config.secret), clock());
    deleteCookie(c, SUBMITTED_COOKIE, { path: "/interaction/messages/submitted" });
    const res = await renderPortal(c, "留言已提交", <SubmittedMessagePage {...(filed ?? {})} />);
    res.headers.set("Cache-Control", "no-store");
    return res;
  });

  app.get("/interaction/messages/track", (c) =>
    renderPortal(c, "留言办理情况查询", <TrackMessagePage values={{}} errors={{}} />),
  );

  app.post("/interaction/messages/track", async (c) => {
    const { db, clock, config } = c.get("deps");
    const values = textValues(await c.req.parseBody());
    const number = (values.number ?? "").trim();
    const code = (values.code ?? "").trim();
    const errors: Record<string, string> = {};
    if (!number) errors.number = "请填写留言编号";
    if (!code) errors.code = "请填写查询码";
    const page = (extra: object, status = 200) =>
      renderPortal(
        c,
        "留言办理情况查询",
        <TrackMessagePage values={{ number }} errors={errors} {...extra} />,
        status,
      );
    if (!number || !code) return page({}, 400);
    try {
      const view = await lookupMessage(
        db,
        { number, code, clientIp: c.get("clientIp") },
        config.secret,
        clock(),
      );
      const res = await page({ view, rateHref: rateHrefOf(view.messageNo, code) });
      res.headers.set("Cache-Control", "no-store");
      return res;
    } catch (error) {
      return refusal(c, error, (message, status) => page({ message }, status));
    }
  });

  app.get("/interaction/messages/rate", async (c) => {
    const { db, clock, config } = c.get("deps");
    const number = (c.req.query("no") ?? "").trim();
    const code = (c.req.query("code") ?? "").trim();
    const page = (extra: object, status = 200) =>
      renderPortal(
        c,
        "评价答复",
        <RatePage values={{}} errors={{}} number={number} code={code} {...extra} />,
        status,
      );
    if (!number || !code)
      return page(
        { message: "评价链接不完整,请使用提交留言时显示的链接,或凭留言编号和查询码查询。" },
        400,
      );
    try {
      const view = await lookupMessage(
        db,
        { number, code, clientIp: c.get("clientIp") },
        config.secret,
        clock(),
      );
      const res = await page({ view });
      res.headers.set("Cache-Control", "no-store");
      return res;
    } catch (error) {
      return refusal(c, error, (message, status) => page({ message }, status));
    }
  });

  app.post("/interaction/messages/rate", async (c) => {
    const { db, clock, config } = c.get("deps");
    const values = textValues(await c.req.parseBody());
    const number = (values.no ?? "").trim();
    const code = (values.code ?? "").trim();
    const query = { number, code, clientIp: c.get("clientIp") };
    const page = (extra: object, status = 200) =>
      renderPortal(
        c,
        "评价答复",
        <RatePage values={values} errors={{}} number={number} code={code} {...extra} />,
        status,
      );
    const parsed = ratingSchema.safeParse(values);
    try {
      if (!parsed.success) {
        const view = await lookupMessage(db, query, config.secret, clock());
        return page({ view, errors: fieldErrors(parsed.error) }, 400);
      }
      await rateMessage(db, query, parsed.data, config.secret, clock());
      const view = await lookupMessage(db, query, config.secret, clock());
      return page({ view, done: true });
    } catch (error) {
      return refusal(c, error, (message, status) => page({ message }, status));
    }
  });

  app.get("/interaction/messages/:id{[0-9]+}", async (c) => {
    const id = parseUrlId(c.req.param("id"));
    const message = id === null ? undefined : await findPublicMessage(c.get("deps").db, id);
    if (!message) throw new AppError("not_found", "留言不存在或未公开。");
    return renderPortal(c, message.subject, <PublicMessagePage m={message} />);
  });

  app.get("/interaction/responses", async (c) => {
    const { db } = c.get("deps");
    const asked = c.req.query("genre") ?? "";
    const genre = (CONCERN_GENRES as readonly string[]).includes(asked) ? asked : "concernResponse";
    const page = pageOf(c.req.query("page"));
    const { total, items } = await listPublishedRecords(
      db,
      { genre },
      { page, pageSize: RESPONSES_PER_PAGE },
    );
    const concerns = await publicConcernsOf(
      db,
      items.map((r) => r.id),
    );
    const withConcerns = items.map((r) => ({ ...r, concerns: concerns.get(r.id)! }));
    const pageCount = Math.max(1, Math.ceil(total / RESPONSES_PER_PAGE));
    return renderPortal(
      c,
      "回应关切与政策问答",
      <ResponsesPage genre={genre} items={withConcerns} page={page} pageCount={pageCount} />,
    );
  });
}

/** A wrong code (404), too many tries (429) or a second rating (409) shown on the page; anything else rethrown. */
function refusal(
  c: Context<AppEnv>,
  error: unknown,
  show: (message: string, status: number) => Promise<Response>,
): Promise<Response> {
  if (
    !(error instanceof AppError) ||
    !["not_found", "rate_limited", "conflict"].includes(error.code)
  )
    throw error;
  if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
  return show(error.message, error.status);
}

function renderForm(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: Record<string, string>,
  status = 200,
) {
  const { config, clock } = c.get("deps");
  const challenge = createHumanChallenge(config.secret, clock());
  return renderPortal(
    c,
    "我要留言",
    <MessageForm values={values} errors={errors} challenge={challenge} />,
    status,
  );
}

function readSubmittedCookie(c: Context<AppEnv>, key: Buffer, now: Date) {
  const value = getCookie(c, SUBMITTED_COOKIE);
  if (!value) return null;
  try {
    const d = JSON.parse(decryptPersonal(key, value)) as {
      n: string;
      c: string;
      k: string;
      d: string;
      exp: number;
    };
    return d.exp >= now.getTime() ? { number: d.n, code: d.c, category: d.k, dueOn: d.d } : null;
  } catch {
    return null;
  }
}
