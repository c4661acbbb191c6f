// Demo 办事服务 (GONGKAI_DEMO, empty database only): the five demo guides drafted by the demo
// 信息员 and published through the records workflow (送审 → 审核 → 签发), and one demo case.
import type { Transaction } from "kysely";
import { todayInShanghai } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import type { DB } from "../db/schema";
import { demoActor, workdaysBefore } from "../platform/demo/story";
import type { Seeder } from "../platform/seed";
import { type RecordActor, transitionRecord } from "../records/service";
import type { ReviewForm } from "../records/workflow";
import { caseKeys, upsertServiceCase } from "./case-service";
import { DEMO_GUIDE_CODES, demoGuides } from "./demo-guides";
import type { ServiceGuideInput } from "./guide-schema";
import { createGuide, type GuideMeta } from "./guide-service";

/** 保密审查 of a service guide: nothing secret or personal, 主动公开 (条例第二十条第八项). */
const guideReview: ReviewForm = {
  isClassified: false,
  involvesPrivacyOrTradeSecret: false,
  disclosureAttribute: "proactive",
  legalReason: "",
};

/** When each step happens: drafted and submitted, then approved, then signed. */
export interface GuideStory {
  drafted: Date;
  approved: Date;
  signed: Date;
}

/** Drafts a guide and takes it through 送审, 审核 and 签发; returns its record id. */
export async function publishGuide(
  trx: Transaction<DB>,
  input: ServiceGuideInput,
  meta: GuideMeta,
  cast: { editor: RecordActor; reviewer: RecordActor; approver: RecordActor },
  at: Date | GuideStory,
): Promise<number> {
  const story = at instanceof Date ? { drafted: at, approved: at, signed: at } : at;
  const guide = await createGuide(trx, input, meta, cast.editor, story.drafted);
  await transitionRecord(trx, guide.id, { action: "submit" }, cast.editor, story.drafted);
  const approve = { action: "approve" as const, review: guideReview };
  await transitionRecord(trx, guide.id, approve, cast.reviewer, story.approved);
  await transitionRecord(trx, guide.id, { action: "sign" }, cast.approver, story.signed);
  return guide.id;
}

/**
 * The demo guides' dates: formed two working days before the first start and published at it,
 * after the rest of the demo story, so the audit log stays in time order.
 */
function demoStoryAt(now: Date, index: number): GuideStory {
  const minutes = (n: number) => new Date(now.getTime() + (index * 3 + n) * 60_000);
  return { drafted: minutes(0), approved: minutes(1), signed: minutes(2) };
}

export const demoServicesSeeder: Seeder = {
  name: "demo:services",
  demo: true,
  async run(ctx) {
    const { now, config } = ctx;
    await ctx.db.transaction().execute(async (trx) => {
      const cast = {
        editor: await demoActor(trx, "demo-editor"),
        reviewer: await demoActor(trx, "demo-reviewer"),
        approver: await demoActor(trx, "demo-approver"),
      };
      const catalog = new Map(
        (
          await trx
            .selectFrom("catalog_items")
            .select(["id", "code"])
            .where("is_active", "=", 1)
            .execute()
        ).map((i) => [i.code, i.id]),
      );
      const calendar = await loadWorkCalendar(trx);
      const formedOn = workdaysBefore(calendar, todayInShanghai(now), 2);
      for (const [index, guide] of demoGuides.entries()) {
        const catalogItemId = guide.catalogCode ? (catalog.get(guide.catalogCode) ?? null) : null;
        const meta = { catalogItemId, formedOn };
        await publishGuide(trx, guide.input, meta, cast, demoStoryAt(now, index));
      }
      if (config.secret) {
        const today = todayInShanghai(now);
        await upsertServiceCase(
          trx,
          "DEMO-2025-0001",
          {
            itemCode: DEMO_GUIDE_CODES.foodBusiness,
            applicantName: "演示餐饮店",
            steps: [{ step: "accept", on: today }],
          },
          {
            keys: caseKeys(config.secret),
            actor: cast.editor,
            now: demoStoryAt(now, demoGuides.length).drafted,
            source: "import",
          },
        );
      }
    });
    ctx.logger.info("demo services seeded", { guides: demoGuides.length });
    if (config.secret) {
      ctx.announce(
        "已载入演示办件 DEMO-2025-0001(申请人“演示餐饮店”),可在“办事服务”页面查询进度。",
      );
    }
  },
};
