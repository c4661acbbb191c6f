import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { userAdminRoutes } from "../accounts/admin-routes";
import { identifyVisitor } from "../accounts/middleware";
import { accountRoutes } from "../accounts/routes";
import { apiTokenRoutes } from "../accounts/token-routes";
import { calendarRoutes } from "../calendar/routes";
import { catalogRoutes } from "../catalog/routes";
import { disclosureRoutes } from "../disclosure/routes";
import { messageRoutes } from "../messages/routes";
import { orgRoutes } from "../org/routes";
import { meetingRoutes } from "../participation/meetings/routes";
import { participationRoutes } from "../participation/routes";
import { mailRoutes } from "../platform/mail/routes";
import { platformRoutes } from "../platform/routes";
import { defaultSiteSettings } from "../platform/settings";
import { cachedSiteSettings } from "../platform/site-cache";
import { portalRoutes } from "../portal/routes";
import { publicityRoutes } from "../publicity/routes";
import { recordApiRoutes } from "../records/api";
import { recordBackOfficeRoutes } from "../records/backoffice-routes";
import { releaseMayBeDue } from "../records/scheduled-release";
import { caseworkRoutes } from "../requests/casework-routes";
import { applicationRoutes } from "../requests/routes";
import { serviceRoutes } from "../services/routes";
import { subscriptionRoutes } from "../subscriptions/routes";
import { annualReportRoutes } from "../supervision/annual-report/routes";
import { reminderRoutes } from "../supervision/reminders/routes";
import { supervisionRoutes } from "../supervision/routes";
import { bumpRevisionOnChange, type PageCache, pageCacheMiddleware } from "../ui/cache/middleware";
import { type Api, buildOpenApi, createApi } from "./api";
import { csrfProtection } from "./csrf";
import { handleError } from "./error-handler";
import { AppError, notFound } from "./errors";
import { healthRoutes } from "./health";
import { staticRoutes } from "./static";
import type { AppDeps, AppEnv } from "./types";

/** Each domain installs its pages and API routes here, in this order. */
const domains: ((app: Hono<AppEnv>, api: Api) => void)[] = [
  // domain routes
  accountRoutes,
  userAdminRoutes,
  apiTokenRoutes,
  orgRoutes,
  calendarRoutes,
  recordApiRoutes,
  recordBackOfficeRoutes,
  disclosureRoutes,
  catalogRoutes,
  caseworkRoutes,
  applicationRoutes,
  serviceRoutes,
  meetingRoutes,
  participationRoutes,
  publicityRoutes,
  annualReportRoutes,
  supervisionRoutes,
  messageRoutes,
  subscriptionRoutes,
  mailRoutes,
  reminderRoutes,
  platformRoutes,
  portalRoutes,
];

const maxRequestBytes = 25 * 1024 * 1024;

export interface AppOptions {
  /** The public page cache; the server passes one, tests that need it pass their own. */
  pageCache?: PageCache;
}

/** The one app factory, used by the server and by tests. */
export function createApp(deps: AppDeps, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Outermost, so it also sees changes that end in an error page or a redirect.
  app.use(bumpRevisionOnChange());
  // Public pages for anonymous visitors, before everything else (request id, logging, security
  // headers, settings, CSRF, session): a hit costs none of them and sends stored bytes, with the
  // headers the rendered page had (src/ui/cache/, ARCHITECTURE.md "Page cache").
  app.use(pageCacheMiddleware(options.pageCache ?? null, deps.clock, releaseMayBeDue));
  app.use(requestId());
  app.use(async (c, next) => {
    c.set("deps", deps);
    c.set("clientIp", clientIpOf(c.env, c.req.header("x-forwarded-for"), deps.config.trustProxy));
    const started = performance.now();
    await next();
    deps.logger.info("request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.config.secureCookies ? "max-age=31536000" : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  staticRoutes(app);
  healthRoutes(app);
  app.use(async (c, next) => {
    c.set(
      "site",
      c.req.path.startsWith("/api/")
        ? defaultSiteSettings
        : await cachedSiteSettings(deps.db, Date.now()),
    );
    await next();
  });
  // No request body may exceed the largest upload policy (20 MB attachments) plus form overhead;
  // checked before the CSRF middleware reads the body.
  app.use(
    bodyLimit({
      maxSize: maxRequestBytes,
      onError: () => {
        throw new AppError("payload_too_large", "提交的内容或文件太大(单次提交不超过 25 MB)。");
      },
    }),
  );
  app.use(csrfProtection(deps.config.secret, deps.config.secureCookies));
  app.use(identifyVisitor());
  const api = createApi(app);
  for (const install of domains) install(app, api);
  app.get("/api/v1/openapi.json", (c) =>
    c.json(buildOpenApi([...api.specs, openApiSelfSpec], { title: "Gongkai API", version: "1" })),
  );
  app.notFound(() => {
    throw notFound();
  });
  app.onError(handleError);
  return app;
}

const openApiSelfSpec = {
  method: "get" as const,
  path: "/api/v1/openapi.json",
  summary: "本 API 的 OpenAPI 3 描述",
  tag: "meta",
  auth: "public" as const,
};

/** The client address: the socket's, or the last X-Forwarded-For hop behind a trusted proxy. */
function clientIpOf(env: unknown, forwardedFor: string | undefined, trustProxy: boolean): string {
  // The last hop is the one our own proxy appended; earlier entries are whatever the client sent.
  if (trustProxy && forwardedFor) return forwardedFor.split(",").at(-1)!.trim().slice(0, 64);
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}
