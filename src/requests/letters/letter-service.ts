// Writing a letter for a case: the step it belongs to, the applicant's name and address (an
// audited full view, 条例 and 个人信息保护法), the current template, and the legal wording.
import { type IsoDate, todayInShanghai } from "../../calendar/rules";
import { conflict, forbidden } from "../../http/errors";
import { recordAudit } from "../../platform/audit";
import type { ApplicationKeys } from "../applicant-data";
import { type CaseActor, canRevealApplicant } from "../policy";
import { isFinalResultKey, type ReplyResultKey, resultLabel } from "../results";
import { type CaseView, getCaseView, revealApplicant, type StoredEvent } from "../service";
import type { Db } from "../store";
import { composeLetter, type LetterContent } from "./compose";
import { type LetterKind, letterKindLabels, templateKeyOf } from "./kinds";
import { chineseDate, letterCitation, REMEDY_TEXT, referenceLine } from "./legal-text";
import type { PlaceholderValues } from "./placeholders";
import { listReplyAttachments } from "./reply-attachments";
import { findCurrentTemplate } from "./template-store";

export interface LetterRequest {
  kind: LetterKind;
  /** Consultation letters: which consultation (c1, c2 …); default the latest of its kind. */
  consultationId?: string;
  /** A reply letter drafted before the reply is recorded: the intended result. */
  result?: string;
  format: "docx" | "print";
}

export interface LetterContext {
  actor: CaseActor;
  keys: ApplicationKeys;
  /** The bureau signing the letter (site settings hostOrganisation). */
  organisation: string;
  now: Date;
}

/** What one letter says about its step: its date, its template, and the step's own values. */
interface LetterStep {
  on: IsoDate;
  result: ReplyResultKey | null;
  values: PlaceholderValues;
}

/**
 * The letter of `request.kind` for a case, for the 依申请公开经办人 only. Letters to the applicant
 * decrypt their name and address (revealApplicant writes the audit entry of that full view);
 * every letter also writes an audit entry naming it.
 */
export async function buildCaseLetter(
  db: Db,
  applicationId: number,
  request: LetterRequest,
  ctx: LetterContext,
): Promise<LetterContent> {
  if (!canRevealApplicant(ctx.actor)) throw forbidden("只有依申请公开经办人可以生成文书。");
  const today = todayInShanghai(ctx.now);
  const current = await getCaseView(db, applicationId, ctx.now);
  const step = letterStep(current, request, today);
  const view = await getCaseView(db, applicationId, ctx.now, step.on);
  const a = view.application;
  const isToApplicant = !request.kind.startsWith("consult-");
  const applicant = isToApplicant
    ? await revealApplicant(db, applicationId, ctx.actor, ctx.keys, ctx.now)
    : null;
  const templateKey =
    request.kind === "reply"
      ? templateKeyOf("reply", step.result!)
      : templateKeyOf(request.kind as Exclude<LetterKind, "reply">);
  const template = await findCurrentTemplate(db, templateKey);
  const attachments =
    request.kind === "reply"
      ? (await listReplyAttachments(db, applicationId)).map((f) => f.fileName)
      : [];
  const received = view.clock.receivedOn;
  const letter = composeLetter({
    kind: request.kind,
    template,
    values: {
      申请人: applicant?.name,
      通信地址: applicant?.address ?? undefined,
      申请编号: a.applicationNo,
      申请内容: requestedInfoText(view),
      收到日期: received ? chineseDate(received) : undefined,
      答复期限: view.clock.dueDate ? chineseDate(view.clock.dueDate) : undefined,
      依据条款: letterCitation(request.kind, step.result),
      救济途径: REMEDY_TEXT,
      本机关: ctx.organisation,
      日期: chineseDate(step.on),
      ...step.values,
    },
    reference: referenceLine(request.kind, a.applicationNo, Number(step.on.slice(0, 4))),
    attachments,
    fileName: `${a.applicationNo}-${template.title}`,
  });
  await recordAudit(
    db,
    ctx.actor,
    {
      action: "application.generate_letter",
      objectType: "application",
      objectId: applicationId,
      detail: `${a.applicationNo} 生成文书:${letterKindLabels[request.kind]}(${request.format === "docx" ? "DOCX" : "打印版"})`,
    },
    ctx.now,
  );
  return letter;
}

