// 督办 tasks of a year and their assignments to units, the units' progress reports (with files),
// and trainings. Overdue is derived from the deadline and today when read, never stored.
import { todayInShanghai } from "../../calendar/rules";
import { loadWorkCalendar } from "../../calendar/store";
import { forbidden, notFound, validationError } from "../../http/errors";
import { type AuditActor, recordAudit } from "../../platform/audit";
import { recordAttachmentPolicy } from "../../platform/files/policies";
import { storeUpload, type Upload } from "../../platform/files/store";
import type { Db } from "../dashboard/queries";
import type { TaskStatus } from "../labels";
import { canManageTasks, canReportOn, type SupervisionUser } from "../policy";
import type { ReportInput, TaskInput, TrainingInput } from "./schema";

export interface Actor extends SupervisionUser, AuditActor {
  id: number;
}

export async function createTask(
  db: Db,
  input: TaskInput,
  ctx: { actor: Actor; rootUnitId: number; now: Date },
): Promise<number> {
  if (!canManageTasks(ctx.actor, ctx.rootUnitId))
    throw forbidden("只有政务公开办公室可以布置督办任务。");
  const at = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const units = await trx
      .selectFrom("units")
      .select("id")
      .where("id", "in", input.unitIds)
      .execute();
    if (units.length !== input.unitIds.length) throw validationError({ unitIds: "所选单位不存在" });
    const { id } = await trx
      .insertInto("supervision_tasks")
      .values({
        year: Number(input.dueOn.slice(0, 4)),
        title: input.title,
        description: input.description,
        created_by: ctx.actor.id,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("supervision_assignments")
      .values(
        input.unitIds.map((unitId) => ({
          task_id: id,
          unit_id: unitId,
          due_on: input.dueOn,
          status: "not_started",
          done_on: null,
          updated_at: at,
        })),
      )
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "supervision.create_task",
        objectType: "supervision_task",
        objectId: id,
        detail: `${input.title},期限 ${input.dueOn},承办单位 ${input.unitIds.length} 个`,
      },
      ctx.now,
    );
    return id;
  });
}

/** A unit's progress report: status, note and files; the assignment takes the reported status. */
export async function reportProgress(
  db: Db,
  assignmentId: number,
  input: ReportInput,
  files: Upload[],
  ctx: { actor: Actor; rootUnitId: number; now: Date; uploadsDir: string },
): Promise<number> {
  const assignment = await db
    .selectFrom("supervision_assignments")
    .selectAll()
    .where("id", "=", assignmentId)
    .executeTakeFirst();
  if (!assignment) throw notFound("督办任务");
  if (!canReportOn(ctx.actor, assignment.unit_id, ctx.rootUnitId)) {
    throw forbidden("只有承办单位的信息员、审核人或政务公开办公室可以报告进展。");
  }
  if (input.reportedOn > todayInShanghai(ctx.now)) {
    throw validationError({ reportedOn: "报告日期不能晚于今天" });
  }
  const at = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("supervision_reports")
      .values({
        assignment_id: assignmentId,
        reported_on: input.reportedOn,
        status: input.status,
        note: input.note,
        created_by: ctx.actor.id,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const file of files) {
      const stored = await storeUpload(trx, ctx.uploadsDir, file, recordAttachmentPolicy, ctx.now);
      await trx
        .insertInto("supervision_report_files")
        .values({ report_id: id, file_id: stored.id, file_name: stored.safeName })
        .execute();
    }
    await trx
      .updateTable("supervision_assignments")
      .set({
        status: input.status,
        done_on: input.status === "done" ? input.reportedOn : null,
        updated_at: at,
      })
      .where("id", "=", assignmentId)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "supervision.report_progress",
        objectType: "supervision_task",
        objectId: assignment.task_id,
        detail: `单位 ${assignment.unit_id} 报告进展:${input.status}${files.length ? `,附件 ${files.length} 个` : ""}`,
      },
      ctx.now,
    );
    return id;
  });
}

