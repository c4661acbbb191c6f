// Scale data of 互动交流: consultations with their public comments and published feedback, and
// 留言 with their handling history. Rows go in directly in batches, as in seed.ts; contact data
// is encrypted and masked by the product's own helpers, deadlines come from the product's rules
// over the real working-day calendar, and each feedback snapshot is drafted by the product's
// draftFeedback from the comments as stored.

import { randomBytes } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import type { Role } from "../src/accounts/roles";
import { createUser } from "../src/accounts/service";
import type { IsoDate } from "../src/calendar/rules";
import { loadWorkCalendar } from "../src/calendar/store";
import type { DB } from "../src/db/schema";
import { contactColumns, messageCodeHash } from "../src/messages/contact";
import {
  DEFAULT_DEADLINE_WORKDAYS,
  messageDueOn,
  RATINGS,
  receiptWorkday,
} from "../src/messages/rules";
import type { MessageEventsTable, MessagesTable } from "../src/messages/tables";
import { splitDraft } from "../src/participation/articles";
import { draftFeedback } from "../src/participation/feedback";
import {
  consultationInstants,
  DISPOSITIONS,
  type Disposition,
  publicDisplayName,
} from "../src/participation/rules";
import { findConsultation } from "../src/participation/store";
import type { ConsultationCommentsTable } from "../src/participation/tables";
import { systemActor } from "../src/platform/audit";
import { encryptOptional, maskPhone, type PersonalDataKey } from "../src/platform/crypto";
import { addDays, progress, randomDate, shanghaiInstant } from "./seed-support";
import {
  between,
  fakeComment,
  fakeConsultationDraft,
  fakeMessage,
  pick,
  type Random,
} from "./text";

export interface StaffMember {
  id: number;
  name: string;
}

/**
 * Who does the generated steps: the office's reviewer (分办, 审核, moderation, feedback) and one
 * editor per unit who drafts that unit's replies. The product refuses approval of one's own
 * draft, so the two are never the same account.
 */
export interface BenchStaff {
  reviewer: StaffMember;
  editorOf: Map<number, StaffMember>;
}

export interface InteractionPlan {
  now: Date;
  today: IsoDate;
  years: number;
  batchSize: number;
  units: number[];
  staff: BenchStaff;
  key: PersonalDataKey;
  secret: string;
}

/** The bench accounts (found again on a second run), created with unusable random passwords. */
export async function benchStaff(db: Kysely<DB>, units: number[], now: Date): Promise<BenchStaff> {
  const account = async (username: string, displayName: string, unitId: number, role: Role) => {
    const found = await db
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("username", "=", username)
      .executeTakeFirst();
    if (found) return { id: found.id, name: found.display_name };
    const password = `${randomBytes(18).toString("base64url")}-Aa1!`;
    const id = await createUser(
      db,
      systemActor,
      { username, displayName, unitId, roles: [role], password, mustChangePassword: true },
      now,
    );
    return { id, name: displayName };
  };
  const editorOf = new Map<number, StaffMember>();
  for (const unitId of units) {
    editorOf.set(
      unitId,
      await account(`bench-editor-${unitId}`, `测试信息员${unitId}`, unitId, "editor"),
    );
  }
  return {
    reviewer: await account("bench-reviewer", "测试审核人", units[0]!, "reviewer"),
    editorOf,
  };
}

/** An ISO instant no later than `now`: generated history never lies in the future. */
function notAfter(iso: string, now: Date): string {
  const cap = now.toISOString();
  return iso < cap ? iso : cap;
}

const PERIOD_DAYS = 30;

const REASONS: Record<Disposition, string> = {
  adopted: "已采纳,在正式文本中作了相应修改。",
  partlyAdopted: "部分采纳:相关内容已在实施细则中细化,其余与上位法规定不符。",
  notAdopted: "未采纳:该意见与《中华人民共和国食品安全法》的规定不一致。",
};

interface PlannedConsultation {
  id: number;
  opensOn: IsoDate;
  closesOn: IsoDate;
  articles: number;
  closed: boolean;
}

