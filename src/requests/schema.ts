// Inputs of 依申请公开: the application (public form, staff registration and API share one
// schema) with every message in Chinese. Cross-field rules run even when other fields fail, so a
// form shows every problem at once.
import { z } from "zod";
import { creditCodeProblem, emailProblem, phoneProblem, residentIdProblem } from "./identity";
import {
  APPLICANT_KINDS,
  APPLICATION_CHANNELS,
  DELIVERY_FORMS,
  DELIVERY_ROUTES,
  ID_TYPES,
} from "./labels";
import { isIsoDate } from "./periods";

/** Optional text: trimmed, "" and null become undefined; the key may be left out. */
export function optionalText(max: number, label: string) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}字`)
    .nullish()
    .transform((v) => v || undefined)
    .optional();
}

/** A real date written YYYY-MM-DD. */
export const isoDateSchema = z
  .string({ error: "请填写日期(YYYY-MM-DD)" })
  .trim()
  .refine(isIsoDate, "日期应为 YYYY-MM-DD 格式的真实日期");

const optionalDate = z
  .string({ error: "日期应为 YYYY-MM-DD 格式" })
  .trim()
  .nullish()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isIsoDate(v), "日期应为 YYYY-MM-DD 格式的真实日期");

const applicantSchema = z.object({
  kind: z.enum(APPLICANT_KINDS, { error: "请选择申请人类型" }),
  name: z
    .string({ error: "请填写申请人姓名或名称" })
    .trim()
    .min(1, "请填写申请人姓名或名称")
    .max(100, "姓名或名称不能超过100字"),
  idType: z.enum(ID_TYPES, { error: "请选择证件类型" }).optional(),
  idNumber: optionalText(30, "证件号码").transform((v) => v?.toUpperCase()),
  creditCode: optionalText(18, "统一社会信用代码").transform((v) => v?.toUpperCase()),
  legalRepresentative: optionalText(50, "法定代表人"),
  contactPerson: optionalText(50, "联系人"),
  phone: optionalText(20, "联系电话").transform((v) => v?.replace(/\s+/g, "")),
  email: optionalText(254, "电子邮箱"),
  address: optionalText(200, "通信地址"),
});

const requestedInfoSchema = z.object({
  name: optionalText(200, "信息名称"),
  docNo: optionalText(100, "文号"),
  description: optionalText(2000, "特征描述"),
});

const applicationFields = {
  applicant: applicantSchema,
  requestedInfo: requestedInfoSchema,
  deliveryForm: z.enum(DELIVERY_FORMS, { error: "请选择获取信息的方式" }),
  deliveryRoute: z.enum(DELIVERY_ROUTES, { error: "请选择获取信息的途径" }),
  wantsStatusMail: z.boolean({ error: "wantsStatusMail 应为 true 或 false" }).default(false),
};

type Issue = { path: (string | number)[]; message: string };
type Raw = {
  applicant?: Record<string, unknown>;
  requestedInfo?: Record<string, unknown>;
  deliveryForm?: unknown;
  deliveryRoute?: unknown;
};
const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/**
 * 条例第二十九条: who the applicant is and how to reach them, what is wanted, in what form.
 * `strict` (public filing): a natural person's ID and a phone number are required; staff may
 * register an incomplete letter and ask for a 补正 instead.
 */
function crossFieldIssues(raw: Raw, strict: boolean): Issue[] {
  const issues: Issue[] = [];
  const a = raw.applicant ?? {};
  const at = (field: string, message: string) =>
    issues.push({ path: ["applicant", field], message });
  const isPerson = a.kind === "natural_person";
  const idNumber = text(a.idNumber).toUpperCase();
  if (isPerson) {
    if (strict && !a.idType) at("idType", "请选择证件类型");
    if (strict && !idNumber) at("idNumber", "请填写证件号码");
    if (idNumber && a.idType === "resident_id") {
      const problem = residentIdProblem(idNumber);
      if (problem) at("idNumber", problem);
    } else if (idNumber && !/^[A-Z0-9-]{5,30}$/.test(idNumber)) {
      at("idNumber", "证件号码应为5至30位字母或数字");
    }
  } else if (a.kind) {
    const code = text(a.creditCode).toUpperCase();
    if (strict && !code) at("creditCode", "请填写统一社会信用代码");
    const problem = code ? creditCodeProblem(code) : null;
    if (problem) at("creditCode", problem);
    if (strict && !text(a.contactPerson)) at("contactPerson", "请填写联系人");
  }
  const phone = text(a.phone).replace(/\s+/g, "");
  if (strict && !phone) at("phone", "请填写联系电话");
  if (phone && phoneProblem(phone)) at("phone", phoneProblem(phone)!);
  const email = text(a.email);
  if (email && emailProblem(email)) at("email", emailProblem(email)!);
  if (!email && (raw.deliveryForm === "email" || raw.deliveryRoute === "email")) {
    at("email", "选择以电子邮件获取信息的,请填写电子邮箱");
  }
  if (!text(a.address) && raw.deliveryRoute === "post") at("address", "选择邮寄的,请填写通信地址");
  const info = raw.requestedInfo ?? {};
  if (!text(info.name) && !text(info.docNo) && !text(info.description)) {
    issues.push({
      path: ["requestedInfo", "description"],
      message: "请至少填写所需信息的名称、文号或特征描述中的一项",
    });
  }
  return issues;
}

function withCrossFieldRules<T extends z.ZodRawShape>(
  shape: T,
  strict: boolean | ((raw: Record<string, unknown>) => boolean),
) {
  return z.object(shape).superRefine(
    (value, ctx) => {
      const raw = value as Record<string, unknown>;
      const isStrict = typeof strict === "function" ? strict(raw) : strict;
      for (const issue of crossFieldIssues(raw as Raw, isStrict)) {
        ctx.addIssue({ code: "custom", ...issue });
      }
    },
    { when: () => true },
  );
}

/** A public online application (form or API). */
export const onlineApplicationSchema = withCrossFieldRules(applicationFields, true);
export type ApplicationInput = z.output<typeof onlineApplicationSchema>;

/**
 * An application registered by staff (条例第二十九条: 当面、信函、传真、口头): its channel and real
 * dates. `receivedOn` is 收到申请之日 (第三十一条); for 平常信函 and 传真 it may be left empty until
 * receipt is confirmed with the applicant.
 */
export const staffApplicationSchema = withCrossFieldRules(
  {
    ...applicationFields,
    channel: z.enum(APPLICATION_CHANNELS, { error: "请选择申请渠道" }),
    submittedOn: optionalDate,
    receivedOn: optionalDate,
  },
  false,
);
export type StaffApplicationInput = z.output<typeof staffApplicationSchema>;

/**
 * The body of `POST /api/v1/applications`: an online application (public rules: ID and phone
 * required), or with `channel` a staff registration (token of a 经办人).
 */
export const applicationApiBodySchema = withCrossFieldRules(
  {
    ...applicationFields,
    channel: z.enum(APPLICATION_CHANNELS, { error: "申请渠道无效" }).optional(),
    submittedOn: optionalDate,
    receivedOn: optionalDate,
  },
  (raw) => !raw.channel,
);
