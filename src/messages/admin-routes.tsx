// /admin/messages: the list, one message and its actions, the audited clear view of contact data,
// 答复模板 and 答复期限; /admin/records/{id}/concerns: the links of a response record.
import type { Context, Hono } from "hono";
import { requireRole, requireUser } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import { todayInShanghai } from "../calendar/rules";
import { fieldErrors } from "../http/api";
import { AppError, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { personalDataKey } from "../platform/crypto";
import { idParam } from "../requests/casework-http";
import { renderBackOffice } from "../ui/render";
import { DeadlinesPage, MessageListPage, MessagePage, TemplatesPage } from "./admin-views";
import { ConcernLinksPage } from "./concern-views";
import {
  addConcernLink,
  CONCERN_GENRES,
  listConcernLinks,
  removeConcernLink,
  responsesToMessage,
} from "./concerns";
import type { Contact } from "./contact";
import {
  canEditTemplates,
  canLinkConcerns,
  canRevealContact,
  canSetDeadlines,
  messageStaffRoles,
  templateEditorRoles,
} from "./policy";
import {
  assignSchema,
  concernLinkSchema,
  deadlinesSchema,
  replySchema,
  returnSchema,
  superviseSchema,
  templateSchema,
  transferSchema,
} from "./schema";
import {
  actOnMessage,
  loadDeadlineTable,
  type MessageActor,
  revealContact,
  saveDeadlines,
} from "./service";
import { getStaffMessage, listStaffMessages, staffFilterOf } from "./staff-queries";
import { rootUnitId } from "./store";
import { findTemplate, listTemplates, saveTemplate } from "./templates";
import { availableActions, type MessageAction } from "./workflow";

const textValues = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

export function messageActorOf(c: Context<AppEnv>): MessageActor {
  const user = requireUser(c);
  return { ...actorOf(c), id: user.id, roles: user.roles, unitId: user.unitId };
}

async function unitsOf(c: Context<AppEnv>) {
  return c
    .get("deps")
    .db.selectFrom("units")
    .select(["id", "name"])
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}

const notices: Record<string, string> = {
  assign: "已分办。",
  transfer: "已转办。",
  submit: "答复已提交审核。",
  return: "已退回修改。",
  approve: "已审核通过并答复。",
  supervise: "已督办。",
};

export function adminMessageRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/messages", async (c) => {
    const user = requireRole(c, ...messageStaffRoles);
    const { db, clock } = c.get("deps");
    const filter = staffFilterOf((name) => c.req.query(name));
    const { total, items } = await listStaffMessages(db, filter, todayInShanghai(clock()));
    return renderBackOffice(
      c,
      "留言办理",
      <MessageListPage
        items={items}
        total={total}
        filter={filter}
        units={await unitsOf(c)}
        canTemplates={canEditTemplates(user)}
        canSettings={canSetDeadlines(user)}
      />,
    );
  });

  app.get("/admin/messages/:id{[0-9]+}", async (c) => {
    requireRole(c, ...messageStaffRoles);
    const done = c.req.query("done") ?? "";
    const templateId = Number(c.req.query("template") ?? "");
    return renderMessage(c, idParam(c, "id", "留言"), {
      notice: notices[done],
      templateId: Number.isInteger(templateId) && templateId > 0 ? templateId : undefined,
    });
  });

  app.post("/admin/messages/:id{[0-9]+}/contact", async (c) => {
    requireRole(c, ...messageStaffRoles);
    const { db, clock, config } = c.get("deps");
    const id = idParam(c, "id", "留言");
    const contact = await revealContact(
      db,
      id,
      messageActorOf(c),
      personalDataKey(config.secret),
      clock(),
    );
    const res = await renderMessage(c, id, { clearContact: contact });
    res.headers.set("Cache-Control", "no-store");
    return res;
  });

  app.post("/admin/messages/:id{[0-9]+}/actions/:action", async (c) => {
    requireRole(c, ...messageStaffRoles);
    const { db, clock } = c.get("deps");
    const id = idParam(c, "id", "留言");
    const values = textValues(await c.req.parseBody());
    const action = parseAction(c.req.param("action"), values);
    if ("errors" in action)
      return renderMessage(c, id, { errors: action.errors, replyDraft: values.replyText }, 400);
    try {
      await actOnMessage(db, id, action, messageActorOf(c), clock());
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderMessage(c, id, { errors: error.fields, replyDraft: values.replyText }, 400);
    }
    return c.redirect(`/admin/messages/${id}?done=${action.type}`, 303);
  });

  app.get("/admin/messages/templates", async (c) => {
    requireRole(c, ...templateEditorRoles);
    return renderTemplates(c, null);
  });
  app.get("/admin/messages/templates/:id{[0-9]+}", async (c) => {
    requireRole(c, ...templateEditorRoles);
    return renderTemplates(c, idParam(c, "id", "答复模板"));
  });
  for (const path of ["/admin/messages/templates", "/admin/messages/templates/:id{[0-9]+}"]) {
    app.post(path, async (c) => {
      requireRole(c, ...templateEditorRoles);
      const { db, clock } = c.get("deps");
      const id = c.req.param("id") ? idParam(c, "id", "答复模板") : null;
      const values = textValues(await c.req.parseBody());
      const parsed = templateSchema.safeParse(values);
      if (!parsed.success) return renderTemplates(c, id, values, fieldErrors(parsed.error), 400);
      await saveTemplate(db, id, parsed.data, messageActorOf(c), clock());
      return c.redirect("/admin/messages/templates", 303);
    });
  }

  app.get("/admin/messages/settings", async (c) => {
    requireRole(c, "admin");
    const notice = c.req.query("saved") ? "已保存答复期限。" : undefined;
    return renderBackOffice(
      c,
      "答复期限设置",
      <DeadlinesPage table={await loadDeadlineTable(c.get("deps").db)} notice={notice} />,
    );
  });
  app.post("/admin/messages/settings", async (c) => {
    requireRole(c, "admin");
    const { db, clock } = c.get("deps");
    const values = textValues(await c.req.parseBody());
    const parsed = deadlinesSchema.safeParse(values);
    if (!parsed.success) {
      const table = await loadDeadlineTable(db);
      return renderBackOffice(
        c,
        "答复期限设置",
        <DeadlinesPage table={table} errors={fieldErrors(parsed.error)} />,
        400,
      );
    }
    await saveDeadlines(db, parsed.data, messageActorOf(c), clock());
    return c.redirect("/admin/messages/settings?saved=1", 303);
  });

  app.get("/admin/records/:id{[0-9]+}/concerns", async (c) => {
    requireRole(c, "editor", "reviewer", "approver", "admin");
    return renderConcerns(c, idParam(c, "id", "信息"));
  });
  app.post("/admin/records/:id{[0-9]+}/concerns", async (c) => {
    requireRole(c, "editor");
    const { db, clock } = c.get("deps");
    const id = idParam(c, "id", "信息");
    const values = textValues(await c.req.parseBody());
    const parsed = concernLinkSchema.safeParse(values);
    if (!parsed.success) return renderConcerns(c, id, values, fieldErrors(parsed.error), 400);
    try {
      await addConcernLink(db, id, parsed.data, messageActorOf(c), clock());
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderConcerns(c, id, values, error.fields, 400);
    }
    return c.redirect(`/admin/records/${id}/concerns`, 303);
  });
  app.post("/admin/records/:id{[0-9]+}/concerns/:linkId{[0-9]+}/delete", async (c) => {
    requireRole(c, "editor");
    const { db, clock } = c.get("deps");
    const id = idParam(c, "id", "信息");
    await removeConcernLink(db, id, idParam(c, "linkId", "关联"), messageActorOf(c), clock());
    return c.redirect(`/admin/records/${id}/concerns`, 303);
  });
}

