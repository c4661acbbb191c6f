// Demo content (GONGKAI_DEMO, empty database): an upcoming 座谈会 open for first-come sign-up, a
// 听证会 whose seed was published and draw done, and a past 实地走访 with published minutes. Played
// through the real services at dated instants; every topic is marked 【演示】.
import { demoActor } from "../../platform/demo/story";
import type { Seeder } from "../../platform/seed";
import type { MeetingInput } from "./schema";
import {
  createMeeting,
  onlineParticipant,
  publishMeeting,
  publishResults,
  publishSeed,
  runDraw,
  type StaffActor,
  saveResults,
  signUp,
  signupKeys,
} from "./service";

const DAY = 86_400_000;

const people = [
  ["王建国", "13800000001", "城关镇居民"],
  ["李秀英", "13800000002", ""],
  ["张伟", "13800000003", "县个体劳动者协会"],
  ["刘芳", "13800000004", ""],
  ["陈明辉", "13800000005", "某食品有限公司"],
  ["杨丽", "13800000006", ""],
] as const;

export const meetingDemoSeeder: Seeder = {
  name: "demo:meetings",
  demo: true,
  async run(ctx) {
    const { config, now } = ctx;
    if (!config.secret) return;
    const keys = signupKeys(config.secret);
    const at = (days: number, hour = 0) => new Date(now.getTime() + days * DAY + hour * 3_600_000);
    const iso = (days: number, hour = 0) => at(days, hour).toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const staff = async (username: string): Promise<StaffActor> => {
        const actor = await demoActor(trx, username);
        if (actor.id === null) throw new Error(`demo account ${username} has no id`);
        return { ...actor, id: actor.id };
      };
      const editor = await staff("demo-editor");
      const reviewer = await staff("demo-reviewer");
      const announce = async (input: MeetingInput, draftedDays: number) => {
        const id = await createMeeting(trx, input, { actor: editor, now: at(draftedDays) });
        await publishMeeting(trx, id, { actor: reviewer, now: at(draftedDays, 2) });
        return id;
      };
      const signUpPeople = async (id: number, count: number, days: number, hearing = false) => {
        for (const [i, [name, phone, organisation]] of people.slice(0, count).entries()) {
          await signUp(
            trx,
            id,
            {
              name,
              phone,
              organisation,
              statement: hearing ? "建议分时段设置收费标准,并对低收入家庭给予减免。" : "",
            },
            { keys, now: at(days, i), actor: onlineParticipant("-") },
          );
        }
      };
      const common = {
        organiser: "【演示】县市场监督管理局",
        eligibility: "本县常住居民、企业和社会组织代表。",
        decisionId: null,
      };

      const symposium = await announce(
        {
          ...common,
          kind: "symposium",
          topic: "【演示】农贸市场食品安全管理办法(征求意见稿)座谈会",
          startsAt: iso(14, 1),
          endsAt: iso(14, 3),
          place: "县市场监管局三楼会议室",
          howToJoin: "网上报名,名额内按报名先后确定;参加者请携带身份证件按时到场。",
          signupOpensAt: iso(-2),
          signupClosesAt: iso(10),
          quota: 15,
          selection: "firstCome",
        },
        -3,
      );
      await signUpPeople(symposium, 2, -1);

      const hearing = await announce(
        {
          ...common,
          kind: "hearing",
          topic: "【演示】城区公共停车场收费标准调整听证会",
          startsAt: iso(5, 1),
          endsAt: iso(5, 4),
          place: "县政务服务中心二楼听证室",
          howToJoin: "网上报名;报名人数超过名额的,报名截止后公开抽签种子并随机抽取听证参加人。",
          signupOpensAt: iso(-20),
          signupClosesAt: iso(-10),
          quota: 3,
          selection: "randomDraw",
        },
        -21,
      );
      await signUpPeople(hearing, 6, -15, true);
      await publishSeed(trx, hearing, null, { actor: reviewer, now: at(-9) });
      await runDraw(trx, hearing, { actor: reviewer, now: at(-8) });

      const visit = await announce(
        {
          ...common,
          kind: "fieldVisit",
          topic: "【演示】校园周边食品经营户实地走访",
          startsAt: iso(-30, 1),
          endsAt: iso(-30, 5),
          place: "城关镇第一小学周边",
          howToJoin: "网上报名,名额内按报名先后确定,统一乘车前往。",
          signupOpensAt: iso(-45),
          signupClosesAt: iso(-32),
          quota: 10,
          selection: "firstCome",
        },
        -46,
      );
      await signUpPeople(visit, 3, -40);
      await saveResults(
        trx,
        visit,
        {
          minutesHtml:
            "<p>【演示】走访组一行查看了学校周边12家食品经营户,重点检查进货查验记录和临期食品管理。</p><ul><li>9家经营户台账齐全;</li><li>3家存在临期食品未单独存放问题,已现场责令整改。</li></ul>",
          outcome:
            "【演示】参加人员提出的“增加校园周边抽检频次”建议已采纳,列入下一年度抽检计划;“设立举报奖励”建议将在修订相关办法时研究。",
        },
        { actor: editor, now: at(-28) },
      );
      await publishResults(trx, visit, { actor: reviewer, now: at(-27) });
      ctx.logger.info("demo meetings seeded", { meetings: 3 });
    });
  },
};
