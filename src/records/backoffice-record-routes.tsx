// Back office of one record: drafting and editing (with attachments), the record page, its
// workflow actions and proofreading dismissals. Thin: parse → authorise → service → render/redirect.
import type { Context, Hono } from "hono";
import { hasRole, requireRole, requireUser } from "../accounts/middleware";
import { fieldErrors } from "../http/api";
import { AppError, conflict, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import type { Upload } from "../platform/files/store";
import { renderBackOffice } from "../ui/render";
import { recordActorOf } from "./api";
import { listRecordAttachments, removeRecordAttachment } from "./attachments";
import {
  formErrorsOfTransition,
  formStrings,
  isPageAction,
  type PageAction,
  type RecordFormValues,
  recordFormValuesOf,
  recordFormValuesOfRecord,
  recordInputOf,
  transitionInputOf,
} from "./backoffice-form";
import { proofreadHandlerRoles, recordDeskRoles, recordDrafterRoles } from "./backoffice-policy";
import {
  listCatalogChoiceGroups,
  listPolicyChoices,
  listUnitChoices,
  loadRecordPage,
  previewDueOn,
} from "./backoffice-queries";
import { createDraft, updateDraft } from "./drafts";
import { reviewFormSchema } from "./schema";
import { dismissProofreadHit, getRecord, type RecordDetail, transitionRecord } from "./service";
import type { FailedForm } from "./views/action-forms";
import { RecordEditPage } from "./views/edit-page";
import { RecordPage } from "./views/record-page";

/** The positive integer route parameter `name`, or 404. */
export function idParam(c: Context<AppEnv>, name = "id"): number {
  const text = c.req.param(name) ?? "";
  if (!/^[1-9]\d{0,9}$/.test(text)) throw notFound("信息");
  return Number(text);
}

const notices: Record<string, string> = {
  created: "草稿已保存。",
  saved: "草稿已保存,生成了新版本。",
  submit: "已送审,等待审核人审核。",
  approve: "已审核通过,等待签发人签发。",
  reject: "已退回,信息回到草稿状态。",
  sign: "已签发并发布。",
  schedule: "已签发,将在设定的时间自动发布。",
  withdraw: "已撤回,信息已从网站所有公开页面、搜索、订阅和接口中移除。",
  dismissed: "已说明理由并忽略该校对结果。",
  attachmentRemoved: "附件已删除。",
};

export function recordPageRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/records/new", async (c) => {
    const user = requireRole(c, ...recordDrafterRoles);
    const { db } = c.get("deps");
    const values: RecordFormValues = {
      publisher: c.get("site").hostOrganisation,
      unitId: String(user.unitId),
      validity: "inForce",
    };
    const interprets = Number(c.req.query("interprets") ?? "");
    if (Number.isInteger(interprets) && interprets > 0) {
      Object.assign(values, interpretationDefaults(await getRecord(db, interprets)));
    }
    return renderEdit(c, null, values);
  });

  app.post("/admin/records/new", async (c) => {
    requireRole(c, ...recordDrafterRoles);
    const { db, clock, config } = c.get("deps");
    const body = await c.req.parseBody({ all: true });
    const values = recordFormValuesOf(body);
    const context = { actor: recordActorOf(c), now: clock(), uploadsDir: config.uploadsDir };
    try {
      const record = await createDraft(db, recordInputOf(values), await uploadsOf(body), context);
      return c.redirect(`/admin/records/${record.id}?done=created`, 303);
    } catch (error) {
      return renderEdit(c, null, values, formErrorsOf(error), statusOf(error));
    }
  });

  app.get("/admin/records/:id{[0-9]+}/edit", async (c) => {
    requireRole(c, ...recordDrafterRoles);
    const record = await editableDraft(c);
    const done = notices[c.req.query("done") ?? ""];
    return renderEdit(c, record, recordFormValuesOfRecord(record), undefined, 200, done);
  });

  app.post("/admin/records/:id{[0-9]+}/edit", async (c) => {
    requireRole(c, ...recordDrafterRoles);
    const { db, clock, config } = c.get("deps");
    const record = await editableDraft(c);
    const body = await c.req.parseBody({ all: true });
    const values = recordFormValuesOf(body);
    const expected = Number(formStrings(body).expectedVersion);
    const context = {
      actor: recordActorOf(c),
      now: clock(),
      uploadsDir: config.uploadsDir,
      expectedVersion: Number.isInteger(expected) && expected > 0 ? expected : undefined,
    };
    try {
      await updateDraft(db, record.id, recordInputOf(values), await uploadsOf(body), context);
      return c.redirect(`/admin/records/${record.id}?done=saved`, 303);
    } catch (error) {
      return renderEdit(c, record, values, formErrorsOf(error), statusOf(error));
    }
  });

  app.post("/admin/records/:id{[0-9]+}/attachments/:attachmentId{[0-9]+}/delete", async (c) => {
    requireRole(c, ...recordDrafterRoles);
    const { db, clock } = c.get("deps");
    const id = idParam(c);
    await removeRecordAttachment(db, id, idParam(c, "attachmentId"), recordActorOf(c), clock());
    return c.redirect(`/admin/records/${id}/edit?done=attachmentRemoved`, 303);
  });

  app.get("/admin/records/:id{[0-9]+}", async (c) => {
    requireRole(c, ...recordDeskRoles);
    return renderRecord(c, idParam(c), { notice: notices[c.req.query("done") ?? ""] });
  });

  app.post("/admin/records/:id{[0-9]+}/actions/:action", async (c) => {
    requireRole(c, ...recordDeskRoles);
    const action = c.req.param("action");
    if (!isPageAction(action)) throw notFound("操作");
    return takeAction(c, idParam(c), action);
  });

  app.post("/admin/records/:id{[0-9]+}/proofread/dismiss", async (c) => {
    requireRole(c, ...proofreadHandlerRoles);
    const { db, clock } = c.get("deps");
    const id = idParam(c);
    const values = formStrings(await c.req.parseBody({ all: true }));
    const input = {
      found: values.found ?? "",
      position: /^\d{1,9}$/.test(values.position ?? "") ? Number(values.position) : -1,
      reason: values.reason ?? "",
    };
    try {
      await dismissProofreadHit(db, id, input, recordActorOf(c), clock());
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation") throw error;
      const failed = {
        action: "dismiss" as const,
        errors: error.fields ?? {},
        values,
        message: error.message,
      };
      return renderRecord(c, id, { failed }, 400);
    }
    return c.redirect(`/admin/records/${id}?done=dismissed#proofread-title`, 303);
  });
}

