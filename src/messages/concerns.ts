// 回应关切 and 政策问答 records and what they answer: a record they explain (解读的文件), a 留言
// (相关留言) or a consultation (回应的关切, table `consultations` of another domain: kind + id,
// no foreign key). The records themselves go through the normal record workflow; this file
// keeps only the links, and the public side shows a link only while its target is public too.
import { forbidden, notFound, validationError } from "../http/errors";
import { recordAudit } from "../platform/audit";
import { publishedRecords } from "../records/public-store";
import { canLinkConcerns } from "./policy";
import type { ConcernKind } from "./schema";
import type { MessageActor } from "./service";
import { type Db, findMessage, findMessageByNo, inTransaction, publicMessages } from "./store";

/** Genres whose records may carry concern links. */
export const CONCERN_GENRES = ["concernResponse", "policyQa"] as const;

export const concernKindLabels: Record<ConcernKind, string> = {
  record: "解读的文件",
  message: "相关留言",
  consultation: "回应的关切(意见征集)",
};

/** Public address of a consultation (意见征集, built in src/participation/). */
export const consultationPath = (id: number) => `/interaction/consultations/${id}`;
export const publicMessagePath = (id: number) => `/interaction/messages/${id}`;

export interface ConcernLink {
  id: number;
  kind: ConcernKind;
  targetId: number;
  /** What the back office shows: record title, 留言编号 + subject, or the consultation id. */
  label: string;
}

export async function listConcernLinks(db: Db, recordId: number): Promise<ConcernLink[]> {
  const rows = await db
    .selectFrom("record_concern_links")
    .selectAll()
    .where("record_id", "=", recordId)
    .orderBy("id")
    .execute();
  const out: ConcernLink[] = [];
  for (const r of rows) {
    const kind = r.target_kind as ConcernKind;
    out.push({
      id: r.id,
      kind,
      targetId: r.target_id,
      label: await targetLabel(db, kind, r.target_id),
    });
  }
  return out;
}

async function targetLabel(db: Db, kind: ConcernKind, id: number): Promise<string> {
  if (kind === "record") {
    const r = await db
      .selectFrom("records")
      .select("title")
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? r.title : `信息 ${id}(不存在)`;
  }
  if (kind === "message") {
    const m = await findMessage(db, id);
    return m ? `${m.message_no} ${m.subject}` : `留言 ${id}(不存在)`;
  }
  return `意见征集 ${id}`;
}

/** The record a link may be attached to: a 回应关切 or 政策问答 record. */
async function concernRecord(db: Db, recordId: number) {
  const record = await db
    .selectFrom("records")
    .select(["id", "title", "genre"])
    .where("id", "=", recordId)
    .executeTakeFirst();
  if (!record) throw notFound("信息");
  if (!(CONCERN_GENRES as readonly string[]).includes(record.genre)) {
    throw validationError({
      kind: "只有体裁为“回应关切”或“政策问答”的信息可以关联留言、文件或意见征集。",
    });
  }
  return record;
}

/** Resolves what the editor typed: an id, or for a message also its 留言编号. */
async function resolveTarget(
  db: Db,
  recordId: number,
  kind: ConcernKind,
  target: string,
): Promise<number> {
  const text = target.trim().toUpperCase();
  if (kind === "message" && /^LY-\d{4}-\d{5}$/.test(text)) {
    const m = await findMessageByNo(db, text);
    if (!m) throw validationError({ target: `留言 ${text} 不存在` });
    return m.id;
  }
  if (!/^\d{1,9}$/.test(text)) {
    throw validationError({
      target: kind === "message" ? "请填写留言编号(如 LY-2025-00001)" : "请填写编号(数字)",
    });
  }
  const id = Number(text);
  if (kind === "record") {
    if (id === recordId) throw validationError({ target: "不能关联信息本身" });
    const r = await db.selectFrom("records").select("id").where("id", "=", id).executeTakeFirst();
    if (!r) throw validationError({ target: `信息 ${id} 不存在` });
  }
  if (kind === "message" && !(await findMessage(db, id))) {
    throw validationError({ target: `留言 ${id} 不存在` });
  }
  return id;
}

