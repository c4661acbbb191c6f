// Back-office pages of letters: a case's letters and reply attachments, and the template editor.
import { ErrorSummary, Field, PostForm } from "../../ui/forms";
import { REPLY_RESULTS, type ReplyResultKey, resultLabel } from "../results";
import { type AvailableLetter, letterHrefs } from "./availability";
import { attachmentLines, type LetterContent } from "./compose";
import type { LetterTemplateText } from "./default-templates";
import { type LetterTemplateKey, templateLabel } from "./kinds";
import { PLACEHOLDERS } from "./placeholders";
import type { ReplyAttachment } from "./reply-attachments";
import type { CurrentTemplate } from "./template-store";

export interface CaseLettersModel {
  applicationId: number;
  applicationNo: string;
  letters: AvailableLetter[];
  /** The case has no result yet: offer a draft reply letter for a chosen result. */
  canDraftReply: boolean;
  attachments: ReplyAttachment[];
  flash?: string;
  uploadError?: string;
}

export function CaseLettersPage(props: CaseLettersModel) {
  const id = props.applicationId;
  return (
    <>
      <p>
        <a href={`/admin/applications/${id}`}>← 返回申请 {props.applicationNo}</a>
      </p>
      <h1>文书和答复附件:{props.applicationNo}</h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <section aria-labelledby="letters-title">
        <h2 id="letters-title">生成文书</h2>
        <p class="hint">
          文书按“文书模板”生成,可下载为 Word
          文档(DOCX)或打开打印版。生成给申请人的文书会解密申请人的姓名和地址,每次生成都记入审计日志。
        </p>
        {props.letters.length === 0 ? (
          <p>该申请还没有可以生成的文书(确认收到申请后可生成受理回执)。</p>
        ) : (
          <ul class="letter-links">
            {props.letters.map((l) => {
              const href = letterHrefs(id, l);
              return (
                <li>
                  {l.label}:<a href={href.docx}>下载 Word(DOCX)</a> ·{" "}
                  <a href={href.print}>打印版</a>
                </li>
              );
            })}
          </ul>
        )}
        {props.canDraftReply ? <DraftReplyForm applicationId={id} /> : null}
      </section>
      <ReplyAttachments {...props} />
    </>
  );
}

function DraftReplyForm(props: { applicationId: number }) {
  const base = `/admin/applications/${props.applicationId}/letters/reply`;
  return (
    <form method="get" action={base} class="filter-form">
      <label for="draft-result">答复告知书草稿(尚未记录答复)</label>
      <select id="draft-result" name="result">
        {REPLY_RESULTS.map((r) => (
          <option value={r.key}>{resultLabel(r.key as ReplyResultKey)}</option>
        ))}
      </select>
      <button type="submit" class="button secondary">
        打印版
      </button>
      <button type="submit" class="button secondary" formaction={`${base}.docx`}>
        下载 Word(DOCX)
      </button>
    </form>
  );
}

