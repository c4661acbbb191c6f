// 督办任务 and 业务培训 pages: the year's tasks with each unit's status (overdue flagged), the
// office's forms to set a task and record a training, and the units' progress report form.
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import { TASK_STATUSES, taskStatusLabels } from "../labels";
import { SupervisionTabs } from "../subnav";
import type { AssignmentView, TaskView, TrainingView } from "./service";

export const TASKS_PATH = "/admin/supervision/tasks";
export const TRAININGS_PATH = "/admin/supervision/trainings";

const weekdays = ["日", "一", "二", "三", "四", "五", "六"];
const weekdayOf = (date: string) => weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()];

function DueText(props: { a: AssignmentView }) {
  const a = props.a;
  const when = `${a.dueOn}(周${weekdayOf(a.dueOn)})`;
  if (a.status === "done")
    return (
      <>
        {when},{a.doneOn} 完成
      </>
    );
  if (a.isOverdue)
    return (
      <>
        {when} <strong class="overdue">已逾期 {-a.workdays} 个工作日</strong>
      </>
    );
  return (
    <>
      {when},剩余 {a.workdays} 个工作日
    </>
  );
}

const taskLabels = {
  title: "任务名称",
  description: "任务要求",
  dueOn: "完成期限",
  unitIds: "承办单位",
};

