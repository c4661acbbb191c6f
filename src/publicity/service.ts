// Use cases of 双公示: importing entries (API and XLSX share one path: check everything, then
// write everything in one transaction, or nothing), early takedown (信用修复), the 公示期
// settings and the audited view of a natural person's clear name.
import type { Kysely } from "kysely";
import type { Role } from "../accounts/roles";
import { type IsoDate, todayInShanghai, type WorkCalendar } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import type { DB } from "../db/schema";
import { conflict, forbidden, notFound, validationError } from "../http/errors";
import { type AuditActor, recordAudit } from "../platform/audit";
import { decryptOptional, encryptPersonal, type PersonalDataKey } from "../platform/crypto";
import { dueOnFor } from "../records/due-dates";
import { maskNameIn, publicPersonName } from "./identity-checks";
import { canAdministerPublicity, canImportPublicity } from "./policy";
import {
  checkLicence,
  checkPenalty,
  contentHashOf,
  ENTRY_TYPE_LABELS,
  type EntryType,
  type FieldProblem,
  type LicenceRaw,
  type LicenceValues,
  MAX_PERIOD_MONTHS,
  PERIOD_KINDS,
  type PenaltyRaw,
  type PenaltyValues,
  type PeriodKind,
  type PeriodSetting,
  periodKindOfPenalty,
  periodSettingOf,
  publicityEndsOn,
} from "./rules";
import {
  type Db,
  findLicence,
  findPenalty,
  loadPeriodSettings,
  type PublicityCatalogItem,
  publicityCatalogItems,
} from "./store";

export interface PublicityActor extends AuditActor {
  roles: readonly Role[];
}

export interface ServiceContext {
  actor: PublicityActor;
  key: PersonalDataKey;
  now: Date;
}

/** One entry to import; `where` names it in messages ("第5行", "第2条", or "" for a single PUT). */
export interface ImportItem<R> {
  where: string;
  raw: R;
}

export type ImportAction = "created" | "updated" | "unchanged";

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportProblem extends FieldProblem {
  /** Index of the item in the request. */
  index: number;
  where: string;
}

export type ImportOutcome =
  | {
      ok: true;
      actions: { number: string; id: number; action: ImportAction }[];
      counts: ImportCounts;
    }
  | { ok: false; problems: ImportProblem[]; messages: string[] };

export interface ImportOptions {
  /** api | xlsx | demo */
  source: string;
  /** The uploaded file's name, for the audit detail. */
  fileName?: string;
}

/** "第5行“许可内容”含有……" / "“许可内容”含有……". */
export function problemText(p: { where: string; label: string; message: string }): string {
  return `${p.where}“${p.label}”${p.message}`;
}

type Checked<V> = { index: number; where: string; values: V; item: PublicityCatalogItem };

/** Checks every item (pure checks, catalog item, duplicate keys); nothing is written. */
async function checkAll<R, V extends LicenceValues | PenaltyValues>(
  db: Db,
  type: EntryType,
  items: readonly ImportItem<R>[],
  check: (
    raw: R,
    today: IsoDate,
  ) => { ok: true; value: V } | { ok: false; problems: FieldProblem[] },
  keyOf: (v: V) => string,
  keyLabel: string,
  today: IsoDate,
): Promise<{ checked: Checked<V>[]; problems: ImportProblem[] }> {
  const catalog = await publicityCatalogItems(db, type);
  const problems: ImportProblem[] = [];
  const checked: Checked<V>[] = [];
  const firstOf = new Map<string, string>();
  for (const [index, { where, raw }] of items.entries()) {
    const add = (p: FieldProblem) => problems.push({ ...p, index, where });
    const result = check(raw, today);
    if (!result.ok) {
      result.problems.forEach(add);
      continue;
    }
    const values = result.value;
    const code = values.catalogItem?.toUpperCase();
    const item = code ? catalog.find((c) => c.code.toUpperCase() === code) : catalog[0];
    if (!item) {
      const codes = catalog.map((c) => `${c.code}(${c.item})`).join("、") || "无";
      add({
        field: "catalogItem",
        label: "目录事项编码",
        message: code
          ? `“${values.catalogItem}”不是${ENTRY_TYPE_LABELS[type]}公示的目录事项,可填:${codes}`
          : `标准目录中没有启用的${ENTRY_TYPE_LABELS[type]}事项,请先在标准目录中启用`,
      });
      continue;
    }
    const key = keyOf(values);
    const first = firstOf.get(key);
    if (first !== undefined) {
      add({ field: "key", label: keyLabel, message: `“${key}”与${first || "前面的条目"}重复` });
      continue;
    }
    firstOf.set(key, where);
    checked.push({ index, where, values, item });
  }
  return { checked, problems };
}

