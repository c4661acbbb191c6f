// Small pieces the back-office record pages share: times, states and the page's sub-navigation.

import type { RecordState } from "../tables";
import { recordStateLabels } from "../vocabulary";

/** An instant as Beijing wall time, "YYYY-MM-DD HH:mm". */
export function beijingTime(iso: string | null): string {
  if (!iso) return "";
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

const stateBadge: Record<RecordState, string> = {
  draft: "badge",
  in_review: "badge badge-warn",
  awaiting_signoff: "badge badge-warn",
  scheduled: "badge badge-warn",
  published: "badge badge-ok",
  withdrawn: "badge badge-err",
};

/** The state in words (the badge's colour only repeats what the words say). */
export function StateBadge(props: { state: RecordState }) {
  return <span class={stateBadge[props.state]}>{recordStateLabels[props.state]}</span>;
}

/** Links between the pages of one record. */
export function RecordSubNav(props: {
  id: number;
  current: "record" | "edit" | "versions";
  canEdit: boolean;
}) {
  const links = [
    { key: "record", href: `/admin/records/${props.id}`, label: "信息详情" },
    ...(props.canEdit
      ? [{ key: "edit", href: `/admin/records/${props.id}/edit`, label: "编辑草稿" }]
      : []),
    { key: "versions", href: `/admin/records/${props.id}/versions`, label: "版本与修改对比" },
  ];
  return (
    <nav class="pager" aria-label="本信息的页面">
      <ul>
        <li>
          <a href="/admin/records">返回信息列表</a>
        </li>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.key === props.current ? "page" : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
