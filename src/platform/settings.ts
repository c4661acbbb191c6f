import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { DB } from "../db/schema";

/** Site settings shown in the footer and used in 索引号; edited by 系统管理员 in the back office. */
export interface SiteSettings {
  siteName: string;
  hostOrganisation: string;
  contact: string;
  siteCode: string;
  icpNumber: string;
  policeRecordNumber: string;
  creditCode: string;
  indexNoPattern: string;
}

export const defaultSiteSettings: SiteSettings = {
  siteName: "县市场监督管理局政务公开",
  hostOrganisation: "县市场监督管理局",
  contact: "",
  siteCode: "",
  icpNumber: "",
  policeRecordNumber: "",
  creditCode: "",
  indexNoPattern: "{creditCode}/{year}-{serial:5}",
};

export const siteSettingLabels: Record<keyof SiteSettings, string> = {
  siteName: "站点名称",
  hostOrganisation: "主办单位",
  contact: "联系方式",
  siteCode: "网站标识码",
  icpNumber: "ICP备案号",
  policeRecordNumber: "公安备案号",
  creditCode: "统一社会信用代码",
  indexNoPattern: "索引号格式",
};

export const siteSettingsSchema = z.object({
  siteName: z.string().trim().min(1, "请填写站点名称").max(100, "站点名称不能超过100字"),
  hostOrganisation: z.string().trim().min(1, "请填写主办单位").max(100, "主办单位不能超过100字"),
  contact: z.string().trim().max(200, "联系方式不能超过200字"),
  siteCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{0,20}$/, "网站标识码应为不超过20位的数字或字母"),
  icpNumber: z.string().trim().max(50, "ICP备案号不能超过50字"),
  policeRecordNumber: z.string().trim().max(50, "公安备案号不能超过50字"),
  creditCode: z
    .string()
    .trim()
    .regex(
      /^([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})?$/,
      "统一社会信用代码应为18位(数字或大写字母,不含I、O、Z、S、V)",
    ),
  indexNoPattern: z
    .string()
    .trim()
    .min(1, "请填写索引号格式")
    .max(100, "索引号格式不能超过100字")
    .refine((p) => /\{serial(:\d)?\}/.test(p), "索引号格式必须包含 {serial} 或 {serial:N}"),
});

type Db = Kysely<DB> | Transaction<DB>;

export async function loadSiteSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.selectFrom("site_settings").select(["key", "value"]).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const merged = { ...defaultSiteSettings };
  for (const key of Object.keys(defaultSiteSettings) as (keyof SiteSettings)[]) {
    if (typeof stored[key] === "string") merged[key] = stored[key];
  }
  return merged;
}

export async function saveSiteSettings(db: Db, settings: SiteSettings): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await db
      .insertInto("site_settings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
      .execute();
  }
}
