import type { Context, Hono } from "hono";
import type { Api } from "../http/api";
import { fieldErrors } from "../http/api";
import { conflict, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { renderBackOffice } from "../ui/render";
import {
  type AccountView,
  type AdminActor,
  addAccount,
  changeAccount,
  loadUnitChoices,
  resetAccountPassword,
  setAccountActive,
  toAccountView,
  unlockAccount,
} from "./admin-service";
import {
  InitialPasswordPage,
  UserEditPage,
  type UserFormValues,
  UserListPage,
  UserNewPage,
} from "./admin-views";
import { requireRole } from "./middleware";
import { userManagerRoles } from "./policy";
import { actorOf } from "./routes";
import { parseId, userCreateSchema, userUpdateSchema } from "./schema";
import { findAccount, listAccounts } from "./store";

const notices: Record<string, string> = {
  saved: "已保存。",
  unlocked: "已解除锁定。",
  deactivated: "账号已停用,其所有会话已结束。",
  reactivated: "账号已重新启用。",
};

/** 用户管理 (/admin/users): accounts, roles, initial passwords, locks. 系统管理员 only. */
export function userAdminRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/admin/users", async (c) => {
    requireAdmin(c);
    const { db, clock } = c.get("deps");
    const accounts = (await listAccounts(db)).map((row) => toAccountView(row, clock()));
    return renderBackOffice(c, "用户管理", <UserListPage accounts={accounts} />);
  });

  app.get("/admin/users/new", async (c) => {
    requireAdmin(c);
    const units = await loadUnitChoices(c.get("deps").db);
    const values = { username: "", displayName: "", email: "", unitId: "", roles: ["editor"] };
    return renderBackOffice(c, "新建用户", <UserNewPage values={values} units={units} />);
  });

  app.post("/admin/users", async (c) => {
    const actor = requireAdmin(c);
    const { db, clock } = c.get("deps");
    const body = await c.req.parseBody({ all: true });
    const parsed = userCreateSchema.safeParse(body);
    const result = parsed.success
      ? await addAccount(db, actor, parsed.data, clock())
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!result.ok) {
      const units = await loadUnitChoices(db);
      const page = <UserNewPage values={formValues(body)} errors={result.errors} units={units} />;
      return renderBackOffice(c, "新建用户", page, 400);
    }
    // The one page that shows the initial password: rendered, not redirected to, never stored.
    const account = { id: result.value.id, username: parsed.data!.username };
    const page = (
      <InitialPasswordPage account={account} password={result.value.password} reset={false} />
    );
    return renderBackOffice(c, "用户已创建", page, 201);
  });

  app.get("/admin/users/:id", async (c) => {
    requireAdmin(c);
    const account = await loadAccount(c);
    const units = await loadUnitChoices(c.get("deps").db);
    const page = (
      <UserEditPage
        account={account}
        values={{ ...account, unitId: String(account.unitId) }}
        units={units}
        notice={notices[c.req.query("done") ?? ""]}
      />
    );
    return renderBackOffice(c, "修改用户", page);
  });

  app.post("/admin/users/:id", async (c) => {
    const actor = requireAdmin(c);
    const { db, clock } = c.get("deps");
    const account = await loadAccount(c);
    const body = await c.req.parseBody({ all: true });
    const parsed = userUpdateSchema.safeParse(body);
    const result = parsed.success
      ? await changeAccount(db, actor, account.id, parsed.data, clock())
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!result) throw notFound("用户");
    if (!result.ok) {
      const values = { ...formValues(body), username: account.username };
      const units = await loadUnitChoices(db);
      const page = (
        <UserEditPage account={account} values={values} errors={result.errors} units={units} />
      );
      return renderBackOffice(c, "修改用户", page, 400);
    }
    return c.redirect(`/admin/users/${account.id}?done=saved`, 303);
  });

  app.post("/admin/users/:id/reset-password", async (c) => {
    const actor = requireAdmin(c);
    const { db, clock } = c.get("deps");
    const account = await loadAccount(c);
    const password = await resetAccountPassword(db, actor, account.id, clock());
    if (!password) throw notFound("用户");
    const page = <InitialPasswordPage account={account} password={password} reset={true} />;
    return renderBackOffice(c, "密码已重置", page);
  });

  app.post("/admin/users/:id/unlock", async (c) => {
    const actor = requireAdmin(c);
    const { db, clock } = c.get("deps");
    const account = await loadAccount(c);
    if (!(await unlockAccount(db, actor, account.id, clock()))) throw notFound("用户");
    return c.redirect(`/admin/users/${account.id}?done=unlocked`, 303);
  });

  for (const [action, active] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.post(`/admin/users/:id/${action}`, async (c) => {
      const actor = requireAdmin(c);
      const { db, clock } = c.get("deps");
      const account = await loadAccount(c);
      const outcome = await setAccountActive(db, actor, account.id, active, clock());
      if (outcome === "not_found") throw notFound("用户");
      if (outcome !== "done") throw conflict(outcome.refused);
      return c.redirect(`/admin/users/${account.id}?done=${action}d`, 303);
    });
  }
}

function requireAdmin(c: Context<AppEnv>): AdminActor {
  const user = requireRole(c, ...userManagerRoles);
  return { ...actorOf(c), id: user.id, roles: user.roles };
}

async function loadAccount(c: Context<AppEnv>): Promise<AccountView> {
  const id = parseId(c.req.param("id"));
  const { db, clock } = c.get("deps");
  const row = id === null ? undefined : await findAccount(db, id);
  if (!row) throw notFound("用户");
  return toAccountView(row, clock());
}

function formValues(body: Record<string, unknown>): UserFormValues {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const roles = Array.isArray(body.roles) ? body.roles : [body.roles];
  return {
    username: text(body.username),
    displayName: text(body.displayName),
    email: text(body.email),
    unitId: text(body.unitId),
    roles: roles.filter((r): r is string => typeof r === "string"),
  };
}
