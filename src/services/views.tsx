// Public pages of 办事服务: the landing page, the guide list, one guide, and the progress lookup.
// View models only; the print-only 一次性告知单 is in notice-view.tsx.
import { ErrorSummary, Field, PostForm } from "../ui/forms";
import type { PublicCaseStatus } from "./case-lookup";
import {
  DEMO_MARK,
  feeText,
  materialCopiesText,
  materialNeedText,
  timeLimitText,
} from "./guide-rules";
import { type ItemType, itemTypeLabels, type Material } from "./guide-schema";
import type { PublicGuide, PublicGuideSummary } from "./guide-store";
import { GUIDES_FEED_PATH, guideNoticePath, guidePath } from "./urls";

export function ServicesLanding() {
  return (
    <>
      <h1>办事服务</h1>
      <p class="lead">查阅办事指南、打印一次性告知单,查询办件进度和行政许可、行政处罚公示。</p>
      <ul class="service-links">
        <li>
          <a href="/services/guides">办事指南</a>:受理条件、申请材料、办理流程、时限和收费
        </li>
        <li>
          <a href="/services/cases">办件进度查询</a>:凭受理号和申请人查询办理环节和结果
        </li>
        <li>
          <a href="/services/publicity">双公示</a>:行政许可和行政处罚结果公示
        </li>
      </ul>
    </>
  );
}