/** The public and encrypted columns of the subject; a natural person's names only masked in clear. */
function subjectColumns(v: LicenceValues | PenaltyValues, key: PersonalDataKey) {
  const natural = v.subjectType === "natural_person";
  const maskText = (text: string) =>
    natural ? maskNameIn(maskNameIn(text, v.subjectName), v.legalRep ?? "") : text;
  return {
    columns: {
      subject_type: v.subjectType,
      subject_name: natural ? publicPersonName(v.subjectName) : v.subjectName,
      subject_name_enc: natural ? encryptPersonal(key, v.subjectName) : null,
      credit_code: v.creditCode,
      legal_rep: v.legalRep && natural ? publicPersonName(v.legalRep) : v.legalRep,
      legal_rep_enc: v.legalRep && natural ? encryptPersonal(key, v.legalRep) : null,
      decided_on: v.decidedOn,
      authority: v.authority,
    },
    maskText,
  };
}

interface WriteContext extends ServiceContext {
  calendar: WorkCalendar;
  settings: PeriodSetting[];
  today: IsoDate;
  source: string;
}

function publishByOf(item: PublicityCatalogItem, decidedOn: IsoDate, calendar: WorkCalendar) {
  return dueOnFor(item.deadlineRule, decidedOn, calendar);
}

