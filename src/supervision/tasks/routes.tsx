// /admin/supervision/tasks (督办) and /admin/supervision/trainings (业务培训).
import type { Context, Hono } from "hono";
import { requireRole } from "../../accounts/middleware";
import type { CurrentUser } from "../../accounts/store";
import { todayInShanghai } from "../../calendar/rules";
import { fieldErrors } from "../../http/api";
import { AppError, badRequest, forbidden, notFound } from "../../http/errors";
import type { AppEnv } from "../../http/types";
import { fileResponse } from "../../platform/files/serve";
import { readStoredFile, type Upload } from "../../platform/files/store";
import { renderBackOffice } from "../../ui/render";
import { rootUnitIdOf, unitChoices } from "../dashboard/service";
import { canManageTasks, canReportOn, scopeOf, supervisionRoles } from "../policy";
import { reportSchema, taskSchema, trainingSchema } from "./schema";
import {
  type Actor,
  createTask,
  findReportFile,
  listTasks,
  listTrainings,
  recordTraining,
  reportProgress,
  resolveAttendees,
} from "./service";
import {
  TASKS_PATH,
  TaskPage,
  TasksPage,
  TRAININGS_PATH,
  TrainingPage,
  TrainingsPage,
} from "./views";

const actorOf = (c: Context<AppEnv>, user: CurrentUser): Actor => ({
  id: user.id,
  name: user.username,
  ip: c.get("clientIp"),
  roles: user.roles,
  unitId: user.unitId,
});

function yearOf(c: Context<AppEnv>): number {
  const asked = c.req.query("year");
  if (!asked) return Number(todayInShanghai(c.get("deps").clock()).slice(0, 4));
  if (!/^(19|20|21)\d{2}$/.test(asked)) throw badRequest("年度应为四位数字的年份。");
  return Number(asked);
}

/** Form fields as strings, repeated ones as arrays (checkbox groups). */
async function formOf(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {};
  const files: Upload[] = [];
  for (const [k, v] of Object.entries(body)) {
    const list = Array.isArray(v) ? v : [v];
    const texts = list.filter((x): x is string => typeof x === "string");
    for (const f of list) {
      if (f instanceof File && f.size > 0)
        files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    }
    if (texts.length) values[k] = k === "unitIds" || k === "userIds" ? texts : texts[0]!;
  }
  return { values, files };
}

const idOf = (c: Context<AppEnv>, name = "id") => {
  const id = Number(c.req.param(name));
  if (!Number.isSafeInteger(id) || id < 1) throw notFound();
  return id;
};

