// E-mail subscriptions without an account: double opt-in, one-click unsubscribe, and the
// notifications queued inside the transaction that publishes a record or opens a consultation.
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema";
import type { AuditActor } from "../platform/audit";
import { recordAudit } from "../platform/audit";
import { encryptPersonal, maskEmail, type PersonalDataKey } from "../platform/crypto";
import { enqueueMail } from "../platform/mail/outbox";
import { loadSiteSettings } from "../platform/settings";
import { hmacHex, randomToken } from "../platform/tokens";
import {
  CONFIRM_TTL_MS,
  confirmationMail,
  consultationOpenedMail,
  normaliseEmail,
  recordPublishedMail,
  type Topic,
  topicLabel,
} from "./topics";

type Db = Kysely<DB> | Transaction<DB>;

export interface SubscriptionKeys {
  personal: PersonalDataKey;
  secret: string;
}

/** The audit identity of a visitor acting on a subscription (no account). */
export function subscriberActor(ip: string): AuditActor {
  return { id: null, name: "订阅者(网上)", ip };
}

/** Keyed hash of the address: finds the same mailbox again without storing it in clear. */
export function emailHash(secret: string, email: string): string {
  return hmacHex(secret, `subscription-email:v1:${normaliseEmail(email)}`);
}

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Names of catalog items, for labels. */
async function catalogNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (numeric.length === 0) return new Map();
  const rows = await db
    .selectFrom("catalog_items")
    .select(["id", "item"])
    .where("id", "in", numeric)
    .execute();
  return new Map(rows.map((r) => [String(r.id), r.item]));
}

/**
 * Records the wish and queues one confirmation mail. Rows already confirmed stay as they are;
 * pending or unsubscribed ones wait for this new confirmation. The answer is the same whether or
 * not the address was known, so the form reveals nobody's subscriptions.
 */
export async function subscribe(
  db: Kysely<DB>,
  input: { email: string; topics: Topic[] },
  keys: SubscriptionKeys,
  actor: AuditActor,
  now: Date,
): Promise<{ queued: boolean }> {
  const email = normaliseEmail(input.email);
  const hash = emailHash(keys.secret, email);
  const token = randomToken(24);
  const confirmHash = tokenHash(token);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const waiting: Topic[] = [];
    for (const t of input.topics) {
      const existing = await trx
        .selectFrom("subscriptions")
        .select(["id", "status"])
        .where("email_hash", "=", hash)
        .where("topic", "=", t.topic)
        .where("topic_ref", "=", t.ref)
        .executeTakeFirst();
      if (existing?.status === "confirmed") continue;
      if (existing) {
        await trx
          .updateTable("subscriptions")
          .set({ status: "pending", confirm_token_hash: confirmHash, created_at: at })
          .where("id", "=", existing.id)
          .execute();
      } else {
        await trx
          .insertInto("subscriptions")
          .values({
            email_enc: encryptPersonal(keys.personal, email),
            email_hash: hash,
            email_masked: maskEmail(email),
            topic: t.topic,
            topic_ref: t.ref,
            status: "pending",
            confirm_token_hash: confirmHash,
            unsubscribe_token: randomToken(24),
            created_at: at,
          })
          .onConflict((oc) => oc.columns(["email_hash", "topic", "topic_ref"]).doNothing())
          .execute();
      }
      waiting.push(t);
    }
    await recordAudit(
      trx,
      actor,
      {
        action: "subscription.request",
        objectType: "subscription",
        detail: `${maskEmail(email)} 申请订阅 ${waiting.length} 项`,
      },
      now,
    );
    if (waiting.length === 0) return { queued: false };
    const names = await catalogNames(
      trx,
      waiting.filter((t) => t.topic === "catalogItem").map((t) => t.ref),
    );
    const site = await loadSiteSettings(trx);
    const mail = confirmationMail({
      siteName: site.siteName,
      topics: waiting.map((t) => topicLabel(t, (id) => names.get(id))),
      token,
    });
    await enqueueMail(
      trx,
      { ...mail, to: email, key: keys.personal, dedupeKey: `sub-confirm:${confirmHash}` },
      now,
    );
    return { queued: true };
  });
}

export interface PendingConfirmation {
  topics: string[];
  emailMasked: string;
}

/** What a confirmation link would confirm, or null when unknown or expired. */
export async function findConfirmation(
  db: Db,
  token: string,
  now: Date,
): Promise<PendingConfirmation | null> {
  const rows = await pendingRows(db, token, now);
  if (rows.length === 0) return null;
  const names = await catalogNames(
    db,
    rows.filter((r) => r.topic === "catalogItem").map((r) => r.topic_ref),
  );
  return {
    emailMasked: rows[0]!.email_masked,
    topics: rows.map((r) =>
      topicLabel({ topic: r.topic, ref: r.topic_ref }, (id) => names.get(id)),
    ),
  };
}

function pendingRows(db: Db, token: string, now: Date) {
  const since = new Date(now.getTime() - CONFIRM_TTL_MS).toISOString();
  return db
    .selectFrom("subscriptions")
    .select(["id", "topic", "topic_ref", "email_masked"])
    .where("confirm_token_hash", "=", tokenHash(token))
    .where("status", "=", "pending")
    .where("created_at", ">=", since)
    .orderBy("id")
    .execute();
}

