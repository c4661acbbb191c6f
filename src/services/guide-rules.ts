// Pure rules of service guides: the record fields generated from the structured data (title,
// summary, body), and the texts every page shows for time limits and fees.
import { escapeHtml } from "../search/highlight";
import {
  itemTypeLabels,
  type Material,
  materialFormLabels,
  type ServiceGuideData,
} from "./guide-schema";

export const DEMO_MARK = "(演示)";

/** The record title: 事项名称 + 办事指南, marked 演示 for demo guides. */
export function guideTitle(data: Pick<ServiceGuideData, "itemName" | "isDemo">): string {
  return `${data.itemName}办事指南${data.isDemo ? DEMO_MARK : ""}`;
}

export function guideSummary(data: ServiceGuideData): string {
  return `${itemTypeLabels[data.itemType]}事项“${data.itemName}”(编码 ${data.itemCode})的受理条件、申请材料、办理流程、办理时限、收费、办理地点和咨询监督电话。`;
}

/** “法定20个工作日,承诺10个工作日”. */
export function timeLimitText(data: Pick<ServiceGuideData, "statutoryDays" | "promisedDays">) {
  const days = (n: number) => (n === 0 ? "即办" : `${n}个工作日`);
  return { statutory: days(data.statutoryDays), promised: days(data.promisedDays) };
}

export function feeText(data: Pick<ServiceGuideData, "feeCharged" | "feeStandard">): string {
  return data.feeCharged ? data.feeStandard : "不收费";
}

/** “复印件1份”, “原件和复印件各1份”. */
export function materialCopiesText(m: Pick<Material, "form" | "copies">): string {
  const form = materialFormLabels[m.form];
  return m.form === "originalAndCopy" ? `${form}各${m.copies}份` : `${form}${m.copies}份`;
}

export function materialNeedText(m: Pick<Material, "required" | "condition">): string {
  return m.required ? "必需" : `适用情形:${m.condition}`;
}

const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
const h = (s: string) => `<h2>${escapeHtml(s)}</h2>`;
const ol = (items: readonly string[]) =>
  `<ol>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ol>`;

/**
 * The record body generated from the structured data, so the record (search, print, feeds, the
 * annual report's counts) says the same as the guide page. Everything escaped here; the records
 * service sanitises it again on the way in.
 */
export function guideBodyHtml(data: ServiceGuideData): string {
  const limits = timeLimitText(data);
  const parts = [
    h("一、事项信息"),
    p(`事项名称:${data.itemName}`),
    p(`事项编码:${data.itemCode}`),
    p(`事项类型:${itemTypeLabels[data.itemType]}`),
    h("二、设定依据"),
    ol(data.legalBasis),
    h("三、受理条件"),
    ol(data.conditions),
    h("四、申请材料"),
    ol(
      data.materials.map(
        (m) =>
          `${m.name}(${materialCopiesText(m)},${materialNeedText(m)})${m.note ? `:${m.note}` : ""}`,
      ),
    ),
    h("五、办理流程"),
    ol(data.steps),
    h("六、办理时限"),
    p(`法定时限:${limits.statutory};承诺时限:${limits.promised}。`),
    h("七、收费"),
    data.feeCharged ? p(`收费标准:${data.feeStandard};收费依据:${data.feeBasis}。`) : p("不收费。"),
    h("八、办理地点和时间"),
    p(`办理地点:${data.place}`),
    p(`办理时间:${data.hours}`),
    h("九、咨询和监督"),
    p(`咨询电话:${data.inquiryPhone}`),
    p(`监督电话:${data.complaintPhone}`),
    h("十、办理结果"),
    p(`结果名称:${data.resultName}`),
    p(`送达方式:${data.delivery}`),
    data.onlineUrl ? p(`网上办理:${data.onlineUrl}`) : "",
    // Demo records end with the demo mark (platform/demo/record-bodies.ts).
    data.isDemo ? p("本指南为系统演示内容,地址和电话不作为办事依据(演示数据)") : "",
  ];
  return parts.join("");
}
