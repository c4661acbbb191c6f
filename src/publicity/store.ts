// Queries of 双公示 entries and the row ↔ object mapping. Every public query starts from
// `publicLicences` / `publicPenalties`, which keep only entries published, not taken down and
// within their 公示期 on `today`, so an entry leaves the public list and feed by itself.
import type { Kysely, Selectable, Transaction } from "kysely";
import type { IsoDate } from "../calendar/rules";
import { matchText } from "../db/dialect";
import type { DB } from "../db/schema";
import type { SubjectType } from "./identity-checks";
import type { EntryType, PenaltyKind, PeriodKind, PeriodMode, PeriodSetting } from "./rules";
import type { PublicityLicencesTable, PublicityPenaltiesTable } from "./tables";

export type Db = Kysely<DB> | Transaction<DB>;
export type LicenceRow = Selectable<PublicityLicencesTable>;
export type PenaltyRow = Selectable<PublicityPenaltiesTable>;

interface EntryBase {
  id: number;
  /** 许可证编号 or 决定书文号. */
  number: string;
  subjectName: string;
  subjectType: SubjectType;
  /** True when the clear name is held encrypted (a natural person). */
  hasPersonalName: boolean;
  creditCode: string | null;
  legalRep: string | null;
  content: string;
  decidedOn: IsoDate;
  authority: string;
  catalogItemId: number;
  publishByOn: IsoDate | null;
  publishedAt: string | null;
  publishedOn: IsoDate | null;
  publicityEndsOn: IsoDate | null;
  takenDownAt: string | null;
  takenDownReason: string | null;
  source: string;
  updatedAt: string;
}

export interface LicenceEntry extends EntryBase {
  type: "licence";
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface PenaltyEntry extends EntryBase {
  type: "penalty";
  kind: PenaltyKind;
  minor: boolean;
  facts: string;
  basis: string;
}

export type PublicityEntry = LicenceEntry | PenaltyEntry;

function baseOf(r: LicenceRow | PenaltyRow): Omit<EntryBase, "number" | "content"> {
  return {
    id: r.id,
    subjectName: r.subject_name,
    subjectType: r.subject_type as SubjectType,
    hasPersonalName: r.subject_name_enc !== null,
    creditCode: r.credit_code,
    legalRep: r.legal_rep,
    decidedOn: r.decided_on,
    authority: r.authority,
    catalogItemId: r.catalog_item_id,
    publishByOn: r.publish_by_on,
    publishedAt: r.published_at,
    publishedOn: r.published_on,
    publicityEndsOn: r.publicity_ends_on,
    takenDownAt: r.taken_down_at,
    takenDownReason: r.taken_down_reason,
    source: r.source,
    updatedAt: r.updated_at,
  };
}

export function licenceOf(r: LicenceRow): LicenceEntry {
  return {
    ...baseOf(r),
    type: "licence",
    number: r.licence_no,
    content: r.content,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

export function penaltyOf(r: PenaltyRow): PenaltyEntry {
  return {
    ...baseOf(r),
    type: "penalty",
    number: r.decision_no,
    content: r.content,
    kind: r.kind as PenaltyKind,
    minor: r.minor === 1,
    facts: r.facts,
    basis: r.basis,
  };
}

// ---- catalog items an entry may belong to ----

export interface PublicityCatalogItem {
  id: number;
  code: string;
  item: string;
  /** JSON DeadlineRule or null. */
  deadlineRule: string | null;
}

/**
 * The active catalog items whose results are published here: 行政审批 items other than the 服务指南
 * (FD-02 食品生产经营许可基本信息, FD-04 药品零售许可企业基本信息), and 行政处罚 items (FD-09).
 * The first is the default for entries that name none.
 */
export async function publicityCatalogItems(
  db: Db,
  type: EntryType,
): Promise<PublicityCatalogItem[]> {
  let q = db
    .selectFrom("catalog_items")
    .select(["id", "code", "item", "deadline_rule"])
    .where("is_active", "=", 1)
    .orderBy("sort_order")
    .orderBy("id");
  q =
    type === "licence"
      ? q.where("category", "=", "行政审批").where("item", "not like", "%服务指南%")
      : q.where("category", "=", "行政处罚");
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, code: r.code, item: r.item, deadlineRule: r.deadline_rule }));
}

// ---- 公示期 settings ----

export async function loadPeriodSettings(db: Db): Promise<PeriodSetting[]> {
  const rows = await db.selectFrom("publicity_periods").selectAll().execute();
  return rows.map((r) => ({
    kind: r.kind as PeriodKind,
    mode: r.mode as PeriodMode,
    months: r.months,
  }));
}

// ---- public queries ----

export interface PublicFilter {
  q?: string;
  year?: number;
  kind?: PenaltyKind;
  catalogItemId?: number;
}

export const PAGE_SIZE = 20;

export function publicLicences(db: Db, today: IsoDate) {
  return db
    .selectFrom("publicity_licences")
    .where("published_on", "is not", null)
    .where("taken_down_at", "is", null)
    .where((eb) =>
      eb.or([eb("publicity_ends_on", "is", null), eb("publicity_ends_on", ">=", today)]),
    );
}

