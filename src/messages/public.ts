// What the public sees of 留言: replied messages whose asker consented (never contact data), the
// asker's own lookup with 留言编号 + 查询码, and the one-time rating of the reply. Wrong codes
// are rate-limited per address and per number, like the application lookup.
import type { Kysely } from "kysely";
import type { IsoDate } from "../calendar/rules";
import type { DB } from "../db/schema";
import { AppError, conflict } from "../http/errors";
import { recordAudit } from "../platform/audit";
import { hitRateLimit } from "../platform/rate-limit";
import { safeEqual } from "../platform/tokens";
import { normaliseQueryCode } from "../requests/applicant-data";
import { revisionMemo } from "../ui/cache/revision-memo";
import { type ConcernRecordLink, responsesToMessage } from "./concerns";
import { messageCodeHash } from "./contact";
import type { Rating } from "./rules";
import { onlineAsker } from "./service";
import {
  type Db,
  findMessageByNo,
  inTransaction,
  type MessageRow,
  publicColumns,
  publicMessages,
  unitNames,
} from "./store";

export interface PublicMessage {
  id: number;
  messageNo: string;
  category: string;
  subject: string;
  body: string;
  receivedOn: IsoDate;
  repliedOn: IsoDate | null;
  replyText: string;
  unitName: string | null;
  rating: string | null;
}

type PublicRow = Pick<
  MessageRow,
  | "id"
  | "message_no"
  | "category"
  | "subject"
  | "body"
  | "received_on"
  | "replied_on"
  | "reply_text"
  | "unit_id"
  | "rating"
>;

function publicOf(row: PublicRow, units: Map<number, string>): PublicMessage {
  return {
    id: row.id,
    messageNo: row.message_no,
    category: row.category,
    subject: row.subject,
    body: row.body,
    receivedOn: row.received_on,
    repliedOn: row.replied_on,
    replyText: row.reply_text,
    unitName: row.unit_id === null ? null : (units.get(row.unit_id) ?? null),
    rating: row.rating,
  };
}

/** Messages per page of the public list. */
export const PUBLIC_MESSAGES_PER_PAGE = 20;

export async function listPublicMessages(
  db: Db,
  paging: { page: number; pageSize: number },
): Promise<{ total: number; items: PublicMessage[] }> {
  // The page's ids first, from the index alone, then only those rows: a deep page skips tens of
  // thousands of entries, and reading each skipped row cost 27 ms per 2,000 on PostgreSQL.
  const ids = (
    await publicMessages(db)
      .select("messages.id")
      .orderBy("messages.replied_at", "desc")
      .orderBy("messages.id", "desc")
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute()
  ).map((r) => r.id);
  const rows =
    ids.length === 0
      ? []
      : await publicMessages(db)
          .select([...publicColumns])
          .where("messages.id", "in", ids)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const units = await unitNames(db);
  return {
    total: await countPublicMessages(db),
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [publicOf(row, units)] : [];
    }),
  };
}

