// Back office of 双公示 (/admin/publicity): import by XLSX, every entry with its status, early
// takedown (信用修复) and the 公示期 settings.
import type { IsoDate } from "../calendar/rules";
import { ErrorSummary, Field, PostForm } from "../ui/forms";
import {
  DEFAULT_PERIODS,
  ENTRY_TYPE_LABELS,
  type EntryType,
  MAX_PERIOD_MONTHS,
  PENALTY_KIND_LABELS,
  PERIOD_KINDS,
  PERIOD_LABELS,
  type PeriodSetting,
  STATUS_LABELS,
  statusOf,
} from "./rules";
import type { ImportCounts } from "./service";
import type { LicenceEntry, Page, PenaltyEntry, PublicityEntry } from "./store";
import { licencePath, penaltyPath } from "./urls";

export const ADMIN_PATH = "/admin/publicity";
export const adminEntryPath = (type: EntryType, id: number) =>
  `${ADMIN_PATH}/${type === "licence" ? "licences" : "penalties"}/${id}`;

export interface ImportReport {
  type: EntryType;
  fileName: string;
  errors?: string[];
  counts?: ImportCounts;
}

function EntryRows(props: { entries: PublicityEntry[]; today: IsoDate }) {
  return (
    <tbody>
      {props.entries.map((e) => (
        <tr>
          <th scope="row">
            <a href={adminEntryPath(e.type, e.id)}>{e.number}</a>
          </th>
          <td>{e.subjectName}</td>
          <td class="nowrap">
            {e.type === "penalty" ? PENALTY_KIND_LABELS[e.kind] : ENTRY_TYPE_LABELS.licence}
          </td>
          <td class="nowrap">{e.decidedOn}</td>
          <td class="nowrap">{e.publishByOn ?? "—"}</td>
          <td class="nowrap">{e.publishedOn ?? "—"}</td>
          <td class="nowrap">{e.publicityEndsOn ?? "不限"}</td>
          <td class="nowrap">{STATUS_LABELS[statusOf(e, props.today)]}</td>
        </tr>
      ))}
    </tbody>
  );
}

function EntryTable(props: {
  id: string;
  caption: string;
  entries: PublicityEntry[];
  today: IsoDate;
}) {
  if (props.entries.length === 0) return <p>还没有{props.caption}。</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">当事人(公示名称)</th>
            <th scope="col">类别</th>
            <th scope="col">决定日期</th>
            <th scope="col">应公示日期</th>
            <th scope="col">公示日期</th>
            <th scope="col">公示截止</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <EntryRows entries={props.entries} today={props.today} />
      </table>
    </div>
  );
}