export function publicPenalties(db: Db, today: IsoDate) {
  return db
    .selectFrom("publicity_penalties")
    .where("published_on", "is not", null)
    .where("taken_down_at", "is", null)
    .where((eb) =>
      eb.or([eb("publicity_ends_on", "is", null), eb("publicity_ends_on", ">=", today)]),
    );
}

function filteredLicences(db: Db, today: IsoDate, f: PublicFilter) {
  let q = publicLicences(db, today);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([matchText(db, "subject_name", text), matchText(db, "licence_no", text)]),
    );
  }
  if (f.year)
    q = q.where("decided_on", ">=", `${f.year}-01-01`).where("decided_on", "<=", `${f.year}-12-31`);
  if (f.catalogItemId) q = q.where("catalog_item_id", "=", f.catalogItemId);
  return q;
}

function filteredPenalties(db: Db, today: IsoDate, f: PublicFilter) {
  let q = publicPenalties(db, today);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([matchText(db, "subject_name", text), matchText(db, "decision_no", text)]),
    );
  }
  if (f.year)
    q = q.where("decided_on", ">=", `${f.year}-01-01`).where("decided_on", "<=", `${f.year}-12-31`);
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.catalogItemId) q = q.where("catalog_item_id", "=", f.catalogItemId);
  return q;
}

export interface Page<T> {
  entries: T[];
  total: number;
  page: number;
  pageCount: number;
}

function pageOf<T>(entries: T[], total: number, page: number, size: number): Page<T> {
  return { entries, total, page, pageCount: Math.max(1, Math.ceil(total / size)) };
}

export async function listPublicLicences(
  db: Db,
  today: IsoDate,
  filter: PublicFilter,
  page = 1,
  size = PAGE_SIZE,
): Promise<Page<LicenceEntry>> {
  const { n } = await filteredLicences(db, today, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await filteredLicences(db, today, filter)
    .selectAll()
    .orderBy("decided_on", "desc")
    .orderBy("id", "desc")
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  return pageOf(rows.map(licenceOf), Number(n), page, size);
}

export async function listPublicPenalties(
  db: Db,
  today: IsoDate,
  filter: PublicFilter,
  page = 1,
  size = PAGE_SIZE,
): Promise<Page<PenaltyEntry>> {
  const { n } = await filteredPenalties(db, today, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await filteredPenalties(db, today, filter)
    .selectAll()
    .orderBy("decided_on", "desc")
    .orderBy("id", "desc")
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  return pageOf(rows.map(penaltyOf), Number(n), page, size);
}

/** The newest published entries for a feed (by publication, newest first). */
export async function latestPublicLicences(db: Db, today: IsoDate, limit: number) {
  const rows = await publicLicences(db, today)
    .selectAll()
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(licenceOf);
}

export async function latestPublicPenalties(db: Db, today: IsoDate, limit: number) {
  const rows = await publicPenalties(db, today)
    .selectAll()
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(penaltyOf);
}

export async function findPublicLicence(db: Db, today: IsoDate, id: number) {
  const row = await publicLicences(db, today).selectAll().where("id", "=", id).executeTakeFirst();
  return row ? licenceOf(row) : undefined;
}

export async function findPublicPenalty(db: Db, today: IsoDate, id: number) {
  const row = await publicPenalties(db, today).selectAll().where("id", "=", id).executeTakeFirst();
  return row ? penaltyOf(row) : undefined;
}

/** Decision years that have public entries, newest first (for the year filter). */
export async function publicYears(db: Db, today: IsoDate, type: EntryType): Promise<number[]> {
  const rows =
    type === "licence"
      ? await publicLicences(db, today).select("decided_on").distinct().execute()
      : await publicPenalties(db, today).select("decided_on").distinct().execute();
  return [...new Set(rows.map((r) => Number(r.decided_on.slice(0, 4))))].sort((a, b) => b - a);
}

// ---- back office ----

export async function findLicence(db: Db, id: number) {
  const row = await db
    .selectFrom("publicity_licences")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? licenceOf(row) : undefined;
}

export async function findPenalty(db: Db, id: number) {
  const row = await db
    .selectFrom("publicity_penalties")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? penaltyOf(row) : undefined;
}

/** Every entry (also unpublished, expired and taken down), newest decisions first. */
export async function listAllLicences(db: Db, q: string | undefined, page: number, size = 50) {
  let base = db.selectFrom("publicity_licences");
  if (q)
    base = base.where((eb) =>
      eb.or([matchText(db, "subject_name", q), matchText(db, "licence_no", q)]),
    );
  const { n } = await base
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("decided_on", "desc")
    .orderBy("id", "desc")
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  return pageOf(rows.map(licenceOf), Number(n), page, size);
}

export async function listAllPenalties(db: Db, q: string | undefined, page: number, size = 50) {
  let base = db.selectFrom("publicity_penalties");
  if (q)
    base = base.where((eb) =>
      eb.or([matchText(db, "subject_name", q), matchText(db, "decision_no", q)]),
    );
  const { n } = await base
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("decided_on", "desc")
    .orderBy("id", "desc")
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  return pageOf(rows.map(penaltyOf), Number(n), page, size);
}
