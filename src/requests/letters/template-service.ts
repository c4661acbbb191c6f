// Editing letter templates (系统管理员): every placeholder is checked when saving, so a letter can
// never be generated with an unknown one; every save is a new version and is audited.
import type { Role } from "../../accounts/roles";
import { forbidden, validationError } from "../../http/errors";
import { recordAudit } from "../../platform/audit";
import type { CaseActor } from "../policy";
import type { Db } from "../store";
import { composeLetter, type LetterContent } from "./compose";
import { DEFAULT_LETTER_TEMPLATES, type LetterTemplateText } from "./default-templates";
import { type LetterTemplateKey, letterKindOfTemplate, templateLabel } from "./kinds";
import { referenceLine } from "./legal-text";
import { placeholderProblems } from "./placeholders";
import { sampleValues } from "./sample-values";
import { insertTemplateVersion } from "./template-store";

export const TITLE_MAX = 60;
export const BODY_MAX = 10_000;

/** Templates are edited by the 系统管理员. */
export function canEditLetterTemplates(user: { roles: readonly Role[] }): boolean {
  return user.roles.includes("admin");
}

/** Placeholders that name the applicant: never in a letter sent to a third party or agency. */
const PERSONAL = ["{申请人}", "{通信地址}"];

/** Field errors of a template text (title, body), in Chinese; empty when it may be saved. */
export function templateErrors(
  key: LetterTemplateKey,
  text: LetterTemplateText,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = text.title.trim();
  const body = text.body.trim();
  if (!title) errors.title = "请填写文书标题";
  else if (title.length > TITLE_MAX) errors.title = `文书标题不能超过${TITLE_MAX}字`;
  else if (placeholderProblems(title).length > 0)
    errors.title = placeholderProblems(title).join(";");
  if (!body) errors.body = "请填写文书正文";
  else if (body.length > BODY_MAX) errors.body = `文书正文不能超过${BODY_MAX}字`;
  else if (placeholderProblems(body).length > 0) errors.body = placeholderProblems(body).join(";");
  const kind = letterKindOfTemplate(key);
  if (!errors.body && kind.startsWith("consult-") && PERSONAL.some((p) => body.includes(p))) {
    errors.body = "征求意见函发给第三方或其他机关,不能包含申请人的姓名或地址({申请人}、{通信地址})";
  }
  return errors;
}

/** Saves a new version of a template after checking it; audited. */
export async function saveLetterTemplate(
  db: Db,
  key: LetterTemplateKey,
  text: LetterTemplateText,
  actor: CaseActor,
  now: Date,
): Promise<void> {
  if (!canEditLetterTemplates(actor)) throw forbidden("只有系统管理员可以修改文书模板。");
  const errors = templateErrors(key, text);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const title = text.title.trim();
  const body = normaliseBody(text.body);
  await db.transaction().execute(async (trx) => {
    await insertTemplateVersion(trx, {
      key,
      title,
      body,
      now,
      userId: actor.id,
      userName: actor.name,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: "letter_template.update",
        objectType: "letter_template",
        objectId: key,
        detail: `修改文书模板:${templateLabel(key)}`,
      },
      now,
    );
  });
}

/** Goes back to the shipped text (as a new version, so the edit history stays). */
export function resetLetterTemplate(db: Db, key: LetterTemplateKey, actor: CaseActor, now: Date) {
  return saveLetterTemplate(db, key, DEFAULT_LETTER_TEMPLATES[key], actor, now);
}

/** Line breaks as \n, no trailing spaces, at most one empty line in a row. */
function normaliseBody(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const WITH_DOCUMENTS: readonly LetterTemplateKey[] = [
  "reply:results.disclosed",
  "reply:results.partially_disclosed",
];

/** The template filled with a fictitious case, for the preview beside the editor. */
export function previewLetterTemplate(
  key: LetterTemplateKey,
  text: LetterTemplateText,
  organisation: string,
): LetterContent {
  const kind = letterKindOfTemplate(key);
  return composeLetter({
    kind,
    template: text,
    values: sampleValues(key, organisation),
    reference: referenceLine(kind, "YSQ-2025-00012", 2025),
    attachments: WITH_DOCUMENTS.includes(key) ? ["示例文件.pdf"] : [],
    fileName: "示例",
  });
}
