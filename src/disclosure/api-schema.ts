// Inputs and outputs of the public read API (GET /api/v1/records…), for validation and OpenAPI.
import { z } from "zod";
import { GENRES } from "../records/genres";
import { VALIDITIES } from "../records/vocabulary";
import { MAX_ID } from "./urls";

const id = (message: string) =>
  z.coerce.number({ error: message }).int(message).positive(message).max(MAX_ID, message);

export const MAX_API_PAGE_SIZE = 100;

export const publicListQuerySchema = z.object({
  catalogItemId: id("目录事项编号有误").optional().describe("标准目录事项编号"),
  genre: z.enum(GENRES, { error: "体裁有误" }).optional().describe("体裁"),
  publisher: z.string().trim().min(1).max(100, "发布机构不能超过100字").optional(),
  topic: z.string().trim().min(1).max(100, "主题分类不能超过100字").optional(),
  year: z.coerce
    .number({ error: "年份有误" })
    .int("年份有误")
    .min(1900, "年份有误")
    .max(2199, "年份有误")
    .optional()
    .describe("发布日期所在年份"),
  validity: z.enum(VALIDITIES, { error: "有效性有误" }).optional(),
  page: z.coerce
    .number({ error: "页码有误" })
    .int("页码有误")
    .min(1, "页码有误")
    .max(100_000, "页码有误")
    .default(1),
  pageSize: z.coerce
    .number({ error: "每页条数有误" })
    .int("每页条数有误")
    .min(1, "每页条数应为1到100")
    .max(MAX_API_PAGE_SIZE, "每页条数应为1到100")
    .default(20),
});

export const publicIdParamsSchema = z.object({ id: id("信息编号有误") });

const text = z.string();
const nullableText = z.string().nullable();

const linkSchema = z.object({ id: z.number().int(), title: text, docNo: nullableText, url: text });

export const publicRecordSummarySchema = z.object({
  id: z.number().int(),
  indexNo: nullableText.describe("索引号"),
  title: text,
  docNo: nullableText.describe("文号"),
  publisher: text.describe("发布机构"),
  formedOn: text.describe("成文日期 YYYY-MM-DD"),
  publishedOn: nullableText.describe("发布日期 YYYY-MM-DD"),
  publishedAt: nullableText,
  updatedAt: text,
  topic: text.describe("主题分类"),
  genre: text.describe("体裁"),
  genreLabel: text,
  openness: text.describe("五公开类别"),
  validity: text.describe("有效性 inForce/expired/repealed"),
  validityLabel: text,
  validityChangedOn: nullableText,
  catalogItemId: z.number().int().nullable(),
  keywords: z.array(text),
  summary: text,
  url: text.describe("信息页面地址"),
});

export const publicRecordListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(publicRecordSummarySchema),
});

export const publicRecordDetailSchema = publicRecordSummarySchema.extend({
  bodyHtml: text.describe("正文 HTML(保存时已净化)"),
  catalogItem: z.object({ id: z.number().int(), item: text }).nullable(),
  repealedBy: linkSchema.nullable().describe("废止该文件的信息"),
  interprets: linkSchema.nullable().describe("本解读所解读的政策文件"),
  interpretations: z.array(linkSchema).describe("本文件的政策解读"),
  interpretationKind: nullableText,
  videoUrl: nullableText,
  attachments: z.array(
    z.object({
      id: z.number().int(),
      fileName: text,
      mediaType: text,
      size: z.number().int(),
      sha256: text,
      url: text,
    }),
  ),
});
