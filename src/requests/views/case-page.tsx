// The case page: applicant (masked unless revealed), what is asked, the clock in words, the
// timeline, and the forms for the next steps.
import { PostForm } from "../../ui/forms";
import type { ApplicantDetails } from "../applicant-data";
import { CaseworkPanel, type CaseworkPanelModel } from "../casework-panel";
import {
  applicantKindLabels,
  channelLabels,
  clockStateLabels,
  deliveryFormLabels,
  deliveryRouteLabels,
  idTypeLabels,
  phaseLabels,
} from "../labels";
import { isFinalResultKey, resultLabel } from "../results";
import type { CaseView, StoredEvent } from "../service";
import { type EventFormState, EventForms } from "./event-forms";

export interface CasePageModel {
  view: CaseView;
  units: { id: number; name: string }[];
  today: string;
  canHandle: boolean;
  canReveal: boolean;
  canApproveExtension: boolean;
  revealed?: ApplicantDetails & { idScanFileId: number | null };
  flash?: string;
  failed?: EventFormState;
  /** Letters, appeals and the 第四十四条 suggestion. */
  casework?: CaseworkPanelModel;
}

export function CasePage(props: CasePageModel) {
  const { application: a, clock } = props.view;
  const unitName = new Map(props.units.map((u) => [u.id, u.name]));
  return (
    <>
      <p>
        <a href="/admin/applications">← 返回申请列表</a>
      </p>
      <h1>申请 {a.applicationNo}</h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <dl class="case-facts">
        <dt>办理阶段</dt>
        <dd>{phaseLabels[props.view.phase]}</dd>
        <dt>期限状态</dt>
        <dd>{clockStateLabels[clock.state]}</dd>
        <dt>申请渠道</dt>
        <dd>{channelLabels[a.channel]}</dd>
        <dt>收到申请之日</dt>
        <dd>{clock.receivedOn ?? "待确认"}</dd>
        <dt>答复期限</dt>
        <dd>{clock.dueDate ?? "—"}</dd>
        <dt>承办单位</dt>
        <dd>{a.unitId ? (unitName.get(a.unitId) ?? "") : "未分办"}</dd>
      </dl>

      <section aria-labelledby="clock-title">
        <h2 id="clock-title">答复期限说明</h2>
        <ol>
          {clock.explanation.map((line) => (
            <li>{line}</li>
          ))}
        </ol>
      </section>

      <Applicant {...props} />

      <section aria-labelledby="request-title">
        <h2 id="request-title">所需政府信息</h2>
        <dl>
          <dt>信息名称</dt>
          <dd>{a.requestedInfo.name ?? "—"}</dd>
          <dt>文号</dt>
          <dd>{a.requestedInfo.docNo ?? "—"}</dd>
          <dt>特征描述</dt>
          <dd>{a.requestedInfo.description || "—"}</dd>
          <dt>获取方式和途径</dt>
          <dd>
            {deliveryFormLabels[a.deliveryForm]};{deliveryRouteLabels[a.deliveryRoute]}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">办理记录</h2>
        <Timeline events={props.view.events} submittedOn={a.submittedOn} />
      </section>

      <section aria-labelledby="next-title">
        <h2 id="next-title">办理</h2>
        <EventForms
          applicationId={a.id}
          allowed={props.view.allowedEventTypes}
          today={props.today}
          units={props.units}
          consultations={clock.consultations}
          canApproveExtension={props.canApproveExtension}
          canHandle={props.canHandle}
          failed={props.failed}
        />
      </section>
      {props.casework ? <CaseworkPanel {...props.casework} /> : null}
    </>
  );
}

function Applicant(props: CasePageModel) {
  const masked = props.view.application.applicant;
  const full = props.revealed;
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <section aria-labelledby="applicant-title">
      <h2 id="applicant-title">申请人</h2>
      <dl>
        {row("类型", applicantKindLabels[masked.kind])}
        {row("姓名或名称", full ? full.name : masked.displayName)}
        {full?.idType ? row("证件类型", idTypeLabels[full.idType]) : null}
        {row("证件号码", full ? full.idNumber : masked.idNumber)}
        {row("统一社会信用代码", masked.creditCode)}
        {row("法定代表人", full?.legalRepresentative)}
        {row("联系人", full?.contactPerson)}
        {row("联系电话", full ? full.phone : masked.phone)}
        {row("电子邮箱", full ? full.email : masked.email)}
        {full
          ? row("通信地址", full.address)
          : masked.hasAddress
            ? row("通信地址", "(已填写,已隐藏)")
            : null}
      </dl>
      {full?.idScanFileId ? (
        <p>
          <a href={`/admin/applications/${props.view.application.id}/id-scan`}>
            查看身份证明扫描件
          </a>
          (查看将记入审计日志)
        </p>
      ) : null}
      {!full && props.canReveal ? (
        <PostForm
          action={`/admin/applications/${props.view.application.id}/reveal`}
          class="inline-form"
        >
          <button type="submit" class="button">
            查看完整个人信息
          </button>{" "}
          <span class="hint">每次查看都记入审计日志。</span>
        </PostForm>
      ) : null}
    </section>
  );
}

function Timeline(props: { events: StoredEvent[]; submittedOn: string | null }) {
  return (
    <ol class="timeline">
      {props.submittedOn ? (
        <li>
          <time datetime={props.submittedOn}>{props.submittedOn}</time> 提交申请
        </li>
      ) : null}
      {props.events.map((e) => (
        <li>
          <time datetime={e.on}>{e.on}</time> {e.label}
          {detailOf(e)}
          <small>
            ({e.actorName} 记录于 {e.at.slice(0, 16).replace("T", " ")} UTC)
          </small>
          {e.note ? <p class="hint">备注:{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function detailOf(e: StoredEvent): string {
  const p = e.payload;
  switch (e.type) {
    case "reply":
      return isFinalResultKey(p.result) ? `:${resultLabel(p.result)}` : "";
    case "request_supplement":
      return `:${(p.items as string[]).join(";")}(补正期限 ${p.dueOn})`;
    case "consult_third_party":
    case "consult_agency":
      return `:${p.party}`;
    case "consultation_answered":
      return p.answer === "consent" ? ":同意公开" : ":不同意公开";
    case "extend":
      return `:${p.days} 个工作日(签发人 ${p.approvedBy})`;
    case "fee_notice":
      return `:${p.amountYuan} 元`;
    case "set_reasonable_period":
      return `:至 ${p.dueOn}`;
    default:
      return "";
  }
}
