// Demo 留言 (GONGKAI_DEMO on, empty database only), replayed through the real services after the
// demo site and records: one waiting for 分办, one in hand, one reply waiting for review, an
// overdue 咨询 transferred once and 督办-ed, and an answered, consented and rated one answered
// in turn by a published 回应关切 record. Every subject is marked 演示; no real person's data.
import { todayInShanghai } from "../calendar/rules";
import { loadWorkCalendar } from "../calendar/store";
import { personalDataKey } from "../platform/crypto";
import { proactiveReview, type RecordPlan, recordSteps } from "../platform/demo/record-steps";
import {
  atShanghai,
  demoActor,
  playInOrder,
  type StoryStep,
  workdaysBefore,
} from "../platform/demo/story";
import type { Seeder } from "../platform/seed";
import type { RecordActor } from "../records/service";
import { addConcernLink } from "./concerns";
import { rateMessage } from "./public";
import type { MessageInput } from "./schema";
import { actOnMessage, type MessageActor, onlineAsker, submitMessage } from "./service";

const MARK = "(演示)";

const input = (
  category: MessageInput["category"],
  subject: string,
  body: string,
  consent: boolean,
): MessageInput => ({
  category,
  subject: `${MARK}${subject}`,
  body: `${body}(演示数据)`,
  name: "演示留言人",
  phone: "13800000000",
  consentPublic: consent,
});