async function writeLicence(trx: Db, c: Checked<LicenceValues>, ctx: WriteContext) {
  const v = c.values;
  const hash = contentHashOf(v);
  const existing = await trx
    .selectFrom("publicity_licences")
    .select(["id", "content_hash", "published_on"])
    .where("licence_no", "=", v.licenceNo)
    .executeTakeFirst();
  if (existing?.content_hash === hash) return { id: existing.id, action: "unchanged" as const };
  const { columns, maskText } = subjectColumns(v, ctx.key);
  const publishedOn = existing ? existing.published_on : ctx.today;
  const nowIso = ctx.now.toISOString();
  const values = {
    ...columns,
    content: maskText(v.content),
    valid_from: v.validFrom,
    valid_to: v.validTo,
    catalog_item_id: c.item.id,
    publish_by_on: publishByOf(c.item, v.decidedOn, ctx.calendar),
    publicity_ends_on: publicityEndsOn(periodSettingOf("licence", ctx.settings), {
      publishedOn,
      validTo: v.validTo,
    }),
    content_hash: hash,
    updated_at: nowIso,
  };
  if (existing) {
    await trx.updateTable("publicity_licences").set(values).where("id", "=", existing.id).execute();
    return { id: existing.id, action: "updated" as const };
  }
  const { id } = await trx
    .insertInto("publicity_licences")
    .values({
      ...values,
      licence_no: v.licenceNo,
      published_at: nowIso,
      published_on: ctx.today,
      source: ctx.source,
      created_at: nowIso,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, action: "created" as const };
}

async function writePenalty(trx: Db, c: Checked<PenaltyValues>, ctx: WriteContext) {
  const v = c.values;
  const hash = contentHashOf(v);
  const existing = await trx
    .selectFrom("publicity_penalties")
    .select(["id", "content_hash", "published_on"])
    .where("decision_no", "=", v.decisionNo)
    .executeTakeFirst();
  if (existing?.content_hash === hash) return { id: existing.id, action: "unchanged" as const };
  const { columns, maskText } = subjectColumns(v, ctx.key);
  const publishedOn = existing ? existing.published_on : ctx.today;
  const nowIso = ctx.now.toISOString();
  const setting = periodSettingOf(periodKindOfPenalty(v.kind, v.minor), ctx.settings);
  const values = {
    ...columns,
    kind: v.kind,
    minor: v.minor ? 1 : 0,
    facts: maskText(v.facts),
    basis: maskText(v.basis),
    content: maskText(v.content),
    catalog_item_id: c.item.id,
    publish_by_on: publishByOf(c.item, v.decidedOn, ctx.calendar),
    publicity_ends_on: publicityEndsOn(setting, { publishedOn, validTo: null }),
    content_hash: hash,
    updated_at: nowIso,
  };
  if (existing) {
    await trx
      .updateTable("publicity_penalties")
      .set(values)
      .where("id", "=", existing.id)
      .execute();
    return { id: existing.id, action: "updated" as const };
  }
  const { id } = await trx
    .insertInto("publicity_penalties")
    .values({
      ...values,
      decision_no: v.decisionNo,
      published_at: nowIso,
      published_on: ctx.today,
      source: ctx.source,
      created_at: nowIso,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, action: "created" as const };
}

async function runImport<R, V extends LicenceValues | PenaltyValues>(
  db: Kysely<DB>,
  type: EntryType,
  items: readonly ImportItem<R>[],
  ctx: ServiceContext,
  options: ImportOptions,
  spec: {
    check: (
      raw: R,
      today: IsoDate,
    ) => { ok: true; value: V } | { ok: false; problems: FieldProblem[] };
    keyOf: (v: V) => string;
    keyLabel: string;
    write: (
      trx: Db,
      c: Checked<V>,
      ctx: WriteContext,
    ) => Promise<{ id: number; action: ImportAction }>;
  },
): Promise<ImportOutcome> {
  if (!canImportPublicity(ctx.actor)) throw forbidden("只有信息员或系统管理员可以导入双公示信息。");
  const today = todayInShanghai(ctx.now);
  if (items.length === 0) {
    return { ok: false, problems: [], messages: ["没有要导入的条目。"] };
  }
  const first = await checkAll(db, type, items, spec.check, spec.keyOf, spec.keyLabel, today);
  if (first.problems.length > 0) {
    return { ok: false, problems: first.problems, messages: first.problems.map(problemText) };
  }
  const calendar = await loadWorkCalendar(db);
  return db.transaction().execute(async (trx) => {
    const settings = await loadPeriodSettings(trx);
    const wctx: WriteContext = { ...ctx, calendar, settings, today, source: options.source };
    const actions: { number: string; id: number; action: ImportAction }[] = [];
    for (const c of first.checked) {
      const done = await spec.write(trx, c, wctx);
      actions.push({ number: spec.keyOf(c.values), ...done });
    }
    const counts: ImportCounts = {
      created: actions.filter((a) => a.action === "created").length,
      updated: actions.filter((a) => a.action === "updated").length,
      unchanged: actions.filter((a) => a.action === "unchanged").length,
    };
    // An import that changes nothing is not a change: no audit entry, so retries stay quiet.
    if (counts.created + counts.updated > 0) {
      const from = options.fileName ? `文件“${options.fileName.slice(0, 100)}”` : options.source;
      await recordAudit(
        trx,
        ctx.actor,
        {
          action: "publicity.import",
          objectType: type === "licence" ? "publicity_licence" : "publicity_penalty",
          objectId: actions.length === 1 ? actions[0]!.id : null,
          detail: `导入${ENTRY_TYPE_LABELS[type]}公示${actions.length}条(${from}):新增${counts.created},更新${counts.updated},不变${counts.unchanged}`,
        },
        ctx.now,
      );
    }
    return { ok: true as const, actions, counts };
  });
}

/** Imports 行政许可 entries, upserting by 许可证编号; all or nothing. */
export function importLicences(
  db: Kysely<DB>,
  items: readonly ImportItem<LicenceRaw>[],
  ctx: ServiceContext,
  options: ImportOptions,
): Promise<ImportOutcome> {
  return runImport(db, "licence", items, ctx, options, {
    check: checkLicence,
    keyOf: (v) => v.licenceNo,
    keyLabel: "许可证编号",
    write: writeLicence,
  });
}

/** Imports 行政处罚 / 行政强制 entries, upserting by 决定书文号; all or nothing. */
export function importPenalties(
  db: Kysely<DB>,
  items: readonly ImportItem<PenaltyRaw>[],
  ctx: ServiceContext,
  options: ImportOptions,
): Promise<ImportOutcome> {
  return runImport(db, "penalty", items, ctx, options, {
    check: checkPenalty,
    keyOf: (v) => v.decisionNo,
    keyLabel: "行政处罚决定书文号",
    write: writePenalty,
  });
}

// ---- early takedown (信用修复) ----

export const TAKEDOWN_REASON_MAX = 500;

/**
 * Takes an entry off the public list and feed at once (信用修复 or another reason the
 * administrator records). The entry stays for the annual report's counts. Audited.
 */
export async function takeDownEntry(
  db: Kysely<DB>,
  type: EntryType,
  id: number,
  reason: string,
  ctx: { actor: PublicityActor; now: Date },
): Promise<void> {
  if (!canAdministerPublicity(ctx.actor)) throw forbidden("只有系统管理员可以撤下公示信息。");
  const text = reason.trim();
  if (text === "") throw validationError({ reason: "请填写撤下原因(如信用修复决定书文号)" });
  if ([...text].length > TAKEDOWN_REASON_MAX) {
    throw validationError({ reason: `撤下原因不能超过${TAKEDOWN_REASON_MAX}个字` });
  }
  await db.transaction().execute(async (trx) => {
    const entry = type === "licence" ? await findLicence(trx, id) : await findPenalty(trx, id);
    if (!entry) throw notFound("公示信息");
    if (entry.takenDownAt) throw conflict("该条公示信息已经撤下。");
    const values = {
      taken_down_at: ctx.now.toISOString(),
      taken_down_reason: text,
      taken_down_by: ctx.actor.id,
      updated_at: ctx.now.toISOString(),
    };
    if (type === "licence") {
      await trx.updateTable("publicity_licences").set(values).where("id", "=", id).execute();
    } else {
      await trx.updateTable("publicity_penalties").set(values).where("id", "=", id).execute();
    }
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "publicity.take_down",
        objectType: type === "licence" ? "publicity_licence" : "publicity_penalty",
        objectId: id,
        detail: `撤下${ENTRY_TYPE_LABELS[type]}公示 ${entry.number}:${text}`,
      },
      ctx.now,
    );
  });
}

