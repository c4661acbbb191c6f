// Queries of the notices table and of the staff who receive reminders.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema";
import type { StaffMember } from "./rules";

export type Db = Kysely<DB> | Transaction<DB>;

export interface NewNotice {
  userId: number;
  kind: string;
  title: string;
  body?: string;
  link: string | null;
  dedupeKey: string;
}

/** Inserts a notice unless one with the same dedupe key exists; true when this call inserted it. */
export async function insertNotice(db: Db, notice: NewNotice, now: Date): Promise<boolean> {
  const row = await db
    .insertInto("notices")
    .values({
      user_id: notice.userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? "",
      link: notice.link,
      created_at: now.toISOString(),
      read_at: null,
      dedupe_key: notice.dedupeKey,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export interface NoticeItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

type NoticeRow = {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
};

const itemOf = (r: NoticeRow): NoticeItem => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
});

/** A user's notices, newest first (unread only when asked). */
export async function listNotices(
  db: Db,
  userId: number,
  options: { unreadOnly?: boolean; limit: number },
): Promise<NoticeItem[]> {
  let query = db
    .selectFrom("notices")
    .select(["id", "kind", "title", "body", "link", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(options.limit);
  if (options.unreadOnly) query = query.where("read_at", "is", null);
  return (await query.execute()).map(itemOf);
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notices")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The notice if it belongs to `userId`; another user's notice is treated as missing. */
export function findOwnNotice(db: Db, userId: number, id: number) {
  return db
    .selectFrom("notices")
    .select(["id", "title", "read_at"])
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Every back-office user with roles, unit, state and e-mail, for choosing recipients. */
export async function loadStaff(db: Db): Promise<StaffMember[]> {
  const users = await db
    .selectFrom("users")
    .select(["id", "unit_id", "is_active", "email"])
    .orderBy("id")
    .execute();
  const roles = await db.selectFrom("user_roles").select(["user_id", "role"]).execute();
  const rolesOf = new Map<number, string[]>();
  for (const r of roles) rolesOf.set(r.user_id, [...(rolesOf.get(r.user_id) ?? []), r.role]);
  return users.map((u) => ({
    id: u.id,
    unitId: u.unit_id,
    roles: rolesOf.get(u.id) ?? [],
    isActive: u.is_active === 1,
    email: u.email?.trim() ? u.email.trim() : null,
  }));
}

/** The workbench's data: the unread count and the latest unread notices. */
export async function workbenchNotices(db: Db, userId: number) {
  return {
    unread: await countUnread(db, userId),
    latest: await listNotices(db, userId, { unreadOnly: true, limit: 5 }),
  };
}
