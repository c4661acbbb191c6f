// The public page of one record: the metadata table government sites show, the body, the
// attachments, the policy ⇄ interpretation links, 字号 and a print version.
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { PublicRecord, PublicRecordLink } from "../../records/public-store";
import { chineseDate, fileSizeText, genreLabel, validityLabel } from "../labels";
import { TEXT_SIZES, type TextSize, textSizeLabels } from "../text-size";
import { attachmentPath, catalogItemPath, recordPath, recordPrintPath } from "../urls";

function RecordLink(props: { link: PublicRecordLink }) {
  const { link } = props;
  return (
    <a href={recordPath(link.id)}>
      {link.title}
      {link.docNo ? `(${link.docNo})` : ""}
    </a>
  );
}

function ValidityText(props: { record: PublicRecord }) {
  const r = props.record;
  const label = validityLabel(r.validity);
  if (r.validity === "inForce") return <>{label}</>;
  return (
    <>
      {label}
      {r.validityChangedOn ? `(${chineseDate(r.validityChangedOn)}起)` : ""}
      {r.repealedBy ? (
        <>
          ,由 <RecordLink link={r.repealedBy} /> 废止
        </>
      ) : null}
    </>
  );
}

/** The metadata table (索引号 … 有效性), two columns so it fits a phone. */
export function MetadataTable(props: { record: PublicRecord }) {
  const r = props.record;
  const rows: [string, unknown][] = [
    ["索引号", <span class="index-no">{r.indexNo ?? ""}</span>],
    ["主题分类", r.topic],
    ["发布机构", r.publisher],
    ["成文日期", chineseDate(r.formedOn)],
    ["标题", r.title],
    ["文号", r.docNo ?? "无"],
    ["发布日期", chineseDate(r.publishedOn)],
    ["有效性", <ValidityText record={r} />],
    ["体裁", genreLabel(r.genre)],
  ];
  return (
    <section class="table-wrap" aria-labelledby="meta-caption" tabindex={0}>
      <table class="record-meta">
        <caption id="meta-caption">信息基本情况</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
          {r.catalogItem ? (
            <tr>
              <th scope="row">目录事项</th>
              <td>
                <a href={catalogItemPath(r.catalogItem.id)}>{r.catalogItem.item}</a>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

/** The body: sanitised when it was saved (records/sanitize.ts), the only raw HTML on the page. */
export function RecordBody(props: { record: PublicRecord }) {
  const r = props.record;
  return (
    <div class="record-body">
      {raw(r.bodyHtml)}
      {r.videoUrl ? (
        <p>
          <a href={r.videoUrl} rel="noopener noreferrer">
            观看视频解读
          </a>
        </p>
      ) : null}
    </div>
  );
}

export function Attachments(props: { record: PublicRecord; links: boolean }) {
  const list = props.record.attachments;
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title" class="attachments">
      <h2 id="attachments-title">附件</h2>
      <ul>
        {list.map((a) => (
          <li>
            {props.links ? <a href={attachmentPath(a)}>{a.fileName}</a> : a.fileName}
            <span class="file-size">({fileSizeText(a.size)})</span>
            {props.links && a.mediaType.startsWith("image/") ? (
              <img src={attachmentPath(a)} alt={`附件图片:${a.fileName}`} loading="lazy" />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RelatedLinks(props: { record: PublicRecord }) {
  const r = props.record;
  if (!r.interprets && r.interpretations.length === 0) return null;
  return (
    <section aria-labelledby="related-title" class="related">
      <h2 id="related-title">{r.interprets ? "解读的文件" : "政策解读"}</h2>
      <ul>
        {r.interprets ? (
          <li>
            <RecordLink link={r.interprets} />
          </li>
        ) : null}
        {r.interpretations.map((i) => (
          <li>
            <RecordLink link={i} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PageTools(props: { id: number; size: TextSize }) {
  return (
    <div class="page-tools no-print">
      <nav class="text-sizes" aria-labelledby="size-label">
        <span id="size-label">字号:</span>
        <ul>
          {TEXT_SIZES.map((s) => (
            <li>
              <a
                href={`${recordPath(props.id)}?size=${s}`}
                aria-current={s === props.size ? "true" : undefined}
                rel="nofollow"
              >
                {textSizeLabels[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <a href={recordPrintPath(props.id)} rel="nofollow">
        打印
      </a>
    </div>
  );
}

export function RecordPage(props: {
  record: PublicRecord;
  size: TextSize;
  /** Sections other domains add after the related links (e.g. 回应的关切, src/messages). */
  children?: Child;
}) {
  const r = props.record;
  return (
    <article class={`record text-size-${props.size}`}>
      <p class="no-print breadcrumb">
        <a href="/disclosure">政府信息公开</a> › <a href="/disclosure/records">信息公开目录</a>
      </p>
      <MetadataTable record={r} />
      <PageTools id={r.id} size={props.size} />
      <h1 class="record-title">{r.title}</h1>
      {r.docNo ? <p class="record-doc-no">{r.docNo}</p> : null}
      <RecordBody record={r} />
      <Attachments record={r} links />
      <RelatedLinks record={r} />
      {props.children}
    </article>
  );
}
