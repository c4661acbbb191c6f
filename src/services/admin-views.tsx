// Back-office pages of 办事服务: the guide list and form, and the cases import and list.
import { recordStateLabels } from "../records/vocabulary";
import { ErrorSummary, Field, PostForm } from "../ui/forms";
import type { CaseListItem, ImportSummary } from "./case-service";
import type { GuideFormValues } from "./guide-form";
import { ITEM_TYPES, itemTypeLabels } from "./guide-schema";
import type { GuideListItem, GuideVersion } from "./guide-service";
import { guidePath } from "./urls";

export function GuideAdminList(props: { guides: GuideListItem[]; canEdit: boolean }) {
  return (
    <>
      <h1>办事指南</h1>
      <p>
        办事指南是体裁为“办事指南”的公开信息:在此填写结构化内容,送审、审核和签发在
        <a href="/admin/records">信息发布</a>中进行;空白表格和样表作为该信息的附件上传。
      </p>
      {props.canEdit ? (
        <p>
          <a class="button" href="/admin/services/guides/new">
            新建办事指南
          </a>
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">事项名称</th>
              <th scope="col">事项编码</th>
              <th scope="col">状态</th>
              <th scope="col">版本</th>
              <th scope="col">更新时间</th>
            </tr>
          </thead>
          <tbody>
            {props.guides.map((g) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/services/guides/${g.id}`}>{g.itemName}</a>
                </th>
                <td>{g.itemCode}</td>
                <td>{recordStateLabels[g.state]}</td>
                <td>{g.version}</td>
                <td>{g.updatedAt.slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const labels: Record<string, string> = {
  itemName: "事项名称",
  itemCode: "事项编码",
  itemType: "事项类型",
  catalogItemId: "目录事项",
  legalBasis: "设定依据",
  conditions: "受理条件",
  materials: "申请材料",
  steps: "办理流程",
  statutoryDays: "法定时限",
  promisedDays: "承诺时限",
  feeCharged: "是否收费",
  feeBasis: "收费依据",
  feeStandard: "收费标准",
  place: "办理地点",
  hours: "办理时间",
  inquiryPhone: "咨询电话",
  complaintPhone: "监督电话",
  resultName: "结果名称",
  delivery: "送达方式",
  onlineUrl: "网办入口",
};

const hints: Record<string, string> = {
  legalBasis: "每行一条,写明法规名称和条款",
  conditions: "每行一条",
  materials:
    "每行一项:名称 | 原件/复印件/原件和复印件/电子材料 | 份数 | 必需 或 适用情形 | 说明 | 空白表格附件名 | 样表附件名(附件须先上传到该信息)",
  steps: "每行一步,按顺序",
  statutoryDays: "工作日;即办填 0",
  promisedDays: "工作日,不超过法定时限",
  onlineUrl: "http:// 或 https:// 开头,可不填",
};

const longFields = new Set(["legalBasis", "conditions", "materials", "steps"]);

export function GuideFormPage(props: {
  action: string;
  title: string;
  values: GuideFormValues;
  errors: Record<string, string>;
  catalogItems: { id: number; label: string }[];
  version?: number;
  recordId?: number;
}) {
  const v = props.values;
  const text = (name: string, required = true) => (
    <Field
      name={name}
      label={labels[name]!}
      hint={hints[name]}
      error={props.errors[name]}
      required={required}
    >
      {(a) =>
        longFields.has(name) ? (
          <textarea {...a} rows={name === "materials" ? 8 : 4}>
            {v[name] ?? ""}
          </textarea>
        ) : (
          <input type="text" {...a} value={v[name] ?? ""} />
        )
      }
    </Field>
  );
  return (
    <>
      <h1>{props.title}</h1>
      {props.recordId ? (
        <p>
          <a href={`/admin/records/${props.recordId}`}>在信息发布中查看、上传附件和送审</a>
        </p>
      ) : null}
      <ErrorSummary errors={props.errors} labels={labels} />
      <PostForm action={props.action}>
        {props.version ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        {text("itemName")}
        {text("itemCode")}
        <Field name="itemType" label="事项类型" required error={props.errors.itemType}>
          {(a) => (
            <select {...a}>
              <option value="">请选择</option>
              {ITEM_TYPES.map((t) => (
                <option value={t} selected={v.itemType === t}>
                  {itemTypeLabels[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="catalogItemId" label="目录事项" error={props.errors.catalogItemId}>
          {(a) => (
            <select {...a}>
              <option value="">不归入目录事项</option>
              {props.catalogItems.map((i) => (
                <option value={String(i.id)} selected={v.catalogItemId === String(i.id)}>
                  {i.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text("legalBasis")}
        {text("conditions")}
        {text("materials")}
        {text("steps")}
        {text("statutoryDays")}
        {text("promisedDays")}
        <Field name="feeCharged" label="是否收费" error={props.errors.feeCharged}>
          {(a) => (
            <select {...a}>
              <option value="0" selected={v.feeCharged !== "1"}>
                不收费
              </option>
              <option value="1" selected={v.feeCharged === "1"}>
                收费
              </option>
            </select>
          )}
        </Field>
        {text("feeBasis", false)}
        {text("feeStandard", false)}
        {text("place")}
        {text("hours")}
        {text("inquiryPhone")}
        {text("complaintPhone")}
        {text("resultName")}
        {text("delivery")}
        {text("onlineUrl", false)}
        <p>
          <button type="submit" class="button">
            保存草稿
          </button>
        </p>
      </PostForm>
    </>
  );
}

export function GuideVersionsList(props: {
  versions: GuideVersion[];
  id: number;
  published: boolean;
}) {
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">历史版本</h2>
      {props.published ? (
        <p>
          已发布:<a href={guidePath(props.id)}>查看公开页面</a>
        </p>
      ) : null}
      <ul>
        {props.versions.map((ver) => (
          <li>
            第{ver.version}版 · {ver.createdAt.slice(0, 16).replace("T", " ")} ·{" "}
            {ver.data.materials.length}项材料 · 承诺{ver.data.promisedDays}个工作日
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CasesAdminPage(props: {
  cases: CaseListItem[];
  canImport: boolean;
  errors: Record<string, string>;
  summary?: ImportSummary;
}) {
  return (
    <>
      <h1>办件</h1>
      <p>
        办件由许可系统通过接口 <code>PUT /api/v1/service-cases/{"{受理号}"}</code>{" "}
        报送,或在此导入表格。申请人姓名加密保存,列表中只显示部分。
      </p>
      {props.summary ? (
        <p role="status">
          导入完成:新增{props.summary.created}件,更新{props.summary.updated}件,未变
          {props.summary.unchanged}件。
        </p>
      ) : null}
      {props.canImport ? (
        <section aria-labelledby="import">
          <h2 id="import">导入办件表</h2>
          <ErrorSummary errors={props.errors} labels={{ file: "文件" }} />
          <PostForm action="/admin/services/cases/import" multipart>
            <Field
              name="file"
              label="办件表(XLSX 或 UTF-8 CSV)"
              hint="表头:受理号、事项编码、事项名称、申请人、统一社会信用代码、受理日期、审查日期、现场核查日期、决定日期、制证日期、送达日期、办理结果、承诺办结日期。有任何一行有误时整个文件都不导入;同一文件重复导入不会产生重复办件。"
              error={props.errors.file}
              required
            >
              {(a) => <input type="file" {...a} accept=".xlsx,.csv" />}
            </Field>
            <p>
              <button type="submit" class="button">
                导入
              </button>{" "}
              <a href="/admin/services/cases/template.xlsx">下载空白模板</a>
            </p>
          </PostForm>
        </section>
      ) : null}
      <h2>最近的办件</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">受理号</th>
              <th scope="col">事项</th>
              <th scope="col">申请人</th>
              <th scope="col">受理日期</th>
              <th scope="col">承诺办结日期</th>
              <th scope="col">最新环节</th>
              <th scope="col">办理结果</th>
            </tr>
          </thead>
          <tbody>
            {props.cases.map((k) => (
              <tr>
                <th scope="row">{k.caseNo}</th>
                <td>{k.itemName}</td>
                <td>{k.applicant}</td>
                <td>{k.acceptedOn ?? "—"}</td>
                <td>{k.promisedOn ?? "—"}</td>
                <td>{k.lastStep ?? "—"}</td>
                <td>{k.result || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