export interface AssignmentView {
  id: number;
  unitId: number;
  unitName: string;
  dueOn: string;
  status: TaskStatus;
  doneOn: string | null;
  /** Derived: not done and the deadline has passed. */
  isOverdue: boolean;
  /** Working days left (>= 0) or past the deadline (< 0), for display. */
  workdays: number;
  reports: {
    id: number;
    reportedOn: string;
    status: TaskStatus;
    note: string;
    files: { id: number; name: string }[];
  }[];
}

export interface TaskView {
  id: number;
  year: number;
  title: string;
  description: string;
  assignments: AssignmentView[];
}

/** Tasks of a year with their assignments (a unit's staff: only their unit's assignments). */
export async function listTasks(
  db: Db,
  options: { year?: number; taskId?: number; unitId?: number; now: Date },
): Promise<TaskView[]> {
  const today = todayInShanghai(options.now);
  const calendar = await loadWorkCalendar(db);
  let tasks = db.selectFrom("supervision_tasks").selectAll().orderBy("id");
  if (options.year !== undefined) tasks = tasks.where("year", "=", options.year);
  if (options.taskId !== undefined) tasks = tasks.where("id", "=", options.taskId);
  const taskRows = await tasks.execute();
  if (taskRows.length === 0) return [];
  let assignments = db
    .selectFrom("supervision_assignments")
    .innerJoin("units", "units.id", "supervision_assignments.unit_id")
    .selectAll("supervision_assignments")
    .select("units.name as unit_name")
    .where(
      "task_id",
      "in",
      taskRows.map((t) => t.id),
    )
    .orderBy("units.sort_order")
    .orderBy("units.id");
  if (options.unitId !== undefined) assignments = assignments.where("unit_id", "=", options.unitId);
  const assignmentRows = await assignments.execute();
  const reports = assignmentRows.length
    ? await db
        .selectFrom("supervision_reports")
        .selectAll()
        .where(
          "assignment_id",
          "in",
          assignmentRows.map((a) => a.id),
        )
        .orderBy("id")
        .execute()
    : [];
  const files = reports.length
    ? await db
        .selectFrom("supervision_report_files")
        .selectAll()
        .where(
          "report_id",
          "in",
          reports.map((r) => r.id),
        )
        .orderBy("id")
        .execute()
    : [];
  return taskRows.map((t) => ({
    id: t.id,
    year: t.year,
    title: t.title,
    description: t.description,
    assignments: assignmentRows
      .filter((a) => a.task_id === t.id)
      .map((a) => {
        const done = a.status === "done";
        const isOverdue = !done && today > a.due_on;
        return {
          id: a.id,
          unitId: a.unit_id,
          unitName: a.unit_name,
          dueOn: a.due_on,
          status: a.status as TaskStatus,
          doneOn: a.done_on,
          isOverdue,
          workdays: isOverdue
            ? -calendar.workdaysBetween(a.due_on, today)
            : calendar.workdaysBetween(today, a.due_on),
          reports: reports
            .filter((r) => r.assignment_id === a.id)
            .map((r) => ({
              id: r.id,
              reportedOn: r.reported_on,
              status: r.status as TaskStatus,
              note: r.note,
              files: files
                .filter((f) => f.report_id === r.id)
                .map((f) => ({ id: f.id, name: f.file_name })),
            })),
        };
      }),
  }));
}

/** A report file with what is needed to serve it, and the unit whose report it is. */
export async function findReportFile(db: Db, fileRowId: number) {
  return db
    .selectFrom("supervision_report_files")
    .innerJoin(
      "supervision_reports",
      "supervision_reports.id",
      "supervision_report_files.report_id",
    )
    .innerJoin(
      "supervision_assignments",
      "supervision_assignments.id",
      "supervision_reports.assignment_id",
    )
    .innerJoin("files", "files.id", "supervision_report_files.file_id")
    .select([
      "supervision_report_files.file_name",
      "supervision_assignments.unit_id",
      "files.storage_path",
      "files.media_type",
      "files.sha256",
    ])
    .where("supervision_report_files.id", "=", fileRowId)
    .executeTakeFirst();
}

