import type { Context, Hono } from "hono";
import { requireRole } from "../accounts/middleware";
import { actorOf } from "../accounts/routes";
import type { Api } from "../http/api";
import { fieldErrors } from "../http/api";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { renderBackOffice } from "../ui/render";
import { unitManagerRoles } from "./policy";
import { flattenUnitTree } from "./rules";
import { parseId, unitSchema } from "./schema";
import { addUnit, changeUnit, loadUnitDirectory } from "./service";
import { UnitEditPage, type UnitFormValues, UnitsPage } from "./views";

const notices: Record<string, string> = { created: "单位已新建。", saved: "单位已保存。" };

/** 单位管理 (/admin/units): the unit tree, new units, renames and moves. 系统管理员 only. */
export function orgRoutes(app: Hono<AppEnv>, _api: Api): void {
  app.get("/admin/units", async (c) => {
    requireRole(c, ...unitManagerRoles);
    const tree = await loadUnitDirectory(c.get("deps").db);
    const notice = notices[c.req.query("done") ?? ""];
    return renderBackOffice(c, "单位管理", <UnitsPage tree={tree} notice={notice} />);
  });

  app.post("/admin/units", async (c) => {
    requireRole(c, ...unitManagerRoles);
    const { db, clock } = c.get("deps");
    const body = await c.req.parseBody({ all: true });
    const parsed = unitSchema.safeParse(body);
    const result = parsed.success
      ? await addUnit(db, actorOf(c), parsed.data, clock())
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!result.ok) {
      const tree = await loadUnitDirectory(db);
      const page = <UnitsPage tree={tree} values={formValues(body)} errors={result.errors} />;
      return renderBackOffice(c, "单位管理", page, 400);
    }
    return c.redirect(`/admin/units?done=created#unit-${result.id}`, 303);
  });

  app.get("/admin/units/:id", async (c) => {
    requireRole(c, ...unitManagerRoles);
    const { tree, unit } = await loadUnit(c);
    const values = {
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId === null ? "" : String(unit.parentId),
    };
    return renderBackOffice(
      c,
      "修改单位",
      <UnitEditPage unit={unit} tree={tree} values={values} />,
    );
  });

  app.post("/admin/units/:id", async (c) => {
    requireRole(c, ...unitManagerRoles);
    const { db, clock } = c.get("deps");
    const { tree, unit } = await loadUnit(c);
    const body = await c.req.parseBody({ all: true });
    const parsed = unitSchema.safeParse(body);
    const result = parsed.success
      ? await changeUnit(db, actorOf(c), unit.id, parsed.data, clock())
      : { ok: false as const, errors: fieldErrors(parsed.error) };
    if (!result) throw notFound("单位");
    if (!result.ok) {
      const page = (
        <UnitEditPage unit={unit} tree={tree} values={formValues(body)} errors={result.errors} />
      );
      return renderBackOffice(c, "修改单位", page, 400);
    }
    return c.redirect(`/admin/units?done=saved#unit-${unit.id}`, 303);
  });
}

async function loadUnit(c: Context<AppEnv>) {
  const id = parseId(c.req.param("id"));
  const tree = await loadUnitDirectory(c.get("deps").db);
  const unit = flattenUnitTree(tree).find((e) => e.unit.id === id)?.unit;
  if (!unit) throw notFound("单位");
  return { tree, unit };
}

function formValues(body: Record<string, unknown>): UnitFormValues {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return { name: text(body.name), kind: text(body.kind), parentId: text(body.parentId) };
}