// ---- 公示期 settings ----

/**
 * Saves the administrator's 公示期 settings and recomputes the end date of every published entry
 * they govern, in the same transaction, so the public list follows the new rule at once. Audited.
 */
export async function savePeriodSettings(
  db: Kysely<DB>,
  settings: readonly PeriodSetting[],
  ctx: { actor: PublicityActor; now: Date },
): Promise<void> {
  if (!canAdministerPublicity(ctx.actor)) throw forbidden("只有系统管理员可以设置公示期。");
  const errors: Record<string, string> = {};
  for (const s of settings) {
    if (!PERIOD_KINDS.includes(s.kind)) errors[s.kind] = "未知的公示期类别";
    else if (!Number.isInteger(s.months) || s.months < 1 || s.months > MAX_PERIOD_MONTHS) {
      errors[`${s.kind}_months`] = `月数应为1至${MAX_PERIOD_MONTHS}之间的整数`;
    } else if (s.mode === "validity" && s.kind !== "licence") {
      errors[`${s.kind}_mode`] = "只有行政许可可以按许可有效期公示";
    }
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  await db.transaction().execute(async (trx) => {
    const nowIso = ctx.now.toISOString();
    for (const s of settings) {
      await trx.deleteFrom("publicity_periods").where("kind", "=", s.kind).execute();
      await trx
        .insertInto("publicity_periods")
        .values({
          kind: s.kind,
          mode: s.mode,
          months: s.months,
          updated_at: nowIso,
          updated_by: ctx.actor.id,
        })
        .execute();
    }
    const saved = await loadPeriodSettings(trx);
    await recomputeEnds(trx, saved);
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "publicity.set_periods",
        objectType: "publicity_periods",
        detail: settings
          .map((s) => `${s.kind}=${s.mode === "validity" ? "有效期内" : `${s.months}个月`}`)
          .join(";"),
      },
      ctx.now,
    );
  });
}

async function recomputeEnds(trx: Db, saved: readonly PeriodSetting[]): Promise<void> {
  const licence = periodSettingOf("licence", saved);
  const licences = await trx
    .selectFrom("publicity_licences")
    .select(["id", "published_on", "valid_to", "publicity_ends_on"])
    .execute();
  for (const r of licences) {
    const ends = publicityEndsOn(licence, { publishedOn: r.published_on, validTo: r.valid_to });
    if (ends !== r.publicity_ends_on) {
      await trx
        .updateTable("publicity_licences")
        .set({ publicity_ends_on: ends })
        .where("id", "=", r.id)
        .execute();
    }
  }
  const penalties = await trx
    .selectFrom("publicity_penalties")
    .select(["id", "kind", "minor", "published_on", "publicity_ends_on"])
    .execute();
  for (const r of penalties) {
    const kind: PeriodKind = periodKindOfPenalty(r.kind as "penalty" | "coercion", r.minor === 1);
    const ends = publicityEndsOn(periodSettingOf(kind, saved), {
      publishedOn: r.published_on,
      validTo: null,
    });
    if (ends !== r.publicity_ends_on) {
      await trx
        .updateTable("publicity_penalties")
        .set({ publicity_ends_on: ends })
        .where("id", "=", r.id)
        .execute();
    }
  }
}

// ---- the clear name of a natural person ----

/** The clear names behind the masks, for staff who need them; every view is audited. */
export async function revealNames(
  db: Kysely<DB>,
  type: EntryType,
  id: number,
  ctx: ServiceContext,
): Promise<{ subjectName: string | null; legalRep: string | null }> {
  if (!canImportPublicity(ctx.actor)) throw forbidden();
  const table = type === "licence" ? "publicity_licences" : "publicity_penalties";
  const row = await db
    .selectFrom(table)
    .select(["subject_name_enc", "legal_rep_enc"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("公示信息");
  await recordAudit(
    db,
    ctx.actor,
    {
      action: "publicity.reveal_name",
      objectType: type === "licence" ? "publicity_licence" : "publicity_penalty",
      objectId: id,
      detail: "查看自然人当事人原始姓名",
    },
    ctx.now,
  );
  return {
    subjectName: decryptOptional(ctx.key, row.subject_name_enc),
    legalRep: decryptOptional(ctx.key, row.legal_rep_enc),
  };
}
