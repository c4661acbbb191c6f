// The decision catalog: the public yearly list and the back-office form.
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import type { DecisionItem } from "../decisions";
import { consultationPath } from "../labels";
import { methodLabels, PARTICIPATION_METHODS, STAGE_STATUSES, stageStatusLabels } from "../rules";

function YearPicker(props: { action: string; year: number; years: number[] }) {
  const years = [...new Set([props.year, ...props.years])].sort((a, b) => b - a);
  return (
    <form method="get" action={props.action} class="inline-form">
      <label for="year">年度</label>
      <select id="year" name="year">
        {years.map((y) => (
          <option value={String(y)} selected={y === props.year}>
            {y}年
          </option>
        ))}
      </select>
      <button type="submit" class="button secondary">
        查看
      </button>
    </form>
  );
}

function Stages(props: { item: DecisionItem }) {
  if (props.item.stages.length === 0) return <>—</>;
  return (
    <ul class="stage-list">
      {props.item.stages.map((s) => (
        <li>
          {methodLabels[s.method]}:{stageStatusLabels[s.status]}
          {s.on ? `(${s.on})` : ""}
        </li>
      ))}
    </ul>
  );
}

export function DecisionCatalogPage(props: {
  year: number;
  years: number[];
  items: DecisionItem[];
}) {
  return (
    <>
      <h1>{props.year}年重大行政决策事项目录</h1>
      <p class="lead">本年度公众参与的决策事项、参与方式及各环节进展,随各环节完成更新。</p>
      <YearPicker action="/interaction/decisions" year={props.year} years={props.years} />
      {props.items.length === 0 ? (
        <p>该年度暂无目录事项。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{props.year}年决策事项</caption>
            <thead>
              <tr>
                <th scope="col">决策事项</th>
                <th scope="col">承办单位</th>
                <th scope="col">重大行政决策</th>
                <th scope="col">公众参与方式及进展</th>
                <th scope="col">意见征集</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <th scope="row">{item.title}</th>
                  <td>{item.unitName}</td>
                  <td>{item.isMajor ? "是" : "否"}</td>
                  <td>
                    <Stages item={item} />
                  </td>
                  <td>
                    {item.consultations.length === 0
                      ? "—"
                      : item.consultations.map((c) => (
                          <p>
                            <a href={consultationPath(c.id)}>{c.title}</a>
                          </p>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export interface DecisionAdminModel {
  year: number;
  years: number[];
  items: DecisionItem[];
  units: { id: number; name: string }[];
  /** The entry being edited, or null for a new one. */
  editing: DecisionItem | null;
  values: Record<string, string>;
  errors: Record<string, string>;
  flash?: string;
}

const labels = { year: "年度", title: "决策事项名称", unitId: "承办单位", note: "备注" };

export function DecisionAdminPage(props: DecisionAdminModel) {
  return (
    <>
      <h1>重大行政决策事项目录</h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <YearPicker action="/admin/decisions" year={props.year} years={props.years} />
      {props.items.length === 0 ? (
        <p>该年度暂无事项。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{props.year}年事项</caption>
            <thead>
              <tr>
                <th scope="col">决策事项</th>
                <th scope="col">承办单位</th>
                <th scope="col">重大</th>
                <th scope="col">参与方式及进展</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/decisions/${item.id}`}>{item.title}</a>
                  </th>
                  <td>{item.unitName}</td>
                  <td>{item.isMajor ? "是" : "否"}</td>
                  <td>
                    <Stages item={item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DecisionForm {...props} />
    </>
  );
}

function DecisionForm(props: DecisionAdminModel) {
  const e = props.errors;
  const v = props.values;
  const item = props.editing;
  const stage = (m: string) => item?.stages.find((s) => s.method === m);
  return (
    <section aria-labelledby="decision-form-title">
      <h2 id="decision-form-title">{item ? `修改事项:${item.title}` : "新增事项"}</h2>
      <ErrorSummary errors={e} labels={labels} />
      <PostForm action={item ? `/admin/decisions/${item.id}` : "/admin/decisions"}>
        <Field name="year" label={labels.year} required error={e.year}>
          {(attrs) => (
            <input
              type="number"
              min={2000}
              max={2100}
              value={v.year ?? String(item?.year ?? props.year)}
              {...attrs}
            />
          )}
        </Field>
        <Field name="title" label={labels.title} required error={e.title}>
          {(attrs) => (
            <input type="text" maxlength={200} value={v.title ?? item?.title ?? ""} {...attrs} />
          )}
        </Field>
        <Field name="unitId" label={labels.unitId} required error={e.unitId}>
          {(attrs) => (
            <select {...attrs}>
              {props.units.map((u) => (
                <option
                  value={String(u.id)}
                  selected={String(u.id) === (v.unitId ?? String(item?.unitId ?? ""))}
                >
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="isMajor" label="属于重大行政决策">
          {(attrs) => (
            <input
              type="checkbox"
              value="1"
              checked={v.isMajor ? v.isMajor === "1" : !!item?.isMajor}
              {...attrs}
            />
          )}
        </Field>
        <fieldset>
          <legend>公众参与方式及环节(勾选采用的方式)</legend>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">参与方式</caption>
              <thead>
                <tr>
                  <th scope="col">方式</th>
                  <th scope="col">状态</th>
                  <th scope="col">日期</th>
                </tr>
              </thead>
              <tbody>
                {PARTICIPATION_METHODS.map((m) => {
                  const s = stage(m);
                  return (
                    <tr>
                      <th scope="row">
                        <input
                          type="checkbox"
                          id={`m-${m}`}
                          name="methods"
                          value={m}
                          checked={!!s}
                        />
                        <label for={`m-${m}`}>{methodLabels[m]}</label>
                      </th>
                      <td>
                        <label for={`s-${m}`} class="visually-hidden">
                          {methodLabels[m]}状态
                        </label>
                        <select id={`s-${m}`} name={`status_${m}`}>
                          {STAGE_STATUSES.map((st) => (
                            <option value={st} selected={s?.status === st}>
                              {stageStatusLabels[st]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <label for={`d-${m}`} class="visually-hidden">
                          {methodLabels[m]}日期
                        </label>
                        <input type="date" id={`d-${m}`} name={`on_${m}`} value={s?.on ?? ""} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {e.stages ? <p class="error-text">错误:{e.stages}</p> : null}
        </fieldset>
        <Field name="note" label={labels.note} error={e.note}>
          {(attrs) => (
            <input type="text" maxlength={500} value={v.note ?? item?.note ?? ""} {...attrs} />
          )}
        </Field>
        <button type="submit" class="button">
          保存
        </button>
      </PostForm>
    </section>
  );
}
