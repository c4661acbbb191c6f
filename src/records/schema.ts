// The inputs of the records domain, one zod schema each, with the Chinese messages forms and the
// API show. Used by the JSON API and by the back-office pages alike.
import { z } from "zod";
import { parseIsoDate } from "../calendar/rules";
import { GENRES, POLICY_GENRES } from "./genres";
import { DISCLOSURE_ATTRIBUTES, INTERPRETATION_KINDS, OPENNESS, VALIDITIES } from "./vocabulary";
import type { ReviewForm } from "./workflow";

const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .refine((v) => parseIsoDate(v) === v, `${label}应为有效日期,格式 YYYY-MM-DD`);

const nullIfBlank = (v: string | null | undefined) => (v ? v : null);
const id = (message: string) => z.number({ error: message }).int(message).positive(message);

/** Keywords typed with any of , , 、 ; ; or spaces, stored once each, comma-separated. */
export function normalizeKeywords(text: string): string {
  const words = text.split(/[,,、;;\s]+/).filter((w) => w !== "");
  return [...new Set(words)].join(",");
}

/** The fields of a record as an editor writes them, before cross-field checks and defaults. */
const recordFieldsBase = z.object({
  title: z
    .string({ error: "请填写标题" })
    .trim()
    .min(1, "请填写标题")
    .max(200, "标题不能超过200字"),
  docNo: z.string().trim().max(60, "文号不能超过60字").nullish().transform(nullIfBlank),
  /** 发布机构; defaults to the site's 主办单位. */
  publisher: z.string().trim().max(100, "发布机构不能超过100字").optional(),
  /** The drafting unit; defaults to the editor's unit. */
  unitId: id("所属单位有误").optional(),
  formedOn: isoDate("成文日期"),
  topic: z
    .string({ error: "请填写主题分类" })
    .trim()
    .min(1, "请填写主题分类")
    .max(50, "主题分类不能超过50字"),
  genre: z.enum(GENRES, { error: "请选择体裁" }),
  openness: z.enum(OPENNESS, { error: "请选择五公开类别" }),
  validity: z.enum(VALIDITIES, { error: "有效性选择有误" }),
  validityChangedOn: isoDate("失效或废止日期").nullish(),
  repealedByRecordId: id("废止该文件的信息有误").nullish(),
  keywords: z.string().max(200, "关键词不能超过200字").transform(normalizeKeywords),
  catalogItemId: id("目录事项有误").nullish(),
  summary: z.string().trim().max(1000, "摘要不能超过1000字"),
  bodyHtml: z.string().max(2_000_000, "正文过长"),
  needsInterpretation: z.boolean({ error: "是否需要解读应为是或否" }),
  interpretsRecordId: id("所解读的文件有误").nullish(),
  interpretationKind: z.enum(INTERPRETATION_KINDS, { error: "解读形式选择有误" }).nullish(),
  videoUrl: z
    .string()
    .trim()
    .regex(/^https:\/\/\S+$/, "视频链接须为 https:// 开头的网址")
    .max(500, "视频链接过长")
    .nullish(),
});

type FieldsOut = z.output<typeof recordFieldsBase>;

function checkCrossFields(v: Partial<FieldsOut>, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message });
  const isInterpretation = v.genre === "interpretation";
  if (v.interpretsRecordId && !isInterpretation) {
    issue("interpretsRecordId", "只有体裁为“政策解读”的信息可以关联所解读的文件");
  }
  if (isInterpretation && !v.interpretationKind) issue("interpretationKind", "请选择解读形式");
  if (!isInterpretation && v.interpretationKind) {
    issue("interpretationKind", "只有体裁为“政策解读”的信息有解读形式");
  }
  if (v.interpretationKind === "video" && !v.videoUrl) issue("videoUrl", "视频解读请填写视频链接");
  if (v.needsInterpretation && !POLICY_GENRES.includes(v.genre!)) {
    issue("needsInterpretation", "只有规范性文件和其他政策文件可以标记为需要解读");
  }
  if (v.validity !== "inForce" && !v.validityChangedOn) {
    issue("validityChangedOn", "请填写失效或废止日期");
  }
  if (v.repealedByRecordId && v.validity !== "repealed") {
    issue("repealedByRecordId", "只有已废止的文件可以填写废止它的文件");
  }
}