export function GuideListPage(props: { guides: PublicGuideSummary[] }) {
  const byType = new Map<string, PublicGuideSummary[]>();
  for (const g of props.guides) byType.set(g.itemType, [...(byType.get(g.itemType) ?? []), g]);
  return (
    <>
      <h1>办事指南</h1>
      <p class="lead">
        办事前请查看指南并按“一次性告知单”准备材料。
        <a href={GUIDES_FEED_PATH}>订阅办事指南更新(Atom)</a>
      </p>
      {props.guides.length === 0 ? <p>暂无办事指南。</p> : null}
      {[...byType].map(([type, guides]) => (
        <section aria-labelledby={`type-${type}`}>
          <h2 id={`type-${type}`}>{itemTypeLabels[type as ItemType] ?? type}</h2>
          <ul class="guide-list">
            {guides.map((g) => (
              <li>
                <a href={guidePath(g.id)}>{g.title}</a>
                <span class="guide-code">事项编码 {g.itemCode}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Attachment id → its public download address, for blank forms and samples. */
export type FileLinks = ReadonlyMap<number, { href: string; name: string }>;

function MaterialFiles(props: { material: Material; files: FileLinks }) {
  const blank = props.material.blankFormAttachmentId
    ? props.files.get(props.material.blankFormAttachmentId)
    : undefined;
  const sample = props.material.sampleAttachmentId
    ? props.files.get(props.material.sampleAttachmentId)
    : undefined;
  if (!blank && !sample) return <>—</>;
  return (
    <>
      {blank ? <a href={blank.href}>空白表格</a> : null}
      {blank && sample ? " " : null}
      {sample ? <a href={sample.href}>填写样表</a> : null}
    </>
  );
}

export function MaterialsTable(props: { materials: Material[]; files?: FileLinks }) {
  return (
    <div class="table-wrap">
      <table class="materials-table">
        <caption>申请材料({props.materials.length}项)</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">材料名称</th>
            <th scope="col">形式和份数</th>
            <th scope="col">是否必需</th>
            {props.files ? <th scope="col">表格下载</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.materials.map((m, i) => (
            <tr>
              <td>{i + 1}</td>
              <th scope="row">
                {m.name}
                {m.note ? <span class="material-note">{m.note}</span> : null}
              </th>
              <td>{materialCopiesText(m)}</td>
              <td>{materialNeedText(m)}</td>
              {props.files ? (
                <td>
                  <MaterialFiles material={m} files={props.files} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GuidePage(props: { guide: PublicGuide; files: FileLinks }) {
  const g = props.guide;
  const d = g.data;
  const limits = timeLimitText(d);
  return (
    <article class="service-guide">
      <h1>{g.title}</h1>
      {d.isDemo ? (
        <p class="demo-mark" role="note">
          本指南为系统演示内容{DEMO_MARK},电话号码等均为演示数据,不作为办事依据。
        </p>
      ) : null}
      <p class="guide-actions">
        <a class="button" href={guideNoticePath(g.id)}>
          打印一次性告知单
        </a>
        {d.onlineUrl ? (
          <a class="button secondary" href={d.onlineUrl} rel="noopener noreferrer">
            网上办理
          </a>
        ) : null}
      </p>
      <dl class="guide-facts">
        <dt>事项名称</dt>
        <dd>{d.itemName}</dd>
        <dt>事项编码</dt>
        <dd>{d.itemCode}</dd>
        <dt>事项类型</dt>
        <dd>{itemTypeLabels[d.itemType]}</dd>
        <dt>法定时限</dt>
        <dd>{limits.statutory}</dd>
        <dt>承诺时限</dt>
        <dd>{limits.promised}</dd>
        <dt>收费</dt>
        <dd>{feeText(d)}</dd>
        {g.catalogItem ? (
          <>
            <dt>目录事项</dt>
            <dd>{g.catalogItem.item}</dd>
          </>
        ) : null}
        <dt>发布日期</dt>
        <dd>{g.publishedOn}</dd>
      </dl>
      <h2>设定依据</h2>
      <ul>
        {d.legalBasis.map((b) => (
          <li>{b}</li>
        ))}
      </ul>
      <h2>受理条件</h2>
      <ol>
        {d.conditions.map((c) => (
          <li>{c}</li>
        ))}
      </ol>
      <h2>申请材料</h2>
      <MaterialsTable materials={d.materials} files={props.files} />
      <h2>办理流程</h2>
      <ol class="guide-steps">
        {d.steps.map((s) => (
          <li>{s}</li>
        ))}
      </ol>
      <h2>收费</h2>
      {d.feeCharged ? (
        <p>
          收费标准:{d.feeStandard}。收费依据:{d.feeBasis}。
        </p>
      ) : (
        <p>不收费。</p>
      )}
      <h2>办理地点和时间</h2>
      <dl class="guide-facts">
        <dt>办理地点</dt>
        <dd>{d.place}</dd>
        <dt>办理时间</dt>
        <dd>{d.hours}</dd>
        <dt>咨询电话</dt>
        <dd>{d.inquiryPhone}</dd>
        <dt>监督电话</dt>
        <dd>{d.complaintPhone}</dd>
      </dl>
      <h2>办理结果</h2>
      <dl class="guide-facts">
        <dt>结果名称</dt>
        <dd>{d.resultName}</dd>
        <dt>送达方式</dt>
        <dd>{d.delivery}</dd>
        {d.onlineUrl ? (
          <>
            <dt>网办入口</dt>
            <dd>
              <a href={d.onlineUrl} rel="noopener noreferrer">
                {d.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href="/services/cases">查询办件进度</a> · <a href="/services/guides">全部办事指南</a>
      </p>
    </article>
  );
}

export interface CaseLookupModel {
  values: { caseNo?: string };
  errors: Record<string, string>;
  status?: PublicCaseStatus;
  message?: string;
}

export function CaseLookupPage(props: CaseLookupModel) {
  return (
    <>
      <h1>办件进度查询</h1>
      {props.status ? <CaseStatusView status={props.status} /> : null}
      <ErrorSummary errors={props.errors} labels={{ caseNo: "受理号", applicant: "申请人" }} />
      {props.message ? (
        <div class="error-summary" role="alert">
          <p>{props.message}</p>
        </div>
      ) : null}
      <h2>{props.status ? "查询其他办件" : "请输入受理号和申请人"}</h2>
      <PostForm action="/services/cases">
        <Field
          name="caseNo"
          label="受理号"
          hint="受理通知书上的受理号"
          required
          error={props.errors.caseNo}
        >
          {(a) => <input type="text" {...a} value={props.values.caseNo ?? ""} autocomplete="off" />}
        </Field>
        <Field
          name="applicant"
          label="申请人"
          hint="申请人姓名或单位名称,也可填写统一社会信用代码的后4位"
          required
          error={props.errors.applicant}
        >
          {(a) => <input type="text" {...a} value="" autocomplete="off" />}
        </Field>
        <p>
          <button type="submit" class="button">
            查询
          </button>
        </p>
      </PostForm>
    </>
  );
}

function CaseStatusView(props: { status: PublicCaseStatus }) {
  const s = props.status;
  return (
    <section aria-labelledby="case-title" class="case-status">
      <h2 id="case-title">办件 {s.caseNo}</h2>
      <dl class="guide-facts">
        <dt>办理事项</dt>
        <dd>{s.guideId ? <a href={guidePath(s.guideId)}>{s.itemName}</a> : s.itemName}</dd>
        <dt>办理状态</dt>
        <dd>
          <strong>{s.isClosed ? "已办结" : "办理中"}</strong>
        </dd>
        <dt>受理日期</dt>
        <dd>{s.acceptedOn ?? "—"}</dd>
        <dt>承诺办结日期</dt>
        <dd>{s.promisedOn ?? "—"}</dd>
        {s.result ? (
          <>
            <dt>办理结果</dt>
            <dd>{s.result}</dd>
          </>
        ) : null}
      </dl>
      {s.steps.length ? (
        <>
          <h3>办理环节</h3>
          <ol class="steps">
            {s.steps.map((step) => (
              <li>
                <time datetime={step.on}>{step.on}</time> {step.label}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
