// Pages of the annual report: the back-office list and year page, and the public page.
import { bodyTextOf } from "../../records/sanitize";
import { recordStateLabels } from "../../records/vocabulary";
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import { cellCaption } from "./cells";
import type { CellCorrection } from "./compute";
import { allCellKeys, FEE_CELL, NARRATIVE_KEYS, sectionTitle } from "./format";
import { type CellMark, figure, ReportSections } from "./report-tables";
import type { AnnualReportView, FrozenReport } from "./service";

export interface YearEntry {
  year: number;
  state: "none" | "draft" | "finalised";
}

const stateLabels: Record<YearEntry["state"], string> = {
  none: "未编制",
  draft: "编制中",
  finalised: "已定稿",
};

export function AnnualReportListPage(props: { years: YearEntry[] }) {
  return (
    <>
      <h1>政府信息公开工作年度报告</h1>
      <p class="hint">
        依据《政府信息公开条例》第四十九条、第五十条,按国办公开办函〔2021〕30号格式编制。
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((y) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/reports/annual/${y.year}`}>{y.year}年度</a>
                </th>
                <td>{stateLabels[y.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const isSame = (x: CellCorrection, t: string, r: string, c: string) =>
  x.table === t && x.row === r && x.column === c;

function CorrectionsList(props: { corrections: CellCorrection[] }) {
  if (props.corrections.length === 0) return <p>没有人工更正的单元格。</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">单元格</th>
            <th scope="col">更正值</th>
            <th scope="col">理由</th>
            <th scope="col">更正人</th>
            <th scope="col">时间</th>
          </tr>
        </thead>
        <tbody>
          {props.corrections.map((x) => (
            <tr>
              <th scope="row">{cellCaption(x.table, x.row, x.column)}</th>
              <td>{figure(x.value)}</td>
              <td>{x.reason}</td>
              <td>{x.enteredBy}</td>
              <td>{x.enteredAt.slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Differences(props: { view: AnnualReportView }) {
  const { differences } = props.view;
  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title">定稿后的数据变化</h2>
      {differences.length === 0 ? (
        <p>按现有数据重新计算,与定稿内容一致。</p>
      ) : (
        <div class="table-wrap">
          <p class="notice" role="status">
            定稿后案件数据有变化:以下 {differences.length}{" "}
            个单元格按现有数据重新计算与定稿不同。已定稿的报告不随之改变。
          </p>
          <table class="report-diff">
            <thead>
              <tr>
                <th scope="col">单元格</th>
                <th scope="col">定稿值</th>
                <th scope="col">现计算值</th>
              </tr>
            </thead>
            <tbody>
              {differences.map((d) => (
                <tr>
                  <th scope="row">{d.caption}</th>
                  <td>{figure(d.frozen ?? undefined)}</td>
                  <td>{figure(d.fresh ?? undefined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EditForms(props: {
  view: AnnualReportView;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { view, values, errors } = props;
  const base = `/admin/reports/annual/${view.year}`;
  const cells = allCellKeys().filter(
    (k) => !(k.table === FEE_CELL.table && k.row === FEE_CELL.row && k.column === FEE_CELL.column),
  );
  return (
    <section aria-labelledby="edit-title" class="no-print">
      <h2 id="edit-title">编制</h2>
      <PostForm action={`${base}/fee`}>
        <Field
          name="feeAmount"
          label="本年行政事业性收费金额(万元)"
          error={errors.feeAmount}
          hint="表二 第二十条第(八)项,由本机关填写。"
        >
          {(a) => (
            <input
              {...a}
              type="text"
              value={values.feeAmount ?? view.feeAmount}
              inputmode="decimal"
            />
          )}
        </Field>
        <button type="submit" class="button secondary">
          保存收费金额
        </button>
      </PostForm>
      <PostForm action={`${base}/corrections`}>
        <h3>更正单元格</h3>
        <p class="hint">
          系统外办理等情况可更正单元格,须写明理由;更正会在表中标出并记入审计日志。数值留空即撤销该单元格的更正。
        </p>
        <Field name="cell" label="单元格" error={errors.cell}>
          {(a) => (
            <select {...a}>
              {cells.map((k) => {
                const value = `${k.table}|${k.row}|${k.column}`;
                return (
                  <option value={value} selected={values.cell === value}>
                    {cellCaption(k.table, k.row, k.column)}
                  </option>
                );
              })}
            </select>
          )}
        </Field>
        <Field name="value" label="更正值" error={errors.value}>
          {(a) => <input {...a} type="text" value={values.value ?? ""} inputmode="numeric" />}
        </Field>
        <Field name="reason" label="更正理由" error={errors.reason}>
          {(a) => <input {...a} type="text" value={values.reason ?? ""} />}
        </Field>
        <button type="submit" class="button secondary">
          保存更正
        </button>
      </PostForm>
      <PostForm action={`${base}/narrative`}>
        <h3>文字部分</h3>
        <p class="hint">初稿按本年数据自动生成,修改后保存;每行为一段。</p>
        {NARRATIVE_KEYS.map((key) => (
          <Field name={key} label={sectionTitle(key)} error={errors[key]}>
            {(a) => (
              <textarea {...a} rows={8}>
                {values[key] ?? bodyTextOf(view.live.narrative[key].html)}
              </textarea>
            )}
          </Field>
        ))}
        <button type="submit" class="button secondary">
          保存文字部分
        </button>
      </PostForm>
      <PostForm action={`${base}/finalise`}>
        <h3>定稿</h3>
        <p class="hint">
          定稿后报告内容冻结,并生成“信息公开年报”草稿(正文为本报告,附 Word
          文档),按信息发布流程送审、签发后在门户公开。
        </p>
        <button type="submit" class="button">
          定稿
        </button>
      </PostForm>
    </section>
  );
}

export function AnnualReportPage(props: {
  view: AnnualReportView;
  canEdit: boolean;
  values: Record<string, string>;
  errors: Record<string, string>;
  flash?: string;
}) {
  const { view } = props;
  const shown = view.frozen ?? {
    tables: view.live.tables,
    narrative: Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, view.live.narrative[k].html])),
    corrections: view.corrections,
  };
  const mark: CellMark = (t, r, c) => shown.corrections.some((x) => isSame(x, t, r, c));
  const errors = { ...props.errors };
  return (
    <>
      <h1>{view.title}</h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>
        状态:<strong>{view.state === "finalised" ? "已定稿" : "编制中"}</strong>
        {view.frozen ? `(定稿于 ${view.frozen.finalisedAt.slice(0, 10)})` : null}
        {view.record ? (
          <>
            {" "}
            · 信息公开年报:
            <a href={`/admin/records/${view.record.id}`}>
              {recordStateLabels[view.record.state as keyof typeof recordStateLabels] ??
                view.record.state}
            </a>
          </>
        ) : null}
        {view.frozen ? (
          <>
            {" "}
            · <a href={`/admin/reports/annual/${view.year}/report.docx`}>下载 Word 文档</a>
          </>
        ) : null}
      </p>
      {view.frozen ? <Differences view={view} /> : null}
      {!view.frozen && view.live.violations.length > 0 ? (
        <section aria-labelledby="violations-title" class="error-summary">
          <h2 id="violations-title">勾稽关系检查未通过(不能定稿)</h2>
          <ul>
            {view.live.violations.map((v) => (
              <li>{v.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.live.notes.length > 0 ? (
        <ul class="hint">
          {view.live.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      ) : null}
      <h2>人工更正</h2>
      <CorrectionsList corrections={shown.corrections} />
      <div class="annual-report">
        <ReportSections
          tables={shown.tables}
          narrative={shown.narrative as FrozenReport["narrative"]}
          mark={mark}
          headingLevel={3}
        />
      </div>
      {props.canEdit && !view.frozen ? (
        <EditForms view={view} values={props.values} errors={props.errors} />
      ) : null}
    </>
  );
}

/** The public page of a published report: six sections and the three tables, printable on A4. */
export function PublicAnnualReportPage(props: { report: FrozenReport }) {
  const { report } = props;
  return (
    <article class="annual-report print-sheet">
      <nav class="no-print" aria-label="位置">
        <a href="/disclosure/annual-reports">信息公开年报</a>
      </nav>
      <h1>{report.title}</h1>
      <p class="no-print">
        <a href={`/disclosure/annual-reports/${report.year}/report.docx`}>下载 Word 文档</a>
      </p>
      <ReportSections tables={report.tables} narrative={report.narrative} />
    </article>
  );
}
