// Chinese names of the catalog's fields and values, shared by the back office, the portal and
// audit details.
import type { CatalogField, Flag, Verification } from "./catalog-item";
import type { DeadlineRuleKind } from "./deadline-rule";

/** The column name of each field, as the standard table heads it. */
export const catalogFieldLabels: Record<CatalogField, string> = {
  seq: "序号",
  category: "一级事项",
  item: "二级事项",
  elements: "公开内容(要素)",
  legalBasis: "公开依据",
  deadline: "公开时限",
  responsibleUnit: "公开主体",
  channels: "公开渠道和载体",
  audience: "公开对象",
  mode: "公开方式",
  level: "公开层级",
};

export const verificationLabels: Record<Verification, string> = {
  verified: "已核实",
  partial: "部分核实",
  unverified: "未核实",
};

export const deadlineKindLabels: Record<DeadlineRuleKind, string> = {
  working_days_from_formation_or_change: "信息形成或变更之日起若干个工作日内",
  working_days_from_decision: "行政决定作出之日起若干个工作日内",
  realtime: "实时",
  ongoing: "常态",
};

/** A tick box as words: 是 / 否 / 待核实. */
export function flagLabel(flag: Flag): string {
  if (flag === "unverified") return "待核实";
  return flag ? "是" : "否";
}