/** Confirms the subscriptions of one request (double opt-in); the number confirmed. */
export async function confirmSubscription(
  db: Kysely<DB>,
  token: string,
  actor: AuditActor,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await pendingRows(trx, token, now);
    if (rows.length === 0) return 0;
    await trx
      .updateTable("subscriptions")
      .set({ status: "confirmed", confirmed_at: now.toISOString(), confirm_token_hash: null })
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: "subscription.confirm",
        objectType: "subscription",
        objectId: rows[0]!.id,
        detail: `${rows[0]!.email_masked} 确认订阅 ${rows.length} 项`,
      },
      now,
    );
    return rows.length;
  });
}

/** The subscription an unsubscribe link names, if it still receives mail. */
export async function findByUnsubscribeToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await db
    .selectFrom("subscriptions")
    .select(["id", "topic", "topic_ref", "status", "email_masked"])
    .where("unsubscribe_token", "=", token)
    .executeTakeFirst();
  if (!row) return null;
  const names = await catalogNames(db, row.topic === "catalogItem" ? [row.topic_ref] : []);
  return {
    ...row,
    label: topicLabel({ topic: row.topic, ref: row.topic_ref }, (id) => names.get(id)),
  };
}

/** Ends one subscription; idempotent (true when this call ended it). */
export async function unsubscribe(
  db: Kysely<DB>,
  token: string,
  actor: AuditActor,
  now: Date,
): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("subscriptions")
      .select(["id", "status", "email_masked"])
      .where("unsubscribe_token", "=", token)
      .executeTakeFirst();
    if (!row || row.status === "unsubscribed") return false;
    await trx
      .updateTable("subscriptions")
      .set({ status: "unsubscribed", unsubscribed_at: now.toISOString(), confirm_token_hash: null })
      .where("id", "=", row.id)
      .execute();
    await recordAudit(
      trx,
      actor,
      {
        action: "subscription.unsubscribe",
        objectType: "subscription",
        objectId: row.id,
        detail: `${row.email_masked} 退订`,
      },
      now,
    );
    return true;
  });
}

export type SubscriptionEvent =
  | { kind: "recordPublished"; recordId: number }
  | { kind: "consultationOpened"; consultationId: number; title: string; url: string };

interface Recipient {
  id: number;
  email_enc: string;
  email_masked: string;
  email_hash: string;
  unsubscribe_token: string;
  topic: string;
  topic_ref: string;
}

/** One subscription per mailbox: whoever matches through several topics gets one mail. */
function onePerMailbox(rows: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.email_hash) && seen.add(r.email_hash));
}

/**
 * Queues the notifications of `event` in the caller's transaction, one per confirmed mailbox,
 * each with a dedupe key (`sub:{subscriptionId}:record:{recordId}`), so a record never causes two
 * mails to one subscription even when published again; delivery survives a mail server that is
 * down (the outbox retries). Returns the number queued.
 */
export async function notifySubscribers(
  trx: Db,
  event: SubscriptionEvent,
  now: Date,
): Promise<number> {
  const base = trx
    .selectFrom("subscriptions")
    .select([
      "id",
      "email_enc",
      "email_masked",
      "email_hash",
      "unsubscribe_token",
      "topic",
      "topic_ref",
    ])
    .where("status", "=", "confirmed")
    .orderBy("id");
  const site = await loadSiteSettings(trx);
  let queued = 0;
  if (event.kind === "recordPublished") {
    const record = await trx
      .selectFrom("records")
      .select(["id", "title", "genre", "catalog_item_id", "state", "published_on", "publisher"])
      .where("id", "=", event.recordId)
      .executeTakeFirst();
    // Only what the public may see is ever announced.
    if (record?.state !== "published") return 0;
    const itemRef = record.catalog_item_id === null ? null : String(record.catalog_item_id);
    const rows = await base
      .where((eb) =>
        eb.or([
          eb.and([eb("topic", "=", "genre"), eb("topic_ref", "=", record.genre)]),
          ...(itemRef
            ? [eb.and([eb("topic", "=", "catalogItem"), eb("topic_ref", "=", itemRef)])]
            : []),
        ]),
      )
      .execute();
    const names = await catalogNames(trx, itemRef ? [itemRef] : []);
    for (const r of onePerMailbox(rows)) {
      const mail = recordPublishedMail({
        siteName: site.siteName,
        topic: topicLabel({ topic: r.topic, ref: r.topic_ref }, (id) => names.get(id)),
        recordId: record.id,
        title: record.title,
        publishedOn: record.published_on,
        publisher: record.publisher,
        token: r.unsubscribe_token,
      });
      const to = { encrypted: r.email_enc, masked: r.email_masked };
      const dedupeKey = `sub:${r.id}:record:${record.id}`;
      if (await enqueueMail(trx, { ...mail, to, dedupeKey }, now)) queued++;
    }
  } else {
    const rows = await base.where("topic", "=", "consultations").execute();
    for (const r of onePerMailbox(rows)) {
      const mail = consultationOpenedMail({
        siteName: site.siteName,
        title: event.title,
        url: event.url,
        token: r.unsubscribe_token,
      });
      const to = { encrypted: r.email_enc, masked: r.email_masked };
      const dedupeKey = `sub:${r.id}:consultation:${event.consultationId}`;
      if (await enqueueMail(trx, { ...mail, to, dedupeKey }, now)) queued++;
    }
  }
  return queued;
}
