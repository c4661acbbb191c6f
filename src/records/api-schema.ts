// Response shapes of the records API, for the OpenAPI document (the handlers return RecordDetail).
import { z } from "zod";
import { DISCLOSURE_ATTRIBUTES, RECORD_STATES } from "./vocabulary";

const text = z.string();
const nullableText = z.string().nullable();
const nullableId = z.number().int().nullable();

export const recordResponseSchema = z.object({
  id: z.number().int(),
  indexNo: nullableText.describe("索引号,首次发布时生成"),
  title: text,
  docNo: nullableText,
  publisher: text,
  unitId: z.number().int(),
  formedOn: text.describe("成文日期 YYYY-MM-DD"),
  publishedOn: nullableText,
  publishedAt: nullableText,
  scheduledAt: nullableText,
  topic: text,
  genre: text,
  openness: text,
  validity: text,
  validityChangedOn: nullableText,
  repealedByRecordId: nullableId,
  keywords: z.array(text),
  catalogItemId: nullableId,
  catalogItemVersion: nullableId,
  summary: text,
  bodyHtml: text.describe("已净化的正文 HTML"),
  bodyText: text,
  state: z.enum(RECORD_STATES),
  needsInterpretation: z.boolean(),
  interpretsRecordId: nullableId,
  interpretationKind: nullableText,
  videoUrl: nullableText,
  dueOn: nullableText.describe("应公开日期"),
  publishedLate: z.boolean(),
  review: z
    .object({
      isClassified: z.boolean(),
      involvesPrivacyOrTradeSecret: z.boolean(),
      disclosureAttribute: z.enum(DISCLOSURE_ATTRIBUTES),
      legalReason: text,
      reviewedBy: nullableId,
      reviewedAt: text,
    })
    .nullable(),
  createdBy: z.number().int(),
  createdAt: text,
  updatedAt: text,
  version: z.number().int(),
  withdrawnAt: nullableText,
  withdrawReason: nullableText,
});

export const dismissalResponseSchema = z.object({
  found: text,
  position: z.number().int(),
  reason: text,
  dismissedBy: nullableId,
  dismissedAt: text,
});
