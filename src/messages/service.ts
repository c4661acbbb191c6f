// Use cases of 留言 in the back office and on the public form: filing with 留言编号 and 查询码,
// per-category 答复期限, the handling workflow (分办, 转办, review, 督办) and the audited clear
// view of contact data. Every change is one transaction with its audit entry.
import { todayInShanghai } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { forbidden, notFound, validationError } from "../http/errors";
import { type AuditActor, recordAudit } from "../platform/audit";
import type { PersonalDataKey } from "../platform/crypto";
import { formatQueryCode, newQueryCode } from "../requests/applicant-data";
import { type Contact, contactColumns, decryptContact, messageCodeHash } from "./contact";
import { canRevealContact, canSetDeadlines, type MessageUser } from "./policy";
import {
  categoryLabels,
  deadlineTable,
  isOverdue,
  type MessageCategory,
  messageDueOn,
  receiptWorkday,
} from "./rules";
import type { MessageInput } from "./schema";
import {
  type Db,
  findMessage,
  insertEvent,
  insertMessage,
  inTransaction,
  nextMessageNo,
  rootUnitId,
} from "./store";
import { actionLabels, decideMessage, type MessageAction, type MessageState } from "./workflow";

/** Who acts in the back office: audit identity plus the roles and unit the policy looks at. */
export type MessageActor = AuditActor & MessageUser;

export interface MessageKeys {
  personal: PersonalDataKey;
  secret: string;
}

export interface FiledMessage {
  id: number;
  messageNo: string;
  /** Shown once, formatted ABCD-EFGH; only its hash is stored. */
  queryCode: string;
  category: MessageCategory;
  dueOn: string;
}

/** The audit identity of someone leaving a message online (never a staff account). */
export function onlineAsker(ip: string): AuditActor {
  return { id: null, name: "留言人(网上)", ip };
}

/** The 答复期限 of each category in working days, stored values over the defaults. */
export async function loadDeadlineTable(db: Db): Promise<Record<MessageCategory, number>> {
  return deadlineTable(await db.selectFrom("message_deadlines").selectAll().execute());
}

/** Files a public message: numbered, coded, due date fixed from the category's working days. */
export async function submitMessage(
  db: Db,
  input: MessageInput,
  actor: AuditActor,
  ctx: { keys: MessageKeys; now: Date },
): Promise<FiledMessage> {
  const today = todayInShanghai(ctx.now);
  const calendar = await loadWorkCalendar(db);
  const workdays = (await loadDeadlineTable(db))[input.category];
  const dueOn = messageDueOn(calendar, today, workdays);
  return inTransaction(db, async (trx) => {
    const messageNo = await nextMessageNo(trx, Number(today.slice(0, 4)));
    const code = newQueryCode();
    const at = ctx.now.toISOString();
    const id = await insertMessage(trx, {
      message_no: messageNo,
      query_code_hash: messageCodeHash(ctx.keys.secret, messageNo, code),
      category: input.category,
      subject: input.subject,
      body: input.body,
      ...contactColumns(ctx.keys.personal, input),
      consent_public: input.consentPublic ? 1 : 0,
      state: "received",
      received_on: receiptWorkday(calendar, today),
      due_on: dueOn,
      deadline_workdays: workdays,
      unit_id: null,
      reply_text: "",
      created_at: at,
      updated_at: at,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: "message.submit",
        objectType: "message",
        objectId: id,
        detail: `${messageNo} 网上留言(${categoryLabels[input.category]})`,
      },
      ctx.now,
    );
    return { id, messageNo, queryCode: formatQueryCode(code), category: input.category, dueOn };
  });
}

/** Changes the 答复期限 of the categories; applies to messages received from now on. */
export async function saveDeadlines(
  db: Db,
  input: Record<MessageCategory, number>,
  actor: MessageActor,
  now: Date,
): Promise<void> {
  if (!canSetDeadlines(actor)) throw forbidden("只有系统管理员可以设置答复期限。");
  await inTransaction(db, async (trx) => {
    for (const [category, workdays] of Object.entries(input)) {
      await trx
        .insertInto("message_deadlines")
        .values({ category, workdays, updated_at: now.toISOString(), updated_by: actor.id })
        .onConflict((oc) =>
          oc
            .column("category")
            .doUpdateSet({ workdays, updated_at: now.toISOString(), updated_by: actor.id }),
        )
        .execute();
    }
    const text = Object.entries(input)
      .map(([c, d]) => `${categoryLabels[c as MessageCategory]}${d}个工作日`)
      .join(",");
    await recordAudit(
      trx,
      actor,
      { action: "message.set_deadlines", objectType: "message_deadlines", detail: text },
      now,
    );
  });
}