export function TasksPage(props: {
  year: number;
  tasks: TaskView[];
  canManage: boolean;
  units: { id: number; label: string }[];
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
  flash?: string;
}) {
  const chosen = new Set([props.values.unitIds ?? []].flat());
  return (
    <section aria-labelledby="tasks-title">
      <h1 id="tasks-title">{props.year}年督办任务</h1>
      <SupervisionTabs current={TASKS_PATH} />
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <form method="get" action={TASKS_PATH} class="filter-form" aria-label="年度">
        <Field name="year" label="年度">
          {(a) => <input type="number" min="2000" max="2100" value={String(props.year)} {...a} />}
        </Field>
        <button type="submit">查看</button>
      </form>
      {props.tasks.length === 0 ? <p>本年度还没有督办任务。</p> : null}
      {props.tasks.map((t) => (
        <div class="table-wrap">
          <table>
            <caption>
              <a href={`${TASKS_PATH}/${t.id}`}>{t.title}</a>
            </caption>
            <thead>
              <tr>
                <th scope="col">承办单位</th>
                <th scope="col">状态</th>
                <th scope="col">期限</th>
              </tr>
            </thead>
            <tbody>
              {t.assignments.map((a) => (
                <tr>
                  <th scope="row">{a.unitName}</th>
                  <td>{taskStatusLabels[a.status]}</td>
                  <td>
                    <DueText a={a} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {props.canManage ? (
        <section aria-labelledby="new-task">
          <h2 id="new-task">布置督办任务</h2>
          <ErrorSummary errors={props.errors} labels={taskLabels} />
          <PostForm action={TASKS_PATH}>
            <Field name="title" label="任务名称" required error={props.errors.title}>
              {(a) => <input type="text" value={String(props.values.title ?? "")} {...a} />}
            </Field>
            <Field name="description" label="任务要求" error={props.errors.description}>
              {(a) => (
                <textarea rows={3} {...a}>
                  {String(props.values.description ?? "")}
                </textarea>
              )}
            </Field>
            <Field name="dueOn" label="完成期限" required error={props.errors.dueOn}>
              {(a) => <input type="date" value={String(props.values.dueOn ?? "")} {...a} />}
            </Field>
            <fieldset id="f-unitIds">
              <legend>承办单位</legend>
              {props.errors.unitIds ? <p class="error-text">错误:{props.errors.unitIds}</p> : null}
              {props.units.map((u) => (
                <label class="choice">
                  <input
                    type="checkbox"
                    name="unitIds"
                    value={String(u.id)}
                    checked={chosen.has(String(u.id))}
                  />{" "}
                  {u.label}
                </label>
              ))}
            </fieldset>
            <button type="submit">布置任务</button>
          </PostForm>
        </section>
      ) : null}
    </section>
  );
}

const reportLabels = { status: "进展状态", reportedOn: "报告日期", note: "进展说明", file: "附件" };

export function TaskPage(props: {
  task: TaskView;
  canReport: (a: AssignmentView) => boolean;
  today: string;
  errors: Record<string, string>;
  errorAssignment?: number;
  flash?: string;
}) {
  const t = props.task;
  return (
    <section aria-labelledby="task-title">
      <p>
        <a href={`${TASKS_PATH}?year=${t.year}`}>← 返回督办任务</a>
      </p>
      <h1 id="task-title">{t.title}</h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      {t.description ? <p class="pre-line">{t.description}</p> : null}
      {t.assignments.map((a) => (
        <section aria-labelledby={`as-${a.id}`}>
          <h2 id={`as-${a.id}`}>
            {a.unitName}:{taskStatusLabels[a.status]}
          </h2>
          <p>
            期限:
            <DueText a={a} />
          </p>
          {a.reports.length === 0 ? (
            <p>尚未报告进展。</p>
          ) : (
            <ul>
              {a.reports.map((r) => (
                <li>
                  {r.reportedOn} {taskStatusLabels[r.status]}
                  {r.note ? `:${r.note}` : ""}
                  {r.files.map((f) => (
                    <>
                      {" "}
                      <a href={`${TASKS_PATH}/files/${f.id}`}>{f.name}</a>
                    </>
                  ))}
                </li>
              ))}
            </ul>
          )}
          {props.canReport(a) ? (
            <ReportForm
              assignment={a}
              today={props.today}
              errors={props.errorAssignment === a.id ? props.errors : {}}
            />
          ) : null}
        </section>
      ))}
    </section>
  );
}

function ReportForm(props: {
  assignment: AssignmentView;
  today: string;
  errors: Record<string, string>;
}) {
  const id = props.assignment.id;
  const e = props.errors;
  return (
    <PostForm action={`${TASKS_PATH}/assignments/${id}/reports`} multipart class="report-form">
      <ErrorSummary errors={e} labels={reportLabels} />
      <div class="field">
        <label for={`st-${id}`}>进展状态</label>
        <select id={`st-${id}`} name="status">
          {TASK_STATUSES.map((s) => (
            <option value={s} selected={s === props.assignment.status}>
              {taskStatusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`on-${id}`}>报告日期</label>
        {e.reportedOn ? <p class="error-text">错误:{e.reportedOn}</p> : null}
        <input id={`on-${id}`} type="date" name="reportedOn" value={props.today} />
      </div>
      <div class="field">
        <label for={`note-${id}`}>进展说明</label>
        <textarea id={`note-${id}`} name="note" rows={2} />
      </div>
      <div class="field">
        <label for={`file-${id}`}>附件(PDF、Word、Excel、图片)</label>
        {e.file ? <p class="error-text">错误:{e.file}</p> : null}
        <input id={`file-${id}`} type="file" name="file" multiple />
      </div>
      <button type="submit">报告进展</button>
    </PostForm>
  );
}

const trainingLabels = {
  heldOn: "培训日期",
  topic: "培训主题",
  organiser: "组织单位",
  hours: "学时",
  names: "其他参训人员",
};

export function TrainingsPage(props: {
  year: number;
  trainings: TrainingView[];
  canManage: boolean;
  users: { id: number; label: string }[];
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
  flash?: string;
}) {
  const chosen = new Set([props.values.userIds ?? []].flat());
  return (
    <section aria-labelledby="trainings-title">
      <h1 id="trainings-title">{props.year}年业务培训</h1>
      <SupervisionTabs current={TRAININGS_PATH} />
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      {props.trainings.length === 0 ? (
        <p>本年度还没有登记培训。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>培训记录</caption>
            <thead>
              <tr>
                <th scope="col">日期</th>
                <th scope="col">主题</th>
                <th scope="col">组织单位</th>
                <th scope="col">学时</th>
                <th scope="col">参训单位和人员</th>
              </tr>
            </thead>
            <tbody>
              {props.trainings.map((tr) => (
                <tr>
                  <td>{tr.heldOn}</td>
                  <th scope="row">
                    <a href={`${TRAININGS_PATH}/${tr.id}`}>{tr.topic}</a>
                  </th>
                  <td>{tr.organiser}</td>
                  <td>{tr.hours}</td>
                  <td>
                    {tr.attendees.map((a) => `${a.unitName}:${a.names.join("、")}`).join(";") ||
                      "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canManage ? (
        <section aria-labelledby="new-training">
          <h2 id="new-training">登记培训</h2>
          <ErrorSummary errors={props.errors} labels={trainingLabels} />
          <PostForm action={TRAININGS_PATH}>
            <Field name="heldOn" label="培训日期" required error={props.errors.heldOn}>
              {(a) => <input type="date" value={String(props.values.heldOn ?? "")} {...a} />}
            </Field>
            <Field name="topic" label="培训主题" required error={props.errors.topic}>
              {(a) => <input type="text" value={String(props.values.topic ?? "")} {...a} />}
            </Field>
            <Field name="organiser" label="组织单位" required error={props.errors.organiser}>
              {(a) => <input type="text" value={String(props.values.organiser ?? "")} {...a} />}
            </Field>
            <Field name="hours" label="学时" required error={props.errors.hours}>
              {(a) => (
                <input
                  type="text"
                  inputmode="decimal"
                  value={String(props.values.hours ?? "")}
                  {...a}
                />
              )}
            </Field>
            <fieldset>
              <legend>参训人员(系统账号,按其所在单位计)</legend>
              {props.users.map((u) => (
                <label class="choice">
                  <input
                    type="checkbox"
                    name="userIds"
                    value={String(u.id)}
                    checked={chosen.has(String(u.id))}
                  />{" "}
                  {u.label}
                </label>
              ))}
            </fieldset>
            <Field
              name="names"
              label="其他参训人员"
              hint="每行一个单位:单位名称:姓名,多个姓名用顿号分隔"
              error={props.errors.names}
            >
              {(a) => (
                <textarea rows={3} {...a}>
                  {String(props.values.names ?? "")}
                </textarea>
              )}
            </Field>
            <button type="submit">登记培训</button>
          </PostForm>
        </section>
      ) : null}
    </section>
  );
}

export function TrainingPage(props: { training: TrainingView }) {
  const tr = props.training;
  return (
    <section aria-labelledby="training-title">
      <p>
        <a href={`${TRAININGS_PATH}?year=${tr.heldOn.slice(0, 4)}`}>← 返回业务培训</a>
      </p>
      <h1 id="training-title">{tr.topic}</h1>
      <p>
        {tr.heldOn},{tr.organiser}组织,{tr.hours} 学时。
      </p>
      {tr.attendees.length === 0 ? (
        <p>没有登记参训人员。</p>
      ) : (
        <ul>
          {tr.attendees.map((a) => (
            <li>
              {a.unitName}:{a.names.join("、")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
