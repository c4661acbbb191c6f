// /admin/records/{id}/versions: every kept version, and what changed between two of them, field
// by field. Insertions and deletions are <ins>/<del> with a text label, never colour alone.
import type { Child } from "hono/jsx";
import { genreLabel } from "../genres";
import type { RecordState } from "../tables";
import type { FieldChange } from "../versions";
import {
  disclosureAttributeLabels,
  interpretationKindLabels,
  opennessLabels,
  recordStateLabels,
  validityLabels,
} from "../vocabulary";
import { beijingTime, RecordSubNav } from "./common";

export interface VersionEntry {
  version: number;
  createdAt: string;
  createdByName: string;
}

export interface VersionsPageModel {
  recordId: number;
  title: string;
  canEdit: boolean;
  versions: VersionEntry[];
  from: number | null;
  to: number | null;
  changes: FieldChange[] | null;
  /** Names for ids a snapshot holds: units, catalog items, people. */
  names: {
    units: Map<number, string>;
    catalogItems: Map<number, string>;
    users: Map<number, string>;
  };
}

export function VersionsPage(props: VersionsPageModel) {
  return (
    <section aria-labelledby="versions-title">
      <RecordSubNav id={props.recordId} current="versions" canEdit={props.canEdit} />
      <h1 id="versions-title">版本与修改对比:{props.title}</h1>
      <VersionTable {...props} />
      <CompareForm {...props} />
      {props.changes ? <ChangeTable {...props} changes={props.changes} /> : null}
    </section>
  );
}

function VersionTable(props: VersionsPageModel) {
  return (
    <div class="table-wrap">
      <table>
        <caption>
          保存的版本(共 {props.versions.length} 个;每次保存和每次流转都保存一个版本)
        </caption>
        <thead>
          <tr>
            <th scope="col">版本</th>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">与上一版对比</th>
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v, i) => (
            <tr>
              <th scope="row">第 {v.version} 版</th>
              <td>{beijingTime(v.createdAt)}</td>
              <td>{v.createdByName}</td>
              <td>
                {i > 0 ? (
                  <a
                    href={`/admin/records/${props.recordId}/versions?from=${props.versions[i - 1]!.version}&to=${v.version}`}
                  >
                    对比第 {props.versions[i - 1]!.version} 版与第 {v.version} 版
                  </a>
                ) : (
                  "首个版本"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CompareForm(props: VersionsPageModel) {
  const options = (selected: number | null) =>
    props.versions.map((v) => (
      <option value={String(v.version)} selected={v.version === selected}>
        第 {v.version} 版({beijingTime(v.createdAt)})
      </option>
    ));
  return (
    <form method="get" action={`/admin/records/${props.recordId}/versions`} class="filter-form">
      <label>
        旧版本
        <select name="from">{options(props.from)}</select>
      </label>
      <label>
        新版本
        <select name="to">{options(props.to)}</select>
      </label>
      <button type="submit">对比</button>
    </form>
  );
}

function ChangeTable(props: VersionsPageModel & { changes: FieldChange[] }) {
  if (props.changes.length === 0) {
    return (
      <p>
        第 {props.from} 版与第 {props.to} 版的内容没有差别。
      </p>
    );
  }
  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title">
        第 {props.from} 版 → 第 {props.to} 版的修改
      </h2>
      <p>标记说明:“[删除]”后带删除线的文字为删去的内容,“[新增]”后带下划线的文字为新增的内容。</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">字段</th>
              <th scope="col">修改前</th>
              <th scope="col">修改后</th>
            </tr>
          </thead>
          <tbody>
            {props.changes.map((c) => (
              <tr>
                <th scope="row">{c.label}</th>
                {c.parts ? (
                  <td colspan={2}>
                    <TextDiff parts={c.parts} />
                  </td>
                ) : (
                  <>
                    <td>{displayValue(c.field, c.before, props.names)}</td>
                    <td>{displayValue(c.field, c.after, props.names)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TextDiff(props: { parts: NonNullable<FieldChange["parts"]> }) {
  return (
    <div class="text-diff">
      {props.parts.map((p) =>
        p.added ? (
          <>
            <strong>[新增]</strong>
            <ins>{p.value}</ins>
          </>
        ) : p.removed ? (
          <>
            <strong>[删除]</strong>
            <del>{p.value}</del>
          </>
        ) : (
          <span>{p.value}</span>
        ),
      )}
    </div>
  );
}

function displayValue(
  field: FieldChange["field"],
  value: unknown,
  names: VersionsPageModel["names"],
): Child {
  if (value === null || value === undefined || value === "") return "(空)";
  const id = typeof value === "number" ? value : -1;
  switch (field) {
    case "genre":
      return genreLabel(String(value));
    case "state":
      return recordStateLabels[value as RecordState] ?? String(value);
    case "openness":
      return opennessLabels[value as keyof typeof opennessLabels] ?? String(value);
    case "validity":
      return validityLabels[value as keyof typeof validityLabels] ?? String(value);
    case "interpretationKind":
      return (
        interpretationKindLabels[value as keyof typeof interpretationKindLabels] ?? String(value)
      );
    case "unitId":
      return names.units.get(id) ?? String(value);
    case "catalogItemId":
      return names.catalogItems.get(id) ?? String(value);
    case "createdBy":
      return names.users.get(id) ?? String(value);
    case "review":
      return reviewText(value as Record<string, unknown>);
    case "bodyHtml":
      return (
        <details>
          <summary>查看 HTML</summary>
          <pre>{String(value)}</pre>
        </details>
      );
    case "publishedAt":
    case "scheduledAt":
    case "withdrawnAt":
      return beijingTime(String(value));
    default:
      if (typeof value === "boolean") return value ? "是" : "否";
      if (Array.isArray(value)) return value.join("、");
      return String(value);
  }
}

function reviewText(review: Record<string, unknown>): string {
  const attribute = review.disclosureAttribute as keyof typeof disclosureAttributeLabels;
  return [
    `涉密:${review.isClassified ? "是" : "否"}`,
    `个人隐私或商业秘密:${review.involvesPrivacyOrTradeSecret ? "是" : "否"}`,
    `公开属性:${disclosureAttributeLabels[attribute] ?? attribute}`,
    review.legalReason ? `理由:${review.legalReason}` : "",
  ]
    .filter(Boolean)
    .join(";");
}
