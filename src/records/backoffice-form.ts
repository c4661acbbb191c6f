// The back-office record forms between what a browser posts (strings) and the service inputs.
// Pure: no I/O; the zod schemas in schema.ts keep the rules, this only converts.
import type { RecordInput, TransitionInput } from "./schema";
import type { RecordDetail } from "./store";

/** The fields of the record form, named as RecordInput names them (so errors map one to one). */
export const RECORD_FORM_FIELDS = [
  "title",
  "docNo",
  "publisher",
  "unitId",
  "formedOn",
  "topic",
  "genre",
  "openness",
  "validity",
  "validityChangedOn",
  "repealedByRecordId",
  "keywords",
  "catalogItemId",
  "summary",
  "bodyHtml",
  "needsInterpretation",
  "interpretsRecordId",
  "interpretationKind",
  "videoUrl",
] as const;
export type RecordFormField = (typeof RECORD_FORM_FIELDS)[number];

/** What the form shows: every field as the text typed (re-shown unchanged after an error). */
export type RecordFormValues = Partial<Record<RecordFormField, string>>;

/** The first string value of each field of a parsed form body (files and repeats ignored). */
export function formStrings(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") out[key] = first;
  }
  return out;
}

/** The record form's values out of a parsed form body. */
export function recordFormValuesOf(body: Record<string, unknown>): RecordFormValues {
  const strings = formStrings(body);
  const values: RecordFormValues = {};
  for (const field of RECORD_FORM_FIELDS) {
    if (strings[field] !== undefined) values[field] = strings[field];
  }
  return values;
}

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const blankToUndefined = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const idOrNull = (v: string | undefined) => (v?.trim() ? Number(v.trim()) : null);

/**
 * The service input of the form. Blank optional fields become null; a blank 发布机构 keeps the
 * default (the site's 主办单位); the body may be HTML or plain text (see `bodyHtmlOf`).
 */
export function recordInputOf(values: RecordFormValues): RecordInput {
  return {
    title: values.title ?? "",
    docNo: blankToNull(values.docNo),
    publisher: blankToUndefined(values.publisher),
    unitId: blankToUndefined(values.unitId) === undefined ? undefined : Number(values.unitId),
    formedOn: blankToUndefined(values.formedOn) as string,
    topic: values.topic ?? "",
    genre: blankToUndefined(values.genre) as RecordInput["genre"],
    openness: blankToUndefined(values.openness) as RecordInput["openness"],
    validity: blankToUndefined(values.validity) as RecordInput["validity"],
    validityChangedOn: blankToNull(values.validityChangedOn),
    repealedByRecordId: idOrNull(values.repealedByRecordId),
    keywords: values.keywords ?? "",
    catalogItemId: idOrNull(values.catalogItemId),
    summary: values.summary ?? "",
    bodyHtml: bodyHtmlOf(values.bodyHtml ?? ""),
    needsInterpretation: values.needsInterpretation === "1",
    interpretsRecordId: idOrNull(values.interpretsRecordId),
    interpretationKind: blankToNull(values.interpretationKind) as RecordInput["interpretationKind"],
    videoUrl: blankToNull(values.videoUrl),
  };
}

const TAG = /<\/?[a-zA-Z][^>]*>/;

/**
 * The body as HTML. Text with any tag is taken as HTML (the service sanitises it); plain text is
 * split into paragraphs, one per non-empty line, each escaped and wrapped in <p>.
 */
export function bodyHtmlOf(text: string): string {
  if (TAG.test(text)) return text;
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The form values of a stored record, for the edit form. */
export function recordFormValuesOfRecord(record: RecordDetail): RecordFormValues {
  const text = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    title: record.title,
    docNo: text(record.docNo),
    publisher: record.publisher,
    unitId: String(record.unitId),
    formedOn: record.formedOn,
    topic: record.topic,
    genre: record.genre,
    openness: record.openness,
    validity: record.validity,
    validityChangedOn: text(record.validityChangedOn),
    repealedByRecordId: text(record.repealedByRecordId),
    keywords: record.keywords.join(","),
    catalogItemId: text(record.catalogItemId),
    summary: record.summary,
    bodyHtml: record.bodyHtml,
    needsInterpretation: record.needsInterpretation ? "1" : "",
    interpretsRecordId: text(record.interpretsRecordId),
    interpretationKind: text(record.interpretationKind),
    videoUrl: text(record.videoUrl),
  };
}

/** The workflow actions the record page offers as forms. */
export const PAGE_ACTIONS = [
  "submit",
  "approve",
  "reject",
  "sign",
  "schedule",
  "withdraw",
] as const;
export type PageAction = (typeof PAGE_ACTIONS)[number];

export function isPageAction(value: string): value is PageAction {
  return (PAGE_ACTIONS as readonly string[]).includes(value);
}

/**
 * The form field holding each action's comment. Every action form sits on one page, so each has
 * its own field name (and so its own element id for the error summary's links).
 */
export const commentFieldOf: Record<PageAction, string> = {
  submit: "submitComment",
  approve: "approveComment",
  reject: "rejectReason",
  sign: "signComment",
  schedule: "scheduleComment",
  withdraw: "withdrawReason",
};

const yesNo = (v: string | undefined) => (v === "yes" ? true : v === "no" ? false : undefined);

/** 2025-03-05T09:30 typed in Beijing time → an ISO instant; null when not that shape. */
export function instantOfShanghaiLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export type TransitionForm =
  | { ok: true; input: TransitionInput }
  | { ok: false; errors: Record<string, string> };

/**
 * The service input of an action form. The 保密审查 answers travel as yes/no radio values and the
 * schedule time as Beijing wall time; the review itself is checked by the service's schema.
 */
export function transitionInputOf(
  action: PageAction,
  strings: Record<string, string>,
): TransitionForm {
  const comment = (strings[commentFieldOf[action]] ?? "").trim();
  if (action === "schedule") {
    const raw = (strings.publishAt ?? "").trim();
    if (raw === "") return { ok: false, errors: { publishAt: "请填写定时发布的时间" } };
    const publishAt = instantOfShanghaiLocal(raw);
    if (!publishAt) return { ok: false, errors: { publishAt: "定时发布的时间格式有误" } };
    return { ok: true, input: { action, comment, publishAt } };
  }
  if (action === "approve") {
    const review = {
      isClassified: yesNo(strings.isClassified),
      involvesPrivacyOrTradeSecret: yesNo(strings.involvesPrivacyOrTradeSecret),
      disclosureAttribute: strings.disclosureAttribute || undefined,
      legalReason: strings.legalReason ?? "",
    };
    return { ok: true, input: { action, comment, review: review as TransitionInput["review"] } };
  }
  return { ok: true, input: { action, comment } };
}

/**
 * The service's field errors under the names of this page's form fields: `comment` is the
 * action's own comment field and `review.x` the review form's field x.
 */
export function formErrorsOfTransition(
  action: PageAction,
  fields: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key === "comment") out[commentFieldOf[action]] = message;
    else if (key === "review") out.disclosureAttribute = message;
    else if (key.startsWith("review.")) out[key.slice("review.".length)] = message;
    else out[key] = message;
  }
  return out;
}
