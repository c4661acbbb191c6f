// The metadata table and the 保密审查 result on the back-office record page.
import type { Child } from "hono/jsx";
import type { RecordPageData } from "../backoffice-queries";
import { genreLabel } from "../genres";
import {
  type DisclosureAttribute,
  disclosureAttributeLabels,
  type InterpretationKind,
  interpretationKindLabels,
  type Openness,
  opennessLabels,
  type Validity,
  validityLabels,
} from "../vocabulary";
import { beijingTime } from "./common";

const label = <K extends string>(labels: Record<K, string>, key: string | null) =>
  key === null ? "" : (labels[key as K] ?? key);

function Row(props: { name: string; children: Child }) {
  return (
    <tr>
      <th scope="row">{props.name}</th>
      <td>{props.children}</td>
    </tr>
  );
}

export function MetadataTable(props: { data: RecordPageData; dueText: string }) {
  const { record } = props.data;
  return (
    <section aria-labelledby="meta-title">
      <h2 id="meta-title">信息要素</h2>
      <div class="table-wrap">
        <table>
          <tbody>
            <Row name="信息编号">{record.id}</Row>
            <Row name="索引号">{record.indexNo ?? "(首次发布时生成)"}</Row>
            <Row name="标题">{record.title}</Row>
            <Row name="文号">{record.docNo ?? "无"}</Row>
            <Row name="发布机构">{record.publisher}</Row>
            <Row name="所属单位">{props.data.unitName}</Row>
            <Row name="成文日期">{record.formedOn}</Row>
            <Row name="发布日期">
              {record.publishedOn ?? "未发布"}
              {record.publishedLate ? "(逾期发布)" : ""}
            </Row>
            {record.scheduledAt ? (
              <Row name="定时发布时间">{beijingTime(record.scheduledAt)}</Row>
            ) : null}
            <Row name="主题分类">{record.topic}</Row>
            <Row name="体裁">{genreLabel(record.genre)}</Row>
            <Row name="五公开类别">{label<Openness>(opennessLabels, record.openness)}</Row>
            <Row name="有效性">
              {label<Validity>(validityLabels, record.validity)}
              {record.validityChangedOn ? `(${record.validityChangedOn}起)` : ""}
              {record.repealedByRecordId ? (
                <>
                  ,废止文件:
                  <a href={`/admin/records/${record.repealedByRecordId}`}>
                    信息 {record.repealedByRecordId}
                  </a>
                </>
              ) : null}
            </Row>
            <Row name="关键词">{record.keywords.join("、") || "无"}</Row>
            <Row name="目录事项">
              {props.data.catalogItemName ?? "未归入目录事项"}
              {record.catalogItemVersion ? `(归入时为第${record.catalogItemVersion}版)` : ""}
            </Row>
            <Row name="应公开日期">
              {record.dueOn ?? "无(目录事项没有时限规则)"}
              {props.dueText ? `(${props.dueText})` : ""}
            </Row>
            {record.genre === "interpretation" ? (
              <Row name="解读形式">
                {label<InterpretationKind>(interpretationKindLabels, record.interpretationKind)}
                {record.videoUrl ? `,视频:${record.videoUrl}` : ""}
              </Row>
            ) : null}
            <Row name="需要解读">{record.needsInterpretation ? "是" : "否"}</Row>
            <Row name="起草人">{props.data.creatorName}</Row>
            <Row name="起草时间">{beijingTime(record.createdAt)}</Row>
            <Row name="更新时间">
              {beijingTime(record.updatedAt)}(第{record.version}版)
            </Row>
            {record.withdrawnAt ? (
              <Row name="撤回">
                {beijingTime(record.withdrawnAt)},理由:{record.withdrawReason}
              </Row>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ReviewSummary(props: { data: RecordPageData }) {
  const review = props.data.record.review;
  if (!review) return null;
  const yesNo = (v: boolean) => (v ? "是" : "否");
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">保密审查意见</h2>
      <ul>
        <li>是否涉密:{yesNo(review.isClassified)}</li>
        <li>是否涉及个人隐私或商业秘密:{yesNo(review.involvesPrivacyOrTradeSecret)}</li>
        <li>
          公开属性:
          {label<DisclosureAttribute>(disclosureAttributeLabels, review.disclosureAttribute)}
        </li>
        {review.legalReason ? <li>法定理由:{review.legalReason}</li> : null}
        <li>
          审核人:{props.data.reviewerName ?? "—"},{beijingTime(review.reviewedAt)}
        </li>
      </ul>
    </section>
  );
}
