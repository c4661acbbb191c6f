import type { Context, Hono } from "hono";
import { requireRole } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import { todayInShanghai } from "../calendar/rules";
import type { Api } from "../http/api";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { listUnits } from "../org/store";
import { renderBackOffice } from "../ui/render";
import { CatalogAdminPage, ImportPreviewPage, ImportRefusedPage } from "./admin-views";
import { CatalogEditPage, CatalogVersionPage } from "./edit-views";
import { catalogManagerRoles } from "./policy";
import { publicCatalogRoutes } from "./public-routes";
import {
  blankFormValues,
  type CatalogFormValues,
  formInputOf,
  formValuesOf,
  importPayloadSchema,
  parseCatalogForm,
  parseId,
} from "./schema";
import { applyCatalogImport, exportCatalog, readCatalogUpload, saveItemFromForm } from "./service";
import {
  findCatalogItem,
  findCatalogItemVersion,
  listCatalogItems,
  listCatalogItemVersions,
  type StoredCatalogItem,
  setCatalogItemActive,
} from "./store";

const TITLE = "标准目录";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const notices: Record<string, string> = {
  created: "事项已新增。",
  saved: "事项已保存,生成了新版本。",
  unchanged: "内容没有变化,未生成新版本。",
  activated: "事项已启用。",
  deactivated: "事项已停用。",
};

const saveErrors = {
  stale: { version: "该事项刚被他人修改,请刷新页面后重新修改。" },
  unit_not_found: { responsibleUnitId: "所选单位不存在" },
  code_taken: { item: "编码已被其他事项使用" },
} as const;

