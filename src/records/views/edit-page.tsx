// /admin/records/new and /admin/records/{id}/edit: every metadata field of a draft, its body,
// the interpretation link, and its attachments (upload inside the form, removal below it).
import { formatSize } from "../../platform/files/refusals";
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import type { RecordAttachment } from "../attachments";
import type { RecordFormValues } from "../backoffice-form";
import type { CatalogChoiceGroup, Choice } from "../backoffice-queries";
import { GENRES, genreLabels } from "../genres";
import type { RecordDetail } from "../store";
import {
  INTERPRETATION_KINDS,
  interpretationKindLabels,
  OPENNESS,
  opennessLabels,
  VALIDITIES,
  validityLabels,
} from "../vocabulary";
import { RecordSubNav } from "./common";

export const recordFormLabels: Record<string, string> = {
  title: "标题",
  docNo: "文号",
  publisher: "发布机构",
  unitId: "所属单位",
  formedOn: "成文日期",
  topic: "主题分类",
  genre: "体裁",
  openness: "五公开类别",
  validity: "有效性",
  validityChangedOn: "失效或废止日期",
  repealedByRecordId: "废止本文件的信息",
  keywords: "关键词",
  catalogItemId: "目录事项",
  summary: "摘要",
  bodyHtml: "正文",
  needsInterpretation: "需要解读",
  interpretsRecordId: "所解读的文件",
  interpretationKind: "解读形式",
  videoUrl: "视频链接",
  files: "附件",
};

export interface EditPageModel {
  /** The draft being edited; null for a new one. */
  record: RecordDetail | null;
  values: RecordFormValues;
  errors?: Record<string, string>;
  units: Choice[];
  catalogGroups: CatalogChoiceGroup[];
  policies: Choice[];
  attachments: RecordAttachment[];
  /** 应公开日期 as computed from the values shown, when they allow it. */
  dueOn: string | null;
  notice?: string;
}

type Props = EditPageModel & { err: Record<string, string> };

export function RecordEditPage(model: EditPageModel) {
  const { record } = model;
  const props: Props = { ...model, err: model.errors ?? {} };
  const action = record ? `/admin/records/${record.id}/edit` : "/admin/records/new";
  return (
    <section aria-labelledby="edit-title">
      {record ? <RecordSubNav id={record.id} current="edit" canEdit /> : null}
      <h1 id="edit-title">{record ? `编辑草稿:${record.title}` : "起草新信息"}</h1>
      {model.notice ? <p role="status">{model.notice}</p> : null}
      <ErrorSummary errors={model.errors} labels={recordFormLabels} />
      <PostForm action={action} multipart class="catalog-form">
        {record ? (
          <input type="hidden" name="expectedVersion" value={String(record.version)} />
        ) : null}
        <BasicFields {...props} />
        <CatalogFields {...props} />
        <ValidityFields {...props} />
        <BodyFields {...props} />
        <InterpretationFields {...props} />
        <fieldset>
          <legend>附件</legend>
          <Field
            name="files"
            label="上传附件(可多选)"
            error={props.err.files}
            hint="支持 PDF、OFD、Word(docx)、Excel(xlsx)和图片,每个文件不超过20MB。文件类型按内容核验,作者等元数据会被去除。"
          >
            {(a) => <input type="file" multiple {...a} />}
          </Field>
        </fieldset>
        <p>
          <button type="submit">{record ? "保存草稿" : "保存为草稿"}</button>
        </p>
      </PostForm>
      {record ? <AttachmentList recordId={record.id} attachments={model.attachments} /> : null}
    </section>
  );
}

function TextInput(
  props: Props & { name: keyof RecordFormValues; hint?: string; required?: boolean; type?: string },
) {
  return (
    <Field
      name={props.name}
      label={recordFormLabels[props.name]!}
      error={props.err[props.name]}
      hint={props.hint}
      required={props.required}
    >
      {(a) => <input type={props.type ?? "text"} value={props.values[props.name] ?? ""} {...a} />}
    </Field>
  );
}