function ReplyAttachments(props: CaseLettersModel) {
  const id = props.applicationId;
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">答复附件(随答复提供的政府信息)</h2>
      {props.attachments.length === 0 ? (
        <p>尚未上传答复附件。</p>
      ) : (
        <ul>
          {props.attachments.map((a) => (
            <li>
              <a href={`/admin/applications/${id}/reply-attachments/${a.id}`}>{a.fileName}</a>{" "}
              <small>({Math.max(1, Math.round(a.size / 1024))} KB)</small>{" "}
              <PostForm
                action={`/admin/applications/${id}/reply-attachments/${a.id}/delete`}
                class="inline-form"
              >
                <button type="submit" class="link-button">
                  删除
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <PostForm action={`/admin/applications/${id}/reply-attachments`} multipart>
        <Field
          name="files"
          label="上传附件"
          hint="支持 PDF、OFD、Word(docx)、Excel(xlsx)和图片,每个文件不超过20MB;文件类型按内容核验,作者等元数据会被去除。附件会列入答复告知书的“附件”。"
          error={props.uploadError}
        >
          {(attrs) => <input type="file" multiple {...attrs} />}
        </Field>
        <button type="submit" class="button">
          上传
        </button>
      </PostForm>
    </section>
  );
}

export function TemplateListPage(props: { templates: CurrentTemplate[]; flash?: string }) {
  return (
    <>
      <h1>文书模板</h1>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      <p class="lead">
        依申请公开的受理回执、补正告知书、延期答复告知书、征求意见函和各类答复告知书。答复告知书与年度报告表三的办理结果一一对应。
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">文书模板列表</caption>
          <thead>
            <tr>
              <th scope="col">文书</th>
              <th scope="col">标题</th>
              <th scope="col">最近修改</th>
            </tr>
          </thead>
          <tbody>
            {props.templates.map((t) => (
              <tr>
                <th scope="row">
                  <a href={templateHref(t.key)}>{templateLabel(t.key)}</a>
                </th>
                <td>{t.title}</td>
                <td>
                  {t.updatedAt
                    ? `${t.updatedAt.slice(0, 16).replace("T", " ")} UTC(${t.updatedBy},第${t.versions}版)`
                    : "系统默认"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function templateHref(key: LetterTemplateKey): string {
  return `/admin/letter-templates/${encodeURIComponent(key)}`;
}

export interface TemplateEditModel {
  templateKey: LetterTemplateKey;
  values: LetterTemplateText;
  errors: Record<string, string>;
  preview: LetterContent | null;
  current: CurrentTemplate;
}

export function TemplateEditPage(props: TemplateEditModel) {
  const action = templateHref(props.templateKey);
  return (
    <>
      <p>
        <a href="/admin/letter-templates">← 返回文书模板</a>
      </p>
      <h1>编辑文书模板:{templateLabel(props.templateKey)}</h1>
      <p class="hint">
        {props.current.updatedAt
          ? `当前为第${props.current.versions}版,${props.current.updatedBy} 修改于 ${props.current.updatedAt.slice(0, 16).replace("T", " ")} UTC。`
          : "当前使用系统默认文本。"}
        每一行是一个段落;第一行以冒号结尾的是称呼(不缩进)。保存时检查占位符,每次保存都记入审计日志。
      </p>
      <ErrorSummary errors={props.errors} labels={{ title: "标题", body: "正文" }} />
      <PostForm action={action}>
        <Field name="title" label="标题" required error={props.errors.title}>
          {(attrs) => <input type="text" maxlength={60} value={props.values.title} {...attrs} />}
        </Field>
        <Field
          name="body"
          label="正文"
          required
          error={props.errors.body}
          hint="可用的占位符见下表,生成文书时替换为该申请的内容。"
        >
          {(attrs) => (
            <textarea rows={16} cols={80} {...attrs}>
              {props.values.body}
            </textarea>
          )}
        </Field>
        <p>
          <button type="submit" name="action" value="preview" class="button secondary">
            预览
          </button>{" "}
          <button type="submit" name="action" value="save" class="button">
            保存
          </button>{" "}
          <button type="submit" name="action" value="reset" class="button secondary">
            恢复系统默认文本
          </button>
        </p>
      </PostForm>
      {props.preview ? <LetterPreview letter={props.preview} /> : null}
      <details>
        <summary>可用的占位符</summary>
        <dl>
          {PLACEHOLDERS.map((p) => (
            <>
              <dt>
                <code>{`{${p.name}}`}</code>
              </dt>
              <dd>{p.meaning}</dd>
            </>
          ))}
        </dl>
      </details>
    </>
  );
}

/** The preview beside the editor, filled with a fictitious case. */
function LetterPreview(props: { letter: LetterContent }) {
  const l = props.letter;
  return (
    <section aria-labelledby="preview-title" class="letter-preview">
      <h2 id="preview-title">预览(示例数据)</h2>
      <div class="letter-preview-sheet">
        <p>
          <strong>{l.title}</strong>
        </p>
        <p>{l.reference}</p>
        {l.paragraphs.map((p) => (
          <p>{p.indent ? `　　${p.text}` : p.text}</p>
        ))}
        {attachmentLines(l.attachments).map((t) => (
          <p>{`　　${t}`}</p>
        ))}
        <p>{l.organisation}</p>
        <p>{l.dateText}</p>
      </div>
    </section>
  );
}
