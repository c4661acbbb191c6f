// Pieces the 专栏 pages share: its menu and the list of records.
import type { PublicRecordSummary } from "../../records/public-store";
import { usePage } from "../../ui/page-context";
import { genreLabel } from "../labels";
import { disclosureSections } from "../sections";
import { recordPath } from "../urls";

/** The 专栏 menu, the current part marked. */
export function DisclosureNav() {
  const { path } = usePage();
  return (
    <nav class="disclosure-nav" aria-label="政府信息公开专栏">
      <ul>
        {disclosureSections.map((s) => (
          <li>
            <a href={s.href} aria-current={s.href === path ? "page" : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Published records as a table in a scrollable region, its caption naming what is listed. */
export function RecordTable(props: {
  id: string;
  caption: string;
  records: PublicRecordSummary[];
  showGenre?: boolean;
}) {
  const captionId = `${props.id}-caption`;
  return (
    <section class="table-wrap" aria-labelledby={captionId} tabindex={0}>
      <table class="record-table">
        <caption id={captionId}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">文号</th>
            {props.showGenre ? <th scope="col">体裁</th> : null}
            <th scope="col">发布机构</th>
            <th scope="col">发布日期</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((r) => (
            <tr>
              <td>
                <a href={recordPath(r.id)}>{r.title}</a>
              </td>
              <td>{r.docNo ?? ""}</td>
              {props.showGenre ? <td>{genreLabel(r.genre)}</td> : null}
              <td>{r.publisher}</td>
              <td class="nowrap">{r.publishedOn ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};

/**
 * Search output (escaped text with <mark>) shown without raw HTML: split at the marks, the text
 * unescaped and escaped again by JSX, so nothing but <mark> can come through.
 */
export function MarkedText(props: { html: string }) {
  const parts = props.html.split(/<mark>|<\/mark>/);
  return (
    <>
      {parts.map((part, i) => {
        const text = part.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
        return i % 2 === 1 ? <mark>{text}</mark> : text;
      })}
    </>
  );
}

/** A labelled filter select with an "全部" (no filter) option; works without script. */
export function FilterSelect(props: {
  idPrefix: string;
  name: string;
  label: string;
  value: string | number | undefined;
  options: { value: string | number; label: string }[];
}) {
  const id = `${props.idPrefix}-${props.name}`;
  return (
    <label for={id}>
      {props.label}
      <select id={id} name={props.name}>
        <option value="">全部</option>
        {props.options.map((o) => (
          <option value={String(o.value)} selected={String(o.value) === String(props.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
