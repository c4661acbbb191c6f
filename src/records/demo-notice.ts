// The demo site's first record: 渑池县市场监督管理局 渑市监文〔2020〕53号, the plan Gongkai implements.
// Government documents are not protected by copyright (著作权法第五条), so the full text ships.
import { z } from "zod";
import data from "./data/demo-notice.json" with { type: "json" };
import { normalizeDocNo } from "./index-no";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const demoNoticeSchema = z
  .object({
    source: z.array(z.string().min(1)).min(1),
    title: z.string().min(1),
    /** 文号, in canonical 〔〕 form. */
    docNo: z.string().refine((v) => normalizeDocNo(v) === v, {
      message: "文号应为规范写法,如 渑市监文〔2020〕53号",
    }),
    /** 成文日期 */
    formedOn: isoDate,
    /** 发布机构 */
    publisher: z.string().min(1),
    /** 主送机关 */
    addressee: z.string().min(1),
    /** 体裁 */
    genre: z.string().min(1),
    /** The original's own typos, kept in the body for the proofreading demo. */
    knownTypos: z.array(
      z.object({ found: z.string().min(1), suggestion: z.string().min(1) }).strict(),
    ),
    /** The body line by line as issued: 主送, text, signature, date, then the attached plan. */
    paragraphs: z.array(z.string().min(1)).min(1),
  })
  .strict();

export type DemoNotice = z.infer<typeof demoNoticeSchema>;

/** The demo notice, validated on load. */
export const demoNotice: DemoNotice = demoNoticeSchema.parse(data);

/** The body as one text, paragraphs separated by line breaks (what the proofreader checks). */
export function demoNoticeBody(notice: DemoNotice = demoNotice): string {
  return notice.paragraphs.join("\n");
}
