// 年底考核: the score sheet of every unit, one unit's sheet with the items behind each score, and
// the administrator's weight table.
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import { SupervisionTabs } from "../subnav";
import {
  INDICATORS,
  type IndicatorKey,
  indicatorLabels,
  indicatorRules,
  rateText,
  type Weights,
} from "./scoring";
import type { Assessment, UnitAssessment } from "./service";

export const ASSESSMENT_PATH = "/admin/supervision/assessment";

function YearForm(props: { year: number; action: string }) {
  return (
    <form method="get" action={props.action} class="filter-form" aria-label="考核年度">
      <Field name="year" label="考核年度">
        {(a) => <input type="number" min="2000" max="2100" value={String(props.year)} {...a} />}
      </Field>
      <button type="submit">查看</button>
    </form>
  );
}

function WeightsTable(props: { weights: Weights }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>考核指标、计算方法和权重</caption>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">计算方法</th>
            <th scope="col">权重(分)</th>
          </tr>
        </thead>
        <tbody>
          {INDICATORS.map((k) => (
            <tr>
              <th scope="row">{indicatorLabels[k]}</th>
              <td>{indicatorRules[k]}</td>
              <td>{props.weights[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AssessmentPage(props: { assessment: Assessment; canEditWeights: boolean }) {
  const a = props.assessment;
  return (
    <section aria-labelledby="assess-title">
      <h1 id="assess-title">{a.year}年度考核</h1>
      <SupervisionTabs current={ASSESSMENT_PATH} />
      <p>
        得分由系统记录自动计算:每项得分 = 权重 ×
        达标率。某项在考核期内没有应计事项的,记为“不适用”,按满分计。 统计期间 {a.period.from} 至{" "}
        {a.period.to},截至 {a.today}。
      </p>
      <YearForm year={a.year} action={ASSESSMENT_PATH} />
      <p>
        <a href={`${ASSESSMENT_PATH}/export.xlsx?year=${a.year}`}>导出 XLSX(得分和依据)</a>
        {props.canEditWeights ? (
          <>
            {" · "}
            <a href={`${ASSESSMENT_PATH}/weights`}>调整指标权重</a>
          </>
        ) : null}
      </p>
      <div class="table-wrap">
        <table class="dashboard-table">
          <caption>各单位得分</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              {INDICATORS.map((k) => (
                <th scope="col">
                  {indicatorLabels[k]}({a.weights[k]})
                </th>
              ))}
              <th scope="col">总分</th>
            </tr>
          </thead>
          <tbody>
            {a.units.map((u) => (
              <tr>
                <th scope="row">
                  <a href={`${ASSESSMENT_PATH}/${u.unitId}?year=${a.year}`}>{u.unitName}</a>
                </th>
                {u.sheet.indicators.map((i) => (
                  <td>{i.score}</td>
                ))}
                <td>
                  <strong>{u.sheet.total}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <WeightsTable weights={a.weights} />
    </section>
  );
}

export function UnitAssessmentPage(props: {
  assessment: Assessment;
  unit: UnitAssessment;
  backHref: string | null;
}) {
  const { unit, assessment: a } = props;
  return (
    <section aria-labelledby="unit-assess-title">
      {props.backHref ? (
        <p>
          <a href={props.backHref}>← 返回各单位得分</a>
        </p>
      ) : null}
      <h1 id="unit-assess-title">
        {unit.unitName} {a.year}年度考核得分:{unit.sheet.total}
      </h1>
      <div class="table-wrap">
        <table>
          <caption>得分表</caption>
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col">达标</th>
              <th scope="col">计数</th>
              <th scope="col">达标率</th>
              <th scope="col">权重</th>
              <th scope="col">得分</th>
            </tr>
          </thead>
          <tbody>
            {unit.sheet.indicators.map((i) => (
              <tr>
                <th scope="row">
                  <a href={`#ev-${i.key}`}>{indicatorLabels[i.key]}</a>
                </th>
                <td>{i.met}</td>
                <td>{i.counted}</td>
                <td>{rateText(i.rate)}</td>
                <td>{i.weight}</td>
                <td>{i.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {INDICATORS.map((k) => (
        <EvidenceSection unit={unit} indicator={k} />
      ))}
    </section>
  );
}

function EvidenceSection(props: { unit: UnitAssessment; indicator: IndicatorKey }) {
  const items = props.unit.evidence.filter((e) => e.indicator === props.indicator);
  return (
    <section aria-labelledby={`ev-${props.indicator}`}>
      <h2 id={`ev-${props.indicator}`}>{indicatorLabels[props.indicator]}</h2>
      <p class="hint">{indicatorRules[props.indicator]}</p>
      {items.length === 0 ? (
        <p>考核期内没有应计事项(不适用,按满分计)。</p>
      ) : (
        <ul>
          {items.map((e) => (
            <li>
              <a href={e.href}>{e.title}</a>:{e.detail}
              {e.met ? "(达标)" : <strong>(未达标)</strong>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function WeightsPage(props: {
  values: Record<string, string>;
  errors: Record<string, string>;
  flash?: string;
}) {
  const labels: Record<string, string> = { ...indicatorLabels, _: "权重合计" };
  return (
    <section aria-labelledby="weights-title">
      <p>
        <a href={ASSESSMENT_PATH}>← 返回年底考核</a>
      </p>
      <h1 id="weights-title">考核指标权重</h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <ErrorSummary errors={props.errors} labels={labels} />
      {props.errors._ ? (
        <p class="error-text" id="f-_">
          错误:{props.errors._}
        </p>
      ) : null}
      <PostForm action={`${ASSESSMENT_PATH}/weights`}>
        <p class="hint">每项为 0 到 100 的整数,合计必须为 100。</p>
        {INDICATORS.map((k) => (
          <Field
            name={k}
            label={indicatorLabels[k]}
            error={props.errors[k]}
            hint={indicatorRules[k]}
          >
            {(a) => (
              <input
                type="number"
                min="0"
                max="100"
                step="1"
                value={props.values[k] ?? ""}
                {...a}
              />
            )}
          </Field>
        ))}
        <button type="submit">保存权重</button>
      </PostForm>
    </section>
  );
}
