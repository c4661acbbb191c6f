// Demo content of 公众参与 (GONGKAI_DEMO on, fresh database only, after the demo accounts exist):
// a decision catalog for the current year, one open consultation with two published comments,
// one closed awaiting its feedback and one closed with feedback. Everything is marked 演示 and
// goes through the real services at dated instants, so audit entries read in time order.
import { addCalendarDays, type IsoDate, todayInShanghai } from "../calendar/rules";
import { personalDataKey } from "../platform/crypto";
import { DEMO_MARK } from "../platform/demo/record-bodies";
import { atShanghai, demoActor, playInOrder, type StoryStep } from "../platform/demo/story";
import type { Seeder } from "../platform/seed";
import { saveDecisionItem } from "./decisions";
import { answerComment, createGroup, publishFeedback } from "./feedback";
import type { ParticipationActor } from "./policy";
import { consultationInputSchema } from "./schema";
import {
  moderateComment,
  openConsultation,
  publicCommenter,
  saveConsultation,
  submitComment,
} from "./service";
import { saveAnswerTemplate } from "./templates";

const DRAFT = [
  "县市场监督管理局食品小作坊登记管理办法(征求意见稿)(演示)",
  "第一章 总则",
  "第一条 为了规范食品小作坊登记管理,保障食品安全,制定本办法。",
  "第二条 本办法适用于本县行政区域内食品小作坊的登记及其监督管理。",
  "第二章 登记",
  "第三条 食品小作坊应当在从事生产活动前申请登记。",
  "第四条 登记机关应当自受理之日起10个工作日内作出决定。",
  "第三章 附则",
  "第五条 本办法自发布之日起施行。",
].join("\n");

