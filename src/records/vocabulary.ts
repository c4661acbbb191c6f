// The closed lists of a record besides its genre: 五公开, 有效性, workflow state, the 保密审查
// 公开属性 and the kind of an interpretation, each with the Chinese label the pages show.
import type { RecordState } from "./tables";

/** 五公开: 决策、执行、管理、服务、结果公开 (中办发〔2016〕8号). */
export const OPENNESS = ["decision", "execution", "management", "service", "result"] as const;
export type Openness = (typeof OPENNESS)[number];
export const opennessLabels: Record<Openness, string> = {
  decision: "决策",
  execution: "执行",
  management: "管理",
  service: "服务",
  result: "结果",
};

/** 有效性 */
export const VALIDITIES = ["inForce", "expired", "repealed"] as const;
export type Validity = (typeof VALIDITIES)[number];
export const validityLabels: Record<Validity, string> = {
  inForce: "有效",
  expired: "失效",
  repealed: "废止",
};

export const RECORD_STATES = [
  "draft",
  "in_review",
  "awaiting_signoff",
  "scheduled",
  "published",
  "withdrawn",
] as const satisfies readonly RecordState[];
export const recordStateLabels: Record<RecordState, string> = {
  draft: "草稿",
  in_review: "待审核",
  awaiting_signoff: "待签发",
  scheduled: "定时发布",
  published: "已发布",
  withdrawn: "已撤回",
};

/** 公开属性 decided in the 保密审查 (条例第十七条): only 主动公开 may be published here. */
export const DISCLOSURE_ATTRIBUTES = ["proactive", "onApplication", "notDisclosed"] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];
export const disclosureAttributeLabels: Record<DisclosureAttribute, string> = {
  proactive: "主动公开",
  onApplication: "依申请公开",
  notDisclosed: "不予公开",
};

/** The form of a 政策解读: text, 图解 (image) or a video link. */
export const INTERPRETATION_KINDS = ["text", "image", "video"] as const;
export type InterpretationKind = (typeof INTERPRETATION_KINDS)[number];
export const interpretationKindLabels: Record<InterpretationKind, string> = {
  text: "文字解读",
  image: "图解",
  video: "视频解读",
};