/** `count` opened consultations over the years, then `commentCount` comments spread over them. */
export async function seedConsultations(
  db: Kysely<DB>,
  random: Random,
  plan: InteractionPlan,
  count: number,
  commentCount: number,
): Promise<void> {
  if (count === 0) return;
  const consultations = await insertConsultations(db, random, plan, count);
  await insertComments(db, random, plan, consultations, commentCount);
  await publishFeedbacks(db, plan, consultations);
}

async function insertConsultations(
  db: Kysely<DB>,
  random: Random,
  plan: InteractionPlan,
  count: number,
): Promise<PlannedConsultation[]> {
  const planned: PlannedConsultation[] = [];
  for (let i = 0; i < count; i++) {
    const opensOn = randomDate(random, plan.today, plan.years);
    const closesOn = addDays(opensOn, PERIOD_DAYS - 1);
    const unitId = pick(random, plan.units);
    const draft = fakeConsultationDraft(random, Number(opensOn.slice(0, 4)));
    const { opensAt, closesAt } = consultationInstants(opensOn, closesOn);
    const openedAt = shanghaiInstant(addDays(opensOn, -1), 15, 0);
    const { id } = await db
      .insertInto("consultations")
      .values({
        title: draft.title,
        unit_id: unitId,
        decision_item_id: null,
        is_major: random() < 0.2 ? 1 : 0,
        draft_text: draft.text,
        draft_record_id: null,
        explanation_html: "<p>为规范相关监督管理工作,起草了本办法(测试数据)。</p>",
        opens_on: opensOn,
        closes_on: closesOn,
        short_period_reason: "",
        contact_phone: "0398-0000000",
        contact_email: "",
        contact_address: "渑池县城关镇示例路1号(测试数据)",
        status: "opened",
        opens_at: opensAt,
        closes_at: closesAt,
        opened_at: openedAt,
        opened_by: plan.staff.reviewer.id,
        created_by: plan.staff.editorOf.get(unitId)!.id,
        created_at: openedAt,
        updated_at: openedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const articles = splitDraft(draft.text).articles.length;
    planned.push({ id, opensOn, closesOn, articles, closed: closesOn < plan.today });
  }
  return planned;
}

/** One comment as a member of the public left it, moderated, and answered once closed. */
function commentRow(
  random: Random,
  plan: InteractionPlan,
  c: PlannedConsultation,
): Insertable<ConsultationCommentsTable> {
  // Comments on a consultation still open spread over the days it has been open so far.
  const daysOpen = Math.round((Date.parse(plan.today) - Date.parse(c.opensOn)) / 86_400_000);
  const sentOn = addDays(c.opensOn, between(random, 0, Math.min(PERIOD_DAYS - 1, daysOpen)));
  const createdAt = notAfter(
    shanghaiInstant(sentOn, between(random, 7, 22), between(random, 0, 59)),
    plan.now,
  );
  const named = random() < 0.3;
  const name = named ? `测试网民${between(random, 1, 99_999)}` : undefined;
  const phone = random() < 0.4 ? `1380000${String(between(random, 0, 9999)).padStart(4, "0")}` : "";
  const roll = random();
  // Still-open consultations have a share waiting for moderation; 8% of comments are held.
  const status = !c.closed && roll < 0.2 ? "pending" : roll > 0.92 ? "held" : "published";
  const disposition = c.closed && status === "published" ? pick(random, DISPOSITIONS) : null;
  return {
    consultation_id: c.id,
    article_no: random() < 0.25 ? null : between(random, 1, c.articles),
    body: fakeComment(random),
    name_enc: encryptOptional(plan.key, name),
    display_name: publicDisplayName(name, named && random() < 0.5),
    contact_enc: encryptOptional(plan.key, phone),
    contact_masked: phone ? maskPhone(phone) : null,
    status,
    hold_reason: status === "held" ? "含有与征求意见无关的广告内容" : "",
    moderated_by: status === "pending" ? null : plan.staff.reviewer.id,
    moderated_at:
      status === "pending"
        ? null
        : notAfter(new Date(Date.parse(createdAt) + 86_400_000).toISOString(), plan.now),
    disposition,
    reason: disposition ? REASONS[disposition] : "",
    group_id: null,
    created_at: createdAt,
  };
}

async function insertComments(
  db: Kysely<DB>,
  random: Random,
  plan: InteractionPlan,
  consultations: PlannedConsultation[],
  total: number,
): Promise<void> {
  // Consultations differ a lot in interest: weights from 1 to 10.
  const weights = consultations.map(() => between(random, 1, 10));
  const sum = weights.reduce((a, b) => a + b, 0);
  const targets = consultations.map((c, i) => ({ c, n: Math.floor((total * weights[i]!) / sum) }));
  // What rounding down left over goes one each to the first consultations: exactly `total`.
  let left = total - targets.reduce((a, t) => a + t.n, 0);
  for (let i = 0; left > 0; i = (i + 1) % targets.length, left--) targets[i]!.n++;
  const tick = progress("comments", total);
  let done = 0;
  let batch: Insertable<ConsultationCommentsTable>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db
      .transaction()
      .execute((trx) => trx.insertInto("consultation_comments").values(rows).execute());
    done += rows.length;
    tick(done);
  };
  for (const { c, n } of targets) {
    for (let i = 0; i < n; i++) {
      batch.push(commentRow(random, plan, c));
      if (batch.length >= plan.batchSize) await flush();
    }
  }
  await flush();
}

/** 意见采纳情况反馈 for consultations closed more than 20 days ago, drafted by the product. */
async function publishFeedbacks(
  db: Kysely<DB>,
  plan: InteractionPlan,
  consultations: PlannedConsultation[],
): Promise<void> {
  const now = new Date(`${plan.today}T12:00:00+08:00`);
  for (const planned of consultations) {
    const publishOn = addDays(planned.closesOn, 20);
    if (!planned.closed || publishOn >= plan.today) continue;
    const c = await findConsultation(db, planned.id, now);
    if (!c) continue;
    const { snapshot, problems } = await draftFeedback(db, c);
    if (problems.length > 0) throw new Error(`consultation ${planned.id}: ${problems.join("; ")}`);
    const k = snapshot.counts;
    await db
      .insertInto("consultation_feedbacks")
      .values({
        consultation_id: planned.id,
        version: 1,
        summary: `共收到意见${k.received}条,采纳${k.adopted}条,部分采纳${k.partlyAdopted}条,未采纳${k.notAdopted}条。`,
        snapshot: JSON.stringify(snapshot),
        correction_reason: "",
        published_at: shanghaiInstant(publishOn, 10, 0),
        published_by: plan.staff.reviewer.id,
      })
      .execute();
  }
}

interface PlannedMessage {
  row: Insertable<MessagesTable>;
  events: Omit<Insertable<MessageEventsTable>, "message_id">[];
}

/** When each 留言 arrived, oldest first, so 留言编号 follow the order of receipt as they do live. */
function submissionInstants(random: Random, plan: InteractionPlan, count: number): string[] {
  return Array.from({ length: count }, () =>
    notAfter(
      shanghaiInstant(
        randomDate(random, plan.today, plan.years),
        between(random, 7, 23),
        between(random, 0, 59),
      ),
      plan.now,
    ),
  ).sort();
}

const shanghaiDateOf = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** `count` 留言 over the years: old ones replied (some late), recent ones at every step. */
export async function seedMessages(
  db: Kysely<DB>,
  random: Random,
  plan: InteractionPlan,
  count: number,
): Promise<void> {
  if (count === 0) return;
  const calendar = await loadWorkCalendar(db);
  const instants = submissionInstants(random, plan, count);
  const serials = new Map<number, number>();
  const tick = progress("messages", count);
  const { reviewer } = plan.staff;
  for (let done = 0; done < count; ) {
    const planned = instants.slice(done, done + plan.batchSize).map((createdAt): PlannedMessage => {
      const submittedOn = shanghaiDateOf(createdAt);
      const year = Number(submittedOn.slice(0, 4));
      const serial = (serials.get(year) ?? 0) + 1;
      // nextMessageNo compares five-digit serials as text.
      if (serial > 99_999)
        throw new Error(`more than 99,999 messages in ${year}: give more --years`);
      serials.set(year, serial);
      const messageNo = `LY-${year}-${String(serial).padStart(5, "0")}`;
      const text = fakeMessage(random);
      const workdays = DEFAULT_DEADLINE_WORKDAYS[text.category];
      const receivedOn = receiptWorkday(calendar, submittedOn);
      // 6% answered after the due day.
      const repliedOn = calendar.addWorkdays(
        receivedOn,
        random() < 0.06 ? workdays + between(random, 1, 5) : between(random, 1, workdays),
      );
      const nextWorkday = calendar.addWorkdays(receivedOn, 1);
      const assignedOn = nextWorkday < plan.today ? nextWorkday : null;
      const replied = repliedOn < plan.today;
      const drafted = replied || (assignedOn !== null && random() < 0.4);
      const state = replied
        ? "replied"
        : drafted
          ? "in_review"
          : assignedOn
            ? "assigned"
            : "received";
      const repliedAt = replied ? shanghaiInstant(repliedOn, 16, between(random, 0, 59)) : null;
      const unitId = assignedOn ? pick(random, plan.units) : null;
      const editor = unitId === null ? null : plan.staff.editorOf.get(unitId)!;
      const rated = replied && random() < 0.3;
      return {
        row: {
          message_no: messageNo,
          query_code_hash: messageCodeHash(plan.secret, messageNo, `BENCH${serial}`),
          category: text.category,
          subject: text.subject,
          body: text.body,
          ...contactColumns(plan.key, {
            name: `测试留言人${serial}`,
            phone: `1390000${String(serial % 10_000).padStart(4, "0")}`,
          }),
          consent_public: random() < 0.6 ? 1 : 0,
          state,
          received_on: receivedOn,
          due_on: messageDueOn(calendar, submittedOn, workdays),
          deadline_workdays: workdays,
          unit_id: unitId,
          reply_text: drafted ? text.reply : "",
          reply_drafted_by: drafted ? editor!.id : null,
          return_reason: null,
          replied_on: replied ? repliedOn : null,
          replied_at: repliedAt,
          reply_reviewed_by: replied ? reviewer.id : null,
          last_supervised_on: null,
          rating: rated ? pick(random, RATINGS) : null,
          rating_comment: null,
          rated_at: rated ? notAfter(shanghaiInstant(addDays(repliedOn, 1), 9, 0), plan.now) : null,
          created_at: createdAt,
          updated_at: repliedAt ?? createdAt,
        },
        events: messageEvents({
          assignedOn,
          repliedOn,
          repliedAt,
          drafted,
          unitId,
          editor,
          reviewer,
        }),
      };
    });
    await db.transaction().execute(async (trx) => {
      const ids = await trx
        .insertInto("messages")
        .values(planned.map((m) => m.row))
        .returning("id")
        .execute();
      const events = planned.flatMap((m, i) =>
        m.events.map((e) => ({ ...e, message_id: ids[i]!.id })),
      );
      if (events.length > 0) await trx.insertInto("message_events").values(events).execute();
    });
    done += planned.length;
    tick(done);
  }
}

/** The history behind a message's state: 分办 by the office, the unit's draft, the approval. */
function messageEvents(m: {
  assignedOn: IsoDate | null;
  repliedOn: IsoDate;
  repliedAt: string | null;
  drafted: boolean;
  unitId: number | null;
  editor: StaffMember | null;
  reviewer: StaffMember;
}): Omit<Insertable<MessageEventsTable>, "message_id">[] {
  if (m.assignedOn === null) return [];
  const event = (type: string, on: IsoDate, by: StaffMember, at: string) => ({
    type,
    on_date: on,
    from_unit_id: type === "assign" ? null : m.unitId,
    to_unit_id: m.unitId,
    note: "",
    actor_id: by.id,
    actor_name: by.name,
    created_at: at,
  });
  const events = [event("assign", m.assignedOn, m.reviewer, shanghaiInstant(m.assignedOn, 9, 0))];
  if (m.drafted) {
    const on = m.repliedAt ? m.repliedOn : m.assignedOn;
    events.push(event("submit", on, m.editor!, shanghaiInstant(on, 11, 0)));
  }
  if (m.repliedAt) events.push(event("approve", m.repliedOn, m.reviewer, m.repliedAt));
  return events;
}