function Select(
  props: Props & {
    name: keyof RecordFormValues;
    options: Choice[] | { value: string; label: string }[];
    blank?: string;
    required?: boolean;
    hint?: string;
  },
) {
  const current = props.values[props.name] ?? "";
  const options = props.options.map((o) =>
    "id" in o ? { value: String(o.id), label: o.label } : o,
  );
  return (
    <Field
      name={props.name}
      label={recordFormLabels[props.name]!}
      error={props.err[props.name]}
      required={props.required}
      hint={props.hint}
    >
      {(a) => (
        <select {...a}>
          {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
          {options.map((o) => (
            <option value={o.value} selected={current === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const pairs = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

function BasicFields(props: Props) {
  return (
    <fieldset>
      <legend>基本信息</legend>
      <TextInput {...props} name="title" required />
      <TextInput {...props} name="docNo" hint="如:渑市监文〔2020〕53号;没有文号的留空。" />
      <TextInput {...props} name="publisher" hint="默认为站点设置中的主办单位。" />
      <Select {...props} name="unitId" options={props.units} required />
      <TextInput
        {...props}
        name="formedOn"
        type="date"
        required
        hint="格式 YYYY-MM-DD。应公开日期据此计算。"
      />
      <TextInput {...props} name="topic" required hint="如:市场监管、食品安全。" />
      <Select
        {...props}
        name="genre"
        options={pairs(GENRES, genreLabels)}
        blank="请选择"
        required
      />
      <Select
        {...props}
        name="openness"
        options={pairs(OPENNESS, opennessLabels)}
        blank="请选择"
        required
        hint="决策、执行、管理、服务、结果公开。"
      />
      <TextInput {...props} name="keywords" hint="多个关键词用逗号、顿号或空格分隔。" />
    </fieldset>
  );
}

function CatalogFields(props: Props) {
  const current = props.values.catalogItemId ?? "";
  return (
    <fieldset>
      <legend>目录事项与公开时限</legend>
      <Field
        name="catalogItemId"
        label="目录事项"
        error={props.err.catalogItemId}
        hint="按标准目录的一级事项分组。"
      >
        {(a) => (
          <select {...a}>
            <option value="">不归入目录事项</option>
            {props.catalogGroups.map((g) => (
              <optgroup label={g.category}>
                {g.items.map((i) => (
                  <option value={String(i.id)} selected={current === String(i.id)}>
                    {i.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <p>
        应公开日期:
        <strong>
          {props.dueOn ?? "保存后按成文日期和目录事项的公开时限计算(没有时限规则的事项不计算)"}
        </strong>
      </p>
    </fieldset>
  );
}

function ValidityFields(props: Props) {
  return (
    <fieldset>
      <legend>有效性</legend>
      <Select {...props} name="validity" options={pairs(VALIDITIES, validityLabels)} />
      <TextInput {...props} name="validityChangedOn" type="date" hint="失效或废止时填写。" />
      <TextInput
        {...props}
        name="repealedByRecordId"
        type="number"
        hint="已废止时,填写废止本文件的信息编号(见该信息详情页地址中的数字)。"
      />
    </fieldset>
  );
}

function BodyFields(props: Props) {
  return (
    <fieldset>
      <legend>摘要与正文</legend>
      <Field name="summary" label="摘要" error={props.err.summary}>
        {(a) => (
          <textarea rows={3} {...a}>
            {props.values.summary ?? ""}
          </textarea>
        )}
      </Field>
      <Field
        name="bodyHtml"
        label="正文"
        error={props.err.bodyHtml}
        hint="可粘贴 HTML,也可直接输入纯文本(每行一段)。保存时会去除脚本、事件属性等不安全内容。"
      >
        {(a) => (
          <textarea rows={18} {...a}>
            {props.values.bodyHtml ?? ""}
          </textarea>
        )}
      </Field>
    </fieldset>
  );
}

function InterpretationFields(props: Props) {
  const needs = props.values.needsInterpretation === "1";
  return (
    <fieldset>
      <legend>政策解读</legend>
      <Field
        name="needsInterpretation"
        label="需要解读"
        error={props.err.needsInterpretation}
        hint="规范性文件和其他政策文件可勾选:须与其政策解读同步审签、同步发布。"
      >
        {(a) => <input type="checkbox" value="1" checked={needs} {...a} />}
      </Field>
      <Select
        {...props}
        name="interpretsRecordId"
        options={props.policies}
        blank="(不是政策解读)"
        hint="体裁为“政策解读”时,选择所解读的政策文件。"
      />
      <Select
        {...props}
        name="interpretationKind"
        options={pairs(INTERPRETATION_KINDS, interpretationKindLabels)}
        blank="(不是政策解读)"
      />
      <TextInput
        {...props}
        name="videoUrl"
        type="url"
        hint="视频解读填写 https:// 开头的视频地址。"
      />
    </fieldset>
  );
}

function AttachmentList(props: { recordId: number; attachments: RecordAttachment[] }) {
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">已上传的附件</h2>
      {props.attachments.length === 0 ? (
        <p>还没有附件。</p>
      ) : (
        <ul>
          {props.attachments.map((a) => (
            <li>
              <a href={`/admin/records/${props.recordId}/attachments/${a.id}`}>{a.fileName}</a>(
              {formatSize(a.size)}){" "}
              <PostForm
                action={`/admin/records/${props.recordId}/attachments/${a.id}/delete`}
                class="inline-form"
              >
                <button type="submit" class="secondary" aria-label={`删除附件 ${a.fileName}`}>
                  删除
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
