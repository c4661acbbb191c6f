// The structured 办事指南 (service guide) as staff write it, one zod schema with Chinese messages.
// The limits keep the 一次性告知单 (one-time notice) on one A4 page: see NOTICE_LIMITS.
import { z } from "zod";

/** 事项类型 keys (政务服务事项 types as the 权责清单 names them). */
export const ITEM_TYPES = [
  "administrativeLicence",
  "administrativeConfirmation",
  "administrativePayment",
  "administrativeAward",
  "administrativeRuling",
  "otherPower",
  "publicService",
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const itemTypeLabels: Record<ItemType, string> = {
  administrativeLicence: "行政许可",
  administrativeConfirmation: "行政确认",
  administrativePayment: "行政给付",
  administrativeAward: "行政奖励",
  administrativeRuling: "行政裁决",
  otherPower: "其他行政权力",
  publicService: "公共服务",
};

export const MATERIAL_FORMS = ["original", "copy", "originalAndCopy", "electronic"] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];
export const materialFormLabels: Record<MaterialForm, string> = {
  original: "原件",
  copy: "复印件",
  originalAndCopy: "原件和复印件",
  electronic: "电子材料",
};

/**
 * What fits the one-time notice on one A4 page in 10.5 pt: a guide with more materials or
 * conditions than this is split into several 事项 (情形) instead — a notice that runs to a second
 * page is the one applicants lose. 《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》
 * asks for 一次性告知; the page limit is ours.
 */
export const NOTICE_LIMITS = {
  materials: 12,
  conditions: 8,
  steps: 8,
  lineChars: 120,
} as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过${max}字`).default("");
const lines = (label: string, max: number) =>
  z
    .array(text(label, NOTICE_LIMITS.lineChars), { error: `请填写${label}` })
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}条(一次性告知单须在一页A4纸内)`);
const workdays = (label: string) =>
  z
    .number({ error: `请填写${label}(工作日)` })
    .int(`${label}应为整数个工作日`)
    .min(0, `${label}不能为负数`)
    .max(365, `${label}不能超过365个工作日`);
const phone = (label: string) =>
  text(label, 40).regex(/^[0-9()()\-\s转、,演示]+$/, `${label}只能包含数字、括号、短横线和“转”`);

/** One 申请材料. Blank form and sample are attachments of the guide's record (public once published). */
export const materialSchema = z
  .object({
    name: text("材料名称", 80),
    form: z.enum(MATERIAL_FORMS, { error: "请选择材料形式(原件/复印件)" }),
    copies: z
      .number({ error: "请填写份数" })
      .int("份数应为整数")
      .min(1, "份数至少为1")
      .max(20, "份数不能超过20"),
    required: z.boolean({ error: "请选择是否必需" }),
    /** For a conditional material: when it is needed. */
    condition: optionalText("适用情形", 80),
    note: optionalText("材料说明", 80),
    blankFormAttachmentId: z.number().int().positive().nullable().default(null),
    sampleAttachmentId: z.number().int().positive().nullable().default(null),
  })
  .superRefine((m, ctx) => {
    if (!m.required && m.condition === "") {
      ctx.addIssue({ code: "custom", path: ["condition"], message: "非必需材料请写明适用情形" });
    }
  });
export type Material = z.output<typeof materialSchema>;

/** Only http and https: a javascript: or data: address must never become a link. */
export const onlineUrlSchema = z
  .string()
  .trim()
  .max(500, "网办入口地址不能超过500字")
  .refine((v) => {
    if (v === "") return true;
    try {
      const url = new URL(v);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "网办入口须为 http:// 或 https:// 开头的网址")
  .transform((v) => (v === "" ? null : v));

export const guideDataSchema = z
  .object({
    itemName: text("事项名称", 80),
    itemCode: text("事项编码", 60).regex(
      /^[0-9A-Za-z][0-9A-Za-z\-_.]*$/,
      "事项编码只能包含字母、数字、短横线、下划线和点",
    ),
    itemType: z.enum(ITEM_TYPES, { error: "请选择事项类型" }),
    legalBasis: lines("设定依据", 6),
    conditions: lines("受理条件", NOTICE_LIMITS.conditions),
    materials: z
      .array(materialSchema, { error: "请填写申请材料" })
      .min(1, "请至少填写一项申请材料")
      .max(
        NOTICE_LIMITS.materials,
        `申请材料不能超过${NOTICE_LIMITS.materials}项(一次性告知单须在一页A4纸内)`,
      ),
    steps: lines("办理流程", NOTICE_LIMITS.steps),
    /** 法定时限 and 承诺时限, in working days. */
    statutoryDays: workdays("法定时限"),
    promisedDays: workdays("承诺时限"),
    feeCharged: z.boolean({ error: "请选择是否收费" }),
    feeBasis: optionalText("收费依据", 200),
    feeStandard: optionalText("收费标准", 200),
    place: text("办理地点", 120),
    hours: text("办理时间", 120),
    inquiryPhone: phone("咨询电话"),
    complaintPhone: phone("监督电话"),
    resultName: text("结果名称", 80),
    delivery: text("送达方式", 120),
    onlineUrl: onlineUrlSchema.default(""),
    /** A demo guide (演示): marked on every page. */
    isDemo: z.boolean().default(false),
  })
  .superRefine((g, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    // 行政许可法第四十二条: the promise may shorten the statutory limit, never extend it.
    if (g.promisedDays > g.statutoryDays) issue("promisedDays", "承诺时限不能超过法定时限");
    if (g.feeCharged && (g.feeBasis === "" || g.feeStandard === "")) {
      issue(g.feeBasis === "" ? "feeBasis" : "feeStandard", "收费的事项请写明收费依据和标准");
    }
  });

export type ServiceGuideInput = z.input<typeof guideDataSchema>;
export type ServiceGuideData = z.output<typeof guideDataSchema>;

/** What creating a guide needs beyond its structured data. */
export const guideMetaSchema = z.object({
  catalogItemId: z.number().int().positive().nullable().default(null),
  unitId: z.number().int().positive().optional(),
  formedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "成文日期格式应为 YYYY-MM-DD"),
});
