// Use cases of the statutory annual report (条例第四十九条、第五十条): compute a year's tables live,
// let the office enter the fee, corrections and narrative (each change audited), and finalise:
// freeze a snapshot and draft the 信息公开年报 record, which then goes through review and sign-off
// like any record.
import type { Kysely } from "kysely";
import { todayInShanghai } from "../../calendar/rules";
import type { DB } from "../../db/schema";
import { conflict, forbidden, notFound, validationError } from "../../http/errors";
import { recordAudit } from "../../platform/audit";
import { loadSiteSettings } from "../../platform/settings";
import { addRecordAttachments } from "../../records/attachments";
import { inRecordTransaction, type RecordActor } from "../../records/changes";
import { bodyTextOf, sanitizeBody } from "../../records/sanitize";
import { createRecord } from "../../records/service";
import { cellCaption } from "./cells";
import { type CellCorrection, type ComputedReport, computeReport } from "./compute";
import { type CellDifference, diffTables } from "./diff";
import { writeAnnualReportDocx } from "./docx";
import { FEE_CELL, isCell, NARRATIVE_KEYS, type NarrativeKey, type ReportTables } from "./format";
import { checkInvariants, type Violation } from "./invariants";
import { draftNarrative, narrativeHtmlOf } from "./narrative";
import { canEditAnnualReport } from "./policy";
import { renderReportBodyHtml } from "./record-body";
import type { CorrectionInput, NarrativeInput } from "./schema";
import {
  type AnnualReportRow,
  correctionsOf,
  type Db,
  editedNarrativeOf,
  ensureReportRow,
  findReportRow,
  loadNormativeDocuments,
  loadPublicityCounts,
  loadYearAppeals,
  loadYearCases,
} from "./store";

/** The report as frozen on finalising; later edits to cases never change it. */
export interface FrozenReport {
  year: number;
  title: string;
  unitName: string;
  tables: ReportTables;
  narrative: Record<NarrativeKey, string>;
  corrections: CellCorrection[];
  finalisedAt: string;
}

export interface NarrativeSection {
  html: string;
  /** false while the section is still the draft drawn from the figures. */
  edited: boolean;
}

export interface AnnualReportView {
  year: number;
  title: string;
  unitName: string;
  state: "draft" | "finalised";
  feeAmount: string;
  corrections: CellCorrection[];
  live: ComputedReport & {
    violations: Violation[];
    narrative: Record<NarrativeKey, NarrativeSection>;
  };
  frozen: FrozenReport | null;
  /** Cells where a fresh computation now differs from the frozen report. */
  differences: CellDifference[];
  record: { id: number; state: string } | null;
}

interface Ctx {
  actor: RecordActor;
  now: Date;
}