/** The number of public messages, remembered until published content changes. */
const countPublicMessages = revisionMemo<Db, number>(
  () => "",
  async (db) => {
    const row = await publicMessages(db)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  { maxEntries: 1, ttlMs: 60_000 },
);

export async function findPublicMessage(
  db: Db,
  id: number,
): Promise<(PublicMessage & { responses: ConcernRecordLink[] }) | undefined> {
  const row = await publicMessages(db)
    .select([...publicColumns])
    .where("messages.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...publicOf(row, await unitNames(db)), responses: await responsesToMessage(db, id) };
}

/** The asker's view of their own message: state, dates, and the reply once approved. */
export interface AskerView {
  messageNo: string;
  subject: string;
  category: string;
  stateText: string;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  repliedOn: IsoDate | null;
  /** Only after review approval; a draft is never shown. */
  replyText: string | null;
  unitName: string | null;
  isPublic: boolean;
  canRate: boolean;
  rating: string | null;
}

export const LOOKUP_FAILURES_PER_ADDRESS = 10;
export const LOOKUP_FAILURES_PER_NUMBER = 10;
const ADDRESS_WINDOW_SECONDS = 900;
const NUMBER_WINDOW_SECONDS = 3600;
const wrongCode = "留言编号或查询码不正确,请核对后重新输入。";

/** The message for whoever holds its number and code; 404 for a wrong pair, 429 when rate-limited. */
async function checkedMessage(
  db: Db,
  query: { number: string; code: string; clientIp: string },
  secret: string,
  now: Date,
): Promise<MessageRow> {
  const number = query.number.trim().toUpperCase();
  const keys = [
    {
      key: `message-lookup:ip:${query.clientIp}`,
      limit: LOOKUP_FAILURES_PER_ADDRESS,
      window: ADDRESS_WINDOW_SECONDS,
    },
    {
      key: `message-lookup:no:${number}`,
      limit: LOOKUP_FAILURES_PER_NUMBER,
      window: NUMBER_WINDOW_SECONDS,
    },
  ];
  for (const k of keys) await refuseWhenLimited(db, k.key, k.limit, k.window, now);
  const row = /^LY-\d{4}-\d{5}$/.test(number) ? await findMessageByNo(db, number) : undefined;
  const code = normaliseQueryCode(query.code);
  if (!row || !safeEqual(messageCodeHash(secret, row.message_no, code), row.query_code_hash)) {
    for (const k of keys) await hitRateLimit(db as Kysely<DB>, k.key, k.limit, k.window, now);
    throw new AppError("not_found", wrongCode);
  }
  return row;
}

export async function lookupMessage(
  db: Db,
  query: { number: string; code: string; clientIp: string },
  secret: string,
  now: Date,
): Promise<AskerView> {
  const row = await checkedMessage(db, query, secret, now);
  const replied = row.state === "replied";
  const units = await unitNames(db);
  return {
    messageNo: row.message_no,
    subject: row.subject,
    category: row.category,
    stateText: replied ? "已答复" : row.state === "received" ? "已收到,待分办" : "办理中",
    receivedOn: row.received_on,
    dueOn: row.due_on,
    repliedOn: row.replied_on,
    replyText: replied ? row.reply_text : null,
    unitName: replied && row.unit_id !== null ? (units.get(row.unit_id) ?? null) : null,
    isPublic: replied && row.consent_public === 1,
    canRate: replied && row.rating === null,
    rating: row.rating,
  };
}

/** The asker rates the reply once: 满意 / 基本满意 / 不满意 with an optional comment. */
export async function rateMessage(
  db: Db,
  query: { number: string; code: string; clientIp: string },
  input: { rating: Rating; comment?: string },
  secret: string,
  now: Date,
): Promise<void> {
  const row = await checkedMessage(db, query, secret, now);
  if (row.state !== "replied") throw conflict("留言尚未答复,答复后才能评价。");
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("messages")
      .set({
        rating: input.rating,
        rating_comment: input.comment ?? null,
        rated_at: now.toISOString(),
      })
      .where("id", "=", row.id)
      .where("rating", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict("该留言的答复已经评价过,每条留言只能评价一次。");
    await recordAudit(
      trx,
      onlineAsker(query.clientIp),
      {
        action: "message.rate",
        objectType: "message",
        objectId: row.id,
        detail: `${row.message_no} 评价答复`,
      },
      now,
    );
  });
}

async function refuseWhenLimited(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
) {
  const windowMs = windowSeconds * 1000;
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const row = await db
    .selectFrom("rate_limit_hits")
    .select("count")
    .where("key", "=", key)
    .where("window_start", "=", new Date(startMs).toISOString())
    .executeTakeFirst();
  if (row && row.count >= limit) {
    const retry = Math.max(1, Math.ceil((startMs + windowMs - now.getTime()) / 1000));
    throw new AppError("rate_limited", "查询码错误次数过多,请稍后再试。", undefined, retry);
  }
}