export async function addConcernLink(
  db: Db,
  recordId: number,
  input: { kind: ConcernKind; target: string },
  actor: MessageActor,
  now: Date,
): Promise<void> {
  if (!canLinkConcerns(actor)) throw forbidden("只有信息员可以维护关联。");
  await inTransaction(db, async (trx) => {
    const record = await concernRecord(trx, recordId);
    const targetId = await resolveTarget(trx, recordId, input.kind, input.target);
    const existing = await trx
      .selectFrom("record_concern_links")
      .select("id")
      .where("record_id", "=", recordId)
      .where("target_kind", "=", input.kind)
      .where("target_id", "=", targetId)
      .executeTakeFirst();
    if (existing) throw validationError({ target: "已经关联过" });
    await trx
      .insertInto("record_concern_links")
      .values({
        record_id: recordId,
        target_kind: input.kind,
        target_id: targetId,
        created_at: now.toISOString(),
        created_by: actor.id,
      })
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: "record.link_concern",
        objectType: "record",
        objectId: recordId,
        detail: `${record.title} 关联${concernKindLabels[input.kind]} ${targetId}`,
      },
      now,
    );
  });
}

export async function removeConcernLink(
  db: Db,
  recordId: number,
  linkId: number,
  actor: MessageActor,
  now: Date,
) {
  if (!canLinkConcerns(actor)) throw forbidden("只有信息员可以维护关联。");
  await inTransaction(db, async (trx) => {
    const link = await trx
      .selectFrom("record_concern_links")
      .selectAll()
      .where("id", "=", linkId)
      .where("record_id", "=", recordId)
      .executeTakeFirst();
    if (!link) throw notFound("关联");
    await trx.deleteFrom("record_concern_links").where("id", "=", linkId).execute();
    await recordAudit(
      trx,
      actor,
      {
        action: "record.unlink_concern",
        objectType: "record",
        objectId: recordId,
        detail: `取消关联 ${link.target_kind} ${link.target_id}`,
      },
      now,
    );
  });
}

export interface ConcernRecordLink {
  id: number;
  title: string;
  genre: string;
  publishedOn: string | null;
}

/** Published records that answer a message (shown on the public message page). */
export async function responsesToMessage(db: Db, messageId: number): Promise<ConcernRecordLink[]> {
  const rows = await publishedRecords(db)
    .innerJoin("record_concern_links as l", "l.record_id", "records.id")
    .where("l.target_kind", "=", "message")
    .where("l.target_id", "=", messageId)
    .select(["records.id", "records.title", "records.genre", "records.published_on"])
    .orderBy("records.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    genre: r.genre,
    publishedOn: r.published_on,
  }));
}

/** What a published record answers, public targets only, as the public record page lists them. */
export interface PublicConcerns {
  consultations: { id: number; href: string; label: string }[];
  messages: { id: number; href: string; label: string }[];
  records: { id: number; href: string; label: string }[];
}

export async function publicConcernsOf(
  db: Db,
  recordIds: readonly number[],
): Promise<Map<number, PublicConcerns>> {
  const out = new Map<number, PublicConcerns>();
  if (recordIds.length === 0) return out;
  const links = await db
    .selectFrom("record_concern_links")
    .selectAll()
    .where("record_id", "in", recordIds)
    .orderBy("id")
    .execute();
  const messageIds = links.filter((l) => l.target_kind === "message").map((l) => l.target_id);
  const recordTargets = links.filter((l) => l.target_kind === "record").map((l) => l.target_id);
  const messages = new Map(
    messageIds.length === 0
      ? []
      : (
          await publicMessages(db)
            .select(["messages.id", "messages.subject"])
            .where("messages.id", "in", messageIds)
            .execute()
        ).map((m) => [m.id, m.subject]),
  );
  const records = new Map(
    recordTargets.length === 0
      ? []
      : (
          await publishedRecords(db)
            .select(["records.id", "records.title"])
            .where("records.id", "in", recordTargets)
            .execute()
        ).map((r) => [r.id, r.title]),
  );
  for (const id of recordIds) out.set(id, { consultations: [], messages: [], records: [] });
  for (const l of links) {
    const entry = out.get(l.record_id)!;
    if (l.target_kind === "consultation") {
      entry.consultations.push({
        id: l.target_id,
        href: consultationPath(l.target_id),
        label: `意见征集 ${l.target_id}`,
      });
    } else if (l.target_kind === "message" && messages.has(l.target_id)) {
      entry.messages.push({
        id: l.target_id,
        href: publicMessagePath(l.target_id),
        label: messages.get(l.target_id)!,
      });
    } else if (l.target_kind === "record" && records.has(l.target_id)) {
      entry.records.push({
        id: l.target_id,
        href: `/records/${l.target_id}`,
        label: records.get(l.target_id)!,
      });
    }
  }
  return out;
}

export async function publicConcernsOfRecord(db: Db, recordId: number): Promise<PublicConcerns> {
  return (await publicConcernsOf(db, [recordId])).get(recordId)!;
}
