// Letters: a case's letters (DOCX and print view) and reply attachments for the 依申请公开经办人,
// and the template editor for the 系统管理员.
import type { Context, Hono } from "hono";
import { requireRole } from "../../accounts/middleware";
import { AppError, notFound } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { fileResponse } from "../../platform/files/serve";
import { readStoredFile } from "../../platform/files/store";
import { renderBackOffice, renderDocument } from "../../ui/render";
import { applicationKeys } from "../applicant-data";
import { caseActorOf, idParam, uploadedFiles } from "../casework-http";
import { getCaseView } from "../service";
import { availableLetters } from "./availability";
import { writeLetterDocx } from "./docx-writer";
import { isLetterKind, isLetterTemplateKey, type LetterTemplateKey } from "./kinds";
import { buildCaseLetter } from "./letter-service";
import { LetterPrintView } from "./print-view";
import {
  addReplyAttachment,
  findReplyAttachmentFile,
  listReplyAttachments,
  removeReplyAttachment,
} from "./reply-attachments";
import {
  previewLetterTemplate,
  resetLetterTemplate,
  saveLetterTemplate,
  templateErrors,
} from "./template-service";
import { findCurrentTemplate, listCurrentTemplates } from "./template-store";
import { CaseLettersPage, TemplateEditPage, TemplateListPage } from "./views";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function letterRoutes(app: Hono<AppEnv>): void {
  app.get("/admin/applications/:id/letters", async (c) => {
    requireRole(c, "applicationOfficer");
    const flash = c.req.query("uploaded")
      ? "附件已上传。"
      : c.req.query("removed")
        ? "附件已删除。"
        : undefined;
    return renderCaseLetters(c, idParam(c, "id", "申请"), { flash });
  });

  app.get("/admin/applications/:id/letters/:file", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock, config } = c.get("deps");
    const id = idParam(c, "id", "申请");
    const file = c.req.param("file");
    const isDocx = file.endsWith(".docx");
    const kind = isDocx ? file.slice(0, -".docx".length) : file;
    if (!isLetterKind(kind)) throw notFound("文书");
    const letter = await buildCaseLetter(
      db,
      id,
      {
        kind,
        consultationId: c.req.query("consultation") || undefined,
        result: c.req.query("result") || undefined,
        format: isDocx ? "docx" : "print",
      },
      {
        actor: caseActorOf(c),
        keys: applicationKeys(config.secret),
        organisation: c.get("site").hostOrganisation,
        now: clock(),
      },
    );
    if (!isDocx) {
      return renderDocument(
        c,
        <LetterPrintView letter={letter} backHref={`/admin/applications/${id}/letters`} />,
      );
    }
    return fileResponse({
      bytes: await writeLetterDocx(letter),
      mediaType: DOCX_TYPE,
      fileName: `${letter.fileName}.docx`,
      cache: "private",
    });
  });

  app.post("/admin/applications/:id/reply-attachments", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock, config } = c.get("deps");
    const id = idParam(c, "id", "申请");
    const files = uploadedFiles(await c.req.parseBody({ all: true }), "files");
    if (files.length === 0) {
      return renderCaseLetters(c, id, { uploadError: "请选择要上传的文件" }, 400);
    }
    try {
      for (const f of files) {
        const upload = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
        await addReplyAttachment(db, id, upload, {
          actor: caseActorOf(c),
          now: clock(),
          uploadsDir: config.uploadsDir,
        });
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "not_found" || error.status >= 500) {
        throw error;
      }
      return renderCaseLetters(c, id, { uploadError: error.message }, error.status);
    }
    return c.redirect(`/admin/applications/${id}/letters?uploaded=1`, 303);
  });

  app.get("/admin/applications/:id/reply-attachments/:attachmentId", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, config } = c.get("deps");
    const id = idParam(c, "id", "申请");
    const file = await findReplyAttachmentFile(db, id, idParam(c, "attachmentId", "答复附件"));
    return fileResponse({
      bytes: await readStoredFile(config.uploadsDir, file.storage_path),
      mediaType: file.media_type,
      fileName: file.file_name,
      cache: "private",
      sha256: file.sha256,
    });
  });

  app.post("/admin/applications/:id/reply-attachments/:attachmentId/delete", async (c) => {
    requireRole(c, "applicationOfficer");
    const { db, clock } = c.get("deps");
    const id = idParam(c, "id", "申请");
    await removeReplyAttachment(db, id, idParam(c, "attachmentId", "答复附件"), {
      actor: caseActorOf(c),
      now: clock(),
    });
    return c.redirect(`/admin/applications/${id}/letters?removed=1`, 303);
  });

  app.get("/admin/letter-templates", async (c) => {
    requireRole(c, "admin");
    const templates = await listCurrentTemplates(c.get("deps").db);
    const saved = c.req.query("saved");
    const flash = isLetterTemplateKey(saved) ? "模板已保存。" : undefined;
    return renderBackOffice(
      c,
      "文书模板",
      <TemplateListPage templates={templates} flash={flash} />,
    );
  });

  app.get("/admin/letter-templates/:key", async (c) => {
    requireRole(c, "admin");
    const key = templateKeyParam(c);
    const current = await findCurrentTemplate(c.get("deps").db, key);
    return renderTemplateEditor(c, key, current, {}, null);
  });

  app.post("/admin/letter-templates/:key", async (c) => {
    requireRole(c, "admin");
    const { db, clock } = c.get("deps");
    const key = templateKeyParam(c);
    const body = await c.req.parseBody();
    const values = { title: String(body.title ?? ""), body: String(body.body ?? "") };
    const current = await findCurrentTemplate(db, key);
    const actor = caseActorOf(c);
    if (body.action === "reset") {
      await resetLetterTemplate(db, key, actor, clock());
      return c.redirect(`/admin/letter-templates?saved=${encodeURIComponent(key)}`, 303);
    }
    const errors = templateErrors(key, values);
    if (Object.keys(errors).length > 0) {
      return renderTemplateEditor(c, key, current, errors, null, values, 400);
    }
    if (body.action === "save") {
      await saveLetterTemplate(db, key, values, actor, clock());
      return c.redirect(`/admin/letter-templates?saved=${encodeURIComponent(key)}`, 303);
    }
    const preview = previewLetterTemplate(key, values, c.get("site").hostOrganisation);
    return renderTemplateEditor(c, key, current, {}, preview, values);
  });
}