function ImportResult(props: { report: ImportReport }) {
  const r = props.report;
  const what = ENTRY_TYPE_LABELS[r.type];
  if (r.errors) {
    return (
      <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
        <h3>
          “{r.fileName}”有 {r.errors.length} 处错误,没有导入任何数据
        </h3>
        <ul>
          {r.errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      </div>
    );
  }
  const c = r.counts!;
  return (
    <div class="notice" role="status">
      <p>
        已导入{what}公示“{r.fileName}”:新增 {c.created} 条,更新 {c.updated} 条,未变化 {c.unchanged}{" "}
        条。
      </p>
    </div>
  );
}

export function PublicityAdminPage(props: {
  today: IsoDate;
  licences: Page<LicenceEntry>;
  penalties: Page<PenaltyEntry>;
  report?: ImportReport;
  flash?: string;
  canAdminister: boolean;
  q?: string;
}) {
  return (
    <>
      <h1>双公示</h1>
      {props.flash ? (
        <div class="notice" role="status">
          <p>{props.flash}</p>
        </div>
      ) : null}
      <p>
        行政许可和行政处罚(含行政强制)决定的公示。导入后立即公示,公示期满自动从公开列表和订阅中移除。
        {props.canAdminister ? (
          <>
            {" "}
            <a href={`${ADMIN_PATH}/periods`}>设置公示期</a>
          </>
        ) : null}
      </p>
      <section aria-labelledby="import-title">
        <h2 id="import-title">导入(XLSX)</h2>
        <p>
          请先下载模板:<a href={`${ADMIN_PATH}/template/licences.xlsx`}>行政许可公示模板</a>、
          <a href={`${ADMIN_PATH}/template/penalties.xlsx`}>行政处罚公示模板</a>。
        </p>
        <p class="hint">
          任何一行有误则全部不导入。公示字段中不得出现身份证号码;自然人姓名自动隐去部分字符后公示,原姓名加密保存。同一文件重复导入不会产生重复条目。
        </p>
        {props.report ? <ImportResult report={props.report} /> : null}
        <PostForm action={`${ADMIN_PATH}/import`} multipart>
          <Field name="type" label="公示类别" required>
            {(attrs) => (
              <select {...attrs}>
                <option value="licence" selected={props.report?.type !== "penalty"}>
                  行政许可
                </option>
                <option value="penalty" selected={props.report?.type === "penalty"}>
                  行政处罚 / 行政强制
                </option>
              </select>
            )}
          </Field>
          <Field name="file" label="公示文件(XLSX)" required>
            {(attrs) => (
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                {...attrs}
              />
            )}
          </Field>
          <button type="submit" class="button">
            导入并公示
          </button>
        </PostForm>
      </section>
      <form method="get" action={ADMIN_PATH} class="filter-form" aria-label="查找公示条目">
        <label for="admin-q">
          名称或编号
          <input type="search" id="admin-q" name="q" value={props.q ?? ""} maxlength={100} />
        </label>
        <button type="submit">查找</button>
      </form>
      <section aria-labelledby="licence-list-title">
        <h2 id="licence-list-title">行政许可(共 {props.licences.total} 条)</h2>
        <EntryTable
          id="licences"
          caption="行政许可公示条目"
          entries={props.licences.entries}
          today={props.today}
        />
      </section>
      <section aria-labelledby="penalty-list-title">
        <h2 id="penalty-list-title">行政处罚与行政强制(共 {props.penalties.total} 条)</h2>
        <EntryTable
          id="penalties"
          caption="行政处罚公示条目"
          entries={props.penalties.entries}
          today={props.today}
        />
      </section>
    </>
  );
}

function Row(props: { label: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value || "—"}</dd>
    </>
  );
}

