// An item's columns as a definition list, in the standard's order: on the public item page and on
// a back-office version page.
import type { CatalogItem, Flag } from "./catalog-item";
import { describeDeadlineRule } from "./deadline-rule";

/** The ticked options of a column pair, in words ("全社会、特定群体(…)"); unverified ones only when asked. */
export function tickedLabels(options: [Flag, string][], showUnverified: boolean): string {
  const words = options.flatMap(([flag, label]) => {
    if (flag === true) return [label];
    if (flag === "unverified" && showUnverified) return [`${label}(待核实)`];
    return [];
  });
  return words.length > 0 ? words.join("、") : "未标注";
}

export function audienceOptions(item: CatalogItem): [Flag, string][] {
  const group = item.audience.specificGroupName
    ? `特定群体(${item.audience.specificGroupName})`
    : "特定群体";
  return [
    [item.audience.wholeSociety, "全社会"],
    [item.audience.specificGroup, group],
  ];
}

export function modeOptions(item: CatalogItem): [Flag, string][] {
  return [
    [item.mode.proactive, "主动"],
    [item.mode.onApplication, "依申请"],
  ];
}

export function levelOptions(item: CatalogItem): [Flag, string][] {
  return [
    [item.level.county, "县级"],
    [item.level.township, "乡级"],
  ];
}

function ListOrBlank(props: { entries: string[] }) {
  if (props.entries.length === 0) return <>未填写</>;
  if (props.entries.length === 1) return <>{props.entries[0]}</>;
  return (
    <ul>
      {props.entries.map((e) => (
        <li>{e}</li>
      ))}
    </ul>
  );
}

/** 公开时限 as written, plus the machine rule when the back office shows it. */
export function deadlineWords(item: CatalogItem, showRule: boolean): string {
  const { text, rule } = item.deadline;
  const shown = text || "未填写";
  if (!showRule) return shown;
  return `${shown}(期限规则:${rule ? describeDeadlineRule(rule) : "未指定"})`;
}

export function CatalogItemColumns(props: { item: CatalogItem; backOffice?: boolean }) {
  const { item } = props;
  const full = props.backOffice === true;
  return (
    <dl class="catalog-columns">
      <dt>序号</dt>
      <dd>{item.seq ?? "无"}</dd>
      <dt>一级事项</dt>
      <dd>{item.category}</dd>
      <dt>二级事项</dt>
      <dd>{item.item}</dd>
      <dt>公开内容(要素)</dt>
      <dd>
        <ListOrBlank entries={item.elements} />
      </dd>
      <dt>公开依据</dt>
      <dd>
        <ListOrBlank entries={item.legalBasis} />
      </dd>
      <dt>公开时限</dt>
      <dd>{deadlineWords(item, full)}</dd>
      <dt>公开主体</dt>
      <dd>{item.responsibleUnit || "未填写"}</dd>
      <dt>公开渠道和载体</dt>
      <dd>
        <ListOrBlank entries={item.channels} />
      </dd>
      <dt>公开对象</dt>
      <dd>{tickedLabels(audienceOptions(item), full)}</dd>
      <dt>公开方式</dt>
      <dd>{tickedLabels(modeOptions(item), full)}</dd>
      <dt>公开层级</dt>
      <dd>{tickedLabels(levelOptions(item), full)}</dd>
    </dl>
  );
}
