// /admin/applications/ledger: export the 台账 of a period, import past cases from a 台账.
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import { LEDGER_COLUMNS } from "./columns";
import type { LedgerImportResult, LedgerRowAction } from "./import-service";

export interface LedgerPageModel {
  period: { from: string; to: string };
  periodErrors: Record<string, string>;
  importResult?: { fileName: string; result: LedgerImportResult };
  importError?: string;
}

const actionLabels: Record<LedgerRowAction["action"], string> = {
  create: "新增",
  update: "更新",
  skip: "跳过",
};

export function LedgerPage(props: LedgerPageModel) {
  return (
    <>
      <p>
        <a href="/admin/applications">← 返回依申请公开</a>
      </p>
      <h1>依申请公开台账</h1>
      <section aria-labelledby="export-title">
        <h2 id="export-title">导出台账</h2>
        <ErrorSummary errors={props.periodErrors} labels={{ from: "开始日期", to: "结束日期" }} />
        <form method="get" action="/admin/applications/ledger/export">
          <p class="hint">按收到申请之日选择期间。导出的表格不含申请人个人信息。</p>
          <Field name="from" label="收到日期自" required error={props.periodErrors.from}>
            {(attrs) => <input type="date" value={props.period.from} {...attrs} />}
          </Field>
          <Field name="to" label="收到日期至" required error={props.periodErrors.to}>
            {(attrs) => <input type="date" value={props.period.to} {...attrs} />}
          </Field>
          <button type="submit" class="button">
            导出 Excel(XLSX)
          </button>
        </form>
      </section>
      <section aria-labelledby="import-title">
        <h2 id="import-title">导入以往年度台账</h2>
        <p>
          用于补录系统上线前已经办结的申请,以便统计以往年度的年度报告。表格须有以下列:
          {LEDGER_COLUMNS.map((c) => c.header).join("、")}
          (复议诉讼可以为空,例如“复议-维持”“诉讼-纠正”)。
        </p>
        <p class="hint">
          答复结果按年度报告表三填写,例如“予以公开”“部分公开”“不予公开 -
          保护第三方合法权益”。任何一行有误则全部不导入;同一申请编号再次导入不会重复,内容有变化的会更新。
        </p>
        {props.importResult ? <ImportOutcome {...props.importResult} /> : null}
        <PostForm action="/admin/applications/ledger/import" multipart>
          <Field name="file" label="台账文件(XLSX)" required error={props.importError}>
            {(attrs) => (
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                {...attrs}
              />
            )}
          </Field>
          <button type="submit" name="action" value="check" class="button secondary">
            检查(不导入)
          </button>{" "}
          <button type="submit" name="action" value="import" class="button">
            导入
          </button>
        </PostForm>
      </section>
    </>
  );
}

function ImportOutcome(props: { fileName: string; result: LedgerImportResult }) {
  const r = props.result;
  if (!r.ok) {
    return (
      <div class="error-summary" role="alert" tabindex={-1}>
        <h3>
          “{props.fileName}”有 {r.errors.length} 处错误,没有导入任何数据
        </h3>
        <ul>
          {r.errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      </div>
    );
  }
  const count = (a: LedgerRowAction["action"]) => r.actions.filter((x) => x.action === a).length;
  return (
    <div class="notice" role="status">
      <h3>
        {r.imported ? "已导入" : "检查通过(尚未导入)"}:“{props.fileName}”——新增 {count("create")}{" "}
        件,更新 {count("update")} 件,跳过 {count("skip")} 件。
      </h3>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">逐行处理结果</caption>
          <thead>
            <tr>
              <th scope="col">行号</th>
              <th scope="col">申请编号</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {r.actions.map((a) => (
              <tr>
                <td>{a.rowNumber}</td>
                <th scope="row">{a.applicationNo}</th>
                <td>
                  {actionLabels[a.action]}
                  {a.action === "skip" ? `:${a.reason}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