const actionSchemas = {
  assign: assignSchema,
  transfer: transferSchema,
  submit: replySchema,
  return: returnSchema,
  supervise: superviseSchema,
} as const;

function parseAction(
  type: string,
  values: Record<string, string>,
): MessageAction | { errors: Record<string, string> } {
  if (type === "approve") return { type };
  if (!(type in actionSchemas)) throw notFound("操作");
  const schema = actionSchemas[type as keyof typeof actionSchemas];
  const r = schema.safeParse(values);
  if (!r.success) return { errors: fieldErrors(r.error) };
  return { type, ...r.data } as MessageAction;
}

async function renderMessage(
  c: Context<AppEnv>,
  id: number,
  extra: {
    notice?: string;
    errors?: Record<string, string>;
    clearContact?: Contact;
    templateId?: number;
    replyDraft?: string;
  },
  status = 200,
) {
  const user = requireUser(c);
  const { db, clock } = c.get("deps");
  const today = todayInShanghai(clock());
  const m = await getStaffMessage(db, id, today);
  const root = await rootUnitId(db);
  const actions = availableActions(
    { state: m.state, unitId: m.unitId, draftedBy: m.replyDraftedBy, isOverdue: m.isOverdue },
    { user, rootUnitId: root },
  );
  const templates = actions.includes("submit")
    ? await listTemplates(db, { activeOnly: true, category: m.category })
    : [];
  let replyDraft = extra.replyDraft ?? m.replyText;
  if (extra.templateId && templates.some((t) => t.id === extra.templateId)) {
    const t = await findTemplate(db, extra.templateId);
    replyDraft = replyDraft ? `${replyDraft}\n\n${t.body}` : t.body;
  }
  return renderBackOffice(
    c,
    `留言 ${m.messageNo}`,
    <MessagePage
      m={m}
      actions={actions}
      units={await unitsOf(c)}
      templates={templates}
      replyDraft={replyDraft}
      clearContact={extra.clearContact}
      canReveal={canRevealContact(user, m.unitId, root)}
      errors={extra.errors}
      notice={extra.notice}
      responses={await responsesToMessage(db, id)}
    />,
    status,
  );
}

async function renderTemplates(
  c: Context<AppEnv>,
  id: number | null,
  values?: Record<string, string>,
  errors?: Record<string, string>,
  status = 200,
) {
  const { db } = c.get("deps");
  const editing = id === null ? null : await findTemplate(db, id);
  return renderBackOffice(
    c,
    "答复模板",
    <TemplatesPage
      templates={await listTemplates(db)}
      editing={editing}
      values={values}
      errors={errors}
    />,
    status,
  );
}

async function renderConcerns(
  c: Context<AppEnv>,
  id: number,
  values?: Record<string, string>,
  errors?: Record<string, string>,
  status = 200,
) {
  const user = requireUser(c);
  const { db } = c.get("deps");
  const record = await db
    .selectFrom("records")
    .select(["id", "title", "genre"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!record) throw notFound("信息");
  return renderBackOffice(
    c,
    "关联的关切",
    <ConcernLinksPage
      record={record}
      links={await listConcernLinks(db, id)}
      canEdit={canLinkConcerns(user)}
      isConcernGenre={(CONCERN_GENRES as readonly string[]).includes(record.genre)}
      values={values}
      errors={errors}
    />,
    status,
  );
}
