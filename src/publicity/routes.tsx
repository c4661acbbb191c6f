// 双公示 routes: public pages and feeds under /services/publicity, the JSON API under
// /api/v1/publicity (public reads, token writes) and the back office /admin/publicity.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { requireRole } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import { todayInShanghai } from "../calendar/rules";
import { type AtomEntry, renderAtom } from "../disclosure/atom";
import { publicOrigin } from "../disclosure/urls";
import type { Api } from "../http/api";
import { AppError, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { personalDataKey } from "../platform/crypto";
import { fileResponse } from "../platform/files/serve";
import { renderBackOffice, renderPortal } from "../ui/render";
import { ADMIN_PATH, AdminEntryPage, PeriodsPage, PublicityAdminPage } from "./admin-views";
import { publicityAdminRoles, publicityManagerRoles } from "./policy";
import {
  type CatalogName,
  LicenceEntryPage,
  LicenceListPage,
  PenaltyEntryPage,
  PenaltyListPage,
  PublicityHomePage,
} from "./public-views";
import { type EntryType, PENALTY_KIND_LABELS, PERIOD_KINDS, periodSettingOf } from "./rules";
import {
  importResultSchema,
  keyParams,
  licenceBatchSchema,
  licenceBodySchema,
  parsePeriodForm,
  penaltyBatchSchema,
  penaltyBodySchema,
  publicFilterSchema,
} from "./schema";
import {
  type ImportOutcome,
  importLicences,
  importPenalties,
  type PublicityActor,
  revealNames,
  savePeriodSettings,
  takeDownEntry,
} from "./service";
import {
  findLicence,
  findPenalty,
  findPublicLicence,
  findPublicPenalty,
  type LicenceEntry,
  latestPublicLicences,
  latestPublicPenalties,
  listAllLicences,
  listAllPenalties,
  listPublicLicences,
  listPublicPenalties,
  loadPeriodSettings,
  type PenaltyEntry,
  publicityCatalogItems,
  publicYears,
} from "./store";
import {
  LICENCES_PATH,
  licenceFeedPath,
  licencePath,
  PENALTIES_PATH,
  PUBLICITY_PATH,
  penaltyFeedPath,
  penaltyPath,
} from "./urls";
import { readPublicityWorkbook, writeTemplate } from "./xlsx";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ATOM_TYPE = "application/atom+xml; charset=utf-8";
const FEED_SIZE = 50;

function today(c: Context<AppEnv>) {
  return todayInShanghai(c.get("deps").clock());
}

function publicityActor(c: Context<AppEnv>, roles: PublicityActor["roles"]): PublicityActor {
  return { ...actorOf(c), roles };
}

function serviceContext(c: Context<AppEnv>, roles: PublicityActor["roles"]) {
  const { config, clock } = c.get("deps");
  return { actor: publicityActor(c, roles), key: personalDataKey(config.secret), now: clock() };
}

async function catalogNames(c: Context<AppEnv>, type: EntryType): Promise<CatalogName[]> {
  return (await publicityCatalogItems(c.get("deps").db, type)).map((i) => ({
    id: i.id,
    code: i.code,
    item: i.item,
  }));
}

async function catalogItemName(c: Context<AppEnv>, id: number): Promise<string> {
  const row = await c
    .get("deps")
    .db.selectFrom("catalog_items")
    .select(["code", "item"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? row.item : "";
}

function idOf(c: Context<AppEnv>): number {
  const id = Number(c.req.param("id"));
  if (!Number.isSafeInteger(id) || id < 1) throw notFound("公示信息");
  return id;
}

// ---- JSON shapes of the public API: only published fields ----

function licenceJson(origin: string, e: LicenceEntry) {
  return {
    id: e.id,
    licenceNo: e.number,
    subjectName: e.subjectName,
    creditCode: e.creditCode,
    legalRep: e.legalRep,
    content: e.content,
    decidedOn: e.decidedOn,
    validFrom: e.validFrom,
    validTo: e.validTo,
    authority: e.authority,
    catalogItemId: e.catalogItemId,
    publishedOn: e.publishedOn,
    publicityEndsOn: e.publicityEndsOn,
    url: `${origin}${licencePath(e.id)}`,
  };
}

function penaltyJson(origin: string, e: PenaltyEntry) {
  return {
    id: e.id,
    decisionNo: e.number,
    kind: e.kind,
    kindLabel: PENALTY_KIND_LABELS[e.kind],
    subjectName: e.subjectName,
    creditCode: e.creditCode,
    legalRep: e.legalRep,
    facts: e.facts,
    basis: e.basis,
    content: e.content,
    decidedOn: e.decidedOn,
    authority: e.authority,
    catalogItemId: e.catalogItemId,
    publishedOn: e.publishedOn,
    publicityEndsOn: e.publicityEndsOn,
    url: `${origin}${penaltyPath(e.id)}`,
  };
}

const nullableText = z.string().nullable();
const listMeta = { total: z.number(), page: z.number(), pageCount: z.number() };
const publicLicenceSchema = z.object({
  id: z.number(),
  licenceNo: z.string(),
  subjectName: z.string(),
  creditCode: nullableText,
  legalRep: nullableText,
  content: z.string(),
  decidedOn: z.string(),
  validFrom: nullableText,
  validTo: nullableText,
  authority: z.string(),
  catalogItemId: z.number(),
  publishedOn: nullableText,
  publicityEndsOn: nullableText,
  url: z.string(),
});
const publicPenaltySchema = z.object({
  id: z.number(),
  decisionNo: z.string(),
  kind: z.enum(["penalty", "coercion"]),
  kindLabel: z.string(),
  subjectName: z.string(),
  creditCode: nullableText,
  legalRep: nullableText,
  facts: z.string(),
  basis: z.string(),
  content: z.string(),
  decidedOn: z.string(),
  authority: z.string(),
  catalogItemId: z.number(),
  publishedOn: nullableText,
  publicityEndsOn: nullableText,
  url: z.string(),
});

/** An import refused: one validation error naming every problem, fields keyed for the client. */
function importError(outcome: Extract<ImportOutcome, { ok: false }>, batch: boolean): AppError {
  const fields: Record<string, string> = {};
  for (const p of outcome.problems) {
    const key = batch ? `entries.${p.index}.${p.field}` : p.field;
    fields[key] ??= `${p.label}${p.message}`;
  }
  const shown = outcome.messages.slice(0, 20).join(";");
  const more = outcome.messages.length > 20 ? `(另有${outcome.messages.length - 20}处)` : "";
  return new AppError("validation", `未导入任何条目:${shown}${more}`, fields);
}

function importJson(outcome: Extract<ImportOutcome, { ok: true }>) {
  return { counts: outcome.counts, entries: outcome.actions };
}

export function publicityRoutes(app: Hono<AppEnv>, api: Api): void {
  // ---- public pages ----
  app.get(PUBLICITY_PATH, async (c) => {
    const db = c.get("deps").db;
    const day = today(c);
    const licences = await listPublicLicences(db, day, {}, 1, 10);
    const penalties = await listPublicPenalties(db, day, {}, 1, 10);
    return renderPortal(
      c,
      "双公示",
      <PublicityHomePage licences={licences} penalties={penalties} />,
    );
  });

  app.get(LICENCES_PATH, async (c) => {
    const db = c.get("deps").db;
    const { page, kind: _kind, ...filter } = publicFilterSchema.parse(c.req.query());
    const day = today(c);
    const result = await listPublicLicences(db, day, filter, page);
    const years = await publicYears(db, day, "licence");
    const view = (
      <LicenceListPage
        filter={filter}
        page={result}
        years={years}
        catalog={await catalogNames(c, "licence")}
      />
    );
    return renderPortal(c, "行政许可公示", view);
  });

  app.get(PENALTIES_PATH, async (c) => {
    const db = c.get("deps").db;
    const { page, ...filter } = publicFilterSchema.parse(c.req.query());
    const day = today(c);
    const result = await listPublicPenalties(db, day, filter, page);
    const years = await publicYears(db, day, "penalty");
    const view = (
      <PenaltyListPage
        filter={filter}
        page={result}
        years={years}
        catalog={await catalogNames(c, "penalty")}
      />
    );
    return renderPortal(c, "行政处罚公示", view);
  });

  app.get(licenceFeedPath, (c) => sendFeed(c, "licence"));
  app.get(penaltyFeedPath, (c) => sendFeed(c, "penalty"));

  app.get(`${LICENCES_PATH}/:id{[0-9]+}`, async (c) => {
    const entry = await findPublicLicence(c.get("deps").db, today(c), idOf(c));
    if (!entry) throw notFound("公示信息");
    const page = (
      <LicenceEntryPage entry={entry} catalogItem={await catalogItemName(c, entry.catalogItemId)} />
    );
    return renderPortal(c, `行政许可公示:${entry.subjectName}`, page);
  });

  app.get(`${PENALTIES_PATH}/:id{[0-9]+}`, async (c) => {
    const entry = await findPublicPenalty(c.get("deps").db, today(c), idOf(c));
    if (!entry) throw notFound("公示信息");
    const page = (
      <PenaltyEntryPage entry={entry} catalogItem={await catalogItemName(c, entry.catalogItemId)} />
    );
    return renderPortal(c, `${PENALTY_KIND_LABELS[entry.kind]}公示:${entry.subjectName}`, page);
  });

  // ---- public read API ----
  api.route(
    {
      method: "get",
      path: "/api/v1/publicity/licences",
      summary: "正在公示的行政许可(双公示)",
      tag: "publicity",
      auth: "public",
      query: publicFilterSchema,
      response: z.object({ ...listMeta, entries: z.array(publicLicenceSchema) }),
    },
    async (c, { query }) => {
      const { page, kind: _kind, ...filter } = query;
      const result = await listPublicLicences(c.get("deps").db, today(c), filter, page);
      const origin = publicOrigin(c);
      return c.json({
        total: result.total,
        page: result.page,
        pageCount: result.pageCount,
        entries: result.entries.map((e) => licenceJson(origin, e)),
      });
    },
  );

  api.route(
    {
      method: "get",
      path: "/api/v1/publicity/penalties",
      summary: "正在公示的行政处罚和行政强制(双公示)",
      tag: "publicity",
      auth: "public",
      query: publicFilterSchema,
      response: z.object({ ...listMeta, entries: z.array(publicPenaltySchema) }),
    },
    async (c, { query }) => {
      const { page, ...filter } = query;
      const result = await listPublicPenalties(c.get("deps").db, today(c), filter, page);
      const origin = publicOrigin(c);
      return c.json({
        total: result.total,
        page: result.page,
        pageCount: result.pageCount,
        entries: result.entries.map((e) => penaltyJson(origin, e)),
      });
    },
  );

  // ---- token write API: idempotent upserts ----
  api.route(
    {
      method: "post",
      path: "/api/v1/publicity/licences/batch",
      summary: "批量导入行政许可公示(全部成功或全部不导入)",
      tag: "publicity",
      auth: "token",
      body: licenceBatchSchema,
      response: importResultSchema,
    },
    async (c, { body }) => {
      const user = requireRole(c, ...publicityManagerRoles);
      const items = body.entries.map((raw, i) => ({ where: `第${i + 1}条`, raw }));
      const outcome = await importLicences(c.get("deps").db, items, serviceContext(c, user.roles), {
        source: "api",
      });
      if (!outcome.ok) throw importError(outcome, true);
      return c.json(importJson(outcome));
    },
  );

  api.route(
    {
      method: "post",
      path: "/api/v1/publicity/penalties/batch",
      summary: "批量导入行政处罚公示(全部成功或全部不导入)",
      tag: "publicity",
      auth: "token",
      body: penaltyBatchSchema,
      response: importResultSchema,
    },
    async (c, { body }) => {
      const user = requireRole(c, ...publicityManagerRoles);
      const items = body.entries.map((e, i) => ({ where: `第${i + 1}条`, raw: penaltyRaw(e) }));
      const outcome = await importPenalties(
        c.get("deps").db,
        items,
        serviceContext(c, user.roles),
        {
          source: "api",
        },
      );
      if (!outcome.ok) throw importError(outcome, true);
      return c.json(importJson(outcome));
    },
  );

  api.route(
    {
      method: "put",
      path: "/api/v1/publicity/licences/:licenceNo",
      summary: "导入或更新一条行政许可公示(按许可证编号,幂等)",
      tag: "publicity",
      auth: "token",
      params: keyParams("licenceNo"),
      body: licenceBodySchema,
      response: importResultSchema,
    },
    async (c, { params, body }) => {
      const user = requireRole(c, ...publicityManagerRoles);
      const raw = { ...body, licenceNo: String(params.licenceNo) };
      const outcome = await importLicences(
        c.get("deps").db,
        [{ where: "", raw }],
        serviceContext(c, user.roles),
        {
          source: "api",
        },
      );
      if (!outcome.ok) throw importError(outcome, false);
      return c.json(importJson(outcome));
    },
  );

  api.route(
    {
      method: "put",
      path: "/api/v1/publicity/penalties/:decisionNo",
      summary: "导入或更新一条行政处罚公示(按决定书文号,幂等)",
      tag: "publicity",
      auth: "token",
      params: keyParams("decisionNo"),
      body: penaltyBodySchema,
      response: importResultSchema,
    },
    async (c, { params, body }) => {
      const user = requireRole(c, ...publicityManagerRoles);
      const raw = { ...penaltyRaw(body), decisionNo: String(params.decisionNo) };
      const outcome = await importPenalties(
        c.get("deps").db,
        [{ where: "", raw }],
        serviceContext(c, user.roles),
        {
          source: "api",
        },
      );
      if (!outcome.ok) throw importError(outcome, false);
      return c.json(importJson(outcome));
    },
  );

  // ---- back office ----
  app.get(ADMIN_PATH, async (c) => {
    requireRole(c, ...publicityManagerRoles);
    const q = c.req.query();
    const flash = q.done === "taken-down" ? "已撤下。" : undefined;
    return renderAdmin(c, { flash });
  });

  app.get(`${ADMIN_PATH}/template/:file`, async (c) => {
    requireRole(c, ...publicityManagerRoles);
    const file = c.req.param("file");
    const type: EntryType | null =
      file === "licences.xlsx" ? "licence" : file === "penalties.xlsx" ? "penalty" : null;
    if (!type) throw notFound("模板");
    return fileResponse({
      bytes: await writeTemplate(type),
      mediaType: XLSX_TYPE,
      fileName: type === "licence" ? "行政许可公示模板.xlsx" : "行政处罚公示模板.xlsx",
      cache: "private",
    });
  });

  app.post(`${ADMIN_PATH}/import`, async (c) => {
    const user = requireRole(c, ...publicityManagerRoles);
    const body = await c.req.parseBody();
    const type: EntryType = body.type === "penalty" ? "penalty" : "licence";
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) {
      return renderAdmin(
        c,
        { report: { type, fileName: "", errors: ["请选择要导入的 XLSX 文件。"] } },
        400,
      );
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const ctx = serviceContext(c, user.roles);
    const options = { source: "xlsx", fileName: file.name };
    const db = c.get("deps").db;
    let outcome: ImportOutcome;
    if (type === "licence") {
      const read = await readPublicityWorkbook("licence", file.name, bytes);
      if (!read.ok)
        return renderAdmin(c, { report: { type, fileName: file.name, errors: read.errors } }, 400);
      outcome = await importLicences(db, read.items, ctx, options);
    } else {
      const read = await readPublicityWorkbook("penalty", file.name, bytes);
      if (!read.ok)
        return renderAdmin(c, { report: { type, fileName: file.name, errors: read.errors } }, 400);
      outcome = await importPenalties(db, read.items, ctx, options);
    }
    if (!outcome.ok) {
      return renderAdmin(
        c,
        { report: { type, fileName: file.name, errors: outcome.messages } },
        400,
      );
    }
    return renderAdmin(c, { report: { type, fileName: file.name, counts: outcome.counts } });
  });

  app.get(`${ADMIN_PATH}/periods`, async (c) => {
    requireRole(c, ...publicityAdminRoles);
    const flash = c.req.query("saved")
      ? "已保存公示期设置,已公示条目的截止日期已重新计算。"
      : undefined;
    return renderPeriods(c, {}, flash);
  });

  app.post(`${ADMIN_PATH}/periods`, async (c) => {
    const user = requireRole(c, ...publicityAdminRoles);
    const { db, clock } = c.get("deps");
    const settings = parsePeriodForm(await c.req.parseBody());
    try {
      await savePeriodSettings(db, settings, {
        actor: publicityActor(c, user.roles),
        now: clock(),
      });
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderPeriods(c, error.fields, undefined, 400);
    }
    return c.redirect(`${ADMIN_PATH}/periods?saved=1`, 303);
  });

  for (const [segment, type] of [
    ["licences", "licence"],
    ["penalties", "penalty"],
  ] as const) {
    const base = `${ADMIN_PATH}/${segment}/:id{[0-9]+}`;
    app.get(base, async (c) => {
      requireRole(c, ...publicityManagerRoles);
      const flash =
        c.req.query("done") === "taken-down" ? "已撤下,公开列表和订阅中已不再显示。" : undefined;
      return renderEntry(c, type, idOf(c), { flash });
    });

    app.post(`${base}/reveal`, async (c) => {
      const user = requireRole(c, ...publicityManagerRoles);
      const id = idOf(c);
      const revealed = await revealNames(c.get("deps").db, type, id, serviceContext(c, user.roles));
      return renderEntry(c, type, id, { revealed });
    });

    app.post(`${base}/take-down`, async (c) => {
      const user = requireRole(c, ...publicityAdminRoles);
      const { db, clock } = c.get("deps");
      const id = idOf(c);
      const body = await c.req.parseBody();
      const reason = typeof body.reason === "string" ? body.reason : "";
      try {
        await takeDownEntry(db, type, id, reason, {
          actor: publicityActor(c, user.roles),
          now: clock(),
        });
      } catch (error) {
        if (!(error instanceof AppError) || !error.fields) throw error;
        return renderEntry(c, type, id, { errors: error.fields, reason }, 400);
      }
      return c.redirect(`${ADMIN_PATH}/${segment}/${id}?done=taken-down`, 303);
    });
  }
}

function penaltyRaw(body: z.output<typeof penaltyBodySchema> & { decisionNo?: string }) {
  const { minor, ...rest } = body;
  return { ...rest, minor: minor === undefined ? undefined : minor ? "是" : "否" };
}

async function sendFeed(c: Context<AppEnv>, type: EntryType): Promise<Response> {
  const { db, clock } = c.get("deps");
  const site = c.get("site");
  const origin = publicOrigin(c);
  const host = new URL(origin).hostname.toLowerCase();
  const day = today(c);
  const entries: AtomEntry[] =
    type === "licence"
      ? (await latestPublicLicences(db, day, FEED_SIZE)).map((e) => ({
          id: `tag:${host},${e.publishedOn}:publicity/licence/${e.id}`,
          title: `行政许可:${e.subjectName}(${e.number})`,
          updated: e.updatedAt,
          published: e.publishedAt,
          link: `${origin}${licencePath(e.id)}`,
          summary: `${e.content};决定日期 ${e.decidedOn};许可机关 ${e.authority}`,
          author: e.authority,
          category: { term: "licence", label: "行政许可" },
        }))
      : (await latestPublicPenalties(db, day, FEED_SIZE)).map((e) => ({
          id: `tag:${host},${e.publishedOn}:publicity/penalty/${e.id}`,
          title: `${PENALTY_KIND_LABELS[e.kind]}:${e.subjectName}(${e.number})`,
          updated: e.updatedAt,
          published: e.publishedAt,
          link: `${origin}${penaltyPath(e.id)}`,
          summary: `${e.content};决定日期 ${e.decidedOn};处罚机关 ${e.authority}`,
          author: e.authority,
          category: { term: e.kind, label: PENALTY_KIND_LABELS[e.kind] },
        }));
  const label = type === "licence" ? "行政许可公示" : "行政处罚公示";
  const xml = renderAtom({
    self: `${origin}${type === "licence" ? licenceFeedPath : penaltyFeedPath}`,
    alternate: `${origin}${type === "licence" ? LICENCES_PATH : PENALTIES_PATH}`,
    title: `${site.siteName}:${label}`,
    subtitle: `${site.hostOrganisation}双公示:${label}`,
    author: site.hostOrganisation,
    emptyUpdated: clock().toISOString(),
    entries,
  });
  return c.body(xml, 200, { "Content-Type": ATOM_TYPE, "Cache-Control": "no-cache" });
}

async function renderAdmin(
  c: Context<AppEnv>,
  extra: { report?: Parameters<typeof PublicityAdminPage>[0]["report"]; flash?: string },
  status = 200,
) {
  const user = requireRole(c, ...publicityManagerRoles);
  const db = c.get("deps").db;
  // Bounded: a LIKE pattern over 50 KB is an SQLite error, and no name or number is that long.
  const q = c.req.query("q")?.trim().slice(0, 100) || undefined;
  const page = (
    <PublicityAdminPage
      today={today(c)}
      licences={await listAllLicences(db, q, 1)}
      penalties={await listAllPenalties(db, q, 1)}
      report={extra.report}
      flash={extra.flash}
      canAdminister={user.roles.some((r) => publicityAdminRoles.includes(r))}
      q={q}
    />
  );
  return renderBackOffice(c, "双公示", page, status);
}

async function renderEntry(
  c: Context<AppEnv>,
  type: EntryType,
  id: number,
  extra: {
    flash?: string;
    errors?: Record<string, string>;
    reason?: string;
    revealed?: { subjectName: string | null; legalRep: string | null };
  },
  status = 200,
) {
  const user = requireRole(c, ...publicityManagerRoles);
  const db = c.get("deps").db;
  const entry = type === "licence" ? await findLicence(db, id) : await findPenalty(db, id);
  if (!entry) throw notFound("公示信息");
  const page = (
    <AdminEntryPage
      entry={entry}
      today={today(c)}
      catalogItem={await catalogItemName(c, entry.catalogItemId)}
      canAdminister={user.roles.some((r) => publicityAdminRoles.includes(r))}
      revealed={extra.revealed}
      errors={extra.errors ?? {}}
      reason={extra.reason ?? ""}
      flash={extra.flash}
    />
  );
  return renderBackOffice(c, `公示 ${entry.number}`, page, status);
}

async function renderPeriods(
  c: Context<AppEnv>,
  errors: Record<string, string>,
  flash?: string,
  status = 200,
) {
  const saved = await loadPeriodSettings(c.get("deps").db);
  const settings = PERIOD_KINDS.map((k) => periodSettingOf(k, saved));
  return renderBackOffice(
    c,
    "公示期设置",
    <PeriodsPage settings={settings} errors={errors} flash={flash} />,
    status,
  );
}
