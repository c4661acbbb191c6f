import { ErrorSummary, Field, PostForm } from "../ui/forms";
import { overrideFieldLabels } from "./inputs";
import { type DayCell, type MonthGrid, WEEKDAY_HEADERS } from "./month-grid";
import { missingScheduleText } from "./notices";
import type { ImportedYearSummary, StoredOverride } from "./store";

export interface CalendarPageModel {
  year: number;
  /** The year has no official or imported schedule: weekends only. */
  provisional: boolean;
  missingYears: number[];
  months: MonthGrid[];
  overrides: StoredOverride[];
  importedYears: ImportedYearSummary[];
  /** One-line confirmation after a redirect ("已保存 2025-05-06 的更正。"). */
  flash?: string;
  overrideForm?: { values: Record<string, string>; errors?: Record<string, string> };
  importErrors?: string[];
  importText?: string;
  /** Years just imported, shown as the import's summary. */
  justImported?: ImportedYearSummary[];
}

export function CalendarPage(props: CalendarPageModel) {
  return (
    <section aria-labelledby="calendar-title">
      <h1 id="calendar-title">工作日历</h1>
      {props.flash ? <p role="status">{props.flash}</p> : null}
      {props.missingYears.length > 0 ? (
        <div class="notice-list" role="alert">
          <h2>节假日安排缺失</h2>
          <ul>
            {props.missingYears.map((y) => (
              <li>
                {missingScheduleText(y)}。国务院办公厅发布通知后,请在下方
                <a href="#import">导入全年节假日安排</a>。
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <YearNav year={props.year} />
      <YearView {...props} />
      <OverrideSection {...props} />
      <ImportSection {...props} />
    </section>
  );
}

function YearNav(props: { year: number }) {
  return (
    <nav aria-label="选择年份">
      <p>
        <a href={`/admin/calendar?year=${props.year - 1}`}>‹ {props.year - 1}年</a>{" "}
        <strong aria-current="page">{props.year}年</strong>{" "}
        <a href={`/admin/calendar?year=${props.year + 1}`}>{props.year + 1}年 ›</a>
      </p>
    </nav>
  );
}

function YearView(props: CalendarPageModel) {
  return (
    <section aria-labelledby="year-title">
      <h2 id="year-title">{props.year}年日历</h2>
      {props.provisional ? (
        <p class="notice-list">
          <span class="badge badge-warn">推算</span> {props.year}
          年尚无国务院办公厅节假日安排,本页按周末推算(provisional),据此计算的期限仅供参考。
        </p>
      ) : null}
      <p class="hint">
        “休”为休息日,“班”为调休上班日(原为周六或周日),未标注的日期为工作日;“已更正”为管理员更正过的日期。
      </p>
      <div class="calendar-year">
        {props.months.map((m) => (
          <MonthTable grid={m} />
        ))}
      </div>
    </section>
  );
}

function MonthTable(props: { grid: MonthGrid }) {
  return (
    <div class="table-wrap calendar-month">
      <table>
        <caption>
          {props.grid.year}年{props.grid.month}月
        </caption>
        <thead>
          <tr>
            {WEEKDAY_HEADERS.map((h) => (
              <th scope="col">
                <abbr title={h.long}>{h.short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.grid.weeks.map((week) => (
            <tr>{week.map((cell) => (cell ? <DayTd cell={cell} /> : <td />))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DayTd(props: { cell: DayCell }) {
  const { cell } = props;
  const kind = cell.mark === "休" ? "day-off" : cell.mark === "班" ? "day-adjusted" : "day-work";
  return (
    <td class={kind} aria-current={cell.isToday ? "date" : undefined}>
      <span class="day-number">{cell.dayOfMonth}</span>
      {cell.mark === "休" ? (
        <>
          {" "}
          <abbr class="badge badge-ok" title="休息日">
            休
          </abbr>
        </>
      ) : null}
      {cell.mark === "班" ? (
        <>
          {" "}
          <abbr class="badge badge-err" title="调休上班日">
            班
          </abbr>
        </>
      ) : null}
      {cell.name ? <span class="day-name"> {cell.name}</span> : null}
      {cell.corrected ? <span class="day-corrected">(已更正)</span> : null}
      {cell.isToday ? <span class="day-today">(今天)</span> : null}
    </td>
  );
}

function OverrideSection(props: CalendarPageModel) {
  const values = props.overrideForm?.values ?? {};
  const errors = props.overrideForm?.errors;
  return (
    <section aria-labelledby="override-title" id="overrides">
      <h2 id="override-title">添加或更正某一天</h2>
      <p class="hint">
        更正优先于国务院办公厅的安排和导入的安排,保存后所有办理中的申请立即按新日历重新计算期限。每次更正都记入审计日志。
      </p>
      <ErrorSummary errors={errors} labels={overrideFieldLabels} />
      <PostForm action="/admin/calendar/overrides" class="narrow">
        <Field name="date" label={overrideFieldLabels.date} required error={errors?.date}>
          {(a) => <input {...a} type="date" value={values.date ?? ""} />}
        </Field>
        <fieldset
          class={errors?.workday ? "field field-error" : "field"}
          aria-describedby={errors?.workday ? "f-workday-error" : undefined}
        >
          <legend>
            {overrideFieldLabels.workday}
            <span class="required"> (必填)</span>
          </legend>
          {errors?.workday ? (
            <p class="error-text" id="f-workday-error">
              错误:{errors.workday}
            </p>
          ) : null}
          <label>
            <input
              type="radio"
              name="workday"
              value="1"
              id="f-workday"
              checked={values.workday === "1"}
            />{" "}
            工作日
          </label>{" "}
          <label>
            <input type="radio" name="workday" value="0" checked={values.workday === "0"} /> 休息日
          </label>
        </fieldset>
        <Field
          name="name"
          label={overrideFieldLabels.name}
          hint="如“春节”“春节调休上班”,可不填。"
          error={errors?.name}
        >
          {(a) => <input {...a} type="text" maxlength={50} value={values.name ?? ""} />}
        </Field>
        <Field
          name="reason"
          label={overrideFieldLabels.reason}
          required
          hint="如“县政府通知:因防汛调整为工作日”。"
          error={errors?.reason}
        >
          {(a) => <input {...a} type="text" maxlength={200} value={values.reason ?? ""} />}
        </Field>
        <button type="submit" class="button">
          保存更正
        </button>
      </PostForm>
      <OverrideList overrides={props.overrides} />
    </section>
  );
}

function OverrideList(props: { overrides: StoredOverride[] }) {
  if (props.overrides.length === 0) return <p>目前没有更正过的日期。</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>已更正的日期</caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">更正为</th>
            <th scope="col">名称</th>
            <th scope="col">理由</th>
            <th scope="col">更正人</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {props.overrides.map((o) => (
            <tr>
              <td>{o.date}</td>
              <td>{o.workday ? "工作日(班)" : "休息日(休)"}</td>
              <td>{o.name ?? ""}</td>
              <td>{o.reason}</td>
              <td>{o.createdByName ?? "命令行/系统"}</td>
              <td>
                <PostForm action={`/admin/calendar/overrides/${o.date}/remove`} class="inline-form">
                  <button type="submit" class="link-button" aria-label={`撤销 ${o.date} 的更正`}>
                    撤销
                  </button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportSection(props: CalendarPageModel) {
  const errors = props.importErrors ?? [];
  return (
    <section aria-labelledby="import-title" id="import">
      <h2 id="import-title">导入全年节假日安排</h2>
      <p class="hint">
        国务院办公厅发布下一年部分节假日安排的通知后,在此导入。可上传或粘贴 JSON(与内置数据格式相同:
        {'{"years": {"2027": {"holidays": […], "adjusted_workdays": […], "festivals": […]}}}'}) 或
        CSV(每行“日期,是否上班,名称”,是否上班填 0/1 或 休/班)。导入的年份整体替换该年原有安排。
      </p>
      {errors.length > 0 ? (
        <div class="error-summary" role="alert" tabindex={-1} id="import-errors">
          <h3>文件有 {errors.length} 处错误,未导入任何内容</h3>
          <ul>
            {errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.justImported && props.justImported.length > 0 ? (
        <div role="status">
          <h3>导入完成</h3>
          <ul>
            {props.justImported.map((y) => (
              <li>
                {y.year}年:放假 {y.holidays} 天,调休上班 {y.adjustedWorkdays} 天
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <PostForm action="/admin/calendar/import" multipart class="narrow">
        <Field name="file" label="上传文件" hint="JSON 或 CSV 文件,UTF-8 编码,不超过1MB。">
          {(a) => <input {...a} type="file" accept=".json,.csv,application/json,text/csv" />}
        </Field>
        <Field name="text" label="或粘贴内容" hint="未选择文件时使用这里的内容。">
          {(a) => <textarea {...a}>{props.importText ?? ""}</textarea>}
        </Field>
        <button type="submit" class="button">
          导入
        </button>
      </PostForm>
      <ImportedYearList years={props.importedYears} />
    </section>
  );
}

function ImportedYearList(props: { years: ImportedYearSummary[] }) {
  if (props.years.length === 0) {
    return <p>尚未导入任何年份;2019–2026年使用系统内置的国务院办公厅安排。</p>;
  }
  return (
    <div class="table-wrap">
      <table>
        <caption>已导入的年份(2019–2026年另有系统内置安排)</caption>
        <thead>
          <tr>
            <th scope="col">年份</th>
            <th scope="col">放假天数</th>
            <th scope="col">调休上班天数</th>
            <th scope="col">导入时间</th>
            <th scope="col">导入人</th>
          </tr>
        </thead>
        <tbody>
          {props.years.map((y) => (
            <tr>
              <td>{y.year}年</td>
              <td>{y.holidays}</td>
              <td>{y.adjustedWorkdays}</td>
              <td>{shanghaiMinute(y.importedAt)}</td>
              <td>{y.importedByName ?? "命令行"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An ISO UTC instant as Beijing time to the minute: "2026-11-05 10:30". */
function shanghaiMinute(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