/** “县市场监督管理局2025年政府信息公开工作年度报告” from the site's 主办单位. */
export function reportTitle(unitName: string, year: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告`;
}

/** The tables of a year counted now from the cases, records and 双公示 entries. */
async function computeLive(db: Kysely<DB>, year: number, row: AnnualReportRow | undefined) {
  const facts = {
    year,
    normativeDocuments: await loadNormativeDocuments(db),
    cases: await loadYearCases(db, year),
    appeals: await loadYearAppeals(db, year),
    publicity: await loadPublicityCounts(db, year),
    feeAmount10kYuan: Number(row?.fee_amount_10k_yuan ?? "0"),
  };
  return computeReport(facts, correctionsOf(row));
}

function narrativeOf(
  row: AnnualReportRow | undefined,
  year: number,
  unitName: string,
  tables: ReportTables,
): Record<NarrativeKey, NarrativeSection> {
  const edited = editedNarrativeOf(row);
  const draft = draftNarrative(year, unitName, tables);
  const out = {} as Record<NarrativeKey, NarrativeSection>;
  for (const key of NARRATIVE_KEYS) {
    const html = edited[key];
    out[key] = html
      ? { html, edited: true }
      : { html: sanitizeBody(narrativeHtmlOf(draft[key])), edited: false };
  }
  return out;
}

const frozenOf = (row: AnnualReportRow | undefined): FrozenReport | null =>
  row?.state === "finalised" && row.snapshot ? (JSON.parse(row.snapshot) as FrozenReport) : null;

/** The back-office view of a year's report: live figures, checks, and the frozen copy if any. */
export async function loadAnnualReport(db: Kysely<DB>, year: number): Promise<AnnualReportView> {
  const row = await findReportRow(db, year);
  const unitName = (await loadSiteSettings(db)).hostOrganisation;
  const live = await computeLive(db, year, row);
  const frozen = frozenOf(row);
  const record = row?.record_id
    ? await db
        .selectFrom("records")
        .select(["id", "state"])
        .where("id", "=", row.record_id)
        .executeTakeFirst()
    : undefined;
  return {
    year,
    title: frozen?.title ?? reportTitle(unitName, year),
    unitName,
    state: frozen ? "finalised" : "draft",
    feeAmount: row?.fee_amount_10k_yuan ?? "0",
    corrections: correctionsOf(row),
    live: {
      ...live,
      violations: checkInvariants(live.tables),
      narrative: narrativeOf(row, year, unitName, live.tables),
    },
    frozen,
    differences: frozen ? diffTables(frozen.tables, live.tables) : [],
    record: record ? { id: record.id, state: record.state } : null,
  };
}

/** What the API returns: the frozen tables once finalised, the live ones before. */
export async function annualReportTables(
  db: Kysely<DB>,
  year: number,
): Promise<{ year: number; finalised: boolean; tables: ReportTables }> {
  const row = await findReportRow(db, year);
  const frozen = frozenOf(row);
  if (frozen) return { year, finalised: true, tables: frozen.tables };
  return { year, finalised: false, tables: (await computeLive(db, year, row)).tables };
}

/** A finalised report whose 信息公开年报 record has been published (the portal shows only those). */
export async function loadPublishedReport(db: Db, year: number): Promise<FrozenReport> {
  const row = await findReportRow(db, year);
  const frozen = frozenOf(row);
  if (!frozen || !row?.record_id) throw notFound("年度报告");
  const record = await db
    .selectFrom("records")
    .select("state")
    .where("id", "=", row.record_id)
    .executeTakeFirst();
  if (record?.state !== "published") throw notFound("年度报告");
  return frozen;
}

/** The frozen report of a year for the back office (finalised only). */
export async function loadFrozenReport(db: Db, year: number): Promise<FrozenReport> {
  const frozen = frozenOf(await findReportRow(db, year));
  if (!frozen) throw notFound("已定稿的年度报告");
  return frozen;
}

function requireEditor(actor: RecordActor) {
  if (!canEditAnnualReport(actor)) throw forbidden("只有审核人或签发人可以编制年度报告。");
}

/** Runs a change of a draft report in one transaction with its audit entry. */
async function changeDraft(
  db: Kysely<DB>,
  year: number,
  ctx: Ctx,
  change: (row: AnnualReportRow) => { values: Partial<AnnualReportRow>; detail: string },
): Promise<void> {
  requireEditor(ctx.actor);
  await db.transaction().execute(async (trx) => {
    const row = await ensureReportRow(trx, year, ctx.actor.id, ctx.now);
    if (row.state === "finalised") throw conflict("该年度报告已定稿,不能再修改。");
    const { values, detail } = change(row);
    await trx
      .updateTable("annual_reports")
      .set({ ...values, updated_at: ctx.now.toISOString(), updated_by: ctx.actor.id })
      .where("id", "=", row.id)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      { action: "annual_report.edit", objectType: "annual_report", objectId: year, detail },
      ctx.now,
    );
  });
}

/** 行政事业性收费 of the year (表二 第二十条第(八)项), entered by the office in 万元. */
export function saveFeeAmount(db: Kysely<DB>, year: number, amount: string, ctx: Ctx) {
  const normalised = String(Number(amount));
  return changeDraft(db, year, ctx, (row) => ({
    values: { fee_amount_10k_yuan: normalised },
    detail: `${year}年度报告 行政事业性收费:${row.fee_amount_10k_yuan} → ${normalised}万元`,
  }));
}

/** The office's text of sections 一、五、六, sanitised on the way in. */
export function saveNarrative(db: Kysely<DB>, year: number, input: NarrativeInput, ctx: Ctx) {
  const narrative: Record<string, string> = {};
  for (const key of NARRATIVE_KEYS) {
    const html = sanitizeBody(narrativeHtmlOf(input[key]));
    if (bodyTextOf(html) === "") throw validationError({ [key]: "内容不能为空" });
    narrative[key] = html;
  }
  return changeDraft(db, year, ctx, () => ({
    values: { narrative: JSON.stringify(narrative) },
    detail: `${year}年度报告 修改文字部分(一、五、六)`,
  }));
}

/**
 * Enters (or with a blank value removes) a corrected value over a computed cell, with its
 * reason: shown beside the tables and audited with the cell's name and both values.
 */
export function saveCorrection(db: Kysely<DB>, year: number, input: CorrectionInput, ctx: Ctx) {
  if (!isCell(input.table, input.row, input.column)) {
    throw validationError({ cell: "请选择单元格" });
  }
  const isFee =
    input.table === FEE_CELL.table &&
    input.row === FEE_CELL.row &&
    input.column === FEE_CELL.column;
  if (isFee) throw validationError({ cell: "行政事业性收费请在“收费金额”中填写" });
  const caption = cellCaption(input.table, input.row, input.column);
  return changeDraft(db, year, ctx, (row) => {
    const others = correctionsOf(row).filter(
      (x) => !(x.table === input.table && x.row === input.row && x.column === input.column),
    );
    const corrections =
      input.value === null
        ? others
        : [
            ...others,
            {
              table: input.table,
              row: input.row,
              column: input.column,
              value: input.value,
              reason: input.reason,
              enteredBy: ctx.actor.name,
              enteredAt: ctx.now.toISOString(),
            },
          ];
    return {
      values: { corrections: JSON.stringify(corrections) },
      detail:
        input.value === null
          ? `${year}年度报告 撤销更正:${caption}`
          : `${year}年度报告 更正 ${caption} 为 ${input.value}(理由:${input.reason.slice(0, 100)})`,
    };
  });
}

/** A refusal to finalise, naming every broken cell. */
export function finaliseRefusal(violations: readonly Violation[]) {
  const message = `年度报告数据不符合勾稽关系,不能定稿:${violations
    .slice(0, 5)
    .map((v) => v.message)
    .join(";")}${violations.length > 5 ? ` 等${violations.length}处` : ""}`;
  return validationError({ _: message }, message);
}

/**
 * Finalises a year's report: refuses while an invariant is broken (the message names the cell),
 * freezes the tables and narrative, and drafts the 信息公开年报 record with the report as its body
 * and the DOCX as attachment. The finaliser is the record's drafter, so the review and sign-off
 * (条例第十七条) must be done by others, as for any record.
 */
export async function finaliseReport(
  db: Kysely<DB>,
  year: number,
  ctx: Ctx & { uploadsDir: string },
): Promise<{ recordId: number }> {
  requireEditor(ctx.actor);
  return inRecordTransaction(db, async (trx) => {
    const row = await ensureReportRow(trx, year, ctx.actor.id, ctx.now);
    if (row.state === "finalised") throw conflict("该年度报告已定稿。");
    const unitName = (await loadSiteSettings(trx)).hostOrganisation;
    const live = await computeLive(trx, year, row);
    const violations = checkInvariants(live.tables);
    if (violations.length > 0) throw finaliseRefusal(violations);
    const narrative = narrativeOf(row, year, unitName, live.tables);
    const frozen: FrozenReport = {
      year,
      title: reportTitle(unitName, year),
      unitName,
      tables: live.tables,
      narrative: Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, narrative[k].html])) as Record<
        NarrativeKey,
        string
      >,
      corrections: correctionsOf(row),
      finalisedAt: ctx.now.toISOString(),
    };
    // The finaliser drafts the record on the office's behalf: the drafting right comes from
    // finalising, not from an 信息员 account; review and sign-off stay with other people.
    const drafter: RecordActor = { ...ctx.actor, roles: [...ctx.actor.roles, "editor"] };
    const record = await createRecord(
      trx,
      {
        title: frozen.title,
        formedOn: todayInShanghai(ctx.now),
        topic: "政府信息公开工作年度报告",
        genre: "annualReport",
        openness: "management",
        keywords: "政府信息公开,年度报告",
        summary: `${unitName}${year}年政府信息公开工作年度报告(条例第四十九条、第五十条)。`,
        bodyHtml: await renderReportBodyHtml(frozen),
      },
      drafter,
      ctx.now,
    );
    const docx = await writeAnnualReportDocx(frozen);
    await addRecordAttachments(trx, record.id, [{ name: `${frozen.title}.docx`, bytes: docx }], {
      actor: drafter,
      now: ctx.now,
      uploadsDir: ctx.uploadsDir,
    });
    await trx
      .updateTable("annual_reports")
      .set({
        state: "finalised",
        snapshot: JSON.stringify(frozen),
        finalised_at: ctx.now.toISOString(),
        finalised_by: ctx.actor.id,
        record_id: record.id,
        updated_at: ctx.now.toISOString(),
        updated_by: ctx.actor.id,
      })
      .where("id", "=", row.id)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "annual_report.finalise",
        objectType: "annual_report",
        objectId: year,
        detail: `${year}年度报告定稿,生成信息公开年报草稿(信息 ${record.id})`,
      },
      ctx.now,
    );
    return { recordId: record.id };
  });
}