/** The name, 文号 or description of what is asked for, as the letters quote it. */
function requestedInfoText(view: CaseView): string {
  const { name, docNo, description } = view.application.requestedInfo;
  if (name) return docNo ? `${name}(${docNo})` : name;
  return docNo ?? description;
}

function latest(view: CaseView, type: StoredEvent["type"]): StoredEvent | undefined {
  return view.events.filter((e) => e.type === type).at(-1);
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

function letterStep(view: CaseView, request: LetterRequest, today: IsoDate): LetterStep {
  const missing = (what: string) =>
    conflict(`该申请还没有${what},不能生成${letterKindLabels[request.kind]}。`);
  switch (request.kind) {
    case "receipt": {
      const on = view.clock.receivedOn;
      if (!on) throw missing("确认收到");
      return { on, result: null, values: {} };
    }
    case "supplement": {
      const event = latest(view, "request_supplement");
      if (!event) throw missing("补正告知记录");
      const items = Array.isArray(event.payload.items) ? (event.payload.items as string[]) : [];
      return {
        on: event.on,
        result: null,
        values: {
          补正事项: items.map((item, i) => `${i + 1}.${item}`).join("\n"),
          补正期限: text(event.payload.dueOn) && chineseDate(String(event.payload.dueOn)),
        },
      };
    }
    case "extension": {
      const event = latest(view, "extend");
      if (!event) throw missing("延期记录");
      return {
        on: event.on,
        result: null,
        values: {
          延长天数: String(event.payload.days ?? ""),
          延期理由: text(event.payload.reason),
        },
      };
    }
    case "consult-third-party":
    case "consult-agency":
      return consultationStep(view, request, missing);
    case "reply":
      return replyStep(view, request, today, missing);
    default: {
      const unknown: never = request.kind;
      throw new RangeError(`未知的文书:${String(unknown)}`);
    }
  }
}

function consultationStep(
  view: CaseView,
  request: LetterRequest,
  missing: (what: string) => Error,
): LetterStep {
  const type = request.kind === "consult-agency" ? "consult_agency" : "consult_third_party";
  const events = view.events.filter((e) => e.type === type);
  const event = request.consultationId
    ? events.find((e) => e.payload.consultationId === request.consultationId)
    : events.at(-1);
  if (!event)
    throw missing(type === "consult_agency" ? "征求其他机关意见记录" : "征求第三方意见记录");
  const status = view.clock.consultations.find((c) => c.id === event.payload.consultationId);
  return {
    on: event.on,
    result: null,
    values: {
      被征求意见方: text(event.payload.party),
      征求意见期限: status ? chineseDate(status.periodEndsOn) : undefined,
    },
  };
}

function replyStep(
  view: CaseView,
  request: LetterRequest,
  today: IsoDate,
  missing: (what: string) => Error,
): LetterStep {
  const supplement = latest(view, "request_supplement");
  const supplementDue = text(supplement?.payload.dueOn);
  const common = { 补正期限: supplementDue ? chineseDate(supplementDue) : undefined };
  const closed = view.clock.closingResult;
  if (closed && view.clock.closedOn) {
    const reply = latest(view, "reply");
    return {
      on: view.clock.closedOn,
      result: closed,
      values: {
        ...common,
        答复结果: resultLabel(closed),
        理由: reply?.on === view.clock.closedOn ? text(reply.payload.reasons) : undefined,
      },
    };
  }
  // A draft before the reply is recorded: the 经办人 names the intended result.
  if (!isFinalResultKey(request.result)) throw missing("答复记录");
  if (view.clock.closedOn) throw conflict("该申请已办结,答复结果以办理记录为准。");
  return {
    on: today,
    result: request.result,
    values: { ...common, 答复结果: resultLabel(request.result) },
  };
}