/**
 * One step of the workflow (workflow.ts decides); the step is kept in message_events, which is
 * the 转办 and 督办 history staff see on the message page.
 */
export async function actOnMessage(
  db: Db,
  id: number,
  action: MessageAction,
  actor: MessageActor,
  now: Date,
): Promise<MessageState> {
  const today = todayInShanghai(now);
  return inTransaction(db, async (trx) => {
    const row = await findMessage(trx, id);
    if (!row) throw notFound("留言");
    const root = await rootUnitId(trx);
    if (
      (action.type === "assign" || action.type === "transfer") &&
      !(await unitExists(trx, action.unitId))
    ) {
      throw validationError({ unitId: "请选择承办单位" });
    }
    const facts = {
      state: row.state as MessageState,
      unitId: row.unit_id,
      draftedBy: row.reply_drafted_by,
      isOverdue: isOverdue({ dueOn: row.due_on, repliedOn: row.replied_on }, today),
    };
    const decision = decideMessage(facts, action, { user: actor, rootUnitId: root });
    if (!decision.ok) {
      if (decision.reason === "forbidden") throw forbidden(decision.message);
      throw validationError({ [fieldOf(action)]: decision.message }, decision.message);
    }
    const at = now.toISOString();
    await trx
      .updateTable("messages")
      .set({
        ...columnsFor(action, actor, today, at),
        state: decision.next.state,
        unit_id: decision.next.unitId,
        updated_at: at,
      })
      .where("id", "=", id)
      .execute();
    await insertEvent(trx, {
      message_id: id,
      type: action.type,
      on_date: today,
      from_unit_id: row.unit_id,
      to_unit_id: decision.next.unitId,
      note: noteOf(action),
      actor_id: actor.id,
      actor_name: actor.name,
      created_at: at,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: `message.${action.type}`,
        objectType: "message",
        objectId: id,
        detail: `${row.message_no} ${actionLabels[action.type]}`,
      },
      now,
    );
    return decision.next.state;
  });
}

function columnsFor(action: MessageAction, actor: MessageActor, today: string, at: string) {
  switch (action.type) {
    case "submit":
      return {
        reply_text: action.replyText.trim(),
        reply_drafted_by: actor.id,
        return_reason: null,
      };
    case "return":
      return { return_reason: action.reason.trim() };
    case "approve":
      return { replied_on: today, replied_at: at, reply_reviewed_by: actor.id };
    case "supervise":
      return { last_supervised_on: today };
    default:
      return {};
  }
}

function noteOf(action: MessageAction): string {
  if (action.type === "transfer" || action.type === "return") return action.reason.trim();
  if (action.type === "supervise") return action.note.trim();
  return "";
}

function fieldOf(action: MessageAction): string {
  const fields: Record<MessageAction["type"], string> = {
    assign: "unitId",
    transfer: "reason",
    submit: "replyText",
    return: "reason",
    approve: "action",
    supervise: "note",
  };
  return fields[action.type];
}

async function unitExists(db: Db, unitId: number): Promise<boolean> {
  return !!(await db.selectFrom("units").select("id").where("id", "=", unitId).executeTakeFirst());
}

/** The asker's name and contact in clear for staff who handle the message; the view is audited. */
export async function revealContact(
  db: Db,
  id: number,
  actor: MessageActor,
  key: PersonalDataKey,
  now: Date,
): Promise<Contact> {
  return inTransaction(db, async (trx) => {
    const row = await findMessage(trx, id);
    if (!row) throw notFound("留言");
    if (!canRevealContact(actor, row.unit_id, await rootUnitId(trx))) {
      throw forbidden("只有办公室或承办单位可以查看留言人的联系方式。");
    }
    await recordAudit(
      trx,
      actor,
      {
        action: "message.reveal_contact",
        objectType: "message",
        objectId: id,
        detail: `${row.message_no} 查看留言人联系方式`,
      },
      now,
    );
    return decryptContact(key, row);
  });
}