function templateKeyParam(c: Context<AppEnv>): LetterTemplateKey {
  const key = c.req.param("key");
  if (!isLetterTemplateKey(key)) throw notFound("文书模板");
  return key;
}

function renderTemplateEditor(
  c: Context<AppEnv>,
  key: LetterTemplateKey,
  current: Awaited<ReturnType<typeof findCurrentTemplate>>,
  errors: Record<string, string>,
  preview: ReturnType<typeof previewLetterTemplate> | null,
  values = { title: current.title, body: current.body },
  status = 200,
) {
  return renderBackOffice(
    c,
    "编辑文书模板",
    <TemplateEditPage
      templateKey={key}
      values={values}
      errors={errors}
      preview={preview}
      current={current}
    />,
    status,
  );
}

async function renderCaseLetters(
  c: Context<AppEnv>,
  id: number,
  extras: { flash?: string; uploadError?: string },
  status = 200,
) {
  const { db, clock } = c.get("deps");
  const view = await getCaseView(db, id, clock());
  return renderBackOffice(
    c,
    `文书和答复附件 ${view.application.applicationNo}`,
    <CaseLettersPage
      applicationId={id}
      applicationNo={view.application.applicationNo}
      letters={availableLetters(view)}
      canDraftReply={view.clock.closedOn === null}
      attachments={await listReplyAttachments(db, id)}
      {...extras}
    />,
    status,
  );
}