export function AdminEntryPage(props: {
  entry: PublicityEntry;
  today: IsoDate;
  catalogItem: string;
  canAdminister: boolean;
  revealed?: { subjectName: string | null; legalRep: string | null };
  errors: Record<string, string>;
  reason: string;
  flash?: string;
}) {
  const e = props.entry;
  const status = statusOf(e, props.today);
  const path = adminEntryPath(e.type, e.id);
  return (
    <>
      <p>
        <a href={ADMIN_PATH}>← 返回双公示</a>
      </p>
      <h1>
        {e.type === "penalty" ? PENALTY_KIND_LABELS[e.kind] : "行政许可"}公示 {e.number}
      </h1>
      {props.flash ? (
        <div class="notice" role="status">
          <p>{props.flash}</p>
        </div>
      ) : null}
      <ErrorSummary errors={props.errors} labels={{ reason: "撤下原因" }} />
      <dl class="publicity-entry">
        <Row label="状态" value={STATUS_LABELS[status]} />
        <Row label="当事人(公示名称)" value={e.subjectName} />
        <Row
          label="当事人类型"
          value={e.subjectType === "natural_person" ? "自然人 / 个体工商户" : "法人及其他组织"}
        />
        <Row label="统一社会信用代码" value={e.creditCode} />
        <Row label="法定代表人(负责人)" value={e.legalRep} />
        {e.type === "penalty" ? (
          <>
            <Row label="违法事实" value={e.facts} />
            <Row label="处罚依据" value={e.basis} />
            <Row label="处罚内容" value={e.content} />
            <Row label="仅通报批评或较低数额罚款" value={e.minor ? "是" : "否"} />
          </>
        ) : (
          <>
            <Row label="许可内容" value={e.content} />
            <Row label="有效期" value={`${e.validFrom ?? "—"} 至 ${e.validTo ?? "长期"}`} />
          </>
        )}
        <Row label="决定日期" value={e.decidedOn} />
        <Row label="决定机关" value={e.authority} />
        <Row label="目录事项" value={props.catalogItem} />
        <Row label="应公示日期" value={e.publishByOn} />
        <Row label="公示日期" value={e.publishedOn} />
        <Row label="公示截止日期" value={e.publicityEndsOn ?? "不限(许可有效期内)"} />
        <Row label="撤下时间" value={e.takenDownAt} />
        <Row label="撤下原因" value={e.takenDownReason} />
      </dl>
      {status === "public" ? (
        <p>
          <a href={e.type === "licence" ? licencePath(e.id) : penaltyPath(e.id)}>查看公开页面</a>
        </p>
      ) : null}
      {e.hasPersonalName ? (
        <section aria-labelledby="reveal-title">
          <h2 id="reveal-title">自然人原始姓名</h2>
          {props.revealed ? (
            <dl>
              <Row label="当事人姓名" value={props.revealed.subjectName} />
              <Row label="法定代表人(负责人)" value={props.revealed.legalRep} />
            </dl>
          ) : (
            <PostForm action={`${path}/reveal`}>
              <p class="hint">原始姓名加密保存,查看操作将记入审计日志。</p>
              <button type="submit" class="button secondary">
                查看原始姓名
              </button>
            </PostForm>
          )}
        </section>
      ) : null}
      {props.canAdminister && !e.takenDownAt ? (
        <section aria-labelledby="takedown-title">
          <h2 id="takedown-title">提前撤下(信用修复)</h2>
          <PostForm action={`${path}/take-down`}>
            <Field
              name="reason"
              label="撤下原因"
              required
              error={props.errors.reason}
              hint="如信用修复决定书文号、撤销决定等;记入审计日志。"
            >
              {(attrs) => (
                <textarea rows={3} maxlength={500} {...attrs}>
                  {props.reason}
                </textarea>
              )}
            </Field>
            <button type="submit" class="button danger">
              撤下,不再公示
            </button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}

export function PeriodsPage(props: {
  settings: PeriodSetting[];
  errors: Record<string, string>;
  flash?: string;
}) {
  return (
    <>
      <p>
        <a href={ADMIN_PATH}>← 返回双公示</a>
      </p>
      <h1>公示期设置</h1>
      {props.flash ? (
        <div class="notice" role="status">
          <p>{props.flash}</p>
        </div>
      ) : null}
      <ErrorSummary
        errors={props.errors}
        labels={Object.fromEntries(
          PERIOD_KINDS.map((k) => [`${k}_months`, `${PERIOD_LABELS[k]}公示期`]),
        )}
      />
      <p>
        公示期自公示之日起计算,期满后条目自动从公开列表、订阅和接口中移除(不删除,仍计入年度报告)。修改后对已公示的条目立即生效。
      </p>
      <p class="hint">
        <strong>未核实:</strong>
        参考数据中没有公示期的规定,以下默认值按《市场监督管理行政处罚信息公示规定》整理,条号未核实,请按本机关适用的规定核对后修改。
      </p>
      <PostForm action={`${ADMIN_PATH}/periods`}>
        {PERIOD_KINDS.map((kind) => {
          const s = props.settings.find((x) => x.kind === kind)!;
          const d = DEFAULT_PERIODS[kind];
          return (
            <fieldset>
              <legend>{PERIOD_LABELS[kind]}</legend>
              <p class="hint">默认:{d.basis}</p>
              {kind === "licence" ? (
                <Field name={`${kind}_mode`} label="公示方式">
                  {(attrs) => (
                    <select {...attrs}>
                      <option value="validity" selected={s.mode === "validity"}>
                        许可有效期内(有效期至之后不再公示)
                      </option>
                      <option value="fixed" selected={s.mode === "fixed"}>
                        固定期限(按下面的月数)
                      </option>
                    </select>
                  )}
                </Field>
              ) : null}
              <Field
                name={`${kind}_months`}
                label="公示期(月)"
                required
                error={props.errors[`${kind}_months`]}
                hint={`1至${MAX_PERIOD_MONTHS}个月`}
              >
                {(attrs) => (
                  <input
                    type="number"
                    min={1}
                    max={MAX_PERIOD_MONTHS}
                    value={String(s.months)}
                    {...attrs}
                  />
                )}
              </Field>
            </fieldset>
          );
        })}
        <button type="submit" class="button">
          保存
        </button>
      </PostForm>
    </>
  );
}
