// Back office of records (信息发布): the work queues, the 公开时限 supervision page, versions and
// their differences, and attachment downloads; the pages of one record are in
// backoffice-record-routes.tsx. Every route checks the role on the server.
import type { Context, Hono } from "hono";
import { requireRole } from "../accounts/middleware";
import { todayInShanghai } from "../calendar/rules";
import type { Api } from "../http/api";
import type { AppEnv } from "../http/types";
import { fileResponse } from "../platform/files/serve";
import { readStoredFile } from "../platform/files/store";
import { renderBackOffice } from "../ui/render";
import { findRecordAttachment } from "./attachments";
import { duePeriodOf, groupDueByUnit } from "./backoffice-due";
import { listFiltersOf, listRowOf, recordFilterOf, tabOf, tabsFor } from "./backoffice-list";
import { recordDeskRoles, recordDrafterRoles } from "./backoffice-policy";
import {
  catalogItemIdsOf,
  catalogItemNames,
  listCatalogChoiceGroups,
  listUnitChoices,
  userNames,
} from "./backoffice-queries";
import { idParam, recordPageRoutes } from "./backoffice-record-routes";
import {
  calendarFor,
  diffVersions,
  getRecord,
  getRecordVersion,
  listCatalogGaps,
  listDueRecords,
  listRecords,
  listRecordVersions,
} from "./service";
import { DuePage } from "./views/due-page";
import { RecordListPage } from "./views/list-page";
import { VersionsPage } from "./views/versions-page";

/** Installs the records back office (/admin/records…). */
export function recordBackOfficeRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/admin/records", showList);
  app.get("/admin/records/due", showDue);
  recordPageRoutes(app);
  app.get("/admin/records/:id{[0-9]+}/versions", showVersions);

  app.get("/admin/records/:id{[0-9]+}/attachments/:attachmentId{[0-9]+}", async (c) => {
    requireRole(c, ...recordDeskRoles);
    const { db, config } = c.get("deps");
    const attachment = await findRecordAttachment(db, idParam(c), idParam(c, "attachmentId"));
    return fileResponse({
      bytes: await readStoredFile(config.uploadsDir, attachment.storagePath),
      mediaType: attachment.mediaType,
      fileName: attachment.fileName,
      cache: "private",
      sha256: attachment.sha256,
    });
  });
}

async function showList(c: Context<AppEnv>) {
  const user = requireRole(c, ...recordDeskRoles);
  const { db, clock } = c.get("deps");
  const query = c.req.query();
  const tab = tabOf(query.tab, user.roles);
  const filters = listFiltersOf(query);
  const page = /^[1-9]\d{0,4}$/.test(query.page ?? "") ? Number(query.page) : 1;
  const now = clock();
  const { items, total } = await listRecords(db, recordFilterOf(tab, filters, user.id, page), now);
  const itemIds = await catalogItemIdsOf(
    db,
    items.map((r) => r.id),
  );
  const names = await catalogItemNames(db);
  const calendar = await calendarFor(db);
  const today = todayInShanghai(now);
  const rows = items.map((r) => {
    const itemId = itemIds.get(r.id);
    return listRowOf(r, itemId ? (names.get(itemId) ?? "") : "", today, calendar);
  });
  const model = {
    tab,
    tabs: tabsFor(user.roles),
    filters,
    catalogGroups: await listCatalogChoiceGroups(db, filters.catalogItemId ?? null),
    units: await listUnitChoices(db),
    rows,
    total,
    page,
    canCreate: user.roles.some((r) => recordDrafterRoles.includes(r)),
  };
  return renderBackOffice(c, "信息发布", <RecordListPage {...model} />);
}

async function showDue(c: Context<AppEnv>) {
  requireRole(c, ...recordDeskRoles);
  const { db, clock } = c.get("deps");
  const query = c.req.query();
  const now = clock();
  const today = todayInShanghai(now);
  const period = duePeriodOf(query, today);
  const unitId = /^[1-9]\d{0,9}$/.test(query.unit ?? "") ? Number(query.unit) : undefined;
  const units = await listUnitChoices(db);
  let groups: ReturnType<typeof groupDueByUnit> = [];
  if (Object.keys(period.errors).length === 0) {
    const due = await listDueRecords(db, { unitId, today, now });
    const gaps = (await listCatalogGaps(db, { from: period.from, to: period.to, today })).filter(
      (g) => unitId === undefined || g.responsibleUnitId === unitId,
    );
    groups = groupDueByUnit(due, gaps, units);
  }
  const page = <DuePage {...period} today={today} unitId={unitId} units={units} groups={groups} />;
  const status = Object.keys(period.errors).length > 0 ? 400 : 200;
  return renderBackOffice(c, "公开时限", page, status);
}

async function showVersions(c: Context<AppEnv>) {
  const user = requireRole(c, ...recordDeskRoles);
  const { db, clock } = c.get("deps");
  const record = await getRecord(db, idParam(c), clock());
  const versions = await listRecordVersions(db, record.id);
  const numbers = versions.map((v) => v.version);
  const asked = (name: string) => {
    const n = Number(c.req.query(name));
    return numbers.includes(n) ? n : null;
  };
  const to = asked("to") ?? numbers.at(-1) ?? null;
  const from = asked("from") ?? numbers.filter((n) => to !== null && n < to).at(-1) ?? null;
  const changes =
    from !== null && to !== null
      ? diffVersions(
          await getRecordVersion(db, record.id, from),
          await getRecordVersion(db, record.id, to),
        )
      : null;
  const users = await userNames(db, [
    ...versions.map((v) => v.createdBy),
    ...versions.map((v) => v.snapshot.createdBy),
  ]);
  const model = {
    recordId: record.id,
    title: record.title,
    canEdit: record.state === "draft" && user.roles.includes("editor"),
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdByName: v.createdBy === null ? "系统" : (users.get(v.createdBy) ?? ""),
    })),
    from,
    to,
    changes,
    names: {
      units: new Map((await listUnitChoices(db)).map((u) => [u.id, u.label])),
      catalogItems: await catalogItemNames(db),
      users,
    },
  };
  return renderBackOffice(c, `版本对比:${record.title}`, <VersionsPage {...model} />);
}