export const messageDemoSeeder: Seeder = {
  name: "demo:messages",
  demo: true,
  async run(ctx) {
    if (!ctx.config.secret) return;
    const keys = { personal: personalDataKey(ctx.config.secret), secret: ctx.config.secret };
    await ctx.db.transaction().execute(async (trx) => {
      const calendar = await loadWorkCalendar(trx);
      const today = todayInShanghai(ctx.now);
      const day = (n: number) => workdaysBefore(calendar, today, n);
      const units = new Map(
        (await trx.selectFrom("units").select(["id", "name"]).execute()).map((u) => [u.name, u.id]),
      );
      const unit = (name: string) => units.get(name)!;
      const staff = async (username: string): Promise<MessageActor & RecordActor> => {
        const a = await demoActor(trx, username);
        return { ...a, id: a.id!, unitId: a.unitId! };
      };
      const editor = await staff("demo-editor");
      const reviewer = await staff("demo-reviewer");
      const office = await staff("demo-approver");
      const asker = onlineAsker("-");
      const steps: StoryStep[] = [];
      const file = async (when: Date, m: MessageInput) =>
        submitMessage(trx, m, asker, { keys, now: when });
      const act = (
        id: number,
        when: Date,
        action: Parameters<typeof actOnMessage>[2],
        actor: typeof office,
      ) => actOnMessage(trx, id, action, actor, when);

      // Answered, consented, rated, and answered again by a 回应关切 record.
      const answeredOn = day(12);
      let answeredId = 0;
      steps.push({
        at: atShanghai(answeredOn, "09:00"),
        run: async () => {
          const filed = await file(
            atShanghai(answeredOn, "09:00"),
            input(
              "inquiry",
              "小作坊登记证到期后如何延续",
              "我家食品小作坊登记证下月到期,请问延续要准备什么材料,去哪里办理?",
              true,
            ),
          );
          answeredId = filed.id;
          await act(
            filed.id,
            atShanghai(answeredOn, "10:00"),
            { type: "assign", unitId: unit("办公室") },
            office,
          );
          const replyOn = calendar.addWorkdays(answeredOn, 2);
          await act(
            filed.id,
            atShanghai(replyOn, "09:30"),
            {
              type: "submit",
              replyText:
                "您好!食品小作坊登记证有效期届满前30日内,可携带营业执照和从业人员健康证明到县政务服务中心市场监管窗口申请延续。\n感谢您的留言。",
            },
            editor,
          );
          await act(filed.id, atShanghai(replyOn, "15:00"), { type: "approve" }, office);
          await rateMessage(
            trx,
            { number: filed.messageNo, code: filed.queryCode, clientIp: "-" },
            { rating: "satisfied", comment: "答复清楚(演示)" },
            keys.secret,
            atShanghai(calendar.addWorkdays(replyOn, 1), "20:00"),
          );
        },
      });

      // Overdue 咨询: assigned, transferred once, then 督办 by the office.
      const overdueOn = day(9);
      steps.push({
        at: atShanghai(overdueOn, "11:00"),
        run: async () => {
          const { id } = await file(
            atShanghai(overdueOn, "11:00"),
            input(
              "inquiry",
              "网购食品标签不全是否合规",
              "网上买的散装食品没有生产日期标签,这种情况是否符合规定?",
              false,
            ),
          );
          await act(
            id,
            atShanghai(overdueOn, "14:00"),
            { type: "assign", unitId: unit("法规股") },
            office,
          );
          await act(
            id,
            atShanghai(calendar.addWorkdays(overdueOn, 1), "10:00"),
            {
              type: "transfer",
              unitId: unit("办公室"),
              reason: "涉及食品经营日常监管,转办公室协调答复(演示)",
            },
            office,
          );
          await act(
            id,
            atShanghai(day(2), "09:00"),
            { type: "supervise", note: "已超过答复期限,请两个工作日内答复(演示)" },
            office,
          );
        },
      });

      // In review, in hand, and waiting for 分办.
      const recent = day(2);
      steps.push({
        at: atShanghai(recent, "10:00"),
        run: async () => {
          const review = await file(
            atShanghai(recent, "10:00"),
            input(
              "suggestion",
              "建议公开抽检不合格食品的处置结果",
              "建议在网站上同时公开抽检不合格食品的后续处置结果。",
              true,
            ),
          );
          await act(
            review.id,
            atShanghai(recent, "11:00"),
            { type: "assign", unitId: unit("办公室") },
            office,
          );
          await act(
            review.id,
            atShanghai(day(1), "10:00"),
            {
              type: "submit",
              replyText: "感谢您的建议,我局将在抽检信息公告中同步公开核查处置情况。",
            },
            editor,
          );
          const inHand = await file(
            atShanghai(recent, "15:00"),
            input("complaint", "超市销售过期酸奶", "城关镇某超市货架上有过期酸奶。", false),
          );
          await act(
            inHand.id,
            atShanghai(recent, "16:00"),
            { type: "assign", unitId: unit("办公室") },
            office,
          );
          await file(
            atShanghai(today, "08:30"),
            input(
              "inquiry",
              "餐饮店如何申请“明厨亮灶”",
              "新开的餐馆想参加明厨亮灶,需要怎么申请?",
              true,
            ),
          );
        },
      });

      // The 回应关切 record, published through the records workflow, then linked to the message.
      const recordIds = new Map<string, number>();
      // Drafted and published at the first start itself, so the audit log stays in time order
      // after the demo records (whose history ends shortly before the first start).
      const responseOn = day(1);
      const at = (minutes: number) => new Date(ctx.now.getTime() + minutes * 60_000);
      const plan: RecordPlan = {
        key: "concern-response",
        input: () => ({
          title: `${MARK}关于食品小作坊登记证延续有关问题的回应`,
          unitId: unit("办公室"),
          formedOn: responseOn,
          topic: "食品安全",
          genre: "concernResponse",
          openness: "service",
          keywords: "小作坊,登记证,延续",
          bodyHtml:
            "<p>近期有群众通过网站留言咨询食品小作坊登记证延续事宜。现将办理要求说明如下:登记证有效期届满前30日内提出延续申请,携带营业执照和从业人员健康证明到县政务服务中心市场监管窗口办理。</p><p>(演示数据)</p>",
        }),
        drafted: at(1),
        submitted: at(2),
        approved: at(3),
        signed: at(4),
        review: proactiveReview,
      };
      steps.push(...recordSteps(trx, { editor, reviewer, approver: office }, plan, recordIds));
      steps.push({
        at: at(5),
        run: () =>
          addConcernLink(
            trx,
            recordIds.get("concern-response")!,
            { kind: "message", target: String(answeredId) },
            editor,
            at(5),
          ),
      });
      await playInOrder(steps);
    });
  },
};