export function taskRoutes(app: Hono<AppEnv>): void {
  const renderTasks = async (
    c: Context<AppEnv>,
    user: CurrentUser,
    year: number,
    values: Record<string, string | string[]> = {},
    errors: Record<string, string> = {},
    status = 200,
  ) => {
    const { db, clock } = c.get("deps");
    const root = await rootUnitIdOf(db);
    const scope = scopeOf(user, root);
    if (!scope) throw forbidden();
    const tasks = await listTasks(db, {
      year,
      now: clock(),
      unitId: scope.kind === "unit" ? scope.unitId : undefined,
    });
    return renderBackOffice(
      c,
      `${year}年督办任务`,
      <TasksPage
        year={year}
        tasks={tasks.filter((t) => scope.kind === "all" || t.assignments.length > 0)}
        canManage={canManageTasks(user, root)}
        units={await unitChoices(db)}
        values={values}
        errors={errors}
        flash={c.req.query("saved") ? "已布置督办任务。" : undefined}
      />,
      status,
    );
  };

  app.get(TASKS_PATH, async (c) => renderTasks(c, requireRole(c, ...supervisionRoles), yearOf(c)));

  app.post(TASKS_PATH, async (c) => {
    const user = requireRole(c, "reviewer", "approver");
    const { db, clock } = c.get("deps");
    const { values } = await formOf(c);
    const year = Number(todayInShanghai(clock()).slice(0, 4));
    const parsed = taskSchema.safeParse({ ...values, unitIds: [values.unitIds ?? []].flat() });
    if (!parsed.success) return renderTasks(c, user, year, values, fieldErrors(parsed.error), 400);
    try {
      await createTask(db, parsed.data, {
        actor: actorOf(c, user),
        rootUnitId: await rootUnitIdOf(db),
        now: clock(),
      });
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderTasks(c, user, year, values, error.fields, 400);
    }
    return c.redirect(`${TASKS_PATH}?year=${parsed.data.dueOn.slice(0, 4)}&saved=1`, 303);
  });

  const renderTask = async (
    c: Context<AppEnv>,
    user: CurrentUser,
    taskId: number,
    errors: Record<string, string> = {},
    errorAssignment?: number,
    status = 200,
  ) => {
    const { db, clock } = c.get("deps");
    const root = await rootUnitIdOf(db);
    const scope = scopeOf(user, root);
    if (!scope) throw forbidden();
    const [task] = await listTasks(db, {
      taskId,
      now: clock(),
      unitId: scope.kind === "unit" ? scope.unitId : undefined,
    });
    if (!task || task.assignments.length === 0) throw notFound("督办任务");
    return renderBackOffice(
      c,
      task.title,
      <TaskPage
        task={task}
        today={todayInShanghai(clock())}
        canReport={(a) => canReportOn(user, a.unitId, root)}
        errors={errors}
        errorAssignment={errorAssignment}
        flash={c.req.query("saved") ? "已报告进展。" : undefined}
      />,
      status,
    );
  };

  app.get(`${TASKS_PATH}/:id{[0-9]+}`, async (c) =>
    renderTask(c, requireRole(c, ...supervisionRoles), idOf(c)),
  );

  app.post(`${TASKS_PATH}/assignments/:id{[0-9]+}/reports`, async (c) => {
    const user = requireRole(c, "editor", "reviewer", "approver");
    const { db, clock, config } = c.get("deps");
    const assignmentId = idOf(c);
    const assignment = await db
      .selectFrom("supervision_assignments")
      .select(["task_id"])
      .where("id", "=", assignmentId)
      .executeTakeFirst();
    if (!assignment) throw notFound("督办任务");
    const { values, files } = await formOf(c);
    const parsed = reportSchema.safeParse(values);
    if (!parsed.success) {
      return renderTask(c, user, assignment.task_id, fieldErrors(parsed.error), assignmentId, 400);
    }
    try {
      await reportProgress(db, assignmentId, parsed.data, files, {
        actor: actorOf(c, user),
        rootUnitId: await rootUnitIdOf(db),
        now: clock(),
        uploadsDir: config.uploadsDir,
      });
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderTask(c, user, assignment.task_id, error.fields, assignmentId, 400);
    }
    return c.redirect(`${TASKS_PATH}/${assignment.task_id}?saved=1`, 303);
  });

  app.get(`${TASKS_PATH}/files/:id{[0-9]+}`, async (c) => {
    const user = requireRole(c, ...supervisionRoles);
    const { db, config } = c.get("deps");
    const file = await findReportFile(db, idOf(c));
    if (!file) throw notFound("附件");
    const scope = scopeOf(user, await rootUnitIdOf(db));
    if (!scope || (scope.kind === "unit" && scope.unitId !== file.unit_id)) throw forbidden();
    return fileResponse({
      bytes: await readStoredFile(config.uploadsDir, file.storage_path),
      mediaType: file.media_type,
      fileName: file.file_name,
      cache: "private",
      sha256: file.sha256,
    });
  });

  const renderTrainings = async (
    c: Context<AppEnv>,
    user: CurrentUser,
    year: number,
    values: Record<string, string | string[]> = {},
    errors: Record<string, string> = {},
    status = 200,
  ) => {
    const { db } = c.get("deps");
    const root = await rootUnitIdOf(db);
    if (!scopeOf(user, root)) throw forbidden();
    const canManage = canManageTasks(user, root);
    const users = canManage
      ? (
          await db
            .selectFrom("users")
            .innerJoin("units", "units.id", "users.unit_id")
            .select(["users.id", "users.display_name", "units.name"])
            .where("users.is_active", "=", 1)
            .orderBy("units.sort_order")
            .orderBy("users.id")
            .execute()
        ).map((u) => ({ id: u.id, label: `${u.name} ${u.display_name}` }))
      : [];
    return renderBackOffice(
      c,
      `${year}年业务培训`,
      <TrainingsPage
        year={year}
        trainings={await listTrainings(db, { year })}
        canManage={canManage}
        users={users}
        values={values}
        errors={errors}
        flash={c.req.query("saved") ? "已登记培训。" : undefined}
      />,
      status,
    );
  };

  app.get(TRAININGS_PATH, async (c) =>
    renderTrainings(c, requireRole(c, ...supervisionRoles), yearOf(c)),
  );

  app.post(TRAININGS_PATH, async (c) => {
    const user = requireRole(c, "reviewer", "approver");
    const { db, clock } = c.get("deps");
    const { values } = await formOf(c);
    const year = Number(todayInShanghai(clock()).slice(0, 4));
    const parsed = trainingSchema.safeParse({ ...values, userIds: [values.userIds ?? []].flat() });
    if (!parsed.success)
      return renderTrainings(c, user, year, values, fieldErrors(parsed.error), 400);
    try {
      const attendees = await resolveAttendees(db, parsed.data);
      await recordTraining(db, parsed.data, attendees, {
        actor: actorOf(c, user),
        rootUnitId: await rootUnitIdOf(db),
        now: clock(),
      });
    } catch (error) {
      if (!(error instanceof AppError) || !error.fields) throw error;
      return renderTrainings(c, user, year, values, error.fields, 400);
    }
    return c.redirect(`${TRAININGS_PATH}?year=${parsed.data.heldOn.slice(0, 4)}&saved=1`, 303);
  });

  app.get(`${TRAININGS_PATH}/:id{[0-9]+}`, async (c) => {
    const user = requireRole(c, ...supervisionRoles);
    const { db } = c.get("deps");
    if (!scopeOf(user, await rootUnitIdOf(db))) throw forbidden();
    const [training] = await listTrainings(db, { trainingId: idOf(c) });
    if (!training) throw notFound("培训");
    return renderBackOffice(c, training.topic, <TrainingPage training={training} />);
  });
}