/** A whole record as created (missing optional fields take their defaults). */
export const recordFieldsSchema = recordFieldsBase
  .extend({
    validity: recordFieldsBase.shape.validity.default("inForce"),
    keywords: recordFieldsBase.shape.keywords.default(""),
    summary: recordFieldsBase.shape.summary.default(""),
    bodyHtml: recordFieldsBase.shape.bodyHtml.default(""),
    needsInterpretation: recordFieldsBase.shape.needsInterpretation.default(false),
  })
  .superRefine(checkCrossFields);

export type RecordInput = z.input<typeof recordFieldsSchema>;
export type RecordFields = z.output<typeof recordFieldsSchema>;

/** An edit of a draft: any subset of the fields; the merged record is checked as a whole. */
export const recordPatchSchema = recordFieldsBase.partial();
export type RecordPatch = z.input<typeof recordPatchSchema>;

/** The 保密审查 form (条例第十四条至第十七条). */
export const reviewFormSchema = z
  .object({
    isClassified: z.boolean({ error: "请选择是否涉密" }),
    involvesPrivacyOrTradeSecret: z.boolean({ error: "请选择是否涉及个人隐私或商业秘密" }),
    disclosureAttribute: z.enum(DISCLOSURE_ATTRIBUTES, { error: "请选择公开属性" }),
    legalReason: z.string().trim().max(500, "理由不能超过500字").default(""),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (v.isClassified && v.disclosureAttribute !== "notDisclosed") {
      issue("disclosureAttribute", "涉密信息的公开属性应为“不予公开”(条例第十四条)");
    }
    if (v.legalReason !== "") return;
    if (v.disclosureAttribute !== "proactive") {
      issue("legalReason", "公开属性不是主动公开的,请写明法定理由(条例第十四条至第十六条)");
    } else if (v.involvesPrivacyOrTradeSecret) {
      issue("legalReason", "涉及个人隐私或商业秘密的,请写明公开的依据或处理情况(条例第十五条)");
    }
  }) satisfies z.ZodType<ReviewForm, unknown>;

/** The actions the API offers; publish_scheduled is the system's and save is PATCH. */
export const API_TRANSITIONS = [
  "submit",
  "approve",
  "sign",
  "reject",
  "withdraw",
  "schedule",
] as const;

export const transitionSchema = z.object({
  action: z.enum(API_TRANSITIONS, {
    error: "操作应为 submit、approve、sign、reject、withdraw 或 schedule",
  }),
  comment: z.string().trim().max(500, "意见不能超过500字").default(""),
  review: reviewFormSchema.optional(),
  publishAt: z.iso
    .datetime({ offset: true, error: "定时发布时间应为带时区的 ISO 8601 时间" })
    .transform((v) => new Date(v).toISOString())
    .optional(),
});
export type TransitionInput = z.input<typeof transitionSchema>;

/** Dismissing one proofreading hit (the hit stays on record with the reason). */
export const dismissalSchema = z.object({
  found: z.string({ error: "请指明要忽略的校对结果" }).min(1).max(200),
  position: z.number({ error: "校对结果的位置有误" }).int().min(0),
  reason: z
    .string({ error: "请说明忽略理由" })
    .trim()
    .min(1, "请说明忽略理由")
    .max(200, "理由不能超过200字"),
});
export type DismissalInput = z.input<typeof dismissalSchema>;

/** 有效性 of a published record changing (失效 or 废止 later on). */
export const validityChangeSchema = recordFieldsBase
  .pick({ validity: true, validityChangedOn: true, repealedByRecordId: true })
  .superRefine((v, ctx) => checkCrossFields(v, ctx));
export type ValidityChangeInput = z.input<typeof validityChangeSchema>;
