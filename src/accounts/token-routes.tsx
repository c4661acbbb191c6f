import type { Context, Hono } from "hono";
import type { Api } from "../http/api";
import { fieldErrors } from "../http/api";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { renderBackOffice } from "../ui/render";
import { listApiTokens } from "./api-tokens";
import { requireRole } from "./middleware";
import { canSeeAllApiTokens, tokenHolderRoles } from "./policy";
import { actorOf } from "./routes";
import { apiTokenCreateSchema, parseId } from "./schema";
import { issueApiToken, withdrawApiToken } from "./token-service";
import { ApiTokenCreatedPage, ApiTokensPage } from "./token-views";

/** 访问令牌 (/admin/tokens): create (shown once), list and revoke API tokens. */
export function apiTokenRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/admin/tokens", async (c) => {
    requireRole(c, ...tokenHolderRoles);
    const notice = c.req.query("done") === "revoked" ? "令牌已撤销。" : undefined;
    return renderTokensPage(c, { notice });
  });

  app.post("/admin/tokens", async (c) => {
    const user = requireRole(c, ...tokenHolderRoles);
    const parsed = apiTokenCreateSchema.safeParse(await c.req.parseBody({ all: true }));
    if (!parsed.success) {
      return renderTokensPage(c, { errors: fieldErrors(parsed.error) }, 400);
    }
    const { db, clock } = c.get("deps");
    const actor = { ...actorOf(c), id: user.id };
    const created = await issueApiToken(db, actor, parsed.data.name, clock());
    // Shown once on this response (not a redirect target), so the plain token is never stored.
    const page = <ApiTokenCreatedPage name={parsed.data.name} token={created.token} />;
    return renderBackOffice(c, "令牌已创建", page, 201);
  });

  app.post("/admin/tokens/:id/revoke", async (c) => {
    const user = requireRole(c, ...tokenHolderRoles);
    const id = parseId(c.req.param("id"));
    const { db, clock } = c.get("deps");
    const actor = { ...actorOf(c), id: user.id, roles: user.roles };
    const outcome = id === null ? "not_found" : await withdrawApiToken(db, actor, id, clock());
    if (outcome === "not_found") throw notFound("令牌");
    return c.redirect("/admin/tokens?done=revoked", 303);
  });
}

async function renderTokensPage(
  c: Context<AppEnv>,
  extra: { errors?: Record<string, string>; notice?: string },
  status = 200,
) {
  const user = c.get("user")!;
  const showOwner = canSeeAllApiTokens(user);
  const rows = await listApiTokens(c.get("deps").db, showOwner ? undefined : user.id);
  const tokens = rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    owner: t.username,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  }));
  const page = <ApiTokensPage tokens={tokens} showOwner={showOwner} {...extra} />;
  return renderBackOffice(c, "访问令牌", page, status);
}
