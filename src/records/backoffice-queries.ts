// Reads the back-office record pages need beyond the records service: names of people, units
// and catalog items, the policies an interpretation may explain, and everything the record page
// shows, gathered in one place.

import { parseIsoDate, todayInShanghai } from "../calendar/rules";
import { findCatalogItem, listCatalogItems } from "../catalog/store";
import { listUnits } from "../org/store";
import { listRecordAttachments, type RecordAttachment } from "./attachments";
import { type ActionChoice, actionChoicesFor } from "./backoffice-policy";
import type { RecordActor } from "./changes";
import { type DueStatus, dueOnFor, dueStatusOf } from "./due-dates";
import { POLICY_GENRES } from "./genres";
import { loadWorkflowFacts, workflowInputOf } from "./interpretation";
import {
  calendarFor,
  getRecord,
  listRecordEvents,
  proofreadRecord,
  type RecordDetail,
  type RecordEvent,
  type RecordProofreadHit,
} from "./service";
import { type Db, findRecordRow, interpretationRowsOf } from "./store";

export interface Choice {
  id: number;
  label: string;
}

export interface CatalogChoiceGroup {
  /** 一级事项 */
  category: string;
  items: Choice[];
}

/** Units for selects, in their order. */
export async function listUnitChoices(db: Db): Promise<Choice[]> {
  return (await listUnits(db)).map((u) => ({ id: u.id, label: u.name }));
}

/**
 * Catalog items for the record form grouped by 一级事项: the active ones, plus the one the record
 * is filed under even if it was deactivated since.
 */
export async function listCatalogChoiceGroups(
  db: Db,
  keepId: number | null = null,
): Promise<CatalogChoiceGroup[]> {
  const items = (await listCatalogItems(db)).filter((i) => i.isActive || i.id === keepId);
  const groups = new Map<string, Choice[]>();
  for (const item of items) {
    const label = `${item.seq ?? "—"} ${item.item}${item.isActive ? "" : "(已停用)"}`;
    groups.set(item.category, [...(groups.get(item.category) ?? []), { id: item.id, label }]);
  }
  return [...groups].map(([category, choices]) => ({ category, items: choices }));
}

/** Names of catalog items by id (all, active or not), for lists. */
export async function catalogItemNames(db: Db): Promise<Map<number, string>> {
  return new Map((await listCatalogItems(db)).map((i) => [i.id, `${i.category} · ${i.item}`]));
}

/** Display names of users by id. */
export async function userNames(
  db: Db,
  ids: readonly (number | null)[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Policy records a new 政策解读 may interpret: policy genres or marked 需要解读, not withdrawn. */
export async function listPolicyChoices(db: Db): Promise<Choice[]> {
  const rows = await db
    .selectFrom("records")
    .select(["id", "title", "doc_no"])
    .where("state", "!=", "withdrawn")
    .where("genre", "!=", "interpretation")
    .where((eb) =>
      eb.or([eb("genre", "in", [...POLICY_GENRES]), eb("needs_interpretation", "=", 1)]),
    )
    .orderBy("updated_at", "desc")
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.doc_no ? `${r.title}(${r.doc_no})` : r.title }));
}

export interface RecordLink {
  id: number;
  title: string;
  state: RecordDetail["state"];
}

/** Everything the back-office record page shows. */
export interface RecordPageData {
  record: RecordDetail;
  events: RecordEvent[];
  hits: RecordProofreadHit[];
  attachments: RecordAttachment[];
  actions: ActionChoice[];
  /** For a 政策解读: the policy it interprets. */
  policy: RecordLink | null;
  /** For a policy: its interpretations (not withdrawn). */
  interpretations: RecordLink[];
  catalogItemName: string | null;
  unitName: string;
  creatorName: string;
  /** Who filled in the 保密审查 form, when there is one. */
  reviewerName: string | null;
  dueStatus: DueStatus;
}

/** Loads the record page for `actor`: scheduled records that fell due are published first. */
export async function loadRecordPage(
  db: Db,
  id: number,
  actor: RecordActor,
  now: Date,
): Promise<RecordPageData> {
  const record = await getRecord(db, id, now);
  const row = (await findRecordRow(db, id))!;
  const facts = await loadWorkflowFacts(db, row);
  const hits = await proofreadRecord(db, id);
  const base = workflowInputOf(row, facts, "save", actor, now);
  const openHits = hits.filter((h) => !h.dismissal).length;
  const units = await listUnits(db);
  const names = await userNames(db, [record.createdBy, record.review?.reviewedBy ?? null]);
  const items = await catalogItemNames(db);
  const calendar = await calendarFor(db);
  const unpublished = ["draft", "in_review", "awaiting_signoff", "scheduled"].includes(
    record.state,
  );
  const link = (r: { id: number; title: string; state: RecordDetail["state"] }) => ({
    id: r.id,
    title: r.title,
    state: r.state,
  });
  return {
    record,
    events: await listRecordEvents(db, id),
    hits,
    attachments: await listRecordAttachments(db, id),
    actions: actionChoicesFor(base, openHits),
    policy: facts.policy ? link(facts.policy) : null,
    interpretations: (await interpretationRowsOf(db, id)).map(link),
    catalogItemName: record.catalogItemId ? (items.get(record.catalogItemId) ?? null) : null,
    unitName: units.find((u) => u.id === record.unitId)?.name ?? "",
    creatorName: names.get(record.createdBy) ?? "",
    reviewerName: record.review?.reviewedBy ? (names.get(record.review.reviewedBy) ?? null) : null,
    dueStatus:
      unpublished && record.dueOn
        ? dueStatusOf(record.dueOn, todayInShanghai(now), calendar)
        : null,
  };
}

/** The catalog item each of the records is filed under (records without one are left out). */
export async function catalogItemIdsOf(
  db: Db,
  recordIds: readonly number[],
): Promise<Map<number, number>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("records")
    .select(["id", "catalog_item_id"])
    .where("id", "in", [...recordIds])
    .where("catalog_item_id", "is not", null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.catalog_item_id!]));
}

/** 应公开日期 the form's catalog item and 成文日期 would give, or null when they do not allow it. */
export async function previewDueOn(
  db: Db,
  catalogItemId: string | undefined,
  formedOn: string | undefined,
): Promise<string | null> {
  if (!/^[1-9]\d{0,9}$/.test(catalogItemId ?? "") || !formedOn) return null;
  if (parseIsoDate(formedOn) !== formedOn) return null;
  const item = await findCatalogItem(db, Number(catalogItemId));
  if (!item?.deadlineRule) return null;
  return dueOnFor(JSON.stringify(item.deadlineRule), formedOn, await calendarFor(db));
}
