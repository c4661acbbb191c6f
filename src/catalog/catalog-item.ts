// One row of a 标准目录 (catalogItem): the eleven columns of the standard table, plus the
// provenance the shipped reference rows carry.
import { z } from "zod";
import { type DeadlineRule, deadlineRuleSchema } from "./deadline-rule";

/** A tick-box cell: ticked, not ticked, or "unverified" when the source could not show it. */
export type Flag = boolean | "unverified";

/** The columns of the standard table (序号 … 公开层级), in English per the glossary. */
export interface CatalogItem {
  /** 序号; null for candidate rows that have no place in the table yet. */
  seq: number | null;
  /** 一级事项 */
  category: string;
  /** 二级事项 */
  item: string;
  /** 公开内容(要素) */
  elements: string[];
  /** 公开依据 */
  legalBasis: string[];
  /** 公开时限: the text as written, and the machine rule (null when unknown or unparsed). */
  deadline: { text: string; rule: DeadlineRule | null };
  /** 公开主体 */
  responsibleUnit: string;
  /** 公开渠道和载体 */
  channels: string[];
  /** 公开对象: 全社会 / 特定群体 (the template asks for the group to be named). */
  audience: { wholeSociety: Flag; specificGroup: Flag; specificGroupName: string };
  /** 公开方式: 主动 / 依申请 */
  mode: { proactive: Flag; onApplication: Flag };
  /** 公开层级: 县级 / 乡级 (some items are disclosed at both levels). */
  level: { county: Flag; township: Flag };
}

/** How far a shipped row was checked against its sources. */
export type Verification = "verified" | "partial" | "unverified";

/** Fields of `CatalogItem` a shipped row may name as missing or unverified. */
export const CATALOG_FIELDS = [
  "seq",
  "category",
  "item",
  "elements",
  "legalBasis",
  "deadline",
  "responsibleUnit",
  "channels",
  "audience",
  "mode",
  "level",
] as const;
export type CatalogField = (typeof CATALOG_FIELDS)[number];

/** A catalog row as the project ships it: the standard columns plus where they came from. */
export interface ShippedCatalogItem extends CatalogItem {
  /** Stable key of the shipped row: "FD-01"…"FD-09", candidates "FD-C1"…. */
  code: string;
  verified: Verification;
  /** True for rows seen only as portal columns or guesses, not in any catalog table. */
  candidate: boolean;
  /** Fields left empty because no source gave a value (do not read them as "none"). */
  missingFields: CatalogField[];
  /** Fields that hold a value which was not checked against the national template. */
  unverifiedFields: CatalogField[];
  notes: string;
  /** Where this row was seen. */
  source: string[];
}

const flagSchema = z.union([z.boolean(), z.literal("unverified")]);
const text = z.string().trim().min(1);

export const catalogItemSchema = z
  .object({
    seq: z.number().int().min(1).nullable(),
    category: text,
    item: text,
    elements: z.array(text),
    legalBasis: z.array(text),
    deadline: z.object({ text: z.string(), rule: deadlineRuleSchema.nullable() }).strict(),
    responsibleUnit: z.string(),
    channels: z.array(text),
    audience: z
      .object({
        wholeSociety: flagSchema,
        specificGroup: flagSchema,
        specificGroupName: z.string(),
      })
      .strict(),
    mode: z.object({ proactive: flagSchema, onApplication: flagSchema }).strict(),
    level: z.object({ county: flagSchema, township: flagSchema }).strict(),
  })
  .strict() satisfies z.ZodType<CatalogItem>;

const fieldSchema = z.enum(CATALOG_FIELDS);

export const shippedCatalogItemSchema = catalogItemSchema
  .extend({
    code: z.string().regex(/^FD-(\d{2}|C\d+)$/),
    verified: z.enum(["verified", "partial", "unverified"]),
    candidate: z.boolean(),
    missingFields: z.array(fieldSchema),
    unverifiedFields: z.array(fieldSchema),
    notes: z.string(),
    source: z.array(text).min(1),
  })
  .strict() satisfies z.ZodType<ShippedCatalogItem>;

export const shippedCatalogSchema = z
  .object({
    source: z.array(text).min(1),
    title: text,
    domain: text,
    completeness: text,
    whichVersion: text,
    conversionNotes: z.array(text),
    items: z.array(shippedCatalogItemSchema).min(1),
  })
  .strict();

export type ShippedCatalog = z.infer<typeof shippedCatalogSchema>;