export async function recordTraining(
  db: Db,
  input: TrainingInput,
  attendees: { unitId: number; userId: number | null; name: string }[],
  ctx: { actor: Actor; rootUnitId: number; now: Date },
): Promise<number> {
  if (!canManageTasks(ctx.actor, ctx.rootUnitId))
    throw forbidden("只有政务公开办公室可以登记培训。");
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("supervision_trainings")
      .values({
        held_on: input.heldOn,
        topic: input.topic,
        organiser: input.organiser,
        minutes: Math.round(input.hours * 60),
        created_by: ctx.actor.id,
        created_at: ctx.now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (attendees.length > 0) {
      await trx
        .insertInto("supervision_training_attendees")
        .values(
          attendees.map((a) => ({
            training_id: id,
            unit_id: a.unitId,
            user_id: a.userId,
            name: a.name,
          })),
        )
        .execute();
    }
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: "supervision.record_training",
        objectType: "supervision_training",
        objectId: id,
        detail: `${input.heldOn} ${input.topic},参训 ${attendees.length} 人`,
      },
      ctx.now,
    );
    return id;
  });
}

/**
 * The attendees of a training form: chosen user accounts (counted for their unit) and lines of
 * `单位名称:姓名` for people without one. Unknown units are field errors.
 */
export async function resolveAttendees(
  db: Db,
  input: TrainingInput,
): Promise<{ unitId: number; userId: number | null; name: string }[]> {
  const out: { unitId: number; userId: number | null; name: string }[] = [];
  if (input.userIds.length > 0) {
    const users = await db
      .selectFrom("users")
      .select(["id", "display_name", "unit_id"])
      .where("id", "in", input.userIds)
      .execute();
    for (const u of users) out.push({ unitId: u.unit_id, userId: u.id, name: u.display_name });
  }
  const units = await db.selectFrom("units").select(["id", "name"]).execute();
  const lines = input.names
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const m = /^(.+?)[::]\s*(.+)$/.exec(line);
    const unit = m ? units.find((u) => u.name === m[1]!.trim()) : undefined;
    if (!m || !unit) {
      throw validationError({ names: `第 ${i + 1} 行应为“单位名称:姓名”,且单位须为已有单位` });
    }
    for (const name of m[2]!.split(/[,,、\s]+/).filter(Boolean)) {
      out.push({ unitId: unit.id, userId: null, name });
    }
  }
  return out;
}

export interface TrainingView {
  id: number;
  heldOn: string;
  topic: string;
  organiser: string;
  hours: number;
  attendees: { unitName: string; names: string[] }[];
}

export async function listTrainings(
  db: Db,
  options: { year?: number; trainingId?: number },
): Promise<TrainingView[]> {
  let q = db
    .selectFrom("supervision_trainings")
    .selectAll()
    .orderBy("held_on", "desc")
    .orderBy("id");
  if (options.year !== undefined) {
    q = q
      .where("held_on", ">=", `${options.year}-01-01`)
      .where("held_on", "<=", `${options.year}-12-31`);
  }
  if (options.trainingId !== undefined) q = q.where("id", "=", options.trainingId);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const attendees = await db
    .selectFrom("supervision_training_attendees")
    .innerJoin("units", "units.id", "supervision_training_attendees.unit_id")
    .select(["training_id", "units.name as unit_name", "supervision_training_attendees.name"])
    .where(
      "training_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("units.sort_order")
    .orderBy("units.id")
    .orderBy("supervision_training_attendees.id")
    .execute();
  return rows.map((r) => {
    const groups = new Map<string, string[]>();
    for (const a of attendees.filter((x) => x.training_id === r.id)) {
      groups.set(a.unit_name, [...(groups.get(a.unit_name) ?? []), a.name]);
    }
    return {
      id: r.id,
      heldOn: r.held_on,
      topic: r.topic,
      organiser: r.organiser,
      hours: r.minutes / 60,
      attendees: [...groups].map(([unitName, names]) => ({ unitName, names })),
    };
  });
}
