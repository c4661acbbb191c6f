// Public pages of e-mail subscriptions: the form, the confirmation (double opt-in) and the
// unsubscribe pages. The unsubscribe POST also serves RFC 8058 one-click requests from mail
// providers, which is why its path is exempt from the CSRF field (see src/http/csrf.ts).
import type { Context, Hono } from "hono";
import { listCatalogItems } from "../catalog/store";
import type { Api } from "../http/api";
import { fieldErrors } from "../http/api";
import type { AppEnv } from "../http/types";
import { personalDataKey } from "../platform/crypto";
import { consumeHumanCheck, createHumanChallenge, humanCheckFields } from "../platform/human-check";
import { hitRateLimit } from "../platform/rate-limit";
import { renderPortal } from "../ui/render";
import { subscribeSchema } from "./schema";
import {
  confirmSubscription,
  emailHash,
  findByUnsubscribeToken,
  findConfirmation,
  subscribe,
  subscriberActor,
  unsubscribe,
} from "./service";
import {
  ConfirmPage,
  MessagePage,
  type SubscribeFormModel,
  SubscribePage,
  SubscribeSentPage,
  UnsubscribePage,
} from "./views";

const TITLE = "邮件订阅";
/** Per address: 10 requests an hour; per mailbox: 5 confirmation mails a day (no mail bombing). */
const IP_LIMIT = { limit: 10, windowSeconds: 3600 };
const MAILBOX_LIMIT = { limit: 5, windowSeconds: 86_400 };

export function subscriptionRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/subscriptions", (c) => renderForm(c, {}, {}));

  app.post("/subscriptions", async (c) => {
    const { db, clock, config } = c.get("deps");
    const now = clock();
    const body = await c.req.parseBody({ all: true });
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    const topics = [body.topics ?? []].flat().map(text);
    const values = { email: text(body.email), topics, catalogItem: text(body.catalogItem) };
    const human = await consumeHumanCheck(
      db,
      config.secret,
      {
        token: body[humanCheckFields.token],
        answer: body[humanCheckFields.answer],
        honeypot: body[humanCheckFields.honeypot],
      },
      now,
    );
    const parsed = subscribeSchema.safeParse(values);
    const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
    if (!human.ok) errors[humanCheckFields.answer] = human.message;
    // Also when the address is wrong, so every problem is named at once.
    if (topics.length === 0 && !values.catalogItem) errors.topics ??= "请至少选择一项订阅内容";
    if (parsed.success) {
      const item = parsed.data.topics.find((t) => t.topic === "catalogItem");
      if (item && !(await activeCatalogItems(c)).some((i) => String(i.id) === item.ref)) {
        errors.catalogItem = "请选择列表中的目录事项";
      }
    }
    if (!parsed.success || Object.keys(errors).length > 0)
      return renderForm(c, values, errors, 400);
    const ip = c.get("clientIp");
    const byIp = await hitRateLimit(
      db,
      `subscribe:ip:${ip}`,
      IP_LIMIT.limit,
      IP_LIMIT.windowSeconds,
      now,
    );
    const byMailbox = await hitRateLimit(
      db,
      `subscribe:mailbox:${emailHash(config.secret, parsed.data.email)}`,
      MAILBOX_LIMIT.limit,
      MAILBOX_LIMIT.windowSeconds,
      now,
    );
    if (!byIp.allowed || !byMailbox.allowed) {
      const wait = Math.max(
        byIp.allowed ? 0 : byIp.retryAfterSeconds,
        byMailbox.allowed ? 0 : byMailbox.retryAfterSeconds,
      );
      c.header("Retry-After", String(wait));
      return renderForm(c, values, { email: "提交过于频繁,请稍后再试" }, 429);
    }
    await subscribe(
      db,
      parsed.data,
      { personal: personalDataKey(config.secret), secret: config.secret },
      subscriberActor(ip),
      now,
    );
    return c.redirect("/subscriptions/sent", 303);
  });

  app.get("/subscriptions/sent", (c) => renderPortal(c, "请查收确认邮件", <SubscribeSentPage />));

  app.get("/subscriptions/confirm/:token", async (c) => {
    const { db, clock } = c.get("deps");
    const token = c.req.param("token");
    const pending = await findConfirmation(db, token, clock());
    if (!pending) return invalidLink(c, "确认链接无效或已过期,也可能订阅已经确认。");
    return noStore(await renderPortal(c, "确认订阅", <ConfirmPage token={token} {...pending} />));
  });

  app.post("/subscriptions/confirm/:token", async (c) => {
    const { db, clock } = c.get("deps");
    const count = await confirmSubscription(
      db,
      c.req.param("token"),
      subscriberActor(c.get("clientIp")),
      clock(),
    );
    if (count === 0) return invalidLink(c, "确认链接无效或已过期,也可能订阅已经确认。");
    return renderPortal(
      c,
      "订阅已确认",
      <MessagePage
        heading="订阅已确认"
        text={`已确认 ${count} 项订阅。有新信息时我们会发邮件提醒您。`}
      />,
    );
  });

  app.get("/subscriptions/unsubscribe/:token", async (c) => {
    const token = c.req.param("token");
    const sub = await findByUnsubscribeToken(c.get("deps").db, token);
    if (!sub) return invalidLink(c, "退订链接无效。");
    if (sub.status === "unsubscribed") {
      return renderPortal(
        c,
        "已退订",
        <MessagePage heading="已退订" text="该订阅已经退订,您不会再收到此类提醒。" />,
      );
    }
    return noStore(
      await renderPortal(
        c,
        "退订邮件提醒",
        <UnsubscribePage token={token} label={sub.label} emailMasked={sub.email_masked} />,
      ),
    );
  });

  // Also the RFC 8058 target: a provider POSTs "List-Unsubscribe=One-Click" with no cookie and
  // no CSRF field; the unguessable token in the path is what authorises it.
  app.post("/subscriptions/unsubscribe/:token", async (c) => {
    const { db, clock } = c.get("deps");
    const token = c.req.param("token");
    const sub = await findByUnsubscribeToken(db, token);
    if (!sub) return invalidLink(c, "退订链接无效。");
    await unsubscribe(db, token, subscriberActor(c.get("clientIp")), clock());
    return renderPortal(
      c,
      "已退订",
      <MessagePage heading="已退订" text={`您不会再收到“${sub.label}”的提醒。`} />,
    );
  });
}

function noStore(res: Response): Response {
  // Token pages: never cached by a shared proxy.
  res.headers.set("Cache-Control", "no-store");
  return res;
}

function invalidLink(c: Context<AppEnv>, text: string) {
  return renderPortal(c, "链接无效", <MessagePage heading="链接无效" text={text} />, 404);
}

async function activeCatalogItems(c: Context<AppEnv>) {
  const items = await listCatalogItems(c.get("deps").db, { activeOnly: true });
  return items.filter((i) => !i.candidate);
}

async function renderForm(
  c: Context<AppEnv>,
  values: SubscribeFormModel["values"],
  errors: Record<string, string>,
  status = 200,
) {
  const { config, clock } = c.get("deps");
  const items = await activeCatalogItems(c);
  return renderPortal(
    c,
    TITLE,
    <SubscribePage
      values={values}
      errors={errors}
      challenge={createHumanChallenge(config.secret, clock())}
      catalogItems={items.map((i) => ({ id: i.id, label: `${i.category} · ${i.item}` }))}
    />,
    status,
  );
}