async function takeAction(c: Context<AppEnv>, id: number, action: PageAction) {
  const { db, clock } = c.get("deps");
  const values = formStrings(await c.req.parseBody({ all: true }));
  const fail = (errors: Record<string, string>, message: string, status: number) =>
    renderRecord(c, id, { failed: { action, errors, values, message } }, status);
  const form = transitionInputOf(action, values);
  if (!form.ok) return fail(form.errors, "提交的内容有误,请按提示修改。", 400);
  if (action === "approve") {
    const review = reviewFormSchema.safeParse(form.input.review);
    if (!review.success) return fail(fieldErrors(review.error), "请完整填写保密审查意见。", 400);
  }
  try {
    await transitionRecord(db, id, form.input, recordActorOf(c), clock());
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "validation") {
      return fail(formErrorsOfTransition(action, error.fields ?? {}), error.message, 400);
    }
    if (error.code === "conflict") return fail({}, error.message, 409);
    throw error;
  }
  return c.redirect(`/admin/records/${id}?done=${action}`, 303);
}

async function renderRecord(
  c: Context<AppEnv>,
  id: number,
  extra: { notice?: string; failed?: FailedForm },
  status = 200,
) {
  const user = requireUser(c);
  const { db, clock } = c.get("deps");
  const data = await loadRecordPage(db, id, recordActorOf(c), clock());
  const page = (
    <RecordPage
      data={data}
      canDraft={hasRole(user, ...recordDrafterRoles)}
      canDismiss={hasRole(user, ...proofreadHandlerRoles)}
      {...extra}
    />
  );
  return renderBackOffice(c, data.record.title, page, status);
}

async function editableDraft(c: Context<AppEnv>): Promise<RecordDetail> {
  const { db, clock } = c.get("deps");
  const record = await getRecord(db, idParam(c), clock());
  if (record.state !== "draft") {
    throw conflict("只有草稿可以编辑;已送审或已发布的信息须退回为草稿后才能修改。");
  }
  return record;
}

async function renderEdit(
  c: Context<AppEnv>,
  record: RecordDetail | null,
  values: RecordFormValues,
  errors?: Record<string, string>,
  status = 200,
  notice?: string,
) {
  const { db } = c.get("deps");
  const keepItem = record?.catalogItemId ?? null;
  const page = (
    <RecordEditPage
      record={record}
      values={values}
      errors={errors}
      units={await listUnitChoices(db)}
      catalogGroups={await listCatalogChoiceGroups(db, keepItem)}
      policies={await listPolicyChoices(db)}
      attachments={record ? await listRecordAttachments(db, record.id) : []}
      dueOn={await previewDueOn(db, values.catalogItemId, values.formedOn)}
      notice={notice}
    />
  );
  return renderBackOffice(c, record ? `编辑草稿:${record.title}` : "起草新信息", page, status);
}

/** A new interpretation's form, started from the policy it explains (同步组织). */
function interpretationDefaults(policy: RecordDetail): RecordFormValues {
  return {
    title: `《${policy.title}》政策解读`,
    genre: "interpretation",
    interpretsRecordId: String(policy.id),
    interpretationKind: "text",
    topic: policy.topic,
    openness: policy.openness,
    catalogItemId: policy.catalogItemId ? String(policy.catalogItemId) : "",
    formedOn: policy.formedOn,
  };
}

/** The files of the form's `files` field (an empty file input sends one nameless empty file). */
async function uploadsOf(body: Record<string, unknown>): Promise<Upload[]> {
  const raw = body.files;
  const files = (Array.isArray(raw) ? raw : [raw]).filter(
    (f): f is File => f instanceof File && !(f.name === "" && f.size === 0),
  );
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

// A refused save is shown again on its form; anything but a field or upload problem is thrown on.
function formErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof AppError)) throw error;
  if (error.code === "validation" && error.fields) return error.fields;
  if (error.code === "payload_too_large" || error.code === "unsupported_media") {
    return { files: error.message };
  }
  throw error;
}

function statusOf(error: unknown): number {
  return error instanceof AppError ? error.status : 500;
}