export const participationDemoSeeder: Seeder = {
  name: "demo:participation",
  demo: true,
  async run(ctx) {
    const today = todayInShanghai(ctx.now);
    const day = (n: number): IsoDate => addCalendarDays(today, n);
    const at = (n: number, time = "10:00") => atShanghai(day(n), time);
    // Demo comments carry no personal data, so the key is never used without a secret.
    const key = ctx.config.secret ? personalDataKey(ctx.config.secret) : Buffer.alloc(32);
    await ctx.db.transaction().execute(async (trx) => {
      const editor = (await demoActor(trx, "demo-editor")) as ParticipationActor;
      const reviewer = (await demoActor(trx, "demo-reviewer")) as ParticipationActor;
      const unitId = editor.unitId;
      const year = Number(today.slice(0, 4));
      const save = (opens: number, closes: number, extra: Record<string, string>) => {
        const input = consultationInputSchema.parse({
          unitId: String(unitId),
          draftText: DRAFT,
          explanationHtml: `<p>为规范食品小作坊登记管理,起草了本办法。${DEMO_MARK}</p>`,
          opensOn: day(opens),
          closesOn: day(closes),
          contactPhone: "0398-0000000(演示)",
          contactAddress: "渑池县城关镇示例路1号(演示地址)",
          ...extra,
        });
        return saveConsultation(trx, null, input, { actor: editor, now: at(opens - 1) });
      };
      // Each action is a dated step, replayed in time order so the audit log reads in order.
      const ids = new Map<string, number>();
      const id = (name: string) => ids.get(name)!;
      const steps: StoryStep[] = [];
      const step = (n: number, time: string, run: () => Promise<unknown>) =>
        steps.push({ at: at(n, time), run: async () => void (await run()) });
      const consultation = (
        name: string,
        opens: number,
        closes: number,
        extra: () => Record<string, string>,
      ) => {
        step(opens - 1, "10:00", async () => ids.set(name, await save(opens, closes, extra())));
        step(opens - 1, "15:00", () =>
          openConsultation(trx, id(name), { actor: reviewer, now: at(opens - 1, "15:00") }),
        );
      };
      const comment = (
        name: string,
        ref: string,
        n: number,
        articleNo: number | null,
        body: string,
      ) => {
        step(n, "09:00", async () =>
          ids.set(
            ref,
            await submitComment(
              trx,
              id(name),
              { articleNo, body: `${body}${DEMO_MARK}`, name: "", showName: false, contact: "" },
              { actor: publicCommenter("-"), now: at(n, "09:00"), key },
            ),
          ),
        );
        step(n, "16:00", () =>
          moderateComment(
            trx,
            id(ref),
            { action: "publish" },
            { actor: editor, now: at(n, "16:00") },
          ),
        );
      };

      step(-95, "09:00", async () =>
        ids.set(
          "decision",
          await saveDecisionItem(
            trx,
            null,
            {
              year,
              title: `食品小作坊登记管理办法制定(演示)`,
              unitId,
              isMajor: true,
              note: "",
              stages: [
                { method: "publicComment", status: "planned", on: day(-10) },
                { method: "expertReview", status: "done", on: day(-20) },
                { method: "legalityReview", status: "planned", on: null },
                { method: "collectiveDecision", status: "planned", on: null },
              ],
            },
            { actor: editor, now: at(-95, "09:00") },
          ),
        ),
      );
      step(-95, "09:30", () =>
        saveDecisionItem(
          trx,
          null,
          {
            year,
            title: `城区农贸市场升级改造实施方案(演示)`,
            unitId,
            isMajor: false,
            note: "",
            stages: [
              { method: "symposium", status: "done", on: day(-40) },
              { method: "fieldVisit", status: "done", on: day(-35) },
            ],
          },
          { actor: editor, now: at(-95, "09:30") },
        ),
      );

      consultation("open", -10, 21, () => ({
        title: "食品小作坊登记管理办法(征求意见稿)(演示)",
        decisionItemId: String(id("decision")),
      }));
      comment("open", "o1", -8, 4, "建议将办结时限缩短为7个工作日。");
      comment("open", "o2", -5, null, "建议同步公布登记所需材料清单。");

      consultation("waiting", -50, -15, () => ({
        title: "食品安全宣传周活动方案(征求意见稿)(演示)",
      }));
      comment("waiting", "w1", -40, 1, "建议增加进社区宣传场次。");

      consultation("done", -90, -50, () => ({
        title: "食品经营许可现场核查工作规程(征求意见稿)(演示)",
      }));
      comment("done", "d1", -80, 3, "建议明确现场核查的时限。");
      comment("done", "d2", -70, 2, "建议把网络销售纳入适用范围。");
      step(-49, "09:00", async () =>
        ids.set(
          "template",
          await saveAnswerTemplate(
            trx,
            null,
            {
              title: "超出本规程调整范围(演示)",
              disposition: "notAdopted",
              body: "该事项由其他规定调整,不纳入本规程。",
            },
            { actor: editor, now: at(-49, "09:00") },
          ),
        ),
      );
      step(-49, "10:00", () =>
        answerComment(
          trx,
          id("d1"),
          {
            disposition: "adopted",
            reason: "已在第三条增加“5个工作日内完成现场核查”。",
            groupId: null,
          },
          { actor: editor, now: at(-49, "10:00") },
        ),
      );
      step(-49, "11:00", () =>
        createGroup(
          trx,
          id("done"),
          {
            title: "适用范围",
            disposition: "notAdopted",
            reason: "",
            templateId: id("template"),
            commentIds: [id("d2")],
          },
          { actor: editor, now: at(-49, "11:00") },
        ),
      );
      step(-45, "10:00", () =>
        publishFeedback(
          trx,
          id("done"),
          { summary: `感谢社会各界的参与。${DEMO_MARK}`, correctionReason: "" },
          { actor: reviewer, now: at(-45, "10:00") },
        ),
      );
      await playInOrder(steps);
      ctx.logger.info("demo participation seeded", { consultations: 3 });
    });
  },
};