/** 标准目录: the public table and item pages, and the back office (系统管理员). */
export function catalogRoutes(app: Hono<AppEnv>, api: Api): void {
  publicCatalogRoutes(app, api);

  app.get("/admin/catalog", async (c) => {
    requireRole(c, ...catalogManagerRoles);
    const items = await listCatalogItems(c.get("deps").db);
    return renderBackOffice(c, TITLE, <CatalogAdminPage items={items} notice={listNotice(c)} />);
  });

  app.get("/admin/catalog/export.xlsx", async (c) => {
    requireRole(c, ...catalogManagerRoles);
    const { db, clock } = c.get("deps");
    const { bytes } = await exportCatalog(db, actorOf(c), clock());
    const name = `标准目录-${todayInShanghai(clock())}.xlsx`;
    return new Response(bytes, {
      headers: {
        "Content-Type": XLSX_TYPE,
        "Content-Disposition": `attachment; filename="catalog.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "private, no-store",
      },
    });
  });

  app.get("/admin/catalog/new", async (c) => {
    requireRole(c, ...catalogManagerRoles);
    return renderEdit(c, null, blankFormValues());
  });

  app.post("/admin/catalog", (c) => saveFromForm(c, null));

  app.get("/admin/catalog/:id{[0-9]+}", async (c) => {
    requireRole(c, ...catalogManagerRoles);
    const item = await loadItem(c);
    const values = formValuesOf(item, item);
    return renderEdit(c, item, values, undefined, notices[c.req.query("done") ?? ""]);
  });

  app.post("/admin/catalog/:id{[0-9]+}", async (c) => {
    requireRole(c, ...catalogManagerRoles);
    return saveFromForm(c, await loadItem(c));
  });

  for (const [action, isActive] of [
    ["activate", true],
    ["deactivate", false],
  ] as const) {
    app.post(`/admin/catalog/:id{[0-9]+}/${action}`, async (c) => {
      requireRole(c, ...catalogManagerRoles);
      const { db, clock } = c.get("deps");
      const item = await loadItem(c);
      await setCatalogItemActive(db, item.id, isActive, actorOf(c), clock());
      return c.redirect(`/admin/catalog/${item.id}?done=${action}d`, 303);
    });
  }

  app.get("/admin/catalog/:id{[0-9]+}/versions/:version{[0-9]+}", async (c) => {
    requireRole(c, ...catalogManagerRoles);
    const item = await loadItem(c);
    const number = parseId(c.req.param("version"));
    const version = number && (await findCatalogItemVersion(c.get("deps").db, item.id, number));
    if (!version) throw notFound("版本");
    const page = <CatalogVersionPage version={version} current={item.version} />;
    return renderBackOffice(c, `${item.item} 第${version.version}版`, page);
  });

  app.post("/admin/catalog/import", async (c) => {
    requireRole(c, ...catalogManagerRoles);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) {
      return refused(c, "", ["请选择要导入的 XLSX 文件。"], []);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reading = await readCatalogUpload(c.get("deps").db, file.name, bytes);
    if (!reading.ok) return refused(c, file.name, reading.errors, reading.warnings);
    const payload = JSON.stringify({ fileName: file.name.slice(0, 200), rows: reading.rows });
    const page = (
      <ImportPreviewPage
        fileName={file.name}
        rows={reading.plan.rows}
        warnings={reading.warnings}
        counts={reading.plan.counts}
        payload={payload}
      />
    );
    return renderBackOffice(c, "导入预览", page);
  });

  app.post("/admin/catalog/import/confirm", async (c) => {
    requireRole(c, ...catalogManagerRoles);
    const { db, clock } = c.get("deps");
    const body = await c.req.parseBody();
    const parsed = importPayloadSchema.safeParse(parseJson(body.payload));
    if (!parsed.success) return refused(c, "", ["预览数据无效或已过期,请重新上传文件。"], []);
    const { fileName, rows } = parsed.data;
    const outcome = await applyCatalogImport(db, actorOf(c), rows, fileName, clock());
    if (!outcome.ok) return refused(c, fileName, outcome.errors, [], 409);
    const { unchanged, updated, added } = outcome.counts;
    return c.redirect(
      `/admin/catalog?done=imported&unchanged=${unchanged}&updated=${updated}&added=${added}`,
      303,
    );
  });
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function listNotice(c: Context<AppEnv>): string | undefined {
  const q = c.req.query();
  if (q.done !== "imported") return undefined;
  const n = (v: string | undefined) => (/^\d{1,6}$/.test(v ?? "") ? v : "0");
  return `导入完成:不变 ${n(q.unchanged)} 个,更新 ${n(q.updated)} 个,新增 ${n(q.added)} 个。`;
}

function refused(
  c: Context<AppEnv>,
  fileName: string,
  errors: string[],
  warnings: string[],
  status = 400,
) {
  const page = (
    <ImportRefusedPage fileName={fileName || "(未选择文件)"} errors={errors} warnings={warnings} />
  );
  return renderBackOffice(c, "导入未完成", page, status);
}

async function loadItem(c: Context<AppEnv>): Promise<StoredCatalogItem> {
  const id = parseId(c.req.param("id"));
  const item = id === null ? undefined : await findCatalogItem(c.get("deps").db, id);
  if (!item) throw notFound("目录事项");
  return item;
}

async function renderEdit(
  c: Context<AppEnv>,
  item: StoredCatalogItem | null,
  values: CatalogFormValues,
  errors?: Record<string, string>,
  notice?: string,
) {
  const { db } = c.get("deps");
  const units = (await listUnits(db)).map((u) => ({ id: u.id, name: u.name }));
  const versions = item ? await listCatalogItemVersions(db, item.id) : [];
  const page = (
    <CatalogEditPage
      item={item}
      values={values}
      errors={errors}
      units={units}
      versions={versions}
      notice={notice}
    />
  );
  return renderBackOffice(c, item ? `编辑事项:${item.item}` : "新增事项", page, errors ? 400 : 200);
}

async function saveFromForm(c: Context<AppEnv>, item: StoredCatalogItem | null) {
  requireRole(c, ...catalogManagerRoles);
  const { db, clock } = c.get("deps");
  const values = formInputOf(await c.req.parseBody());
  const parsed = parseCatalogForm(values);
  if (!parsed.ok) return renderEdit(c, item, values, parsed.errors);
  const result = await saveItemFromForm(db, actorOf(c), item?.id ?? null, parsed.data, clock());
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound("目录事项");
    return renderEdit(c, item, values, { ...saveErrors[result.reason] });
  }
  const done = item === null ? "created" : result.changed ? "saved" : "unchanged";
  return c.redirect(`/admin/catalog/${result.id}?done=${done}`, 303);
}
